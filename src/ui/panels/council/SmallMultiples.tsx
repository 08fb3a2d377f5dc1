/** Every area's yearly trend as a small chart, sortable by rate, count or change on the previous year. */
import { useTranslation } from 'react-i18next';
import { formatDecimal, formatPercentChange } from '../../../analysis/privacy/count-format';
import { TrendLines } from '../../../charts/TrendLines';
import { type MultiplesOrder, useCouncilStore } from './council-store';
import type { Council } from './use-council';

/** Change of the last year on the one before, as a fraction (null when hidden or undefined). */
function lastChange(values: readonly (number | null)[]): number | null {
  const a = values[values.length - 2];
  const b = values[values.length - 1];
  if (a === null || b === null || a === undefined || b === undefined || a === 0) return null;
  return b / a - 1;
}

export function SmallMultiples({ council, onOpen }: { council: Council; onOpen(id: string): void }) {
  const { t } = useTranslation('council');
  const order = useCouncilStore((s) => s.order);
  const set = useCouncilStore((s) => s.set);
  const { yearly } = council;
  const full = yearly.months.map((m) => m === 12);
  const series = (i: number) => yearly.areas[i]!.filter((_, y) => full[y]);
  const sortKey = (i: number): number | null => {
    const r = council.rows[i]!;
    if (order === 'rate') return r.smoothedRate ?? r.rate;
    if (order === 'count') return r.count;
    return lastChange(series(i));
  };
  const items = council.rows.map((r) => r.index);
  items.sort((a, b) => (sortKey(b) ?? Number.NEGATIVE_INFINITY) - (sortKey(a) ?? Number.NEGATIVE_INFINITY));
  const years = yearly.years.filter((_, y) => full[y]);
  return (
    <section className="panel multiples" aria-label={t('multiplesLabel')} data-testid="small-multiples">
      <h2>
        {t('multiplesTitle')}{' '}
        <label className="small">
          {t('sortBy')}{' '}
          <select
            value={order}
            data-testid="multiples-order"
            onChange={(e) => set({ order: e.target.value as MultiplesOrder })}
          >
            <option value="count">{t('sortCount')}</option>
            <option value="rate" disabled={!council.hasPopulation}>
              {t('sortRate')}
            </option>
            <option value="change">{t('sortChange')}</option>
          </select>
        </label>
      </h2>
      <ol className="multiples-grid">
        {items.map((i) => {
          const r = council.rows[i]!;
          const key = sortKey(i);
          const shown =
            key === null
              ? t('withheld')
              : order === 'change'
                ? formatPercentChange(key)
                : order === 'rate'
                  ? formatDecimal(key, 1)
                  : r.countText;
          return (
            <li key={r.area} data-area={r.area}>
              <button type="button" className="link small" onClick={() => onOpen(r.area)}>
                {r.name}
              </button>{' '}
              <span className="small muted">{shown}</span>
              <TrendLines
                title=""
                indexed={false}
                width={120}
                height={36}
                labels={years}
                series={[{ label: r.name, values: series(i) }]}
                description={t('seriesText', {
                  name: r.name,
                  list: series(i)
                    .map((v, y) => `${years[y]} ${v === null ? t('hidden') : v}`)
                    .join(', '),
                })}
              />
            </li>
          );
        })}
      </ol>
    </section>
  );
}
