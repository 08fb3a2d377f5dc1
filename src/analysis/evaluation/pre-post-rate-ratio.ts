/**
 * Pre/post rate ratio with an exact Poisson (conditional binomial) confidence interval and test.
 *
 * What it measures: the ratio of the event rate after a launch to the rate before it,
 * RR = (post / postExposure) / (pre / preExposure), where exposure is the length of each window (months,
 * person-years, …). It compares one area with itself, so it says nothing about what would have happened
 * without the program (city-wide trends move it too); pair it with a comparison design.
 *
 * Inference: conditional on the total N = post + pre, post ~ Binomial(N, π) with
 * π = RR·T₁ / (RR·T₁ + T₀). The Clopper-Pearson interval for π, π_L = Beta⁻¹(α/2; post, pre + 1) and
 * π_U = Beta⁻¹(1 − α/2; post + 1, pre), is mapped back to RR = π/(1 − π) · T₀/T₁. The two-sided p-value
 * for RR = 1 is the exact binomial test of π₀ = T₁/(T₀ + T₁) that sums the probabilities of all outcomes
 * no more likely than the one observed (relative tolerance 1e-7), exactly as R's `binom.test` and
 * therefore `poisson.test(c(post, pre), c(postExposure, preExposure))`.
 *
 * {@link prePostFromSeries} builds equal windows around a launch in a monthly series: by default 24
 * months on each side with the launch month excluded, shortened to what the series holds on the shorter
 * side, and reports the months available before and after.
 *
 * Options (defaults): `level` 0.95; `unitLabel` 'monthly'; `areaLabel` 'the area'; `eventLabel` 'events';
 * and for {@link prePostFromSeries} `windowLength` 24, `excludeLaunch` true, `exposure` 1 per period.
 *
 * References: Clopper CJ, Pearson ES (1934) Biometrika 26:404–413; Breslow NE, Day NE (1987) Statistical
 * Methods in Cancer Research II (exact conditional inference for a rate ratio); R `poisson.test`.
 */
import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import binomialCdf from '@stdlib/stats-base-dists-binomial-cdf';
import { msg } from '../messages/message';
import { MessageError } from '../messages/message-error';
import {
  binomialPmf,
  type ConfidenceInterval,
  checkCount,
  checkLevel,
  checkPositive,
  formatLevel,
  formatNumber,
  formatP,
} from './common';

/** Counts and exposures of the two windows. */
export interface PrePostInput {
  /** Events in the pre window (count). */
  pre: number;
  /** Events in the post window (count). */
  post: number;
  /** Exposure of the pre window (e.g. months), > 0. */
  preExposure: number;
  /** Exposure of the post window, > 0. */
  postExposure: number;
}

/** Options of {@link prePostRateRatio}. */
export interface PrePostRateRatioOptions {
  /** Confidence level. Default 0.95. */
  level?: number;
  /** Word for the rate used in the reading, e.g. 'monthly'. Default 'monthly'. */
  unitLabel?: string;
  /** How the reading names the place, e.g. 'the catchment'. Default 'the area'. */
  areaLabel?: string;
  /** How the reading names the counts, e.g. 'incidents'. Default 'events'. */
  eventLabel?: string;
}

/** Result of {@link prePostRateRatio}. */
export interface PrePostRateRatio {
  /** Rate ratio post/pre (NaN when both counts are 0). */
  rateRatio: number;
  /** Exact (Clopper-Pearson based) interval for the rate ratio. */
  interval: ConfidenceInterval;
  /** Two-sided exact p-value for rate ratio = 1. */
  pValue: number;
  /** Events per unit exposure in the pre window. */
  preRate: number;
  /** Events per unit exposure in the post window. */
  postRate: number;
  /** Inputs used. */
  inputs: PrePostInput;
  /** Plain-language reading of the numbers. */
  reading: string;
}

/** P(X > k) for X ~ Binomial(n, p), summed term by term so that small upper tails keep full precision. */
function binomialUpperTail(k: number, n: number, p: number): number {
  let s = 0;
  for (let i = Math.max(0, k + 1); i <= n; i++) s += binomialPmf(i, n, p);
  return s;
}

