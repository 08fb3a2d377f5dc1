/**
 * Interrupted time series (segmented quasi-Poisson regression) for a program launch.
 *
 * Model (Bernal, Cummins & Gasparrini 2017): for period t = 0, 1, …, n − 1 (t = 0 is the first period of
 * the series) and launch period t₀,
 *   log μ_t = β0 + β1·t + β2·post_t + β3·(t − t₀)·post_t + Σ_s γ_s·season_s(t) [+ log exposure_t],
 * post_t = 1 from the launch period on. Seasonality is 11 month-of-year indicators (monthly series,
 * January as reference) or 3 quarter indicators (quarterly, Q1 as reference), as R's `factor(month)`.
 * Fitted by {@link poissonGlm}; the quasi-Poisson dispersion φ = Pearson χ²/(n − p) scales the SEs.
 *
 * How to read it: exp(β2), the level change, is the ratio of the expected count just after launch to the
 * pre-launch trend's projection for the same period; exp(β3), the slope change, is the extra
 * multiplicative change per period after launch. `effectAtEnd` combines both at the last period. The
 * counterfactual line is the fitted model with the two post terms set to 0 (seasonality kept).
 *
 * Intervals: β ± t_{n−p, 1−α/2}·SE, exponentiated (default; the t reference distribution on n − p df is
 * the one R's `summary.glm` uses for quasi-Poisson tests, so the CI and the p-value agree). Set
 * `ciDistribution: 'normal'` for z-intervals identical to R's `confint.default`.
 *
 * Residual autocorrelation: the ACF of the Pearson residuals at lags 1..`maxLag` (R's `acf`, denominator
 * n) and the Ljung-Box statistic Q = n(n + 2) Σ r_k²/(n − k) on `maxLag` df (R's
 * `Box.test(type = "Ljung-Box")`, fitdf = 0). When p < `autocorrelationAlpha` a warning string says the
 * SEs are likely too small (consider fewer, longer periods or an ARIMA / Newey-West analysis).
 *
 * Options (defaults): `frequency` 'monthly'; `firstSeason` 0 (the first observation is January / Q1);
 * `seasonality` true; `exposure` none; `level` 0.95; `ciDistribution` 't'; `maxLag` 12 (monthly) or
 * 8 (quarterly), capped at n − 1; `autocorrelationAlpha` 0.05.
 *
 * References: Bernal JL, Cummins S, Gasparrini A (2017) Interrupted time series regression for the
 * evaluation of public health interventions: a tutorial. Int J Epidemiol 46:348–355. Wagner AK et al.
 * (2002) J Clin Pharm Ther 27:299–309. Ljung GM, Box GEP (1978) Biometrika 65:297–303.
 */
import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import { msg } from '../messages/message';
import { MessageError } from '../messages/message-error';
import { checkCount, checkLevel, checkPositive, formatLevel, formatNumber, formatP } from './common';
import type { DesignMatrix } from './design-matrix';
import { glmRateRatio, type RateRatioEstimate } from './glm-inference';
import { type PoissonGlmFit, poissonGlm } from './poisson-glm';

/** Options of {@link interruptedTimeSeries}. */
export interface InterruptedTimeSeriesOptions {
  /** 'monthly' (default) or 'quarterly'. */
  frequency?: 'monthly' | 'quarterly';
  /** Season of the first observation: month 0–11 (0 = January) or quarter 0–3. Default 0. */
  firstSeason?: number;
  /** Include season-of-year indicators. Default true. */
  seasonality?: boolean;
  /** Exposure per period (e.g. days, population); its log enters as an offset. Default none. */
  exposure?: ArrayLike<number>;
  /** Confidence level. Default 0.95. */
  level?: number;
  /** Reference distribution for CIs and p-values: 't' on n − p df (default) or 'normal'. */
  ciDistribution?: 't' | 'normal';
  /** Largest ACF lag and Ljung-Box df. Default 12 (monthly) / 8 (quarterly), capped at n − 1. */
  maxLag?: number;
  /** Significance level of the Ljung-Box warning. Default 0.05. */
  autocorrelationAlpha?: number;
}

/** Residual autocorrelation check. */
export interface ResidualAutocorrelation {
  /** ACF of Pearson residuals at lags 1..maxLag. */
  acf: Float64Array;
  /** Ljung-Box Q statistic. */
  ljungBoxStatistic: number;
  /** Degrees of freedom (= maxLag). */
  df: number;
  /** Upper-tail χ² p-value. */
  pValue: number;
  /** Whether p < autocorrelationAlpha. */
  significant: boolean;
  /** Plain warning when significant, else null. */
  warning: string | null;
}

