/** The dashboard: React wires the store and the views' data to panels, charts and the map. */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { HourWeekdayMatrix } from '../charts/HourWeekdayMatrix';
import { TimeHistogram } from '../charts/TimeHistogram';
import { type Progress, useAppStore } from '../state/app-store';
import { useArchiveStore } from '../state/archive-store';
import { monthLabel } from '../state/datasets';
import { createThrottledUrlWriter, encodeUrlState, type UrlViewState } from '../state/url-state';
import { DashboardMap } from './DashboardMap';
import { DrawAreaButton } from './DrawAreaButton';
import { MapLegend } from './MapLegend';
import { ArchivePanel } from './panels/ArchivePanel';
import { AreaPanel } from './panels/AreaPanel';
import { FilterPanel } from './panels/FilterPanel';
import { HeadlinePanel } from './panels/HeadlinePanel';
import { ImportPanel } from './panels/ImportPanel';
import { LayerPanel } from './panels/LayerPanel';
import { ReportPanel } from './panels/ReportPanel';
import { useArchivePreview } from './use-archive-preview';
import { POINTS_MIN_ZOOM, useDashboard } from './use-dashboard';

// The analysis panels load after the first screen, in parallel with the database engine.
const HotspotPanel = lazy(() => import('./panels/HotspotPanel').then((m) => ({ default: m.HotspotPanel })));
const NearRepeatPanel = lazy(() =>
  import('./panels/NearRepeatPanel').then((m) => ({ default: m.NearRepeatPanel })),
);
const ProgramPanel = lazy(() => import('./panels/ProgramPanel').then((m) => ({ default: m.ProgramPanel })));
const loadingPanel = <p className="muted small">Loading…</p>;

const urlWriter = createThrottledUrlWriter((query) => {
  window.history.replaceState(null, '', `${window.location.pathname}${query ? `?${query}` : ''}`);
}, 250);

function toggle<T>(list: readonly T[], value: T, all: readonly T[]): T[] {
  const base = list.length === all.length ? [] : [...list];
  const next = base.includes(value) ? base.filter((v) => v !== value) : [...base, value];
  return next.length === 0 ? [...all] : [...next].sort((a, b) => (a < b ? -1 : 1));
}

const HOURS = Array.from({ length: 24 }, (_, i) => i);
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

