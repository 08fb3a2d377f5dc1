/**
 * The headline and the city's months in publish mode, read from the published tables: totals of the areas
 * for the chosen year (or all published years), fatal counts, and each month of the city — hidden months
 * drawn as hatched placeholders and listed as "<k" or "suppressed" in the text alternative.
 */
import { useTranslation } from 'react-i18next';
import { formatPublishedCount } from '../../../analysis/privacy/count-format';
import type { PublishedData } from '../../../state/published-data';

/** Why the analysis panels are not shown in publish mode (a key of the `council` catalogue). */
export const PUBLISH_OFF_NOTE = 'council:publishOffNote';

export function PublishedHeadline({
  published,
  year,
  unit,
}: {
  published: PublishedData;
  year: string | null;
  unit: 'incidents' | 'victims';
}) {
  const { t: tr } = useTranslation('council');
  const { tables, years } = published;
  const t = tables.areaYear;
  const y = year ? years.indexOf(year) : -1;
  const count = y >= 0 ? t.periodTotals[y]! : t.grandTotal;
  const countStatus = y >= 0 ? t.periodTotalStatus[y]! : 'shown';
  const fatal = tables.fatal;
  const fatalValue = y >= 0 ? published.input.fatalByYear![y]! : (fatal?.total ?? 0);
  const fatalStatus = fatal ? (y >= 0 ? fatal.cells[y]! : fatal.totalStatus) : 'dropped';
  const kept = years.filter((_, n) => !t.droppedPeriods.includes(n));
  return (
    <section className="headline" aria-label={tr('publishedTotals')}>
      <div role="status" aria-live="polite" data-testid="published-headline">
        <div className="stat">
          <span className="value" data-testid="published-count">
            {formatPublishedCount(count, countStatus, tables.k)}
          </span>
          <span className="label">{tr('inAreas', { unit: tr(`common:${unit}`) })}</span>
        </div>
        <div className="stat">
          <span className="value" data-testid="published-fatal">
            {formatPublishedCount(fatalValue, fatalStatus, tables.k)}
          </span>
          <span className="label">{unit === 'incidents' ? tr('fatalIncidents') : tr('killed')}</span>
        </div>
        <div className="range muted">
          {tr('publishedRange', {
            years: year ?? tr('periodRange', { from: kept[0], to: kept[kept.length - 1] }),
            k: tables.k,
          })}
        </div>
      </div>
    </section>
  );
}

export function PublishedMonths({
  published,
  year,
  width,
  onYear,
}: {
  published: PublishedData;
  year: string | null;
  width: number;
  onYear(year: string | null): void;
}) {
  const { t } = useTranslation('council');
  const { tables, years, input } = published;
  const height = 130;
  const months = input.monthsByYear.flatMap((row, y) =>
    row.map((v, m) => ({ y, m, v, status: tables.months[y]?.cells[m] ?? ('dropped' as const) })),
  );
  const max = Math.max(1, ...months.filter((x) => x.status === 'shown').map((x) => x.v));
  const barW = (width - 50) / Math.max(1, months.length);
  const hidden = months.filter((x) => x.status !== 'shown');
  return (
    <figure className="chart published-months" data-testid="published-months">
      <figcaption>
        {input.monthsByYear.length > 0 ? t('cityMonths') : t('cityNoMonths')}{' '}
        <button type="button" className="link" onClick={() => onYear(null)} disabled={year === null}>
          {t('allYears')}
        </button>
      </figcaption>
      <svg
        width={width}
        height={height}
        role="img"
        aria-label={t('monthsLabel', {
          months: months.length,
          hidden: hidden.length,
          list: hidden
            .slice(0, 24)
            .map(
              (x) =>
                `${years[x.y]}-${String(x.m + 1).padStart(2, '0')} ${formatPublishedCount(x.v, x.status, tables.k)}`,
            )
            .join(', '),
        })}
      >
        <defs>
          <pattern
            id="hidden-hatch"
            width="4"
            height="4"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <line x1="0" y1="0" x2="0" y2="4" stroke="#9ca3af" strokeWidth="1.5" />
          </pattern>
        </defs>
        {months.map((x, n) => {
          const h = x.status === 'shown' ? (x.v / max) * (height - 30) : height - 30;
          const selected = year === years[x.y];
          return (
            <rect
              key={`${x.y}-${x.m}`}
              x={40 + n * barW}
              y={height - 20 - h}
              width={Math.max(1, barW - 0.5)}
              height={h}
              fill={x.status === 'shown' ? (selected ? '#1d4ed8' : '#6b7280') : 'url(#hidden-hatch)'}
            >
              <title>
                {years[x.y]}-{String(x.m + 1).padStart(2, '0')}:{' '}
                {formatPublishedCount(x.v, x.status, tables.k)}
              </title>
            </rect>
          );
        })}
        <text x={2} y={14} fontSize={10}>
          {max}
        </text>
      </svg>
      <div className="year-buttons">
        {years.map((label) => (
          <button
            key={label}
            type="button"
            className={year === label ? 'tab on' : 'tab'}
            aria-pressed={year === label}
            onClick={() => onYear(label)}
          >
            {label}
          </button>
        ))}
      </div>
    </figure>
  );
}
