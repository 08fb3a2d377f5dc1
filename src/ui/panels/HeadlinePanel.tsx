/** Headline counts of the current selection, announced to screen readers when they change. */
import { formatCount } from '../../analysis/privacy/count-format';
import type { DashboardData } from '../use-dashboard';

export function HeadlinePanel({
  headline,
  range,
  pending,
}: {
  headline: DashboardData['headline'];
  range: string;
  pending: boolean;
}) {
  return (
    <section className="headline" aria-label="Selection totals">
      <div
        role="status"
        aria-live="polite"
        aria-busy={pending}
        className={pending ? 'updating' : undefined}
        data-testid="headline"
        data-pending={pending ? 'true' : 'false'}
      >
        {headline ? (
          <>
            <div className="stat">
              <span className="value" data-testid="incidents">
                {formatCount(headline.incidents)}
              </span>
              <span className="label">incidents</span>
            </div>
            <div className="stat">
              <span className="value" data-testid="victims">
                {formatCount(headline.victims)}
              </span>
              <span className="label">victims</span>
            </div>
            <div className="stat">
              <span className="value" data-testid="fatal">
                {formatCount(headline.fatalVictims)}
              </span>
              <span className="label">killed</span>
            </div>
            <div className="range muted">{range}</div>
          </>
        ) : (
          <span className="muted">Counting…</span>
        )}
      </div>
    </section>
  );
}
