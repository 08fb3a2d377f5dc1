/**
 * Difference-in-differences for count panels: Poisson regression with unit and period fixed effects.
 *
 * Model: for unit u and period t, log μ_ut = α_u + γ_t + δ·D_ut [+ log exposure_ut], where
 * D_ut = 1 for treated units from the launch period on (one common launch). exp(δ) is the incidence
 * rate ratio: how much the treated units' counts changed after launch relative to the change in the
 * comparison units over the same periods (parallel trends on the log scale). Fitted with
 * {@link poissonGlm}; the quasi-Poisson dispersion φ = Pearson χ²/(n − p) scales the SEs. Intervals are
 * δ ± t_{n−p, 1−α/2}·SE by default (R `summary.glm` convention for quasi-Poisson), or z-intervals with
 * `ciDistribution: 'normal'`. These SEs assume independent unit-periods; with serially correlated counts
 * they can be too small. `variance: 'cluster'` uses the cluster-robust (by unit) sandwich covariance
 * instead, G/(G − 1)·A⁻¹(Σ_g s_g s_gᵀ)A⁻¹ (R `sandwich::vcovCL(type = "HC0")`), with t on G − 1 df;
 * it allows any correlation within a unit but needs many units: with a dozen units, and especially one
 * or two treated, it is itself unreliable (Cameron & Miller 2015; MacKinnon & Webb 2017).
 *
 * The transparent 2×2 table gives total events for treated/comparison × pre/post, each group's post/pre
 * ratio and the ratio of those ratios (equal to exp(δ) here: the Poisson score equations match the four block
 * totals, see docs/methods/evaluation.md; shown so readers
 * can check the direction and size by hand).
 *
 * Event study: the same model with δ·D replaced by treated × year-since-launch indicators, year
 * e = ⌊(t − t₀)/periodsPerYear⌋ (year 0 = the launch period and the following periodsPerYear − 1),
 * reference year −1. Coefficients for e ≤ −2 show pre-trends; the pre-trend test is the joint Wald
 * statistic W = bᵀV⁻¹b over those coefficients with the quasi-Poisson covariance V, referred to χ² on k
 * df (k = number of pre years other than −1). A small p means the groups were already diverging before
 * launch, so the parallel-trends assumption is doubtful.
 *
 * Options (defaults): `exposure` none; `level` 0.95; `ciDistribution` 't'; `variance` 'quasi-poisson';
 * `eventStudy` true;
 * `periodsPerYear` 12; `minEventsPerUnit` 10 (guardrail threshold).
 *
 * References: Wing C, Simon K, Bello-Gomez RA (2018) Designing difference in difference studies. Annu Rev
 * Public Health 39:453–469; Wooldridge JM (2023) Simple approaches to nonlinear difference-in-differences
 * with panel data. Econometrics J 26:C31–C66 (Poisson fixed effects); Avram et al. (2024), NYC Council
 * data team, staggered Poisson DiD and event study of Cure Violence NYC. Cameron AC, Miller DL (2015) A
 * practitioner's guide to cluster-robust inference. J Hum Resour 50:317–372. MacKinnon JG, Webb MD
 * (2017) Wild bootstrap inference for wildly different cluster sizes. J Appl Econom 32:233–254.
 */
import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import { msg } from '../messages/message';
import { MessageError } from '../messages/message-error';
import { choleskyInPlace, choleskySolve } from './cholesky';
import { checkCount, checkLevel, checkPositive, formatLevel, formatNumber, formatP } from './common';
import type { DesignMatrix } from './design-matrix';
import {
  clusterRobustCovariance,
  covarianceBlock,
  glmRateRatio,
  type RateRatioEstimate,
} from './glm-inference';
import { type PoissonGlmFit, poissonGlm } from './poisson-glm';

/** Options of {@link differenceInDifferences}. */
export interface DifferenceInDifferencesOptions {
  /** Exposure per unit and period (same shape as counts); its log is the offset. Default none. */
  exposure?: ArrayLike<number>[];
  /** Confidence level. Default 0.95. */
  level?: number;
  /** 't' (default; n − p df for quasi-Poisson, G − 1 for cluster-robust) or 'normal'. */
  ciDistribution?: 't' | 'normal';
  /** 'quasi-poisson' (default) or 'cluster': cluster-robust by unit (sandwich, G/(G − 1) adjustment). */
  variance?: 'quasi-poisson' | 'cluster';
  /** Fit the event-study model too. Default true. */
  eventStudy?: boolean;
  /** Periods per event-study year. Default 12 (monthly). */
  periodsPerYear?: number;
  /** Guardrail: warn when a unit has fewer events than this in the pre period. Default 10. */
  minEventsPerUnit?: number;
}

