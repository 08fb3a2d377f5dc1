import { useTranslation } from 'react-i18next';
import { formatCi, formatRatio } from '../../../analysis/privacy/count-format';
import type { ProgramEvaluation } from '../../../state/program-evaluation';

/** The DiD event study by year since launch, folded (nothing when the DiD has none). */
export function EventStudyCard({ evaluation }: { evaluation: ProgramEvaluation }) {
  const { t } = useTranslation('programs');
  if (!evaluation.did?.ok || !evaluation.did.value.eventStudy) return null;
  return (
    <details className="small" data-testid="program-event-study">
      <summary>{t('eventStudy')}</summary>
      <table className="estimates">
        <tbody>
          {evaluation.did.value.eventStudy.years.map((y) => (
            <tr key={y.year}>
              <th scope="row">
                {y.year < 0 ? t('yearsBefore', { years: -y.year }) : t('yearAfter', { year: y.year })}
              </th>
              <td>
                {y.reference ? (
                  t('reference')
                ) : (
                  <>
                    {formatRatio(y.irr)}{' '}
                    <span className="muted">{formatCi(y.interval.lower, y.interval.upper)}</span>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
