/**
 * Program evaluation on a loaded incident table: from a program's places to counts, and from counts to
 * every estimator with its guardrails.
 *
 * Units. The catchment is one unit (the union of its polygons); each comparison feature and each donor
 * feature is its own unit; the optional displacement ring is the catchment buffered by `bufferMetres`
 * minus the catchment. Each incident row is assigned by {@link assignPointsToPolygons} to the FIRST containing
 * polygon in the order catchment, comparison units, donors, so a point on a shared boundary counts for
 * one unit only and the catchment wins over its neighbours. The ring is assigned separately (a row in the
 * ring may also lie in a comparison unit; the guardrails report how many).
 *
 * Counts are zero-filled per period (month or quarter) in the chosen unit (incidents or victims), with the
 * view's filters (hours, weekdays, attributes, fatal) applied; the series covers the whole table unless
 * `from`/`to` say otherwise. The launch period is the period containing the launch date.
 *
 * Estimators (src/analysis/evaluation, see docs/methods/evaluation.md): pre/post rate ratio over equal
 * windows (default 24 months or 8 quarters each side, launch period left out); weighted displacement
 * difference over the same windows, the comparison units' sum as control and the ring as displacement
 * area; interrupted time series (quasi-Poisson, seasonality); Poisson difference-in-differences of the
 * catchment against the comparison units with the event study; synthetic control with the comparison
 * and donor units as the donor pool. Each estimator that cannot run (too few units, a unit with no events,
 * a launch too close to the ends) returns its reason instead of a number.
 *
 * Guardrails: pre-period length (warn under 24 months / 8 quarters), post-period length, events per unit
 * before launch (warn under 10), the event-study pre-trend test, residual autocorrelation of the ITS,
 * the synthetic control's fit, fatal vs non-fatal consistency (pre/post for each, warn when their
 * intervals do not overlap) and overlap of the ring with comparison units.
 */

import { buffer } from '@turf/turf';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import {
  type DifferenceInDifferences,
  differenceInDifferences,
} from '../analysis/evaluation/difference-in-differences';
import {
  type InterruptedTimeSeries,
  interruptedTimeSeries,
} from '../analysis/evaluation/interrupted-time-series';
import { type PrePostFromSeries, prePostFromSeries } from '../analysis/evaluation/pre-post-rate-ratio';
import { type SyntheticControl, syntheticControl } from '../analysis/evaluation/synthetic-control';
import {
  type WeightedDisplacementDifference,
  weightedDisplacementDifference,
} from '../analysis/evaluation/weighted-displacement-difference';
import { formatCi, formatPValue, formatRatio } from '../analysis/privacy/count-format';
import type { Connector } from '../data/connector';
import { incidentPoints } from '../data/incident-points';
import { numberColumn } from '../data/rows';
import { unitSeriesQuery } from '../data/sql/evaluation-queries';
import { dropTablesQuery } from '../data/sql/import-queries';
import type { IncidentFilter } from '../data/sql/incident-filter';
import { type PolygonFeature, polygonBbox } from '../geo/point-in-polygons';
import { assignPointsToPolygons } from '../geo/polygon-assigner';
import { catchmentFeatures, type Program, resolveBoundaryFeatures } from './programs';

/** Estimator ids. */
export const EVALUATION_METHODS = ['prepost', 'wdd', 'its', 'did', 'synth'] as const;
/** An estimator id. */
export type EvaluationMethod = (typeof EVALUATION_METHODS)[number];

/** A named group of polygons that forms one evaluation unit. */
export interface EvaluationArea {
  id: string;
  label: string;
  features: PolygonFeature[];
}

/** The places of one evaluation. */
export interface EvaluationGeometry {
  /** The catchment's polygons (one unit, their union). */
  catchment: PolygonFeature[];
  catchmentLabel: string;
  /** Comparison units (DiD, WDD control, synthetic-control donors). */
  comparison: EvaluationArea[];
  /** Further donor units for the synthetic control only. */
  donors: EvaluationArea[];
  /** Displacement ring width in metres (0 = none). */
  bufferMetres: number;
}

/** Role of a unit. */
export type UnitRole = 'catchment' | 'comparison' | 'donor' | 'buffer';

