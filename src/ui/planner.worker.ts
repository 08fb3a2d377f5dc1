/**
 * Web Worker of the deployment planner: coverage and suggested sites, the hot-now surface (Knox on the two
 * years before the window's end) and the persistent or intensifying hot spots outside every catchment; and,
 * on request, the weekly backtest. Everything here is the same pipeline the command line runs.
 */
import { cellToLatLng, getHexagonAreaAvg, UNITS } from 'h3-js';
import highsLoader from 'highs';
import highsWasmUrl from 'highs/runtime?url';
import { cellCentreIndex, hotNowRisk, type NearRepeatWindow } from '../analysis/planning/hot-now';
import type { StudyArea } from '../geo/h3-study-grid';
import { buildHotspotGrid, emergingAnalysis, hotspotAnalysis } from '../state/hotspot-pipeline';
import { type BacktestResult, runBacktest } from '../state/planning-backtest';
import { hotSpotCells, measureNearRepeat, uncoveredPersistentHotSpots } from '../state/planning-context';
import { type ExistingCatchment, incidentsBetween, type PlanningIncidents } from '../state/planning-inputs';
import { type PlanHotSpot, type PlanOptions, type PlanResult, planSites } from '../state/planning-pipeline';

/** A request to the planner worker. */
export type PlannerRequest =
  | {
      kind: 'plan';
      incidents: PlanningIncidents;
      fromDay: number;
      toDay: number;
      catchments: ExistingCatchment[];
      neighborhoods: PlanOptions['neighborhoods'];
      area: StudyArea;
      options: Pick<
        PlanOptions,
        | 'k'
        | 'radiusMetres'
        | 'resolution'
        | 'weights'
        | 'walkMetres'
        | 'caseload'
        | 'userSites'
        | 'candidateMode'
      >;
      /** Solve exactly with HiGHS within this many seconds (0: greedy only). */
      exactSeconds: number;
    }
  | {
      kind: 'backtest';
      incidents: PlanningIncidents;
      fromDay: number;
      toDay: number;
      area: StudyArea;
      resolution: number;
    };

/** The hot-now surface for the week after the window. */
export interface HotNowView {
  /** The near-repeat window the surface rests on; null when no Knox band is significant. */
  window: NearRepeatWindow | null;
  cells: string[];
  boost: number[];
}

/** A reply from the planner worker. */
export type PlannerReply =
  | {
      kind: 'plan';
      plan: PlanResult;
      hotNow: HotNowView;
      uncoveredHotSpots: PlanHotSpot[];
      uncovered: { lon: Float64Array; lat: Float64Array };
      millis: number;
    }
  | { kind: 'backtest'; result: BacktestResult; window: NearRepeatWindow | null; millis: number }
  | { kind: 'error'; message: string };

function monthsOf(day: Int32Array): Int32Array {
  return Int32Array.from(day, (d) => {
    const t = new Date(d * 86_400_000);
    return (t.getUTCFullYear() - 1970) * 12 + t.getUTCMonth();
  });
}

async function handle(req: PlannerRequest): Promise<PlannerReply> {
  const t0 = performance.now();
  const res = req.kind === 'plan' ? (req.options.resolution ?? 9) : req.resolution;
  const all = req.incidents;
  const grid = buildHotspotGrid(req.area, res, 1, all);
  const prior = incidentsBetween(
    all,
    req.kind === 'plan' ? req.toDay - 729 : req.fromDay - 730,
    req.kind === 'plan' ? req.toDay : req.fromDay - 1,
  );
  const nr = measureNearRepeat(prior);
  if (req.kind === 'backtest') {
    const result = runBacktest(all, grid, {
      fromDay: req.fromDay,
      toDay: req.toDay,
      window: nr?.window ?? null,
    });
    return {
      kind: 'backtest',
      result,
      window: nr?.window ?? null,
      millis: performance.now() - t0,
    };
  }
  const win = incidentsBetween(all, req.fromDay, req.toDay);
  const hot = hotSpotCells(hotspotAnalysis(grid, win));
  const highs = req.exactSeconds > 0 ? await highsLoader({ locateFile: () => highsWasmUrl }) : null;
  const plan = planSites(win, req.catchments, {
    ...req.options,
    ...(highs ? { exact: { highs, timeLimitSeconds: req.exactSeconds } } : {}),
    referenceDay: req.toDay,
    windowDays: req.toDay - req.fromDay + 1,
    chainWindow: nr?.window ? { distanceMetres: nr.window.distanceMetres, days: nr.window.days } : null,
    sensitivity: { ks: [1, 3, 5, 10], radii: [200, 400, 800] },
    hotSpots: hot,
    neighborhoods: req.neighborhoods,
  });
  const hotNow: HotNowView = { window: nr?.window ?? null, cells: [], boost: [] };
  if (nr?.window) {
    const cells = grid.grid.cells;
    const centres = { lon: new Float64Array(cells.length), lat: new Float64Array(cells.length) };
    cells.forEach((c, j) => {
      const [y, x] = cellToLatLng(c);
      centres.lat[j] = y;
      centres.lon[j] = x;
    });
    const boost = hotNowRisk(
      nr.window,
      prior,
      cellCentreIndex(centres),
      getHexagonAreaAvg(res, UNITS.m2),
      req.toDay + 1,
    );
    boost.forEach((b, j) => {
      if (b > 0) {
        hotNow.cells.push(cells[j]!);
        hotNow.boost.push(b);
      }
    });
  }
  let uncoveredHotSpots: PlanHotSpot[] = [];
  try {
    const emerging = emergingAnalysis(grid, { ...all, month: monthsOf(all.day) }, { slice: 'year' });
    uncoveredHotSpots = uncoveredPersistentHotSpots(
      emerging,
      req.catchments.flatMap((c) => c.features),
    );
  } catch {
    // Fewer than two yearly slices: no emerging pattern to show.
  }
  const keep: number[] = [];
  for (let i = 0; i < plan.inside.length; i++) if (!plan.inside[i]) keep.push(i);
  return {
    kind: 'plan',
    plan,
    hotNow,
    uncoveredHotSpots,
    uncovered: {
      lon: Float64Array.from(keep, (i) => win.lon[i]!),
      lat: Float64Array.from(keep, (i) => win.lat[i]!),
    },
    millis: performance.now() - t0,
  };
}

self.onmessage = async (event: MessageEvent<PlannerRequest>) => {
  try {
    self.postMessage((await handle(event.data)) satisfies PlannerReply);
  } catch (error) {
    self.postMessage({ kind: 'error', message: (error as Error).message } satisfies PlannerReply);
  }
};
