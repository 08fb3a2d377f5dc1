/**
 * Areas (neighborhoods, precincts) ranked by rate per 100,000 residents per year for the selected months,
 * with Empirical Bayes smoothing and unreliable rates flagged. Clicking a row selects the area.
 */
import { useTranslation } from 'react-i18next';
import { formatCount, formatDecimal } from '../../analysis/privacy/count-format';
import { areaRates } from '../../analysis/rates/area-rates';
import { useAppStore } from '../../state/app-store';
import { type DatasetBoundaries, withBoundaryProperties } from '../../state/datasets';
import { AreasGeoJsonButton } from '../export/GeoJsonButtons';

export function AreaPanel({
  boundaries,
  counts,
  years,
  unit,
  selected,
  onToggle,
  period,
}: {
  boundaries: DatasetBoundaries;
  counts: Float64Array;
  years: number;
  unit: 'incidents' | 'victims';
  selected: readonly string[];
  onToggle(id: string): void;
  /** First and last month of the counts, "YYYY-MM". */
  period: [string, string];
}) {
  const { t } = useTranslation('area');
  const rates = boundaries.population ? areaRates(counts, boundaries.population, { years }) : null;
  const order = boundaries.ids.map((_, i) => i);
  order.sort((a, b) =>
    rates ? (rates.smoothed[b] ?? 0) - (rates.smoothed[a] ?? 0) : counts[b]! - counts[a]!,
  );
  return (
    <section className="panel areas" aria-label={t('label')}>
      <h2>
        {boundaries.layer.name}{' '}
        <span className="muted small">{t('subtitle', { unit: t(`common:${unit}`) })}</span>
      </h2>
      <BoundaryProperties boundaries={boundaries} />
      <AreasGeoJsonButton
        boundaries={boundaries}
        counts={counts}
        rates={rates}
        unit={unit}
        from={period[0]}
        to={period[1]}
      />
      <table data-testid="area-table">
        <thead>
          <tr>
            <th scope="col">{t('area')}</th>
            <th scope="col">{t('count')}</th>
            {rates && (
              <th scope="col" title={t('rateTitle')}>
                {t('rate')}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {order.map((i) => {
            const id = boundaries.ids[i]!;
            return (
              <tr key={id} className={selected.includes(id) ? 'selected' : ''} onClick={() => onToggle(id)}>
                <td>
                  <button
                    type="button"
                    className="link row-toggle"
                    aria-pressed={selected.includes(id)}
                    onClick={(e) => {
                      e.stopPropagation();
                      onToggle(id);
                    }}
                  >
                    {boundaries.names[i]}
                  </button>
                </td>
                <td>{formatCount(counts[i] ?? 0)}</td>
                {rates && (
                  <td title={rates.unreliable[i] ? t('unreliableTitle') : undefined}>
                    {formatDecimal(rates.smoothed[i]!, 1)}
                    {rates.unreliable[i] ? ' *' : ''}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      {rates && <p className="muted small">{t('rateNote')}</p>}
    </section>
  );
}

/** Lets the user choose which property of the boundary file is the id and which the name. */
function BoundaryProperties({ boundaries }: { boundaries: DatasetBoundaries }) {
  const { t } = useTranslation('area');
  const choose = (idProperty: string, nameProperty: string) => {
    const s = useAppStore.getState();
    const dataset = s.datasets[s.active];
    if (!dataset?.boundaries) return;
    s.setDataset({
      ...dataset,
      boundaries: withBoundaryProperties(dataset.boundaries, idProperty, nameProperty),
    });
    s.updateView({ areas: { ...s.views[s.active].areas, ids: [] } });
  };
  const options = boundaries.layer.properties.map((p) => (
    <option key={p} value={p}>
      {p}
    </option>
  ));
  return (
    <details className="small">
      <summary>{t('properties', { id: boundaries.idProperty, name: boundaries.nameProperty })}</summary>
      <label className="row">
        {t('id')}{' '}
        <select
          value={boundaries.idProperty}
          onChange={(e) => choose(e.target.value, boundaries.nameProperty)}
        >
          {options}
        </select>
      </label>
      <label className="row">
        {t('name')}{' '}
        <select
          value={boundaries.nameProperty}
          onChange={(e) => choose(boundaries.idProperty, e.target.value)}
        >
          {options}
        </select>
      </label>
    </details>
  );
}
