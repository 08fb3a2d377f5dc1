import type { EvaluationReading, TrustStatus } from '../../../analysis/evaluation/evaluation-reading';
import { Terms } from './Terms';

const STATUS: Record<TrustStatus, { mark: string; label: string }> = {
  trust: { mark: '✓', label: 'trust' },
  caution: { mark: '⚠', label: 'with caution' },
  distrust: { mark: '✗', label: 'set aside' },
  'not-run': { mark: '–', label: 'not computed' },
};

/** The computed reading of an evaluation: the verdict, which design to trust and why, and each design in a line. */
export function ReadingCard({ reading }: { reading: EvaluationReading }) {
  return (
    <section className="reading" data-testid="evaluation-reading" data-preferred={reading.preferred ?? ''}>
      <h3 className="small">What this says</h3>
      <p className="reading-headline" data-testid="evaluation-reading-headline">
        <Terms text={reading.headline} />
      </p>
      <p className="small">
        <Terms text={reading.trust} />
      </p>
      {reading.disagreement && (
        <p className="small" data-testid="evaluation-reading-disagreement">
          <Terms text={reading.disagreement} />
        </p>
      )}
      <details className="small">
        <summary>Each design, and why</summary>
        <ul className="reading-designs">
          {reading.designs.map((d) => (
            <li key={d.design} className={`design ${d.status}`} data-status={d.status}>
              <span className="mark" title={STATUS[d.status].label}>
                {STATUS[d.status].mark}
              </span>{' '}
              <strong>
                <Terms text={d.name} />
              </strong>{' '}
              <span className="muted">({STATUS[d.status].label})</span>
              {d.estimate && (
                <>
                  : <Terms text={d.estimate} />
                </>
              )}
              {d.reasons.length > 0 && (
                <div className="muted">
                  <Terms text={d.reasons.join(' ')} />
                </div>
              )}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
