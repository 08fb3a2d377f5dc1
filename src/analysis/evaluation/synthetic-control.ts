/**
 * Synthetic control for one treated unit, with placebo-in-space inference.
 *
 * What it measures: a weighted average of untreated donor units, with weights w_j ≥ 0 and Σ w_j = 1,
 * chosen to reproduce the treated unit's pre-launch series as closely as possible:
 *   w = argmin Σ_{t < t₀} (y_t − Σ_j w_j x_jt)²  (Abadie, Diamond & Hainmueller 2010, outcome-only version).
 * After launch the synthetic series is the counterfactual; the effect path is treated − synthetic.
 * The weights solve the simplex-constrained least-squares problem exactly by a primal active-set method:
 * each step solves the equality-constrained problem on the free donors (Cholesky of the pre-period Gram
 * matrix), steps back to the simplex when a weight would turn negative, and stops when the KKT conditions
 * hold (every excluded donor's gradient is at least the free donors' common gradient, to 1e-10
 * relative). When donors are collinear in the pre period the free block is regularized by a ridge of
 * 1e-10 × its largest diagonal entry (the objective moves by at most that amount).
 *
 * Fit and effect: pre-RMSPE = sqrt(mean pre-period gap²), post-RMSPE likewise after launch, and their
 * ratio. A poor pre-period fit means the donors cannot reproduce the treated unit and the effect path is
 * not credible. For counts, part of the pre-RMSPE is irreducible Poisson noise of about sqrt(m) per period
 * (m = treated pre-period mean), so the fit is judged against that floor: a warning is given when
 * pre-RMSPE > `poorFitRatio` × sqrt(m), and when m lies outside the range of the donors' pre-period means
 * (no convex combination can match the treated unit's level; Abadie 2021, §5).
 * `noiseRatio` = pre-RMSPE / sqrt(m) is reported either way.
 *
 * Placebo-in-space p-value (Abadie et al. 2010, §4; Abadie 2021, §7): each donor in turn is treated as if
 * it had the program, with the other donors (not the treated unit) as its donor pool; the p-value is the
 * share of all J + 1 units whose post/pre RMSPE ratio is at least the treated unit's,
 *   p = (1 + #{donors with ratio ≥ treated ratio}) / (J + 1).
 * With J donors the smallest attainable p is 1/(J + 1).
 *
 * No confidence interval is reported: synthetic-control inference is by placebo rank, not by a sampling
 * distribution.
 *
 * Options (defaults): `placebo` true; `poorFitRatio` 1.5; `donorNames` 'donor 0', 'donor 1', ….
 *
 * References: Abadie A, Diamond A, Hainmueller J (2010) Synthetic control methods for comparative case
 * studies. J Am Stat Assoc 105:493–505. Abadie A (2021) Using synthetic controls: feasibility, data
 * requirements, and methodological aspects. J Econ Lit 59:391–425. Lawson CL, Hanson RJ (1974) Solving
 * Least Squares Problems (active-set method).
 */

import { msg } from '../messages/message';
import { MessageError } from '../messages/message-error';
import { formatNumber } from './common';
import { simplexLeastSquares } from './simplex-least-squares';

export { type SimplexLeastSquares, simplexLeastSquares } from './simplex-least-squares';

/** Options of {@link syntheticControl}. */
export interface SyntheticControlOptions {
  /** Run the placebo-in-space analysis. Default true. */
  placebo?: boolean;
  /** Warn when pre-RMSPE exceeds this multiple of the Poisson noise level sqrt(pre-period mean). Default 1.5. */
  poorFitRatio?: number;
  /** Donor labels for the reading and weights (default 'donor 0', 'donor 1', …). */
  donorNames?: string[];
}

/** One placebo run. */
export interface PlaceboRun {
  /** Donor index that played the treated unit. */
  donor: number;
  preRmspe: number;
  postRmspe: number;
  ratio: number;
}

