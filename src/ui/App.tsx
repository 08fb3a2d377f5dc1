/** The dashboard: React wires the store and the views' data to panels, charts and the map. */

import type { Map as MapLibreMap } from 'maplibre-gl';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMonth } from '../analysis/privacy/count-format';
import { HourWeekdayMatrix } from '../charts/HourWeekdayMatrix';
import { TimeHistogram } from '../charts/TimeHistogram';
import { type Progress, useAppStore } from '../state/app-store';
import { useArchiveStore } from '../state/archive-store';
import { monthLabel } from '../state/datasets';
import { publishedView } from '../state/publish-view';
import {
  createThrottledUrlWriter,
  DATASET_KEYS,
  encodeUrlLink,
  linkSuffix,
  type UrlViewState,
} from '../state/url-state';
import { DashboardMap } from './DashboardMap';
import { DrawAreaButton } from './DrawAreaButton';
import { ChartExport } from './export/ChartExport';
import { ExportMapButton } from './export/ExportMapButton';
import { ProgramGeoJsonButton } from './export/GeoJsonButtons';
import { isLanguage } from './i18n';
import { LanguageSwitch } from './i18n/LanguageSwitch';
import { MapDescription } from './MapDescription';
import { MapLegend } from './MapLegend';
import { PanelBoundary } from './PanelBoundary';
import { ArchivePanel } from './panels/ArchivePanel';
import { ChoroplethLegend } from './panels/council/ChoroplethLegend';
import { CouncilPanel } from './panels/council/CouncilPanel';
import { choroplethClasses } from './panels/council/choropleth-classes';
import { useCouncilStore } from './panels/council/council-store';
import { PUBLISH_OFF_NOTE, PublishedHeadline, PublishedMonths } from './panels/council/PublishedViews';
import { useCouncil } from './panels/council/use-council';
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
const NetworkPanel = lazy(() =>
  import('./panels/network/NetworkPanel').then((m) => ({ default: m.NetworkPanel })),
);
const PlannerPanel = lazy(() =>
  import('./panels/planner/PlannerPanel').then((m) => ({ default: m.PlannerPanel })),
);
const Brief = lazy(() => import('./brief/Brief').then((m) => ({ default: m.Brief })));
const ProgramPanel = lazy(() => import('./panels/ProgramPanel').then((m) => ({ default: m.ProgramPanel })));
function LoadingPanel() {
  const { t } = useTranslation('common');
  return <p className="muted small">{t('loading')}</p>;
}
const loadingPanel = <LoadingPanel />;

const urlWriter = createThrottledUrlWriter((suffix) => {
  window.history.replaceState(null, '', `${window.location.pathname}${suffix}`);
}, 250);

function toggle<T>(list: readonly T[], value: T, all: readonly T[]): T[] {
  const base = list.length === all.length ? [] : [...list];
  const next = base.includes(value) ? base.filter((v) => v !== value) : [...base, value];
  return next.length === 0 ? [...all] : [...next].sort((a, b) => (a < b ? -1 : 1));
}

/** Longest the analysis panels wait for the map's first frame, in ms. */
const PANELS_AFTER_MS = 4000;

const HOURS = Array.from({ length: 24 }, (_, i) => i);
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

