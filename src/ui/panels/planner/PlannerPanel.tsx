/**
 * Deployment planner: coverage of the registry's programs, suggested sites for new outreach teams (maximal
 * covering, greedy) with their explanations, the sensitivity table, the hot-now surface and the backtest.
 * Places only. Heavy work runs in the planner worker.
 */
import { circle } from '@turf/turf';
import i18next from 'i18next';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount, formatDecimal } from '../../../analysis/privacy/count-format';
import { loadH3 } from '../../../geo/h3-loader';
import { useAppStore } from '../../../state/app-store';
import type { Dataset } from '../../../state/datasets';
import {
  dayDate,
  dayNumber,
  type ExistingCatchment,
  loadPlanningIncidents,
} from '../../../state/planning-inputs';
import type { CandidateMode } from '../../../state/planning-pipeline';
import {
  catchmentPolygons,
  mergePrograms,
  type Program,
  programsFromDemo,
  upsertPrograms,
} from '../../../state/programs';
import type { UrlViewState } from '../../../state/url-state';
import { monthEnd, viewFilter } from '../../../state/view-filter';
import { DEMO_ASSETS } from '../../demo-assets';
import { datasetStudyArea } from '../../hotspot-analysis';
import { nearRepeatWindowText } from '../../knox-labels';
import type { PlannerReply, PlannerRequest } from '../../planner.worker';
import { draftProgramId } from '../../planner-map';
import { usePlannerMap } from '../../planner-store';
import { useProgramStore } from '../../program-store';
import { NumberField } from '../NumberField';
import { BacktestTable } from './BacktestTable';
import { PlacedSites, placedSiteLabels } from './PlacedSites';
import { CoverageSummary, SensitivityTable, SolverSummary } from './PlanSummary';

type PlanReply = Extract<PlannerReply, { kind: 'plan' }>;
type BacktestReply = Extract<PlannerReply, { kind: 'backtest' }>;

function runWorker(request: PlannerRequest): Promise<PlannerReply> {
  const worker = new Worker(new URL('../../planner.worker.ts', import.meta.url), { type: 'module' });
  return new Promise((resolve) => {
    worker.onmessage = (event: MessageEvent<PlannerReply>) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.postMessage(request);
  });
}

async function registryCatchments(dataset: Dataset, user: Program[]): Promise<ExistingCatchment[]> {
  const demo = dataset.synthetic ? programsFromDemo(await (await fetch(DEMO_ASSETS.programs)).json()) : [];
  return mergePrograms(demo, user).flatMap((p) => {
    const f = catchmentPolygons(p.catchment);
    return Array.isArray(f) ? [{ id: p.id, name: p.name, features: f }] : [];
  });
}