/** Result of {@link syntheticControl}. */
export interface SyntheticControl {
  /** Donor weights (≥ 0, sum 1). */
  weights: Float64Array;
  /** Synthetic series, all periods. */
  synthetic: Float64Array;
  /** Effect path: treated − synthetic, all periods. */
  gap: Float64Array;
  /** Pre-period sum of squared gaps (the minimized objective). */
  objective: number;
  preRmspe: number;
  postRmspe: number;
  /** postRmspe / preRmspe. */
  rmspeRatio: number;
  /** preRmspe / sqrt(treated pre-period mean): about 1 when the fit is as close as Poisson noise allows. */
  noiseRatio: number;
  /** Mean post-period gap (events per period). */
  averagePostEffect: number;
  /** Post-period treated total / synthetic total. */
  postRatio: number;
  /** Placebo runs, one per donor (empty when disabled). */
  placebos: PlaceboRun[];
  /** Placebo-in-space p-value (NaN when disabled). */
  pValue: number;
  /** Warnings (poor pre-period fit). */
  warnings: string[];
  /** Inputs used. */
  inputs: { periods: number; donors: number; launchIndex: number; donorNames: string[] };
  /** Plain-language reading. */
  reading: string;
}

function rmspe(gap: Float64Array, from: number, to: number): number {
  let s = 0;
  for (let t = from; t < to; t++) s += (gap[t] as number) ** 2;
  return Math.sqrt(s / (to - from));
}

function fitOne(treated: Float64Array, donors: Float64Array[], launchIndex: number) {
  const pre = donors.map((d) => d.subarray(0, launchIndex));
  const solution = simplexLeastSquares(pre, treated.subarray(0, launchIndex));
  const T = treated.length;
  const synthetic = new Float64Array(T);
  donors.forEach((d, j) => {
    const wj = solution.weights[j] as number;
    if (wj === 0) return;
    for (let t = 0; t < T; t++) synthetic[t] = (synthetic[t] as number) + wj * (d[t] as number);
  });
  const gap = new Float64Array(T);
  for (let t = 0; t < T; t++) gap[t] = (treated[t] as number) - (synthetic[t] as number);
  const preRmspe = rmspe(gap, 0, launchIndex);
  const postRmspe = rmspe(gap, launchIndex, T);
  return { solution, synthetic, gap, preRmspe, postRmspe, ratio: postRmspe / preRmspe };
}

/**
 * Synthetic control estimate for one treated unit with placebo-in-space p-value.
 *
 * @param treated the treated unit's series (events per period, all periods)
 * @param donors untreated units' series, same length
 * @param launchIndex first post-launch period (0-based); at least 2 pre and 1 post period
 * @param options placebo runs (default on), poor-fit threshold, donor names
 * @throws RangeError / TypeError for ragged or non-finite series, fewer than 2 donors, bad launch index
 */