/** Result of {@link interruptedTimeSeries}. */
export interface InterruptedTimeSeries {
  /** Level change at launch, exp(β2). */
  levelChange: RateRatioEstimate;
  /** Slope change per period after launch, exp(β3). */
  slopeChange: RateRatioEstimate;
  /** Pre-launch trend per period, exp(β1). */
  preTrend: RateRatioEstimate;
  /** Combined effect at the last period, exp(β2 + β3·(n − 1 − t₀)). */
  effectAtEnd: RateRatioEstimate;
  /** Fitted expected counts, length n. */
  fitted: Float64Array;
  /** Counterfactual expected counts (post terms set to 0), length n. */
  counterfactual: Float64Array;
  /** Residual autocorrelation check. */
  autocorrelation: ResidualAutocorrelation;
  /** The underlying GLM fit (coefficient names: intercept, t, post, tpost, season2…). */
  glm: PoissonGlmFit;
  /** Inputs and settings used. */
  inputs: {
    counts: Float64Array;
    launchIndex: number;
    frequency: 'monthly' | 'quarterly';
    firstSeason: number;
    seasonality: boolean;
    hasExposure: boolean;
    level: number;
    ciDistribution: 't' | 'normal';
  };
  /** Periods before the launch (the launch period is the first post period). */
  prePeriods: number;
  /** Periods from the launch on. */
  postPeriods: number;
  /** Plain-language reading. */
  reading: string;
}

/** Sample autocorrelations at lags 1..maxLag (mean-centred, denominator n, as R's acf). */
export function autocorrelation(values: ArrayLike<number>, maxLag: number): Float64Array {
  const n = values.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i] as number;
  mean /= n;
  let c0 = 0;
  for (let i = 0; i < n; i++) c0 += ((values[i] as number) - mean) ** 2;
  const out = new Float64Array(maxLag);
  for (let k = 1; k <= maxLag; k++) {
    let s = 0;
    for (let i = 0; i + k < n; i++) s += ((values[i] as number) - mean) * ((values[i + k] as number) - mean);
    out[k - 1] = s / c0;
  }
  return out;
}

/** Ljung-Box Q = n(n + 2) Σ_k r_k² / (n − k) from autocorrelations r_1..r_h of a series of length n. */
export function ljungBox(
  acf: ArrayLike<number>,
  n: number,
): { statistic: number; df: number; pValue: number } {
  let q = 0;
  for (let k = 1; k <= acf.length; k++) q += (acf[k - 1] as number) ** 2 / (n - k);
  q *= n * (n + 2);
  const df = acf.length;
  return { statistic: q, df, pValue: 1 - chisquareCdf(q, df) };
}

/**
 * Segmented quasi-Poisson regression of a count series around a launch (Bernal et al. 2017).
 *
 * @param counts events per period, oldest first, zeros included
 * @param launchIndex index of the first post-launch period (0-based)
 * @param options frequency, seasonality, exposure offset, CI level and distribution, ACF lags
 * @throws RangeError when the series is too short for the model, a side of the launch has < 2 periods,
 *   counts are invalid, or the GLM is rank deficient
 */