/** The transparent 2×2 table of total events. */
export interface DidTable {
  treatedPre: number;
  treatedPost: number;
  comparisonPre: number;
  comparisonPost: number;
  /** treatedPost / treatedPre. */
  treatedRatio: number;
  /** comparisonPost / comparisonPre. */
  comparisonRatio: number;
  /** treatedRatio / comparisonRatio. */
  ratioOfRatios: number;
}

/** One event-study year. The reference year −1 has irr 1 and a degenerate interval. */
export interface EventStudyYear extends RateRatioEstimate {
  /** Years since launch (−1 = the year before launch). */
  year: number;
  /** True for the reference year. */
  reference: boolean;
}

/** Event-study results. */
export interface EventStudy {
  /** Years in order, including the reference year −1. */
  years: EventStudyYear[];
  /** Joint Wald χ² test of the pre-launch years other than −1; null when there are none. */
  preTrendTest: { statistic: number; df: number; pValue: number } | null;
  /** Periods per year used. */
  periodsPerYear: number;
  /** The event-study GLM fit (its own quasi-Poisson covariance, whatever `variance` was chosen). */
  glm: PoissonGlmFit;
}

/** Result of {@link differenceInDifferences}. */
export interface DifferenceInDifferences {
  /** exp(δ) with interval and p-value. */
  effect: RateRatioEstimate;
  /** The 2×2 table. */
  table: DidTable;
  /** Event study by year since launch (null when disabled). */
  eventStudy: EventStudy | null;
  /** Per-period totals of the treated units (for the pre-trend chart). */
  treatedSeries: Float64Array;
  /** Per-period totals of the comparison units. */
  comparisonSeries: Float64Array;
  /** The main GLM fit (names: intercept, unit1…, period1…, treatpost), with its quasi-Poisson covariance. */
  glm: PoissonGlmFit;
  /** Periods before launch. */
  prePeriods: number;
  /** Smallest pre-period event total of any unit. */
  minPreEventsPerUnit: number;
  /** Guardrail warnings (empty when none). */
  warnings: string[];
  /** Which covariance the intervals and tests use. */
  variance: 'quasi-poisson' | 'cluster';
  /** Inputs used. */
  inputs: { units: number; periods: number; treated: boolean[]; launchPeriod: number; level: number };
  /** Plain-language reading. */
  reading: string;
}

function buildDesign(
  units: number,
  periods: number,
  extra: { name: string; value: (u: number, t: number) => number }[],
): DesignMatrix {
  const names = ['intercept'];
  for (let u = 1; u < units; u++) names.push(`unit${u}`);
  for (let t = 1; t < periods; t++) names.push(`period${t}`);
  for (const e of extra) names.push(e.name);
  const p = names.length;
  const n = units * periods;
  const values = new Float64Array(n * p);
  for (let u = 0; u < units; u++) {
    for (let t = 0; t < periods; t++) {
      const row = (u * periods + t) * p;
      values[row] = 1;
      if (u > 0) values[row + u] = 1;
      if (t > 0) values[row + units - 1 + t] = 1;
      extra.forEach((e, k) => {
        values[row + units + periods - 1 + k] = e.value(u, t);
      });
    }
  }
  return { rows: n, columns: p, values, names };
}

/**
 * Poisson two-way fixed-effects difference-in-differences with the 2×2 table and an event study.
 *
 * @param counts events, counts[unit][period], zeros included; every unit has the same periods
 * @param treated per-unit flag, true for program units (at least one of each kind)
 * @param launchPeriod index of the first post-launch period (0-based, 1..periods − 1)
 * @param options exposure offset, level, CI distribution, event-study settings
 * @throws RangeError / TypeError for ragged or invalid input, no treated or comparison units, or an
 *   unidentifiable model (rank deficiency, a unit or period with no events)
 */