export function syntheticControl(
  treated: ArrayLike<number>,
  donors: ArrayLike<number>[],
  launchIndex: number,
  options: SyntheticControlOptions = {},
): SyntheticControl {
  if (treated == null || typeof treated.length !== 'number')
    throw new TypeError('treated must be an array of numbers');
  if (!Array.isArray(donors) || donors.length < 2) throw new MessageError(msg('failure:synth.fewDonors'));
  const T = treated.length;
  if (!Number.isInteger(launchIndex) || launchIndex < 2 || launchIndex > T - 1) {
    throw new MessageError(
      msg('failure:synth.launchIndex', { max: String(T - 1), index: String(launchIndex) }),
    );
  }
  const toSeries = (values: ArrayLike<number>, name: string): Float64Array => {
    if (values == null || values.length !== T) throw new RangeError(`${name} must have ${T} periods`);
    const out = new Float64Array(T);
    for (let t = 0; t < T; t++) {
      const v = values[t] as number;
      if (typeof v !== 'number' || !Number.isFinite(v))
        throw new RangeError(`${name}[${t}] must be a finite number`);
      out[t] = v;
    }
    return out;
  };
  const y = toSeries(treated, 'treated');
  const x = donors.map((d, j) => toSeries(d, `donors[${j}]`));
  const donorNames = options.donorNames ?? x.map((_, j) => `donor ${j}`);
  if (donorNames.length !== x.length) throw new RangeError(`donorNames must have ${x.length} entries`);
  const poorFitRatio = options.poorFitRatio ?? 1.5;
  if (!(poorFitRatio > 0)) throw new RangeError(`poorFitRatio must be > 0, got ${poorFitRatio}`);

  const main = fitOne(y, x, launchIndex);
  const placebos: PlaceboRun[] = [];
  if (options.placebo ?? true) {
    x.forEach((d, j) => {
      const run = fitOne(
        d,
        x.filter((_, k) => k !== j),
        launchIndex,
      );
      placebos.push({ donor: j, preRmspe: run.preRmspe, postRmspe: run.postRmspe, ratio: run.ratio });
    });
  }
  const pValue =
    placebos.length > 0
      ? (1 + placebos.filter((r) => r.ratio >= main.ratio).length) / (placebos.length + 1)
      : Number.NaN;

  let preMean = 0;
  for (let t = 0; t < launchIndex; t++) preMean += y[t] as number;
  preMean /= launchIndex;
  let postGap = 0;
  let postTreated = 0;
  let postSynthetic = 0;
  for (let t = launchIndex; t < T; t++) {
    postGap += main.gap[t] as number;
    postTreated += y[t] as number;
    postSynthetic += main.synthetic[t] as number;
  }
  const averagePostEffect = postGap / (T - launchIndex);
  const warnings: string[] = [];
  const noiseRatio = main.preRmspe / Math.sqrt(preMean);
  if (noiseRatio > poorFitRatio) {
    warnings.push(
      `Poor pre-launch fit: pre-RMSPE ${formatNumber(main.preRmspe)} is ${formatNumber(noiseRatio, 1)}× the Poisson noise level (${formatNumber(Math.sqrt(preMean))}); the synthetic control is not a credible counterfactual.`,
    );
  }
  const donorMeans = x.map((d) => {
    let s = 0;
    for (let t = 0; t < launchIndex; t++) s += d[t] as number;
    return s / launchIndex;
  });
  if (preMean > Math.max(...donorMeans) || preMean < Math.min(...donorMeans)) {
    warnings.push(
      `The treated unit's pre-launch mean (${formatNumber(preMean)}) lies outside the donors' range (${formatNumber(Math.min(...donorMeans))}–${formatNumber(Math.max(...donorMeans))}): no weighted average of donors can match its level.`,
    );
  }
  const top = [...main.solution.weights]
    .map((wj, j) => ({ wj, j }))
    .filter((e) => e.wj > 0.005)
    .sort((a, b) => b.wj - a.wj)
    .slice(0, 3)
    .map((e) => `${donorNames[e.j]} ${formatNumber(e.wj)}`)
    .join(', ');
  const reading =
    `After launch the treated unit averaged ${formatNumber(Math.abs(averagePostEffect))} ${averagePostEffect < 0 ? 'fewer' : 'more'} events per period than its synthetic control ` +
    `(${formatNumber(postTreated / postSynthetic)}× the synthetic total; weights: ${top}); ` +
    `post/pre RMSPE ratio ${formatNumber(main.ratio)}` +
    (Number.isNaN(pValue)
      ? '.'
      : `, ranking it ${1 + placebos.filter((r) => r.ratio > main.ratio).length} of ${placebos.length + 1} units (placebo p = ${formatNumber(pValue, 3)}).`) +
    (warnings.length > 0 ? ` ${warnings.join(' ')}` : '');

  return {
    weights: main.solution.weights,
    synthetic: main.synthetic,
    gap: main.gap,
    objective: main.solution.objective,
    preRmspe: main.preRmspe,
    postRmspe: main.postRmspe,
    rmspeRatio: main.ratio,
    noiseRatio,
    averagePostEffect,
    postRatio: postTreated / postSynthetic,
    placebos,
    pValue,
    warnings,
    inputs: { periods: T, donors: x.length, launchIndex, donorNames: [...donorNames] },
    reading,
  };
}
