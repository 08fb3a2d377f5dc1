/** Headline counts of the current selection, announced to screen readers when they change. */
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('headline');
  return (
    <section className="headline" aria-label={t('label')}>
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
            <Stat id="incidents" value={headline.incidents} label={t('incidents')} />
            <Stat id="victims" value={headline.victims} label={t('victims')} />
            <Stat id="fatal" value={headline.fatalVictims} label={t('killed')} />
            <div className="range muted">{range}</div>
          </>
        ) : (
          <span className="muted">{t('counting')}</span>
        )}
      </div>
    </section>
  );
}

function Stat({ id, value, label }: { id: string; value: number; label: string }) {
  return (
    <div className="stat">
      <span className="value" data-testid={id}>
        {formatCount(value)}
      </span>
      <span className="label">{label}</span>
    </div>
  );
}