/**
 * Two-sided exact binomial test p-value for H0: success probability = p, by the rule of R's `binom.test`
 * (sum of the probabilities of outcomes no more likely than x, relative tolerance 1e-7).
 */
export function binomialTestP(x: number, n: number, p: number): number {
  if (n === 0) return 1;
  const relErr = 1 + 1e-7;
  const d = binomialPmf(x, n, p);
  const m = n * p;
  if (x === m) return 1;
  let result: number;
  if (x < m) {
    let y = 0;
    for (let i = Math.ceil(m); i <= n; i++) if (binomialPmf(i, n, p) <= d * relErr) y++;
    result = binomialCdf(x, n, p) + binomialUpperTail(n - y, n, p);
  } else {
    let y = 0;
    for (let i = 0; i <= Math.floor(m); i++) if (binomialPmf(i, n, p) <= d * relErr) y++;
    const lower = y - 1 < 0 ? 0 : binomialCdf(y - 1, n, p);
    result = lower + binomialUpperTail(x - 1, n, p);
  }
  return Math.min(1, result);
}

function prePostReading(
  rateRatio: number,
  lower: number,
  upper: number,
  pValue: number,
  pre: number,
  post: number,
  level: number,
  options: PrePostRateRatioOptions,
  windowNote: string,
): string {
  const events = options.eventLabel ?? 'events';
  if (pre + post === 0) return `No ${events} in either window: the rate ratio cannot be estimated.`;
  const before = windowNote ? 'the same-length period before' : 'the period before';
  return (
    `After launch ${options.areaLabel ?? 'the area'} had ${formatNumber(rateRatio)}× the ${options.unitLabel ?? 'monthly'} ${events} of ${before} ` +
    `(${formatLevel(level)} CI ${formatNumber(lower)}–${formatNumber(upper)}; ${formatP(pValue)}; ${post} vs ${pre} ${events}` +
    `${windowNote ? `; ${windowNote}` : ''}).`
  );
}

/**
 * Post/pre rate ratio with an exact conditional-binomial CI and two-sided p-value (matches R
 * `poisson.test(c(post, pre), c(postExposure, preExposure))`).
 *
 * @param input counts and exposures of the two windows
 * @param options confidence level (default 0.95) and rate label for the reading
 * @throws RangeError for negative / non-integer counts, non-positive exposures or a bad level
 */
export function prePostRateRatio(
  input: PrePostInput,
  options: PrePostRateRatioOptions = {},
): PrePostRateRatio {
  const level = checkLevel(options.level ?? 0.95);
  const pre = checkCount(input.pre, 'pre');
  const post = checkCount(input.post, 'post');
  const t0 = checkPositive(input.preExposure, 'preExposure');
  const t1 = checkPositive(input.postExposure, 'postExposure');
  const alpha = 1 - level;
  const scale = t0 / t1;
  const n = pre + post;
  const rateRatio = post / t1 / (pre / t0);
  const piLower = post === 0 ? 0 : betaQuantile(alpha / 2, post, pre + 1);
  const piUpper = pre === 0 ? 1 : betaQuantile(1 - alpha / 2, post + 1, pre);
  const lower = (piLower / (1 - piLower)) * scale;
  const upper = piUpper === 1 ? Number.POSITIVE_INFINITY : (piUpper / (1 - piUpper)) * scale;
  const pValue = binomialTestP(post, n, t1 / (t0 + t1));
  const reading = prePostReading(rateRatio, lower, upper, pValue, pre, post, level, options, '');
  return {
    rateRatio: n === 0 ? Number.NaN : rateRatio,
    interval: { lower, upper, level },
    pValue,
    preRate: pre / t0,
    postRate: post / t1,
    inputs: { pre, post, preExposure: t0, postExposure: t1 },
    reading,
  };
}

/** Options of {@link prePostFromSeries}. */
export interface PrePostFromSeriesOptions extends PrePostRateRatioOptions {
  /** Months (periods) on each side of the launch. Default 24. */
  windowLength?: number;
  /** Leave the launch period out of both windows. Default true. */
  excludeLaunch?: boolean;
  /** Exposure per period (e.g. days, population-years). Default: 1 per period. */
  exposure?: ArrayLike<number>;
}

