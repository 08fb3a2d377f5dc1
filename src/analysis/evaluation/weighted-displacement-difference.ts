/**
 * Weighted displacement difference (WDD) test for a place-based intervention.
 *
 * What it measures: the change in the treated area A net of the change in its control area C, plus the
 * change in the displacement buffer B net of the change in the buffer's control:
 *   WDD = (A₁ − A₀) − (C₁ − C₀) + (B₁ − B₀) − (C^B₁ − C^B₀),
 * with subscripts 0 = pre and 1 = post. Negative values mean fewer events than the controls' trend
 * predicts, counting any displacement into the buffer against the program (and any diffusion of
 * benefits in its favour). Without a buffer the last two terms are 0.
 *
 * Control for the buffer: pass `displacementControl` to use a separate area. When a buffer is given
 * without it, the same control area C serves both, so the estimate is (A₁ − A₀) + (B₁ − B₀) − 2(C₁ − C₀)
 * and its variance counts C four times (the two uses are perfectly correlated).
 *
 * Inference: each count is treated as an independent Poisson variable, so Var(X) = X, and
 * Var(WDD) = A₀ + A₁ + C₀ + C₁ + B₀ + B₁ + C^B₀ + C^B₁ (with 4·(C₀ + C₁) when C is shared). The test is
 * z = WDD / sqrt(Var), two-sided normal p-value, CI WDD ± z_{1−α/2}·sqrt(Var). When the pre and post
 * windows differ in length, counts are first divided by their window length (`preDuration`,
 * `postDuration`), so WDD is in events per unit time and each variance term is X / duration².
 *
 * Options (defaults): `level` 0.95; `preDuration` 1; `postDuration` 1 (equal windows: WDD in events).
 *
 * References: Wheeler AP, Ratcliffe JH (2018) A simple weighted displacement difference test to evaluate
 * place based crime interventions. Crime Science 7:11. Bowers KJ, Johnson SD (2003) J Quant Criminol
 * 19:275–301 (weighted displacement quotient).
 */
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import {
  type ConfidenceInterval,
  checkCount,
  checkLevel,
  checkPositive,
  formatLevel,
  formatNumber,
  formatP,
} from './common';

/** Event counts of one area before and after the launch. */
export interface PrePostCounts {
  /** Events in the pre window. */
  pre: number;
  /** Events in the post window. */
  post: number;
}

/** Areas entering the WDD. */
export interface WeightedDisplacementDifferenceInput {
  /** Treated area A. */
  treated: PrePostCounts;
  /** Control area C for the treated area. */
  control: PrePostCounts;
  /** Optional displacement buffer B around the treated area. */
  displacement?: PrePostCounts;
  /** Optional separate control area for the buffer; defaults to reusing `control`. */
  displacementControl?: PrePostCounts;
}

/** Options of {@link weightedDisplacementDifference}. */
export interface WeightedDisplacementDifferenceOptions {
  /** Confidence level. Default 0.95. */
  level?: number;
  /** Length of the pre window (e.g. months). Default 1 (equal windows). */
  preDuration?: number;
  /** Length of the post window. Default 1 (equal windows). */
  postDuration?: number;
}

/** Result of {@link weightedDisplacementDifference}. */
export interface WeightedDisplacementDifference {
  /** WDD: events (or events per unit time when durations differ); negative = fewer than expected. */
  wdd: number;
  /** Poisson variance of the WDD. */
  variance: number;
  /** sqrt(variance). */
  standardError: number;
  /** wdd / standardError. */
  z: number;
  /** Two-sided normal p-value. */
  pValue: number;
  /** Normal-theory interval for the WDD. */
  interval: ConfidenceInterval;
  /** Components: change in treated, control, buffer and buffer-control (per unit time). */
  changes: { treated: number; control: number; displacement: number; displacementControl: number };
  /** Whether the control area also served as the buffer's control. */
  sharedControl: boolean;
  /** Inputs used. */
  inputs: WeightedDisplacementDifferenceInput & { preDuration: number; postDuration: number };
  /** Plain-language reading. */
  reading: string;
}

