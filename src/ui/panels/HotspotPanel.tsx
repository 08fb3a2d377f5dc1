/**
 * Hotspot controls and reading: switches for the Gi* and emerging hot spot layers, H3 resolution, ring
 * size k, FDR and time slice, the legends, and the details of the clicked cell (with a sparkline of its
 * Gi* z-scores over time for emerging hot spots).
 */
import { useTranslation } from 'react-i18next';
import { formatCount, formatDecimal, formatPValue, formatQValue } from '../../analysis/privacy/count-format';
import { Sparkline } from '../../charts/Sparkline';
import { cssColor } from '../../map/layers/color-ramps';
import {
  EMERGING_PATTERN_COLORS,
  HOTSPOT_CLASS_COLORS,
  HOTSPOT_LEGEND,
  hotspotOutlineWidth,
} from '../../map/layers/hotspot-layers';
import { useAppStore } from '../../state/app-store';
import type { Dataset } from '../../state/datasets';
import { useHotspotStore } from '../../state/hotspot-store';
import {
  HOTSPOT_RESOLUTIONS,
  HOTSPOT_RING_SIZES,
  HOTSPOT_SLICES,
  type UrlHotspotSettings,
  type UrlLayerId,
  type UrlViewState,
} from '../../state/url-state';
import { useHotspotAnalysis } from '../hotspot-analysis';
import { AreaBelowCell } from './AreaBelowCell';

function Swatch({ rgb, outline = 1 }: { rgb: readonly [number, number, number]; outline?: number }) {
  return (
    <span
      aria-hidden="true"
      style={{
        display: 'inline-block',
        width: 12,
        height: 12,
        marginRight: 6,
        verticalAlign: 'middle',
        background: cssColor(rgb as [number, number, number]),
        border: outline > 1 ? `${outline}px solid #282828` : '1px solid #bbb',
        boxSizing: 'border-box',
      }}
    />
  );
}