/** The planner panel. */
export function PlannerPanel({
  dataset,
  view,
  map: mapInstance = null,
}: {
  dataset: Dataset;
  view: UrlViewState;
  /** The dashboard map, for placing candidate sites by clicking it. */
  map?: MapLibreMap | null;
}) {
  const { t } = useTranslation('planner');
  const engine = useAppStore((s) => s.engine);
  const user = useProgramStore((s) => s.user);
  const map = usePlannerMap();
  const [k, setK] = useState(5);
  const [radius, setRadius] = useState(400);
  const [fatalWeight, setFatalWeight] = useState(2);
  const [halfLife, setHalfLife] = useState(0);
  const [exactSeconds, setExactSeconds] = useState(10);
  const [caseload, setCaseload] = useState(0);
  const [teams, setTeams] = useState(5);
  const [candidateMode, setCandidateMode] = useState<CandidateMode>('cells');
  // Without placed sites the only candidates are the cell centres.
  const mode: CandidateMode = view.sites.length === 0 ? 'cells' : candidateMode;
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [plan, setPlan] = useState<(PlanReply & { from: string; to: string; programs: number }) | null>(null);
  const [backtest, setBacktest] = useState<(BacktestReply & { from: string; to: string }) | null>(null);
  const incidentsRef = useRef<{
    key: string;
    value: Awaited<ReturnType<typeof loadPlanningIncidents>>;
  } | null>(null);

  useEffect(
    () => () =>
      usePlannerMap.getState().set({ suggestions: [], uncovered: null, outsideHotSpots: [], hotNow: null }),
    [],
  );

  // The planner follows the view's filters; the time brush sets its window (default: the last 12 months).
  const filter = viewFilter(view, null, ['areas', 'time']);
  const filterKey = JSON.stringify([dataset.table, dataset.loadId, filter]);
  const incidents = async () => {
    if (incidentsRef.current?.key !== filterKey)
      incidentsRef.current = {
        key: filterKey,
        value: await loadPlanningIncidents(engine!, dataset.table, filter),
      };
    return incidentsRef.current.value;
  };
  const windowOf = (day: Int32Array): [number, number] => {
    if (view.time) return [dayNumber(`${view.time.from}-01`), dayNumber(monthEnd(view.time.to))];
    const last = lastDay(day);
    return [last - 364, last];
  };
  const lastDay = (day: Int32Array) => day.reduce((a, b) => Math.max(a, b), 0);

  const runPlan = async () => {
    if (!engine) return;
    setBusy(t('choosing'));
    setError(null);
    try {
      const [all, area, catchments] = await Promise.all([
        incidents(),
        datasetStudyArea(engine, dataset),
        registryCatchments(dataset, user),
        loadH3(),
      ]);
      const [fromDay, toDay] = windowOf(all.day);
      const reply = await runWorker({
        kind: 'plan',
        incidents: all,
        fromDay,
        toDay,
        catchments,
        neighborhoods: dataset.boundaries
          ? { labels: dataset.boundaries.names, features: dataset.boundaries.layer.features }
          : undefined,
        area: area.area,
        options: {
          k,
          radiusMetres: radius,
          resolution: 9,
          walkMetres: 400,
          weights: { fatal: fatalWeight, nonfatal: 1, ...(halfLife > 0 ? { halfLifeDays: halfLife } : {}) },
          ...(caseload > 0 ? { caseload: { caseload, teams } } : {}),
          candidateMode: mode,
          ...(mode !== 'cells'
            ? {
                userSites: placedSiteLabels(view.sites).map((label, i) => ({
                  label,
                  lon: view.sites[i]!.lon,
                  lat: view.sites[i]!.lat,
                })),
              }
            : {}),
        },
        exactSeconds: caseload > 0 ? 0 : exactSeconds,
      });
      if (reply.kind === 'error') throw new Error(reply.message);
      if (reply.kind !== 'plan') return;
      setPlan({ ...reply, from: dayDate(fromDay), to: dayDate(toDay), programs: catchments.length });
      usePlannerMap.getState().set({
        suggestions: reply.plan.suggestions,
        uncovered: reply.uncovered,
        outsideHotSpots: reply.uncoveredHotSpots,
        hotNow: reply.hotNow.cells.length > 0 ? reply.hotNow : null,
      });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  };

  const runBacktest = async () => {
    if (!engine) return;
    setBusy(t('backtesting'));
    setError(null);
    try {
      const [all, area] = await Promise.all([incidents(), datasetStudyArea(engine, dataset)]);
      // The brushed months, else the last three years of the data.
      const toDay = view.time ? dayNumber(monthEnd(view.time.to)) : lastDay(all.day);
      const fromDay = view.time ? dayNumber(`${view.time.from}-01`) : toDay - 3 * 364 + 1;
      const reply = await runWorker({
        kind: 'backtest',
        incidents: all,
        fromDay,
        toDay,
        area: area.area,
        resolution: 9,
      });
      if (reply.kind === 'error') throw new Error(reply.message);
      if (reply.kind === 'backtest') setBacktest({ ...reply, from: dayDate(fromDay), to: dayDate(toDay) });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  };

  const keep = (s: PlanReply['plan']['suggestions'][number]) => {
    const disc = circle([s.lon, s.lat], s.radiusMetres, { units: 'meters', steps: 48 });
    const program: Program = {
      id: draftProgramId(s),
      name: i18next.t(s.source === 'site' ? 'planner:draftNameSite' : 'planner:draftName', {
        rank: s.rank,
        place: s.source === 'site' ? s.cell : (s.neighborhoods[0] ?? s.cell),
      }),
      model: 'other',
      modelDetail: i18next.t('planner:draftDetail'),
      city: dataset.label,
      launch: new Date().toISOString().slice(0, 10),
      catchment: { type: 'geometry', geometry: disc.geometry },
      notes: i18next.t(s.source === 'site' ? 'planner:draftNotesSite' : 'planner:draftNotes', {
        rank: s.rank,
        radius: s.radiusMetres,
        cell: s.cell,
        covered: s.newlyCovered,
        fatal: s.newlyCoveredFatal,
        from: plan?.from ?? '',
        to: plan?.to ?? '',
      }),
      sources: [{ id: 'planner', citation: i18next.t('planner:draftSource') }],
      publishedOutcomes: [],
      origin: 'user',
    };
    useProgramStore.getState().setUser(upsertPrograms(user, [program]));
  };

  const kept = new Set(user.map((p) => p.id));
  const c = plan?.plan.coverage;
  return (
    <section className="panel" data-testid="planner-panel">
      <h2>{t('title')}</h2>
      <p className="muted small">{t('intro')}</p>
      <div className="row">
        <NumberField label={t('sitesK')} value={k} min={1} max={20} onChange={setK} testId="planner-k" />
        <NumberField
          label={t('radius')}
          value={radius}
          min={100}
          max={2000}
          step={50}
          fallback={400}
          onChange={setRadius}
          testId="planner-radius"
        />
      </div>
      <div className="row">
        <NumberField
          label={t('fatalWeight')}
          value={fatalWeight}
          min={1}
          max={10}
          onChange={setFatalWeight}
        />
        <NumberField
          label={t('halfLife')}
          value={halfLife}
          min={0}
          max={3650}
          step={30}
          onChange={setHalfLife}
        />
      </div>
      <div className="row">
        <NumberField
          label={t('exactCap')}
          value={exactSeconds}
          min={0}
          max={120}
          onChange={setExactSeconds}
          testId="planner-exact"
        />
      </div>
      <div className="row">
        <NumberField label={t('caseload')} value={caseload} min={0} max={10000} onChange={setCaseload} />
        <NumberField label={t('teams')} value={teams} min={1} max={100} onChange={setTeams} />
      </div>
      <PlacedSites map={mapInstance} sites={view.sites} mode={mode} onMode={setCandidateMode} />
      <div className="row">
        <button type="button" disabled={!engine || busy !== null} onClick={runPlan} data-testid="planner-run">
          {t('suggest')}
        </button>
        <button
          type="button"
          disabled={!engine || busy !== null}
          onClick={runBacktest}
          data-testid="planner-backtest"
        >
          {t('backtest')}
        </button>
        <label className="small">
          <input
            type="checkbox"
            checked={map.uncoveredMode}
            onChange={(e) => map.set({ uncoveredMode: e.target.checked })}
            data-testid="planner-uncovered-mode"
          />
          {t('uncoveredOnMap')}
        </label>
      </div>
      {busy && <p className="muted small">{busy}</p>}
      {error && <p className="notice error">{error}</p>}
      {plan && c && (
        <div data-testid="planner-result">
          <CoverageSummary
            coverage={c}
            from={plan.from}
            to={plan.to}
            programs={plan.programs}
            walkMetres={plan.plan.walkMetres}
          />
          <h3>{t('suggested')}</h3>
          <SolverSummary plan={plan.plan} />
          <ol className="small" data-testid="planner-sites">
            {plan.plan.suggestions.map((s) => (
              <li key={s.cell} data-testid="planner-site" data-source={s.source}>
                <b>{s.cell}</b>
                {s.source === 'site' ? t('yourSite') : ''}:{' '}
                {t('siteGain', {
                  covered: formatCount(s.newlyCovered),
                  fatal: formatDecimal(s.newlyCoveredFatal, 0),
                  victims: formatCount(s.newlyCoveredVictims, { unit: 'victims' }),
                  hotSpots: s.hotSpots.length,
                })}
                {s.nearRepeatPairs !== null ? t('siteNearRepeat', { pairs: s.nearRepeatPairs }) : ''}
                {t('siteInside')}
                {s.nearestProgram
                  ? t('siteNearest', {
                      name: s.nearestProgram.name,
                      km: formatDecimal(s.nearestProgram.distanceMetres / 1000, 1),
                    })
                  : ''}
                {s.neighborhoods.length > 0 ? t('siteTouches', { names: s.neighborhoods.join(', ') }) : ''}
                {s.teams !== undefined ? t('siteTeams', { count: s.teams }) : ''}.{' '}
                {kept.has(draftProgramId(s)) ? (
                  <span className="badge">{t('keptDraft')}</span>
                ) : (
                  <button type="button" className="link" onClick={() => keep(s)} data-testid="planner-keep">
                    {t('keepDraft')}
                  </button>
                )}
              </li>
            ))}
          </ol>
          {plan.plan.sensitivity && <SensitivityTable rows={plan.plan.sensitivity} />}
          <h3>{t('hotNow')}</h3>
          <p className="small" data-testid="planner-hot-now">
            {plan.hotNow.window
              ? t('hotNowText', {
                  to: plan.to,
                  statement: nearRepeatWindowText(plan.hotNow.window, t),
                  cells: formatCount(plan.hotNow.cells.length),
                })
              : t('noHotNow')}
          </p>
          <p className="small muted">
            {t('outsideHotSpots', { cells: formatCount(plan.uncoveredHotSpots.length) })}
          </p>
        </div>
      )}
      {backtest && <BacktestTable reply={backtest} />}
    </section>
  );
}
