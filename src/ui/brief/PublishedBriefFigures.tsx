/** The brief's key figures in publish mode: only the published figures of {@link publishedBrief}. */
import { useTranslation } from 'react-i18next';
import { formatCount, formatDecimal } from '../../analysis/privacy/count-format';
import type { PublishedBrief } from './published-brief';

export function PublishedBriefFigures({
  brief,
  unit,
}: {
  brief: PublishedBrief;
  unit: 'incidents' | 'victims';
}) {
  const { t } = useTranslation('brief');
  const rate = (v: number | null) =>
    !brief.hasPopulation ? t('noPopulation') : v === null ? t('withheld') : formatDecimal(v, 1);
  const comparison = brief.comparison;
  return (
    <dl data-testid="brief-figures">
      <dt>{t('count', { unit: t(`common:${unit}Title`) })}</dt>
      <dd data-testid="brief-count">{brief.count}</dd>
      {brief.fatal !== null && (
        <>
          <dt>{t(unit === 'incidents' ? 'fatalIncidents' : 'victimsKilledPublished')}</dt>
          <dd data-testid="brief-fatal">{brief.fatal}</dd>
        </>
      )}
      <dt>{t('rate')}</dt>
      <dd data-testid="brief-rate">{rate(brief.rate)}</dd>
      {brief.city && (
        <>
          <dt>{t('city')}</dt>
          <dd data-testid="brief-city">
            {brief.city.count} · {rate(brief.city.rate)}
          </dd>
          <dt>{t('share')}</dt>
          <dd data-testid="brief-share">
            {brief.share === null ? t('withheld') : `${formatDecimal(brief.share * 100, 1)}%`}
          </dd>
        </>
      )}
      {comparison && (
        <>
          <dt>{comparison.label || t('yearOnYear')}</dt>
          <dd data-testid="brief-ratio">{comparison.text ?? t(`comparison.${comparison.reason}`)}</dd>
        </>
      )}
      {brief.population !== null && (
        <>
          <dt>{t('population')}</dt>
          <dd>{formatCount(Math.round(brief.population))}</dd>
        </>
      )}
    </dl>
  );
}