export function differenceInDifferences(
  counts: ArrayLike<number>[],
  treated: ArrayLike<boolean>,
  launchPeriod: number,
  options: DifferenceInDifferencesOptions = {},
): DifferenceInDifferences {
  if (!Array.isArray(counts) || counts.length === 0)
    throw new TypeError('counts must be a non-empty array of unit series');
  const units = counts.length;
  const periods = (counts[0] as ArrayLike<number>).length;
  if (treated == null || treated.length !== units) {
    throw new RangeError(`treated must have one flag per unit (${units}), got ${treated?.length}`);
  }
  const level = checkLevel(options.level ?? 0.95);
  const dist = options.ciDistribution ?? 't';
  if (dist !== 't' && dist !== 'normal')
    throw new RangeError(`ciDistribution must be 't' or 'normal', got ${String(dist)}`);
  const perYear = options.periodsPerYear ?? 12;
  if (!Number.isInteger(perYear) || perYear < 1)
    throw new RangeError(`periodsPerYear must be a positive integer, got ${perYear}`);
  const minEvents = options.minEventsPerUnit ?? 10;
  if (!Number.isInteger(launchPeriod) || launchPeriod < 1 || launchPeriod > periods - 1) {
    throw new MessageError(
      msg('failure:did.launchPeriod', { max: String(periods - 1), index: String(launchPeriod) }),
    );
  }
  const flags: boolean[] = [];
  for (let u = 0; u < units; u++) {
    const f = treated[u];
    if (typeof f !== 'boolean') throw new TypeError(`treated[${u}] must be a boolean`);
    flags.push(f);
  }
  if (!flags.some((f) => f) || flags.every((f) => f)) {
    throw new MessageError(msg('failure:did.noComparison'));
  }
  const n = units * periods;
  const y = new Float64Array(n);
  counts.forEach((row, u) => {
    if (row == null || row.length !== periods) {
      throw new RangeError(`counts[${u}] has ${row?.length} periods, expected ${periods}`);
    }
    for (let t = 0; t < periods; t++)
      y[u * periods + t] = checkCount(row[t] as number, `counts[${u}][${t}]`, false);
  });
  let offset: Float64Array | undefined;
  if (options.exposure !== undefined) {
    if (options.exposure.length !== units) throw new RangeError(`exposure must have ${units} unit rows`);
    offset = new Float64Array(n);
    for (let u = 0; u < units; u++) {
      const row = options.exposure[u];
      if (row == null || row.length !== periods)
        throw new RangeError(`exposure[${u}] must have ${periods} periods`);
      for (let t = 0; t < periods; t++) {
        offset[u * periods + t] = Math.log(checkPositive(row[t] as number, `exposure[${u}][${t}]`));
      }
    }
  }
  const fitOptions = offset ? { offset } : {};
  const variance = options.variance ?? 'quasi-poisson';
  if (variance !== 'quasi-poisson' && variance !== 'cluster') {
    throw new RangeError(`variance must be 'quasi-poisson' or 'cluster', got ${String(variance)}`);
  }
  const unitOfRow = new Int32Array(n);
  for (let i = 0; i < n; i++) unitOfRow[i] = Math.floor(i / periods);
  // Inference uses either the quasi-Poisson covariance or the cluster-robust one (t on G − 1 df).
  const forInference = (fitted: PoissonGlmFit, design: DesignMatrix): PoissonGlmFit => {
    if (variance === 'quasi-poisson') return fitted;
    const robust = clusterRobustCovariance(fitted, design, y, unitOfRow);
    const p = design.columns;
    const standardErrors = new Float64Array(p);
    for (let j = 0; j < p; j++) standardErrors[j] = Math.sqrt(robust.covariance[j * p + j] as number);
    return { ...fitted, covariance: robust.covariance, standardErrors, dfResidual: robust.clusters - 1 };
  };

  const design = buildDesign(units, periods, [
    { name: 'treatpost', value: (u, t) => (flags[u] && t >= launchPeriod ? 1 : 0) },
  ]);
  const fit = poissonGlm(y, design, fitOptions);
  const effect = glmRateRatio(forInference(fit, design), design.columns - 1, level, dist);

  const treatedSeries = new Float64Array(periods);
  const comparisonSeries = new Float64Array(periods);
  let minPreEventsPerUnit = Number.POSITIVE_INFINITY;
  for (let u = 0; u < units; u++) {
    let pre = 0;
    for (let t = 0; t < periods; t++) {
      const v = y[u * periods + t] as number;
      if (t < launchPeriod) pre += v;
      const series = flags[u] ? treatedSeries : comparisonSeries;
      series[t] = (series[t] as number) + v;
    }
    minPreEventsPerUnit = Math.min(minPreEventsPerUnit, pre);
  }
  const sumRange = (s: Float64Array, a: number, b: number): number => {
    let total = 0;
    for (let t = a; t < b; t++) total += s[t] as number;
    return total;
  };
  const treatedPre = sumRange(treatedSeries, 0, launchPeriod);
  const treatedPost = sumRange(treatedSeries, launchPeriod, periods);
  const comparisonPre = sumRange(comparisonSeries, 0, launchPeriod);
  const comparisonPost = sumRange(comparisonSeries, launchPeriod, periods);
  const treatedRatio = treatedPost / treatedPre;
  const comparisonRatio = comparisonPost / comparisonPre;
  const table: DidTable = {
    treatedPre,
    treatedPost,
    comparisonPre,
    comparisonPost,
    treatedRatio,
    comparisonRatio,
    ratioOfRatios: treatedRatio / comparisonRatio,
  };

  let eventStudy: EventStudy | null = null;
  if (options.eventStudy ?? true) {
    const yearOf = (t: number): number => Math.floor((t - launchPeriod) / perYear);
    const firstYear = yearOf(0);
    const lastYear = yearOf(periods - 1);
    const estimatedYears: number[] = [];
    for (let e = firstYear; e <= lastYear; e++) if (e !== -1) estimatedYears.push(e);
    const esDesign = buildDesign(
      units,
      periods,
      estimatedYears.map((e) => ({
        name: `year${e < 0 ? `m${-e}` : e}`,
        value: (u: number, t: number) => (flags[u] && yearOf(t) === e ? 1 : 0),
      })),
    );
    const esRaw = poissonGlm(y, esDesign, fitOptions);
    const esFit = forInference(esRaw, esDesign);
    const base = esDesign.columns - estimatedYears.length;
    const years: EventStudyYear[] = [];
    for (let e = firstYear; e <= lastYear; e++) {
      if (e === -1) {
        years.push({
          year: -1,
          reference: true,
          irr: 1,
          interval: { lower: 1, upper: 1, level },
          pValue: Number.NaN,
          logEstimate: 0,
          standardError: 0,
        });
      } else {
        years.push({
          year: e,
          reference: false,
          ...glmRateRatio(esFit, base + estimatedYears.indexOf(e), level, dist),
        });
      }
    }
    const preIdx = estimatedYears.flatMap((e, k) => (e < -1 ? [base + k] : []));
    let preTrendTest: EventStudy['preTrendTest'] = null;
    if (preIdx.length > 0) {
      const k = preIdx.length;
      const v = covarianceBlock(esFit, preIdx);
      const b = preIdx.map((j) => esFit.coefficients[j] as number);
      if (choleskyInPlace(v, k, 1e-14) >= 0) throw new MessageError(msg('failure:did.singularPreTrend'));
      const vb = choleskySolve(v, k, b);
      let w = 0;
      for (let i = 0; i < k; i++) w += (b[i] as number) * (vb[i] as number);
      preTrendTest = { statistic: w, df: k, pValue: 1 - chisquareCdf(w, k) };
    }
    eventStudy = { years, preTrendTest, periodsPerYear: perYear, glm: esRaw };
  }

  const warnings: string[] = [];
  if (minPreEventsPerUnit < minEvents) {
    warnings.push(
      `At least one unit has only ${minPreEventsPerUnit} events before launch (fewer than ${minEvents}); estimates are unstable.`,
    );
  }
  const treatedUnits = flags.filter((f) => f).length;
  if (variance === 'cluster' && Math.min(treatedUnits, units - treatedUnits) < 10) {
    warnings.push(
      `Cluster-robust intervals with ${treatedUnits} treated and ${units - treatedUnits} comparison units are too narrow (few clusters); prefer the quasi-Poisson interval or a placebo analysis.`,
    );
  }
  if (eventStudy?.preTrendTest && eventStudy.preTrendTest.pValue < 0.05) {
    warnings.push(
      `Pre-trends differ (joint Wald p = ${eventStudy.preTrendTest.pValue.toPrecision(2)}): treated and comparison units were already diverging before launch.`,
    );
  }
  const lvl = formatLevel(level);
  const reading =
    `Relative to the comparison units, the treated units had ${formatNumber(effect.irr)}× the expected events after launch ` +
    `(${lvl} CI ${formatNumber(effect.interval.lower)}–${formatNumber(effect.interval.upper)}; ${formatP(effect.pValue)}); ` +
    `raw totals changed ×${formatNumber(treatedRatio)} (treated) vs ×${formatNumber(comparisonRatio)} (comparison).` +
    (warnings.length > 0 ? ` ${warnings.join(' ')}` : '');

  return {
    effect,
    table,
    eventStudy,
    treatedSeries,
    comparisonSeries,
    glm: fit,
    prePeriods: launchPeriod,
    minPreEventsPerUnit,
    warnings,
    variance,
    inputs: { units, periods, treated: flags, launchPeriod, level },
    reading,
  };
}
