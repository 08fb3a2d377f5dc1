/**
 * The council view's panel: publish mode, what the map colours, population, the CSV export of the table on
 * screen, the table of areas (counts, rates, smoothed rates, reliability, suppression), the profile of the
 * chosen area and the small multiples of every area.
 */
import './council.css';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDecimal } from '../../../analysis/privacy/count-format';
import type { Dataset } from '../../../state/datasets';
import type { PublishReason } from '../../../state/publish-view';
import type { UrlPublishMode } from '../../../state/url-state';
import { AreasGeoJsonButton } from '../../export/GeoJsonButtons';
import type { DashboardData } from '../../use-dashboard';
import { BoundaryProperties } from '../BoundaryProperties';
import { type ChoroplethMeasure, useCouncilStore } from './council-store';
import { PopulationDialog } from './PopulationDialog';
import { PublishSwitch } from './PublishSwitch';
import { populationSourceText } from './population-source';
import { SmallMultiples } from './SmallMultiples';

/** The profile opens on a click: its statistics are loaded then. */
const AreaProfile = lazy(() => import('./AreaProfile').then((m) => ({ default: m.AreaProfile })));

import type { Council } from './use-council';

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function CouncilPanel({
  dataset,
  council,
  data,
  unit,
  publish,
  reasons,
  year,
  selected,
  onPublish,
  onArea,
}: {
  dataset: Dataset;
  council: Council | null;
  data: DashboardData;
  unit: 'incidents' | 'victims';
  publish: UrlPublishMode;
  reasons: readonly PublishReason[];
  year: string | null;
  selected: readonly string[];
  onPublish(mode: UrlPublishMode): void;
  onArea(id: string): void;
}) {
  const { t } = useTranslation('council');
  const { measure, profile, populationDialog, choropleth, set } = useCouncilStore();
  const unitWord = t(`common:${unit}`);
  const boundaries = dataset.boundaries!;
  const order = council
    ? [...council.rows].sort((a, b) => {
        const v = (i: number) => council.values[i]!;
        return (Number.isNaN(v(b.index)) ? -1 : v(b.index)) - (Number.isNaN(v(a.index)) ? -1 : v(a.index));
      })
    : [];
  const rate = (v: number | null) => (v === null ? '—' : formatDecimal(v, 1));
  return (
    <>
      <section className="panel areas council" aria-label={t('label')} data-testid="council-panel">
        <h2>
          {boundaries.layer.name}{' '}
          <span className="muted small">
            ({unitWord}, {council?.periodLabel ?? '…'})
          </span>
        </h2>
        <PublishSwitch mode={publish} reasons={reasons} onChange={onPublish} />
        <fieldset className="measure">
          <legend className="small">{t('mapColours')}</legend>
          <label>
            <input
              type="checkbox"
              data-testid="choropleth-toggle"
              checked={choropleth || publish.on}
              disabled={publish.on}
              onChange={(e) => set({ choropleth: e.target.checked })}
            />{' '}
            {t('colourBy')}
          </label>
          {(
            [
              ['count', t('perYear', { unit: unitWord })],
              ['rate', t('rate')],
              ['smoothed', t('smoothedRate')],
            ] as [ChoroplethMeasure, string][]
          ).map(([value, label]) => (
            <label key={value}>
              <input
                type="radio"
                name="choropleth-measure"
                value={value}
                checked={measure === value}
                disabled={value !== 'count' && !boundaries.population}
                onChange={() => set({ measure: value })}
              />{' '}
              {label}
            </label>
          ))}
        </fieldset>
        <p className="small">
          {t('population', {
            source: boundaries.populationSource
              ? populationSourceText(boundaries.populationSource, t)
              : t('populationNone'),
          })}{' '}
          <button
            type="button"
            className="link"
            data-testid="population-open"
            onClick={() => set({ populationDialog: true })}
          >
            {t('choose')}
          </button>
        </p>
        {populationDialog && (
          <PopulationDialog boundaries={boundaries} onClose={() => set({ populationDialog: false })} />
        )}
        {council && (
          <button
            type="button"
            data-testid="export-csv"
            onClick={() =>
              download(`${boundaries.layer.name.replace(/\.[a-z]+$/i, '')}-areas.csv`, council.csv())
            }
          >
            {t('downloadCsv')}
          </button>
        )}{' '}
        {council && <AreasGeoJsonButton boundaries={boundaries} table={council.table} unit={unit} />}
        <BoundaryProperties boundaries={boundaries} />
        {council ? (
          <table data-testid="area-table">
            <thead>
              <tr>
                <th>{t('area')}</th>
                <th>{t('count')}</th>
                {council.hasPopulation && <th title={t('rateTitle')}>{t('rateHeader')}</th>}
                {council.hasPopulation && <th title={t('smoothedTitle')}>{t('smoothedHeader')}</th>}
              </tr>
            </thead>
            <tbody>
              {order.map((r) => (
                <tr
                  key={r.area}
                  className={selected.includes(r.area) || profile === r.area ? 'selected' : ''}
                  onClick={() => onArea(r.area)}
                >
                  <td>
                    <button
                      type="button"
                      className="link row-toggle"
                      aria-pressed={selected.includes(r.area)}
                      onClick={(e) => {
                        e.stopPropagation();
                        onArea(r.area);
                      }}
                    >
                      {r.name}
                    </button>
                  </td>
                  <td data-status={r.status}>{r.countText}</td>
                  {council.hasPopulation && <td>{rate(r.rate)}</td>}
                  {council.hasPopulation && (
                    <td title={r.unreliable ? t('unreliableTitle') : undefined}>
                      {rate(r.smoothedRate)}
                      {r.unreliable && !r.suppressed ? ' *' : ''}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted small">{t('counting')}</p>
        )}
        <p className="muted small">
          {t('tableNote')}
          {publish.on && t('publishNote', { k: publish.k })}
        </p>
      </section>
      {council && profile && (
        <Suspense fallback={null}>
          <AreaProfile
            council={council}
            dataset={dataset}
            cubes={data.areaCubes}
            unit={unit}
            year={year}
            areaId={profile}
            onClose={() => set({ profile: null })}
          />
        </Suspense>
      )}
      {council && <SmallMultiples council={council} onOpen={(id) => set({ profile: id })} />}
    </>
  );
}
