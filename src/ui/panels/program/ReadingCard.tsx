import { useTranslation } from 'react-i18next';
import type { EvaluationReading, TrustStatus } from '../../../analysis/evaluation/evaluation-reading';
import { useMessage } from '../../i18n/use-message';
import { Terms } from './Terms';

const MARK: Record<TrustStatus, string> = { trust: '✓', caution: '⚠', distrust: '✗', 'not-run': '–' };

/** The computed reading of an evaluation: the verdict, which design to trust and why, and each design in a line. */
export function ReadingCard({ reading }: { reading: EvaluationReading }) {
  const { t } = useTranslation('programs');
  const write = useMessage();
  return (
    <section className="reading" data-testid="evaluation-reading" data-preferred={reading.preferred ?? ''}>
      <h3 className="small">{t('whatThisSays')}</h3>
      <p className="reading-headline" data-testid="evaluation-reading-headline">
        <Terms text={write(reading.headline)} />
      </p>
      <p className="small">
        <Terms text={write(reading.trust)} />
      </p>
      {reading.disagreement && (
        <p className="small" data-testid="evaluation-reading-disagreement">
          <Terms text={write(reading.disagreement)} />
        </p>
      )}
      <details className="small">
        <summary>{t('eachDesign')}</summary>
        <ul className="reading-designs">
          {reading.designs.map((d) => (
            <li key={d.design} className={`design ${d.status}`} data-status={d.status}>
              <span className="mark" title={t(`status.${d.status}`)}>
                {MARK[d.status]}
              </span>{' '}
              <strong>
                <Terms text={write(d.name)} />
              </strong>{' '}
              <span className="muted">({t(`status.${d.status}`)})</span>
              {d.estimate && (
                <>
                  : <Terms text={write(d.estimate)} />
                </>
              )}
              {d.reasons.length > 0 && (
                <div className="muted">
                  <Terms text={d.reasons.map(write).join(' ')} />
                </div>
              )}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