/** Counts of one unit, one entry per period. */
export interface UnitSeries {
  id: string;
  label: string;
  role: UnitRole;
  total: Float64Array;
  fatal: Float64Array;
}

/** Zero-filled counts of every unit of an evaluation. */
export interface ProgramSeries {
  by: 'month' | 'quarter';
  unit: 'incidents' | 'victims';
  /** Period labels, `YYYY-MM` or `YYYY-Qn`, oldest first. */
  periods: string[];
  /** Month (0-11) or quarter (0-3) of the first period. */
  firstSeason: number;
  /** Launch date and the index of its period. */
  launch: string;
  launchIndex: number;
  units: UnitSeries[];
  bufferMetres: number;
  /** Rows that fall in the ring and also in a comparison or donor unit. */
  bufferOverlapRows: number;
}

/** Options of {@link programSeries}. */
export interface ProgramSeriesOptions {
  by?: 'month' | 'quarter';
  unit?: 'incidents' | 'victims';
  /** Engine filter (hours, weekdays, attributes, fatal); dates in it also restrict counting. */
  filter?: IncidentFilter;
  /** First and last day of the series (`YYYY-MM-DD`); default: the table's range. */
  from?: string;
  to?: string;
  /** Launch date `YYYY-MM-DD`. */
  launch: string;
  /** Engine table for the unit assignment (dropped after use; give each concurrent run its own). Default `program_eval_units`. */
  unitTable?: string;
}