export function App() {
  const engine = useAppStore((s) => s.engine);
  const engineError = useAppStore((s) => s.engineError);
  const datasets = useAppStore((s) => s.datasets);
  const active = useAppStore((s) => s.active);
  const view = useAppStore((s) => s.views[s.active]);
  const progress = useAppStore((s) => s.progress);
  const notices = useAppStore((s) => s.notices);
  const report = useAppStore((s) => s.report);
  const reportOpen = useAppStore((s) => s.reportOpen);
  const updateView = useAppStore((s) => s.updateView);
  // An archive's first screen is drawn from its summaries until the engine holds its partitions.
  const archivePreview = useArchiveStore((s) => s.previewDataset);
  const previewing = active === 'user' && !datasets.user && archivePreview !== null;
  const dataset = datasets[active] ?? (previewing ? archivePreview : null);
  const data = useArchivePreview(useDashboard(engine, previewing ? null : dataset, view), previewing, view);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const firstRender = useRef(false);

  useEffect(() => {
    urlWriter.push(encodeUrlState({ ...view, dataset: active }));
  }, [view, active]);

  const onView = useCallback((patch: Partial<UrlViewState>) => updateView(patch), [updateView]);
  const toggleArea = useCallback(
    (id: string) => {
      const ids = view.areas.ids.includes(id)
        ? view.areas.ids.filter((x) => x !== id)
        : [...view.areas.ids, id].sort();
      updateView({ areas: { ...view.areas, ids } });
    },
    [view.areas, updateView],
  );
  const onFirstRender = useCallback(() => {
    if (firstRender.current) return;
    firstRender.current = true;
    document.body.dataset.mapReady = 'true';
    performance.mark('cvi:first-map-frame');
  }, []);

  const label = (i: number) => (dataset ? monthLabel(dataset.firstMonth, i) : '');
  const range = dataset ? `${label(data.brush[0])} to ${label(data.brush[1])}` : '';
  const chartWidth = Math.max(320, Math.min(900, window.innerWidth - 760));

  return (
    <div
      className="app"
      data-ready={dataset && data.headline ? 'true' : 'false'}
      data-pending={data.pending ? 'true' : 'false'}
      data-archive-preview={previewing ? 'true' : undefined}
    >
      <header>
        <h1>CVI Atlas</h1>
        <nav aria-label="Dataset">
          {(['demo', 'user'] as const).map((key) =>
            datasets[key] ? (
              <button
                key={key}
                type="button"
                className={active === key ? 'tab on' : 'tab'}
                onClick={() => useAppStore.setState({ active: key })}
                data-testid={`dataset-${key}`}
              >
                {datasets[key]!.label}
              </button>
            ) : null,
          )}
        </nav>
        {dataset?.synthetic && (
          <span className="badge" title="Generated data: no real place or person">
            Synthetic demo data
          </span>
        )}
        {report && (
          <button
            type="button"
            className="link"
            onClick={() => useAppStore.getState().showReport(report, true)}
          >
            Import report
          </button>
        )}
      </header>
      {/* Keyed by stage: each stage counts its own seconds. */}
      {progress && <ProgressBar key={progress.label} progress={progress} />}
      <div className="notices" aria-live="assertive">
        {engineError && <div className="notice error">{engineError}</div>}
        {notices.map((n) => (
          <div key={n.id} className={`notice ${n.kind}`} data-testid="notice">
            <span>{n.text}</span>
            <button type="button" aria-label="Dismiss" onClick={() => useAppStore.getState().dismiss(n.id)}>
              ×
            </button>
          </div>
        ))}
        {data.errors.map((e) => (
          <div key={e} className="notice error">
            A view could not be computed: {e}
          </div>
        ))}
      </div>
      <aside className="left">
        <HeadlinePanel headline={data.headline} range={range} pending={data.pending} />
        <ImportPanel />
        <ArchivePanel />
        {dataset && <FilterPanel dataset={dataset} view={view} onChange={onView} />}
        <LayerPanel view={view} onChange={onView} />
        {dataset && (
          <Suspense fallback={loadingPanel}>
            <HotspotPanel dataset={dataset} view={view} onChange={onView} />
            <NearRepeatPanel dataset={dataset} view={view} />
          </Suspense>
        )}
      </aside>
      <main>
        <div className="map-wrap">
          {dataset ? (
            <DashboardMap
              dataset={dataset}
              view={view}
              data={data}
              onView={onView}
              onToggleArea={toggleArea}
              onMap={setMap}
              onFirstRender={onFirstRender}
            />
          ) : (
            <div className="map placeholder">{engineError ? 'No data' : 'Loading…'}</div>
          )}
          <MapLegend
            data={data}
            unit={view.unit}
            pointsWaitingForZoom={view.layers.includes('points') && (view.view?.zoom ?? 0) < POINTS_MIN_ZOOM}
          />
          <DrawAreaButton
            map={map}
            hasPolygon={view.areas.polygon !== null}
            onPolygon={(polygon) => updateView({ areas: { ...view.areas, polygon } })}
          />
          {view.areas.ids.length > 0 && (
            <button
              type="button"
              className="clear-areas"
              onClick={() => updateView({ areas: { ...view.areas, ids: [] } })}
            >
              Clear {view.areas.ids.length} selected area{view.areas.ids.length > 1 ? 's' : ''}
            </button>
          )}
        </div>
        <div className="charts">
          {dataset && data.monthly && (
            <TimeHistogram
              totals={data.monthly.totals}
              fatal={data.monthly.fatal}
              firstMonth={dataset.firstMonth}
              unit={view.unit}
              brush={view.time ? data.brush : null}
              onBrush={(r) => updateView({ time: r ? { from: label(r[0]), to: label(r[1]) } : null })}
              monthLabel={label}
              width={chartWidth}
              height={150}
            />
          )}
          {data.matrix && (
            <HourWeekdayMatrix
              counts={data.matrix}
              hours={view.hours}
              weekdays={view.weekdays}
              unit={view.unit}
              onToggleHour={(h) => updateView({ hours: toggle(view.hours, h, HOURS) })}
              onToggleWeekday={(d) => updateView({ weekdays: toggle(view.weekdays, d, WEEKDAYS) })}
              onClear={() => updateView({ hours: HOURS, weekdays: WEEKDAYS })}
            />
          )}
        </div>
      </main>
      <aside className="right">
        {dataset && (
          <Suspense fallback={loadingPanel}>
            <ProgramPanel dataset={dataset} view={view} onView={onView} />
          </Suspense>
        )}
        {dataset?.boundaries && data.areas && (
          <AreaPanel
            boundaries={dataset.boundaries}
            counts={data.areas}
            years={(data.brush[1] - data.brush[0] + 1) / 12}
            unit={view.unit}
            selected={view.areas.ids}
            onToggle={toggleArea}
          />
        )}
      </aside>
      {report && reportOpen && (
        <ReportPanel report={report} onClose={() => useAppStore.getState().showReport(report, false)} />
      )}
    </div>
  );
}

/**
 * Import and start-up progress: a bar per stage, and after a few seconds the time spent in the current stage,
 * so a long stage of a large file (the engine reports no finer progress) visibly goes on.
 */
function ProgressBar({ progress }: { progress: Progress }) {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const start = performance.now();
    const timer = setInterval(() => setSeconds(Math.floor((performance.now() - start) / 1000)), 1000);
    return () => clearInterval(timer);
  }, []);
  const percent = Math.round(progress.fraction * 100);
  return (
    <div
      className="progress"
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-label={progress.label}
    >
      <div className="bar" style={{ width: `${percent}%` }} />
      <span>
        {progress.label}…{seconds >= 3 ? ` ${seconds} s` : ''}
      </span>
    </div>
  );
}