export function App() {
  const { t } = useTranslation('app');
  const engine = useAppStore((s) => s.engine);
  const engineError = useAppStore((s) => s.engineError);
  const datasets = useAppStore((s) => s.datasets);
  const active = useAppStore((s) => s.active);
  const storedView = useAppStore((s) => s.views[s.active]);
  // In publish mode the views compute a coarsened view (see publishedView); the link keeps the stored one.
  const published = useMemo(() => publishedView(storedView), [storedView]);
  const view = published.view;
  const notices = useAppStore((s) => s.notices);
  const report = useAppStore((s) => s.report);
  const reportOpen = useAppStore((s) => s.reportOpen);
  const updateView = useAppStore((s) => s.updateView);
  // An archive's first screen (the demo's too) is drawn from its summaries until the engine holds its data.
  const archivePreview = useArchiveStore((s) => s.previews[active]) ?? null;
  const previewing = !datasets[active] && archivePreview !== null;
  const dataset = datasets[active] ?? (previewing ? archivePreview.dataset : null);
  const data = useArchivePreview(
    useDashboard(engine, previewing ? null : dataset, view),
    archivePreview,
    previewing,
    view,
  );
  const council = useCouncil(dataset, view, data);
  const showChoropleth = useCouncilStore((s) => s.choropleth) || view.publish.on;
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const firstRender = useRef(false);
  // The analysis panels render once the map has drawn its first frame, so the map's start does not share
  // the page's one thread with them.
  const [mapShown, setMapShown] = useState(false);
  useEffect(() => {
    // A map that cannot draw (no WebGL, no data) holds nothing back for long.
    const timer = setTimeout(() => setMapShown(true), PANELS_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);
  const [briefOpen, setBriefOpen] = useState(false);

  const language = useTranslation().i18n.language;
  useEffect(() => {
    const lang = isLanguage(language) ? language : 'en';
    urlWriter.push(linkSuffix(encodeUrlLink({ ...storedView, dataset: active, lang })));
  }, [storedView, active, language]);

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
  // An area click opens its profile; outside publish mode it also selects the area (a filter).
  const onArea = useCallback(
    (id: string) => {
      useCouncilStore.getState().set({ profile: id });
      if (!view.publish.on) toggleArea(id);
    },
    [view.publish.on, toggleArea],
  );
  const onFirstRender = useCallback(() => {
    if (firstRender.current) return;
    firstRender.current = true;
    document.body.dataset.mapReady = 'true';
    performance.mark('cvi:first-map-frame');
    setMapShown(true);
  }, []);

  const label = (i: number) => (dataset ? monthLabel(dataset.firstMonth, i) : '');
  const range = dataset
    ? t('range', { from: formatMonth(label(data.brush[0])), to: formatMonth(label(data.brush[1])) })
    : '';
  const chartWidth = Math.max(320, Math.min(900, window.innerWidth - 760));
  // A view that failed is tried again when its data changes: another dataset, another boundary layer.
  const viewKey = dataset ? `${dataset.key}#${dataset.loadId}|${dataset.boundaries?.layer.name ?? ''}` : '';

  return (
    <div
      className="app"
      data-ready={dataset && data.headline ? 'true' : 'false'}
      data-pending={data.pending ? 'true' : 'false'}
      data-archive-preview={previewing ? 'true' : undefined}
    >
      <header>
        <h1>CVI Atlas</h1>
        <nav aria-label={t('datasetNav')}>
          {DATASET_KEYS.map((key) =>
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
          <span className="badge" title={t('syntheticTitle')}>
            {t('synthetic')}
          </span>
        )}
        {report && (
          <button
            type="button"
            className="link"
            onClick={() => useAppStore.getState().showReport(report, true)}
          >
            {t('importReport')}
          </button>
        )}
        {dataset && data.monthly && (
          <button
            type="button"
            className="tab"
            title={t('brief:openTitle')}
            onClick={() => setBriefOpen(true)}
            data-testid="open-brief"
          >
            {t('brief:open')}
          </button>
        )}
        <LanguageSwitch />
      </header>
      <StartProgress />
      <div className="notices" aria-live="assertive">
        {engineError && <div className="notice error">{engineError}</div>}
        {notices.map((n) => (
          <div key={n.id} className={`notice ${n.kind}`} data-testid="notice">
            <span>{n.text}</span>
            <button
              type="button"
              aria-label={t('dismiss')}
              onClick={() => useAppStore.getState().dismiss(n.id)}
            >
              ×
            </button>
          </div>
        ))}
        {data.errors.map((e) => (
          <div key={e} className="notice error">
            {t('viewError', { error: e })}
          </div>
        ))}
      </div>
      <aside className="left" aria-label={t('leftPanels')}>
        <PanelBoundary name={t('views:headline')} resetKey={viewKey}>
          {council?.published ? (
            <PublishedHeadline published={council.published} year={published.year} unit={view.unit} />
          ) : (
            <HeadlinePanel headline={data.headline} range={range} pending={data.pending} />
          )}
        </PanelBoundary>
        <PanelBoundary name={t('views:data')}>
          <ImportPanel />
        </PanelBoundary>
        <PanelBoundary name={t('views:archive')}>
          <ArchivePanel />
        </PanelBoundary>
        <PanelBoundary name={t('views:filters')} resetKey={viewKey}>
          {dataset && <FilterPanel dataset={dataset} view={view} onChange={onView} />}
        </PanelBoundary>
        <PanelBoundary name={t('views:layers')} resetKey={viewKey}>
          <LayerPanel view={view} onChange={onView} />
        </PanelBoundary>
        {dataset && view.publish.on && <p className="muted small">{t(PUBLISH_OFF_NOTE)}</p>}
        {dataset && !view.publish.on && mapShown && (
          <Suspense fallback={loadingPanel}>
            <PanelBoundary name={t('views:hotspots')} resetKey={viewKey}>
              <HotspotPanel dataset={dataset} view={view} onChange={onView} />
            </PanelBoundary>
            <PanelBoundary name={t('views:nearRepeat')} resetKey={viewKey}>
              <NearRepeatPanel dataset={dataset} view={view} />
            </PanelBoundary>
          </Suspense>
        )}
      </aside>
      <main>
        <div className="map-wrap">
          {dataset ? (
            <PanelBoundary name={t('views:map')} resetKey={viewKey}>
              <DashboardMap
                dataset={dataset}
                view={view}
                data={data}
                onView={onView}
                onToggleArea={onArea}
                onMap={setMap}
                onFirstRender={onFirstRender}
                areaLayers={showChoropleth ? council?.layers : undefined}
                areaTooltip={council?.tooltip}
              />
            </PanelBoundary>
          ) : (
            <div className="map placeholder">{engineError ? t('noData') : t('common:loading')}</div>
          )}
          {showChoropleth && council && <ChoroplethLegend council={council} unit={view.unit} />}
          <MapLegend
            data={data}
            unit={view.unit}
            pointsWaitingForZoom={view.layers.includes('points') && (view.view?.zoom ?? 0) < POINTS_MIN_ZOOM}
          />
          {dataset && <MapDescription dataset={dataset} view={view} data={data} />}
          {dataset && (
            <ExportMapButton
              data={data}
              unit={view.unit}
              name={`${dataset.label} ${label(data.brush[0])} ${label(data.brush[1])}`}
              caption={t('export:caption', { dataset: dataset.label, range })}
              classes={showChoropleth && council ? choroplethClasses(council, view.unit) : undefined}
            />
          )}
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
              {t('clearAreas', { count: view.areas.ids.length })}
            </button>
          )}
        </div>
        <div className="charts">
          {council?.published && (
            <PublishedMonths
              published={council.published}
              year={published.year}
              width={chartWidth}
              onYear={(y) => updateView({ time: y ? { from: `${y}-01`, to: `${y}-12` } : null })}
            />
          )}
          <PanelBoundary name={t('views:monthly')} resetKey={viewKey}>
            {dataset && data.monthly && !view.publish.on && (
              <ChartExport
                name="monthly"
                title={`${t('export:monthly', { unit: t(`common:${view.unit}Title`) })} · ${range}`}
              >
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
              </ChartExport>
            )}
          </PanelBoundary>
          <PanelBoundary name={t('views:hourWeekday')} resetKey={viewKey}>
            {data.matrix && !view.publish.on && (
              <ChartExport name="hour-weekday" title={`${t('charts:matrixTitle')} · ${range}`}>
                <HourWeekdayMatrix
                  counts={data.matrix}
                  hours={view.hours}
                  weekdays={view.weekdays}
                  unit={view.unit}
                  onToggleHour={(h) => updateView({ hours: toggle(view.hours, h, HOURS) })}
                  onToggleWeekday={(d) => updateView({ weekdays: toggle(view.weekdays, d, WEEKDAYS) })}
                  onClear={() => updateView({ hours: HOURS, weekdays: WEEKDAYS })}
                />
              </ChartExport>
            )}
          </PanelBoundary>
        </div>
      </main>
      <aside className="right" aria-label={t('rightPanels')}>
        {dataset && !view.publish.on && mapShown && (
          <Suspense fallback={loadingPanel}>
            <PanelBoundary name={t('views:programs')} resetKey={viewKey}>
              <ProgramPanel dataset={dataset} view={view} onView={onView} />
            </PanelBoundary>
            <PanelBoundary name={t('views:planner')} resetKey={viewKey}>
              <PlannerPanel dataset={dataset} view={view} map={map} />
            </PanelBoundary>
          </Suspense>
        )}
        {!view.publish.on && <ProgramGeoJsonButton program={view.program} />}
        {dataset?.boundaries && (
          <PanelBoundary name={t('views:areas')} resetKey={`${viewKey}|${data.areas?.length ?? 0}`}>
            <CouncilPanel
              dataset={dataset}
              council={council}
              data={data}
              unit={view.unit}
              publish={storedView.publish}
              reasons={published.reasons}
              year={published.year}
              selected={view.areas.ids}
              onPublish={(publish) => updateView({ publish })}
              onArea={onArea}
            />
          </PanelBoundary>
        )}
        {mapShown && (
          <Suspense fallback={loadingPanel}>
            <PanelBoundary name={t('views:networks')} resetKey={viewKey}>
              <NetworkPanel engine={engine} dataset={dataset} />
            </PanelBoundary>
          </Suspense>
        )}
      </aside>
      {briefOpen && dataset && (
        <PanelBoundary name={t('views:brief')} resetKey={viewKey}>
          <Suspense fallback={loadingPanel}>
            <Brief
              dataset={dataset}
              view={view}
              data={data}
              council={council}
              year={published.year}
              onClose={() => setBriefOpen(false)}
            />
          </Suspense>
        </PanelBoundary>
      )}
      {report && reportOpen && (
        <PanelBoundary name={t('views:importReport')} resetKey={report.rowsRead}>
          <ReportPanel report={report} onClose={() => useAppStore.getState().showReport(report, false)} />
        </PanelBoundary>
      )}
    </div>
  );
}

/** The progress bar, if any: it reads the store itself, so a progress step re-renders the bar alone. */
function StartProgress() {
  const progress = useAppStore((s) => s.progress);
  // Keyed by stage: each stage counts its own seconds.
  return progress ? <ProgressBar key={progress.label} progress={progress} /> : null;
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