/** Label of the period containing a `YYYY-MM-DD` date. */
export function periodOf(date: string, by: 'month' | 'quarter'): string {
  const y = date.slice(0, 4);
  const m = Number(date.slice(5, 7));
  return by === 'month' ? `${y}-${date.slice(5, 7)}` : `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
}

/** The catchment buffered by `metres`, as polygon features (empty for 0). */
export function bufferFeatures(features: readonly PolygonFeature[], metres: number): PolygonFeature[] {
  if (!(metres > 0)) return [];
  return features.flatMap((f) => {
    const b = buffer(f, metres, { units: 'meters', steps: 8 });
    return b ? [{ type: 'Feature' as const, properties: {}, geometry: b.geometry } as PolygonFeature] : [];
  });
}

/**
 * Counts incidents (or victims) per unit and period on the engine (see the module header for the unit
 * rules). Throws RangeError when the catchment is empty or the launch lies outside the series.
 */
export async function programSeries(
  db: Connector,
  table: string,
  geometry: EvaluationGeometry,
  options: ProgramSeriesOptions,
): Promise<ProgramSeries> {
  const by = options.by ?? 'month';
  const unit = options.unit ?? 'incidents';
  if (geometry.catchment.length === 0) throw new RangeError('the catchment has no polygons');
  const polygons: PolygonFeature[] = [];
  const unitOfPolygon: number[] = [];
  const meta: { id: string; label: string; role: UnitRole }[] = [
    { id: 'catchment', label: geometry.catchmentLabel, role: 'catchment' },
  ];
  for (const f of geometry.catchment) {
    polygons.push(f);
    unitOfPolygon.push(0);
  }
  for (const [role, list] of [
    ['comparison', geometry.comparison],
    ['donor', geometry.donors],
  ] as const) {
    for (const area of list) {
      const u = meta.length;
      meta.push({ id: area.id, label: area.label, role });
      for (const f of area.features) {
        polygons.push(f);
        unitOfPolygon.push(u);
      }
    }
  }
  const points = await incidentPoints(db, table);
  const hit = await assignPointsToPolygons(points.lon, points.lat, polygons);
  const rowIds: number[] = [];
  const units: number[] = [];
  for (let i = 0; i < hit.length; i++) {
    const h = hit[i]!;
    if (h < 0) continue;
    rowIds.push(points.rowId[i]!);
    units.push(unitOfPolygon[h]!);
  }
  let bufferOverlapRows = 0;
  const ring = bufferFeatures(geometry.catchment, geometry.bufferMetres);
  if (ring.length > 0) {
    const bufferUnit = meta.length;
    meta.push({
      id: 'buffer',
      label: `${geometry.bufferMetres} m ring around the catchment`,
      role: 'buffer',
    });
    const inRing = await assignPointsToPolygons(points.lon, points.lat, ring);
    for (let i = 0; i < inRing.length; i++) {
      if (inRing[i]! < 0 || hit[i] === 0 || unitOfPolygon[hit[i]!] === 0) continue;
      if (hit[i]! >= 0) bufferOverlapRows++;
      rowIds.push(points.rowId[i]!);
      units.push(bufferUnit);
    }
  }
  const unitTable = options.unitTable ?? 'program_eval_units';
  await db.query(dropTablesQuery([unitTable]));
  await db.insertArrowIpc(
    unitTable,
    tableToIPC(
      tableFromArrays({ row_id: Float64Array.from(rowIds), unit: Int32Array.from(units) }),
      'stream',
    ),
  );
  let result: Awaited<ReturnType<Connector['query']>>;
  try {
    result = await db.query(
      unitSeriesQuery(table, unitTable, {
        by,
        unit,
        units: meta.length,
        filter: options.filter,
        from: options.from,
        to: options.to,
      }),
    );
  } finally {
    await db.query(dropTablesQuery([unitTable]));
  }
  const unitCol = numberColumn(result, 'unit');
  const periodCol = numberColumn(result, 'period');
  const totalCol = numberColumn(result, 'total');
  const fatalCol = numberColumn(result, 'fatal');
  const n = unitCol.length / meta.length;
  const periods: string[] = [];
  for (let t = 0; t < n; t++) {
    periods.push(periodOf(new Date(periodCol[t]!).toISOString().slice(0, 10), by));
  }
  const series: UnitSeries[] = meta.map((m, u) => ({
    ...m,
    total: totalCol.slice(u * n, (u + 1) * n),
    fatal: fatalCol.slice(u * n, (u + 1) * n),
  }));
  const launchIndex = periods.indexOf(periodOf(options.launch, by));
  if (launchIndex < 0) {
    throw new RangeError(
      `the launch ${options.launch} lies outside the data (${periods[0]} to ${periods[periods.length - 1]})`,
    );
  }
  const first = new Date(periodCol[0]!);
  const firstSeason = by === 'month' ? first.getUTCMonth() : Math.floor(first.getUTCMonth() / 3);
  return {
    by,
    unit,
    periods,
    firstSeason,
    launch: options.launch,
    launchIndex,
    units: series,
    bufferMetres: ring.length > 0 ? geometry.bufferMetres : 0,
    bufferOverlapRows,
  };
}

/** An estimator's result, or why it could not run. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string };

/** One guardrail shown beside the numbers. */
export interface Guardrail {
  id:
    | 'pre-period'
    | 'post-period'
    | 'events-per-unit'
    | 'pre-trend'
    | 'autocorrelation'
    | 'donor-fit'
    | 'fatal-nonfatal'
    | 'control-size'
    | 'buffer-overlap';
  status: 'ok' | 'warn' | 'info';
  text: string;
}

/** One estimate in a uniform shape for tables and the command line. */
export interface EstimateSummary {
  method: EvaluationMethod;
  /** e.g. 'ITS level change'. */
  label: string;
  /** 'ratio' (1 = no change), 'difference' (0 = no change, events) or 'placebo' (no interval). */
  scale: 'ratio' | 'difference' | 'placebo';
  estimate: number;
  lower: number | null;
  upper: number | null;
  pValue: number | null;
  reading: string;
}

/** Options of {@link evaluateProgram}. */
export interface EvaluateProgramOptions {
  /** Estimators to run. Default all. */
  methods?: readonly EvaluationMethod[];
  /** Pre/post and WDD window per side, in periods. Default 24 (monthly) or 8 (quarterly). */
  windowLength?: number;
  /** Confidence level. Default 0.95. */
  level?: number;
  /** Called after each estimator (for progress in a worker). */
  onProgress?: (done: number, total: number, method: EvaluationMethod) => void;
}

/** Everything an evaluation produced. */
export interface ProgramEvaluation {
  series: ProgramSeries;
  windowLength: number;
  prePost: Outcome<PrePostFromSeries> | null;
  prePostFatal: Outcome<PrePostFromSeries> | null;
  prePostNonfatal: Outcome<PrePostFromSeries> | null;
  wdd: Outcome<WeightedDisplacementDifference> | null;
  its: Outcome<InterruptedTimeSeries> | null;
  did: Outcome<DifferenceInDifferences> | null;
  synth: Outcome<SyntheticControl> | null;
  estimates: EstimateSummary[];
  guardrails: Guardrail[];
}

function attempt<T>(run: () => T): Outcome<T> {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

function sumRange(values: Float64Array, from: number, to: number): number {
  let s = 0;
  for (let i = from; i <= to; i++) s += values[i]!;
  return s;
}

const fmt = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : x > 0 ? '∞' : '—');

/**
 * Runs the chosen estimators on a program's series and collects the guardrails. Pure (no engine, no
 * DOM), so it runs in a Web Worker and in Node alike. Each estimator's failure is caught and reported in
 * its {@link Outcome}.
 */
export function evaluateProgram(
  series: ProgramSeries,
  options: EvaluateProgramOptions = {},
): ProgramEvaluation {
  const methods = new Set(options.methods ?? EVALUATION_METHODS);
  const level = options.level ?? 0.95;
  const perYear = series.by === 'month' ? 12 : 4;
  const periodWord = series.by === 'month' ? 'month' : 'quarter';
  const windowLength = options.windowLength ?? 2 * perYear;
  const L = series.launchIndex;
  const catchment = series.units.find((u) => u.role === 'catchment');
  if (!catchment) throw new RangeError('the series has no catchment unit');
  const comparison = series.units.filter((u) => u.role === 'comparison');
  const donors = series.units.filter((u) => u.role === 'donor' || u.role === 'comparison');
  const ring = series.units.find((u) => u.role === 'buffer');
  const nonfatal = catchment.total.map((v, i) => v - catchment.fatal[i]!);
  const eventLabel = series.unit;
  const total = [...methods].length;
  let done = 0;
  const progress = (m: EvaluationMethod) => options.onProgress?.(++done, total, m);

  const ppOptions = {
    windowLength,
    level,
    unitLabel: series.by === 'month' ? 'monthly' : 'quarterly',
    areaLabel: 'the catchment',
    eventLabel,
  };
  let prePost: ProgramEvaluation['prePost'] = null;
  let prePostFatal: ProgramEvaluation['prePostFatal'] = null;
  let prePostNonfatal: ProgramEvaluation['prePostNonfatal'] = null;
  if (methods.has('prepost') || methods.has('wdd')) {
    prePost = attempt(() => prePostFromSeries(catchment.total, L, ppOptions));
    prePostFatal = attempt(() =>
      prePostFromSeries(catchment.fatal, L, { ...ppOptions, eventLabel: `fatal ${eventLabel}` }),
    );
    prePostNonfatal = attempt(() =>
      prePostFromSeries(nonfatal, L, { ...ppOptions, eventLabel: `non-fatal ${eventLabel}` }),
    );
    if (methods.has('prepost')) progress('prepost');
  }

  let wdd: ProgramEvaluation['wdd'] = null;
  if (methods.has('wdd')) {
    wdd = attempt(() => {
      if (!prePost?.ok) throw new RangeError(prePost?.error ?? 'no pre/post windows');
      if (comparison.length === 0) throw new RangeError('WDD needs at least one comparison unit');
      const [a0, a1] = prePost.value.preWindow;
      const [b0, b1] = prePost.value.postWindow;
      const counts = (s: Float64Array) => ({ pre: sumRange(s, a0, a1), post: sumRange(s, b0, b1) });
      const control = comparison.reduce(
        (acc, u) => {
          const c = counts(u.total);
          return { pre: acc.pre + c.pre, post: acc.post + c.post };
        },
        { pre: 0, post: 0 },
      );
      return weightedDisplacementDifference(
        {
          treated: counts(catchment.total),
          control,
          ...(ring ? { displacement: counts(ring.total) } : {}),
        },
        { level },
      );
    });
    progress('wdd');
  }

  let its: ProgramEvaluation['its'] = null;
  if (methods.has('its')) {
    its = attempt(() =>
      interruptedTimeSeries(catchment.total, L, {
        frequency: series.by === 'month' ? 'monthly' : 'quarterly',
        firstSeason: series.firstSeason,
        level,
      }),
    );
    progress('its');
  }

  let did: ProgramEvaluation['did'] = null;
  if (methods.has('did')) {
    did = attempt(() => {
      if (comparison.length === 0) throw new RangeError('DiD needs at least one comparison unit');
      return differenceInDifferences(
        [catchment.total, ...comparison.map((u) => u.total)],
        [true, ...comparison.map(() => false)],
        L,
        { level, periodsPerYear: perYear },
      );
    });
    progress('did');
  }

  let synth: ProgramEvaluation['synth'] = null;
  if (methods.has('synth')) {
    synth = attempt(() => {
      if (donors.length < 2) throw new RangeError('the synthetic control needs at least 2 donor units');
      return syntheticControl(
        catchment.total,
        donors.map((u) => u.total),
        L,
        { donorNames: donors.map((u) => u.label) },
      );
    });
    progress('synth');
  }

  const estimates: EstimateSummary[] = [];
  if (methods.has('prepost') && prePost?.ok) {
    const v = prePost.value;
    estimates.push({
      method: 'prepost',
      label: 'Pre/post rate ratio',
      scale: 'ratio',
      estimate: v.rateRatio,
      lower: v.interval.lower,
      upper: v.interval.upper,
      pValue: v.pValue,
      reading: v.reading,
    });
  }
  if (wdd?.ok) {
    const v = wdd.value;
    estimates.push({
      method: 'wdd',
      label: 'Weighted displacement difference (events)',
      scale: 'difference',
      estimate: v.wdd,
      lower: v.interval.lower,
      upper: v.interval.upper,
      pValue: v.pValue,
      reading: v.reading,
    });
  }
  if (its?.ok) {
    const v = its.value;
    estimates.push(
      {
        method: 'its',
        label: 'ITS level change at launch',
        scale: 'ratio',
        estimate: v.levelChange.irr,
        lower: v.levelChange.interval.lower,
        upper: v.levelChange.interval.upper,
        pValue: v.levelChange.pValue,
        reading: v.reading,
      },
      {
        method: 'its',
        label: `ITS slope change per ${periodWord}`,
        scale: 'ratio',
        estimate: v.slopeChange.irr,
        lower: v.slopeChange.interval.lower,
        upper: v.slopeChange.interval.upper,
        pValue: v.slopeChange.pValue,
        reading: `The trend after launch changed by ${fmt(v.slopeChange.irr, 3)}× per ${periodWord} relative to the pre-launch trend.`,
      },
    );
  }
  if (did?.ok) {
    const v = did.value;
    estimates.push({
      method: 'did',
      label: 'Difference-in-differences IRR',
      scale: 'ratio',
      estimate: v.effect.irr,
      lower: v.effect.interval.lower,
      upper: v.effect.interval.upper,
      pValue: v.effect.pValue,
      reading: v.reading,
    });
  }
  if (synth?.ok) {
    const v = synth.value;
    estimates.push({
      method: 'synth',
      label: 'Synthetic control: post total ratio',
      scale: 'placebo',
      estimate: v.postRatio,
      lower: null,
      upper: null,
      pValue: v.pValue,
      reading: v.reading,
    });
  }

  const guardrails: Guardrail[] = [];
  const minPre = series.by === 'month' ? 24 : 8;
  guardrails.push({
    id: 'pre-period',
    status: L < minPre ? 'warn' : 'ok',
    text: `${L} ${periodWord}s of data before launch${L < minPre ? ` (fewer than ${minPre}: the pre-launch trend and seasonality are poorly known)` : ''}.`,
  });
  const post = series.periods.length - L;
  guardrails.push({
    id: 'post-period',
    status: post < perYear ? 'warn' : 'ok',
    text: `${post} ${periodWord}s from launch on (launch period ${series.periods[L]})${post < perYear ? ': less than a year, too short to judge an effect' : ''}.`,
  });
  const preCounts = series.units
    .filter((u) => u.role === 'catchment' || u.role === 'comparison')
    .map((u) => ({ label: u.label, pre: sumRange(u.total, 0, L - 1) }));
  const fewest = preCounts.reduce((a, b) => (b.pre < a.pre ? b : a));
  guardrails.push({
    id: 'events-per-unit',
    status: fewest.pre < 10 ? 'warn' : 'ok',
    text: `Fewest ${eventLabel} before launch in any unit: ${fewest.pre} (${fewest.label})${fewest.pre < 10 ? ' — fewer than 10, estimates are unstable' : ''}.`,
  });
  if (did?.ok && did.value.eventStudy?.preTrendTest) {
    const t = did.value.eventStudy.preTrendTest;
    guardrails.push({
      id: 'pre-trend',
      status: t.pValue < 0.05 ? 'warn' : 'ok',
      text: `Event-study pre-trend test: χ² = ${fmt(t.statistic, 1)} on ${t.df} df, p = ${fmt(t.pValue, 3)}${t.pValue < 0.05 ? ' — catchment and comparison were already diverging before launch' : ' (not significant at the 5% level)'}.`,
    });
  } else {
    guardrails.push({
      id: 'pre-trend',
      status: 'info',
      text: did?.ok
        ? 'Pre-trend test needs at least two years before launch.'
        : 'Pre-trend test needs comparison units (DiD event study).',
    });
  }
  if (its?.ok) {
    const a = its.value.autocorrelation;
    guardrails.push({
      id: 'autocorrelation',
      status: a.significant ? 'warn' : 'ok',
      text: a.warning ?? `ITS residuals: no autocorrelation detected (Ljung-Box p = ${fmt(a.pValue, 2)}).`,
    });
  }
  if (synth?.ok) {
    const s = synth.value;
    guardrails.push({
      id: 'donor-fit',
      status: s.warnings.length > 0 ? 'warn' : 'ok',
      text:
        s.warnings.length > 0
          ? s.warnings.join(' ')
          : `Synthetic control fit: pre-RMSPE ${fmt(s.preRmspe)} is ${fmt(s.noiseRatio, 1)}× the Poisson noise level (${donors.length} donors).`,
    });
  }
  if (prePostFatal?.ok && prePostNonfatal?.ok) {
    const f = prePostFatal.value;
    const n = prePostNonfatal.value;
    const disjoint = f.interval.upper < n.interval.lower || n.interval.upper < f.interval.lower;
    const fewFatal = f.inputs.pre < 10;
    guardrails.push({
      id: 'fatal-nonfatal',
      status: disjoint ? 'warn' : fewFatal ? 'info' : 'ok',
      text:
        `Fatal ${fmt(f.rateRatio)}× (95% CI ${fmt(f.interval.lower)}–${fmt(f.interval.upper)}) vs non-fatal ${fmt(n.rateRatio)}× ` +
        `(95% CI ${fmt(n.interval.lower)}–${fmt(n.interval.upper)}) pre/post` +
        (disjoint
          ? ': the intervals do not overlap, so fatal and non-fatal changed differently.'
          : fewFatal
            ? `: only ${f.inputs.pre} fatal ${eventLabel} in the pre window, too few to compare.`
            : ': consistent.'),
    });
  }
  if (wdd?.ok) {
    const t = wdd.value.inputs.treated.pre;
    const c = wdd.value.inputs.control.pre;
    const ratio = t > 0 ? c / t : Number.POSITIVE_INFINITY;
    const off = ratio > 2 || ratio < 0.5;
    guardrails.push({
      id: 'control-size',
      status: off ? 'warn' : 'ok',
      text: `WDD control had ${c} ${eventLabel} in the pre window vs ${t} in the catchment (${fmt(ratio, 1)}×)${off ? ': WDD counts absolute events, so a control of a different size moves it by its own volume; read the ratio estimates instead' : ''}.`,
    });
  }
  if (series.bufferMetres > 0) {
    guardrails.push({
      id: 'buffer-overlap',
      status: series.bufferOverlapRows > 0 ? 'warn' : 'ok',
      text:
        series.bufferOverlapRows > 0
          ? `${series.bufferOverlapRows} rows of the ${series.bufferMetres} m ring also lie in comparison or donor units: displacement may contaminate the comparison.`
          : `The ${series.bufferMetres} m ring does not overlap comparison or donor units.`,
    });
  }

  return {
    series,
    windowLength,
    prePost: methods.has('prepost') ? prePost : null,
    prePostFatal,
    prePostNonfatal,
    wdd,
    its,
    did,
    synth,
    estimates,
    guardrails,
  };
}

/** Boundaries an evaluation can resolve ids against. */
export interface EvaluationBoundaries {
  features: readonly PolygonFeature[];
  /** Property holding each feature's id (the dataset's id property). */
  idProperty: string;
  /** Display names by feature index (default: the id). */
  names?: readonly string[];
}

function bboxesOverlap(a: number[], b: number[]): boolean {
  return a[0]! <= b[2]! && b[0]! <= a[2]! && a[1]! <= b[3]! && b[1]! <= a[3]!;
}

/**
 * The places of a program on the active dataset: catchment (resolving boundary ids), comparison units
 * (by id) and donors. With `donorsFromOtherAreas`, every other boundary feature whose bounding box does not
 * touch the (buffered) bounding box of any catchment in `avoid` joins the donor pool. Returns a message
 * instead when the program has no countable catchment or ids are missing.
 */
export function programGeometry(
  program: Program,
  boundaries: EvaluationBoundaries | null,
  options: { donorsFromOtherAreas?: boolean; avoid?: readonly PolygonFeature[] } = {},
): EvaluationGeometry | string {
  const resolve = boundaries
    ? (property: string, values: readonly string[]) =>
        resolveBoundaryFeatures(boundaries.features, property, values)
    : undefined;
  const catchment = catchmentFeatures(program.catchment, resolve);
  if (typeof catchment === 'string') return catchment;
  const idOf = (f: PolygonFeature, property: string) => {
    const v = f.properties?.[property];
    return v === null || v === undefined ? '' : String(v);
  };
  const comparison: EvaluationArea[] = [];
  const cmp = program.comparison;
  if (cmp?.ids && cmp.ids.length > 0) {
    if (!boundaries) return `the comparison areas (${cmp.ids.join(', ')}) need a boundary file`;
    const property = cmp.property ?? boundaries.idProperty;
    const found = resolveBoundaryFeatures(boundaries.features, property, cmp.ids);
    if (typeof found === 'string') return found;
    found.forEach((f, k) => {
      const index = boundaries.features.indexOf(f);
      const name = boundaries.names?.[index];
      const id = cmp.ids![k]!;
      comparison.push({ id, label: name && name !== id ? `${name} (${id})` : id, features: [f] });
    });
  }
  (cmp?.features ?? []).forEach((f, k) => {
    const label = String(f.properties?.name ?? f.properties?.id ?? `comparison ${k + 1}`);
    comparison.push({ id: String(f.properties?.id ?? `c${k + 1}`), label, features: [f] });
  });
  const donors: EvaluationArea[] = [];
  if (options.donorsFromOtherAreas && boundaries) {
    const pad = ((program.displacementBufferMetres ?? 0) + 50) / 111_000;
    const avoid = [...catchment, ...(options.avoid ?? [])].map((f) => {
      const b = polygonBbox(f);
      return [b[0] - pad * 1.5, b[1] - pad, b[2] + pad * 1.5, b[3] + pad];
    });
    const used = new Set<PolygonFeature>([...catchment, ...comparison.flatMap((c) => c.features)]);
    boundaries.features.forEach((f, i) => {
      if (used.has(f)) return;
      const b = polygonBbox(f);
      if (avoid.some((a) => bboxesOverlap(a, b))) return;
      const id = idOf(f, boundaries.idProperty) || String(i);
      const name = boundaries.names?.[i];
      donors.push({ id, label: name && name !== id ? `${name} (${id})` : id, features: [f] });
    });
  }
  const label =
    program.catchment.type === 'boundary'
      ? `${program.name} catchment (${program.catchment.property} ${program.catchment.values.join(', ')})`
      : `${program.name} catchment`;
  return {
    catchment,
    catchmentLabel: label,
    comparison,
    donors,
    bufferMetres: program.displacementBufferMetres ?? 0,
  };
}

/** A compact, JSON-friendly record of an evaluation (series, estimates, guardrails, event study, inputs). */
export function evaluationSummary(e: ProgramEvaluation) {
  const s = e.series;
  const catchment = s.units.find((u) => u.role === 'catchment')!;
  const failed = (o: Outcome<unknown> | null) => (o && !o.ok ? o.error : null);
  return {
    inputs: {
      by: s.by,
      unit: s.unit,
      launch: s.launch,
      launchPeriod: s.periods[s.launchIndex],
      launchIndex: s.launchIndex,
      firstPeriod: s.periods[0],
      lastPeriod: s.periods[s.periods.length - 1],
      windowLength: e.windowLength,
      bufferMetres: s.bufferMetres,
      units: s.units.map((u) => ({ id: u.id, label: u.label, role: u.role })),
    },
    series: {
      periods: s.periods,
      catchment: { total: Array.from(catchment.total), fatal: Array.from(catchment.fatal) },
      units: s.units
        .filter((u) => u.role !== 'catchment')
        .map((u) => ({ id: u.id, role: u.role, total: Array.from(u.total) })),
      itsCounterfactual: e.its?.ok ? Array.from(e.its.value.counterfactual) : null,
    },
    estimates: e.estimates,
    prePost: e.prePost?.ok
      ? {
          pre: e.prePost.value.inputs.pre,
          post: e.prePost.value.inputs.post,
          periodsUsed: e.prePost.value.periodsUsed,
          preWindow: e.prePost.value.preWindow.map((i) => s.periods[i]),
          postWindow: e.prePost.value.postWindow.map((i) => s.periods[i]),
        }
      : null,
    did: e.did?.ok
      ? {
          table: e.did.value.table,
          eventStudy:
            e.did.value.eventStudy?.years.map((y) => ({
              year: y.year,
              irr: y.irr,
              lower: y.interval.lower,
              upper: y.interval.upper,
            })) ?? null,
          preTrendTest: e.did.value.eventStudy?.preTrendTest ?? null,
        }
      : null,
    synth: e.synth?.ok
      ? {
          weights: Object.fromEntries(
            e.synth.value.inputs.donorNames
              .map((n, j) => [n, e.synth!.ok ? e.synth!.value.weights[j]! : 0] as const)
              .filter(([, w]) => w > 0.001),
          ),
          preRmspe: e.synth.value.preRmspe,
          rmspeRatio: e.synth.value.rmspeRatio,
          averagePostEffect: e.synth.value.averagePostEffect,
        }
      : null,
    errors: {
      prepost: failed(e.prePost),
      wdd: failed(e.wdd),
      its: failed(e.its),
      did: failed(e.did),
      synth: failed(e.synth),
    },
    guardrails: e.guardrails,
  };
}

/**
 * One paragraph, computed from the estimates, that says how the catchment's own change compares with the
 * comparison units' and what that means next to a published before/after figure. Null when the estimates
 * needed (pre/post and DiD) are missing.
 */
export function comparisonReading(evaluation: ProgramEvaluation, comparisonUnits: number): string | null {
  const find = (method: EvaluationMethod) => evaluation.estimates.find((e) => e.method === method);
  const prePost = find('prepost');
  const did = find('did');
  if (!prePost || !did || did.lower === null || did.upper === null) return null;
  const its = evaluation.estimates.find((e) => e.label === 'ITS level change at launch');
  const synth = find('synth');
  const own = `On its own the catchment changed ${formatRatio(prePost.estimate)} from before to after launch${
    its ? ` (ITS level change ${formatRatio(its.estimate)})` : ''
  }.`;
  const relative = `Relative to the ${comparisonUnits} comparison unit${comparisonUnits === 1 ? '' : 's'}, the difference-in-differences is ${formatRatio(did.estimate)} (${formatCi(did.lower, did.upper)})${
    synth
      ? `, and the synthetic control gives ${formatRatio(synth.estimate)} its synthetic total (placebo ${formatPValue(synth.pValue ?? Number.NaN)})`
      : ''
  }.`;
  let meaning: string;
  if (did.upper < 1) {
    meaning =
      'The catchment fell more than the comparison units: the direction agrees with a published decline, though the size depends on the design.';
  } else if (did.lower > 1) {
    meaning = 'The catchment fared worse than the comparison units after launch.';
  } else if (prePost.upper !== null && prePost.upper < 1) {
    meaning =
      'The drop in the catchment was shared by the comparison units, so relative to them no change is detected. A before/after figure for one area (or one area against a single matched area) cannot separate a program from such a citywide decline; that is the main reason the numbers here differ from the published ones.';
  } else {
    meaning = 'Neither the catchment alone nor relative to the comparison units shows a detectable change.';
  }
  return `${own} ${relative} ${meaning}`;
}