/** Result of {@link prePostFromSeries}: the rate ratio plus the windows that were used. */
export interface PrePostFromSeries extends PrePostRateRatio {
  /** Periods available before the launch (index of the launch period). */
  preAvailable: number;
  /** Periods available after the launch (after the launch period when it is excluded). */
  postAvailable: number;
  /** Periods used on each side (equal): min(windowLength, preAvailable, postAvailable). */
  periodsUsed: number;
  /** First and last index (inclusive) of the pre window. */
  preWindow: [number, number];
  /** First and last index (inclusive) of the post window. */
  postWindow: [number, number];
}

/**
 * Pre/post rate ratio over equal windows around `launchIndex` of a count series.
 *
 * @param counts events per period (zeros included), oldest first
 * @param launchIndex index of the launch period (0-based)
 * @param options window length (default 24), launch exclusion (default true), exposure, level
 * @throws RangeError when a side has no periods or the inputs are invalid
 */
export function prePostFromSeries(
  counts: ArrayLike<number>,
  launchIndex: number,
  options: PrePostFromSeriesOptions = {},
): PrePostFromSeries {
  const windowLength = options.windowLength ?? 24;
  const excludeLaunch = options.excludeLaunch ?? true;
  if (!Number.isInteger(windowLength) || windowLength < 1) {
    throw new RangeError(`windowLength must be a positive integer, got ${windowLength}`);
  }
  if (!Number.isInteger(launchIndex) || launchIndex < 0 || launchIndex >= counts.length) {
    throw new RangeError(
      `launchIndex must be an index into the series (0..${counts.length - 1}), got ${launchIndex}`,
    );
  }
  if (options.exposure !== undefined && options.exposure.length !== counts.length) {
    throw new RangeError(`exposure has length ${options.exposure.length}, expected ${counts.length}`);
  }
  const postStart = excludeLaunch ? launchIndex + 1 : launchIndex;
  const preAvailable = launchIndex;
  const postAvailable = counts.length - postStart;
  const periodsUsed = Math.min(windowLength, preAvailable, postAvailable);
  if (periodsUsed < 1) {
    throw new MessageError(
      msg('failure:prePost.sides', { before: String(preAvailable), after: String(postAvailable) }),
    );
  }
  const sum = (
    values: ArrayLike<number>,
    from: number,
    to: number,
    name: string,
    integer: boolean,
  ): number => {
    let s = 0;
    for (let i = from; i <= to; i++) s += checkCount(values[i] as number, `${name}[${i}]`, integer);
    return s;
  };
  const preWindow: [number, number] = [launchIndex - periodsUsed, launchIndex - 1];
  const postWindow: [number, number] = [postStart, postStart + periodsUsed - 1];
  const exposure = options.exposure;
  const result = prePostRateRatio(
    {
      pre: sum(counts, preWindow[0], preWindow[1], 'counts', true),
      post: sum(counts, postWindow[0], postWindow[1], 'counts', true),
      preExposure: exposure ? sum(exposure, preWindow[0], preWindow[1], 'exposure', false) : periodsUsed,
      postExposure: exposure ? sum(exposure, postWindow[0], postWindow[1], 'exposure', false) : periodsUsed,
    },
    options,
  );
  const shortNote =
    periodsUsed < windowLength
      ? ` Only ${periodsUsed} periods per side were available (${preAvailable} before, ${postAvailable} after), fewer than the ${windowLength} asked for.`
      : '';
  return {
    ...result,
    reading:
      prePostReading(
        result.rateRatio,
        result.interval.lower,
        result.interval.upper,
        result.pValue,
        result.inputs.pre,
        result.inputs.post,
        result.interval.level,
        options,
        `${periodsUsed} periods each side${excludeLaunch ? ', launch period left out' : ''}`,
      ) + shortNote,
    preAvailable,
    postAvailable,
    periodsUsed,
    preWindow,
    postWindow,
  };
}