export function HotspotPanel({
  dataset,
  view,
  onChange,
}: {
  dataset: Dataset;
  view: UrlViewState;
  onChange(patch: Partial<UrlViewState>): void;
}) {
  const { t } = useTranslation('hotspots');
  const engine = useAppStore((s) => s.engine);
  const busy = useHotspotAnalysis(engine, dataset, view);
  const s = useHotspotStore();
  const showHot = view.layers.includes('hotspots');
  const showEmerging = view.layers.includes('emerging');
  const toggle = (id: UrlLayerId) =>
    onChange({
      layers: view.layers.includes(id) ? view.layers.filter((l) => l !== id) : [...view.layers, id],
    });
  const settings = view.hotspot;
  const setting = (patch: Partial<UrlHotspotSettings>) => onChange({ hotspot: { ...settings, ...patch } });
  const h = s.hotspot;
  const e = s.emerging;
  const sel = s.selected;
  const hi = h && sel ? h.cells.indexOf(sel) : -1;
  const ei = e && sel ? e.cells.indexOf(sel) : -1;
  const presentPatterns = e ? [...new Set(Array.from(e.pattern))].sort((a, b) => b - a) : [];

  return (
    <section
      className="panel"
      aria-label={t('title')}
      data-testid="hotspot-panel"
      data-busy={busy ? 'true' : 'false'}
    >
      <h2>{t('title')}</h2>
      <label className="row">
        <input
          type="checkbox"
          checked={showHot}
          onChange={() => toggle('hotspots')}
          data-testid="layer-hotspots"
        />{' '}
        {t('giLayer')}
      </label>
      <label className="row">
        <input
          type="checkbox"
          checked={showEmerging}
          onChange={() => toggle('emerging')}
          data-testid="layer-emerging"
        />{' '}
        {t('emergingLayer')}
      </label>
      {(showHot || showEmerging) && (
        <>
          <label className="row">
            {t('layers:h3Resolution')}{' '}
            <select
              value={settings.resolution}
              onChange={(ev) => {
                s.set({ selected: null });
                setting({ resolution: Number(ev.target.value) });
              }}
              data-testid="hotspot-res"
            >
              {HOTSPOT_RESOLUTIONS.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>{' '}
            k{' '}
            <select
              value={settings.k}
              onChange={(ev) => setting({ k: Number(ev.target.value) })}
              data-testid="hotspot-k"
            >
              {HOTSPOT_RING_SIZES.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          </label>
          <label className="row">
            <input
              type="checkbox"
              checked={settings.fdr}
              onChange={() => setting({ fdr: !settings.fdr })}
              data-testid="hotspot-fdr"
            />{' '}
            {t('fdr')}
          </label>
          {showEmerging && (
            <label className="row">
              {t('slice')}{' '}
              <select
                value={settings.slice}
                onChange={(ev) => setting({ slice: ev.target.value as UrlHotspotSettings['slice'] })}
                data-testid="hotspot-slice"
              >
                {HOTSPOT_SLICES.map((unit) => (
                  <option key={unit} value={unit}>
                    {t(`sliceUnit.${unit}`)}
                  </option>
                ))}
              </select>
            </label>
          )}
          <p
            role="status"
            aria-live="polite"
            style={{ fontSize: 12, margin: '4px 0' }}
            data-testid="hotspot-status"
          >
            {busy
              ? t('computing')
              : h
                ? t('status', {
                    counted: formatCount(h.counted, { unit: h.unit }),
                    cells: formatCount(h.cells.length),
                    res: h.resolution,
                    k: h.k,
                    area: s.studyArea,
                    excluded: formatCount(h.excluded, { unit: h.unit }),
                    by: h.fdr ? t('byFdr') : t('byRaw'),
                  })
                : ''}
          </p>
          {s.error && (
            <p className="notice error" style={{ fontSize: 12 }}>
              {s.error}
            </p>
          )}
        </>
      )}
      {showHot && (
        <ul
          aria-label={t('giLegend')}
          style={{ listStyle: 'none', padding: 0, margin: '4px 0', fontSize: 12 }}
        >
          {HOTSPOT_LEGEND.map((row) => (
            <li key={row.code}>
              <Swatch rgb={HOTSPOT_CLASS_COLORS[row.code]!} outline={1 + hotspotOutlineWidth(row.code)} />
              {t(`legendClass.${row.code}`)}
            </li>
          ))}
        </ul>
      )}
      {showEmerging && e && (
        <ul
          aria-label={t('emergingLegend')}
          style={{ listStyle: 'none', padding: 0, margin: '4px 0', fontSize: 12 }}
        >
          {presentPatterns.map((code) => (
            <li key={code}>
              <Swatch rgb={EMERGING_PATTERN_COLORS[code]!} />
              {t(`pattern.${code}`)}{' '}
              {t('cells', { count: Array.from(e.pattern).filter((c) => c === code).length })}
            </li>
          ))}
        </ul>
      )}
      {sel && (hi >= 0 || ei >= 0) && (
        <div data-testid="hotspot-cell" style={{ fontSize: 12, borderTop: '1px solid #ddd', paddingTop: 4 }}>
          <div>
            {t('cell')} <code>{sel}</code>{' '}
            <button type="button" className="link" onClick={() => s.set({ selected: null })}>
              {t('common:close')}
            </button>
          </div>
          {h && hi >= 0 && (
            <>
              <div>{t(`class.${h.classes[hi]!}`)}</div>
              <div>
                {t('cellCounts', {
                  cell: formatCount(h.counts[hi]!, { unit: h.unit }),
                  neighbours: formatCount(h.neighborSum[hi]!, { unit: h.unit }),
                  k: h.k,
                })}
              </div>
              <div>
                z = {formatDecimal(h.z[hi]!)}, {formatPValue(h.p[hi]!)}, {formatQValue(h.q[hi]!)}
              </div>
            </>
          )}
          {e && ei >= 0 && (
            <>
              <div>
                {t('cellTrend', { pattern: t(`pattern.${e.pattern[ei]!}`), p: formatPValue(e.trendP[ei]!) })}
              </div>
              <Sparkline
                values={e.zBySlice.map((zs) => zs[ei]!)}
                labels={e.sliceLabels}
                title={t('sparkline', { cell: sel, slice: t(`sliceUnit.${settings.slice}`) })}
              />
            </>
          )}
          <AreaBelowCell dataset={dataset} view={view} onChange={onChange} />
        </div>
      )}
    </section>
  );
}