export function interruptedTimeSeries(
  counts: ArrayLike<number>,
  launchIndex: number,
  options: InterruptedTimeSeriesOptions = {},
): InterruptedTimeSeries {
  const frequency = options.frequency ?? 'monthly';
  if (frequency !== 'monthly' && frequency !== 'quarterly') {
    throw new RangeError(`frequency must be 'monthly' or 'quarterly', got ${String(frequency)}`);
  }
  const perYear = frequency === 'monthly' ? 12 : 4;
  const firstSeason = options.firstSeason ?? 0;
  if (!Number.isInteger(firstSeason) || firstSeason < 0 || firstSeason >= perYear) {
    throw new RangeError(`firstSeason must be an integer in 0..${perYear - 1}, got ${firstSeason}`);
  }
  const seasonality = options.seasonality ?? true;
  const level = checkLevel(options.level ?? 0.95);
  const ciDistribution = options.ciDistribution ?? 't';
  if (ciDistribution !== 't' && ciDistribution !== 'normal') {
    throw new RangeError(`ciDistribution must be 't' or 'normal', got ${String(ciDistribution)}`);
  }
  const alpha = options.autocorrelationAlpha ?? 0.05;
  checkLevel(1 - alpha);
  if (counts == null || typeof counts.length !== 'number')
    throw new TypeError('counts must be an array of numbers');
  const n = counts.length;
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) y[i] = checkCount(counts[i] as number, `counts[${i}]`, false);
  if (!Number.isInteger(launchIndex) || launchIndex < 2 || launchIndex > n - 2) {
    throw new MessageError(
      msg('failure:its.launchIndex', { max: String(n - 2), index: String(launchIndex) }),
    );
  }
  const p = 4 + (seasonality ? perYear - 1 : 0);
  if (n <= p) throw new MessageError(msg('failure:its.tooShort', { n: String(n), p: String(p) }));
  if (seasonality && n < perYear) {
    throw new MessageError(msg('failure:its.seasonality', { perYear: String(perYear), n: String(n) }));
  }
  let offset: Float64Array | undefined;
  if (options.exposure !== undefined) {
    if (options.exposure.length !== n)
      throw new RangeError(`exposure has length ${options.exposure.length}, expected ${n}`);
    offset = new Float64Array(n);
    for (let i = 0; i < n; i++)
      offset[i] = Math.log(checkPositive(options.exposure[i] as number, `exposure[${i}]`));
  }

  const names = ['intercept', 't', 'post', 'tpost'];
  const seasonWord = frequency === 'monthly' ? 'month' : 'quarter';
  if (seasonality) for (let s = 2; s <= perYear; s++) names.push(`${seasonWord}${s}`);
  const values = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    const post = i >= launchIndex ? 1 : 0;
    const row = i * p;
    values[row] = 1;
    values[row + 1] = i;
    values[row + 2] = post;
    values[row + 3] = (i - launchIndex) * post;
    if (seasonality) {
      const season = (firstSeason + i) % perYear;
      if (season > 0) values[row + 3 + season] = 1;
    }
  }
  const design: DesignMatrix = { rows: n, columns: p, values, names };
  const fit = poissonGlm(y, design, offset ? { offset } : {});

  const counterfactual = new Float64Array(n);
  const b2 = fit.coefficients[2] as number;
  const b3 = fit.coefficients[3] as number;
  for (let i = 0; i < n; i++) {
    const post = i >= launchIndex ? 1 : 0;
    counterfactual[i] = Math.exp((fit.linearPredictor[i] as number) - post * (b2 + b3 * (i - launchIndex)));
  }
  const endContrast = new Float64Array(p);
  endContrast[2] = 1;
  endContrast[3] = n - 1 - launchIndex;

  const maxLag = Math.min(options.maxLag ?? (frequency === 'monthly' ? 12 : 8), n - 1);
  if (!Number.isInteger(maxLag) || maxLag < 1)
    throw new RangeError(`maxLag must be a positive integer, got ${maxLag}`);
  const acf = autocorrelation(fit.pearsonResiduals, maxLag);
  const lb = ljungBox(acf, n);
  const significant = lb.pValue < alpha;
  const warning = significant
    ? `Residuals are autocorrelated (Ljung-Box p = ${lb.pValue.toPrecision(2)} over ${maxLag} lags): ` +
      'the confidence intervals are likely too narrow; treat the result with caution or use a model for autocorrelated errors.'
    : null;

  const levelChange = glmRateRatio(fit, 2, level, ciDistribution);
  const slopeChange = glmRateRatio(fit, 3, level, ciDistribution);
  const lvl = formatLevel(level);
  const periodWord = frequency === 'monthly' ? 'month' : 'quarter';
  const reading =
    `At launch the level was ${formatNumber(levelChange.irr)}× the pre-launch trend's projection ` +
    `(${lvl} CI ${formatNumber(levelChange.interval.lower)}–${formatNumber(levelChange.interval.upper)}; ${formatP(levelChange.pValue)}), ` +
    `and the trend changed by ${formatNumber(slopeChange.irr, 3)}× per ${periodWord} ` +
    `(${lvl} CI ${formatNumber(slopeChange.interval.lower, 3)}–${formatNumber(slopeChange.interval.upper, 3)}), ` +
    `from ${launchIndex} pre-launch ${periodWord}s.${warning ? ` ${warning}` : ''}`;

  return {
    levelChange,
    slopeChange,
    preTrend: glmRateRatio(fit, 1, level, ciDistribution),
    effectAtEnd: glmRateRatio(fit, endContrast, level, ciDistribution),
    fitted: fit.fitted,
    counterfactual,
    autocorrelation: {
      acf,
      ljungBoxStatistic: lb.statistic,
      df: lb.df,
      pValue: lb.pValue,
      significant,
      warning,
    },
    glm: fit,
    inputs: {
      counts: y,
      launchIndex,
      frequency,
      firstSeason,
      seasonality,
      hasExposure: offset !== undefined,
      level,
      ciDistribution,
    },
    prePeriods: launchIndex,
    postPeriods: n - launchIndex,
    reading,
  };
}