function checkArea(area: PrePostCounts | undefined, name: string): PrePostCounts {
  if (area == null || typeof area !== 'object')
    throw new TypeError(`${name} must be an object { pre, post }`);
  return { pre: checkCount(area.pre, `${name}.pre`), post: checkCount(area.post, `${name}.post`) };
}

/**
 * Weighted displacement difference with its Poisson variance, z-test and CI (Wheeler & Ratcliffe 2018).
 *
 * @param input treated, control, optional buffer and buffer-control counts
 * @param options level (default 0.95) and window durations (default 1 each)
 * @throws RangeError / TypeError for missing areas, negative or fractional counts, bad durations
 */
export function weightedDisplacementDifference(
  input: WeightedDisplacementDifferenceInput,
  options: WeightedDisplacementDifferenceOptions = {},
): WeightedDisplacementDifference {
  const level = checkLevel(options.level ?? 0.95);
  const d0 = checkPositive(options.preDuration ?? 1, 'preDuration');
  const d1 = checkPositive(options.postDuration ?? 1, 'postDuration');
  const treated = checkArea(input.treated, 'treated');
  const control = checkArea(input.control, 'control');
  const displacement = input.displacement ? checkArea(input.displacement, 'displacement') : undefined;
  const explicitControl = input.displacementControl
    ? checkArea(input.displacementControl, 'displacementControl')
    : undefined;
  if (explicitControl && !displacement) {
    throw new RangeError('displacementControl was given without a displacement area');
  }
  const sharedControl = displacement !== undefined && explicitControl === undefined;
  const change = (a: PrePostCounts): number => a.post / d1 - a.pre / d0;
  const varOf = (a: PrePostCounts): number => a.post / (d1 * d1) + a.pre / (d0 * d0);
  const changes = {
    treated: change(treated),
    control: change(control),
    displacement: displacement ? change(displacement) : 0,
    displacementControl: displacement ? change(explicitControl ?? control) : 0,
  };
  const wdd = changes.treated - changes.control + changes.displacement - changes.displacementControl;
  let variance = varOf(treated);
  if (!displacement) variance += varOf(control);
  else if (sharedControl) variance += 4 * varOf(control) + varOf(displacement);
  else variance += varOf(control) + varOf(displacement) + varOf(explicitControl as PrePostCounts);
  const standardError = Math.sqrt(variance);
  const z = standardError > 0 ? wdd / standardError : Number.NaN;
  const pValue = standardError > 0 ? Math.min(1, 2 * normalCdf(-Math.abs(z), 0, 1)) : Number.NaN;
  const q = normalQuantile(0.5 + level / 2, 0, 1);
  const interval = { lower: wdd - q * standardError, upper: wdd + q * standardError, level };
  const unit = d0 === 1 && d1 === 1 ? 'events' : 'events per unit time';
  const area = displacement ? 'the treated area and its buffer' : 'the treated area';
  const direction = wdd < 0 ? 'fewer' : 'more';
  const reading =
    standardError === 0
      ? 'No events in any area: the WDD cannot be tested.'
      : `Net of the control area's change, ${area} had ${formatNumber(Math.abs(wdd), 1)} ${direction} ${unit} ` +
        `after launch (WDD ${formatNumber(wdd, 1)}, ${formatLevel(level)} CI ${formatNumber(interval.lower, 1)} to ` +
        `${formatNumber(interval.upper, 1)}; z = ${formatNumber(z)}, ${formatP(pValue)}).`;
  return {
    wdd,
    variance,
    standardError,
    z,
    pValue,
    interval,
    changes,
    sharedControl,
    inputs: {
      treated,
      control,
      ...(displacement ? { displacement } : {}),
      ...(explicitControl ? { displacementControl: explicitControl } : {}),
      preDuration: d0,
      postDuration: d1,
    },
    reading,
  };
}
