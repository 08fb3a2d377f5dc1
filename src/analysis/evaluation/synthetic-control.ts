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
import { formatNumber } from './common';
import { choleskyInPlace, choleskySolve } from './poisson-glm';

/** Options of {@link syntheticControl}. */
export interface SyntheticControlOptions {
  /** Run the placebo-in-space analysis. Default true. */
  placebo?: boolean;
  /** Warn when pre-RMSPE exceeds this multiple of the Poisson noise level sqrt(pre-period mean). Default 1.5. */
  poorFitRatio?: number;
  /** Donor labels for the reading and weights (default 'donor 0', 'donor 1', …). */
  donorNames?: string[];
}

/** Result of {@link simplexLeastSquares}. */
export interface SimplexLeastSquares {
  /** Weights ≥ 0 summing to 1. */
  weights: Float64Array;
  /** Minimized sum of squared errors ||Aw − b||². */
  objective: number;
  /** Active-set iterations. */
  iterations: number;
  /** Largest KKT violation at the solution, relative to the gradient scale. */
  kktViolation: number;
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

/**
 * Minimizes ||Aw − b||² over the simplex {w ≥ 0, Σw = 1} by a primal active-set method.
 *
 * @param columns the J columns of A, each of length m
 * @param b target vector, length m
 * @param tolerance relative KKT tolerance, default 1e-10
 * @throws RangeError when there are no columns or lengths differ
 */
export function simplexLeastSquares(
  columns: ArrayLike<number>[],
  b: ArrayLike<number>,
  tolerance = 1e-10,
): SimplexLeastSquares {
  const J = columns.length;
  const m = b.length;
  if (J === 0) throw new RangeError('need at least one donor');
  columns.forEach((c, j) => {
    if (c.length !== m) throw new RangeError(`donor ${j} has ${c.length} values, expected ${m}`);
  });
  const h = new Float64Array(J * J);
  const c = new Float64Array(J);
  for (let i = 0; i < J; i++) {
    const ci = columns[i] as ArrayLike<number>;
    let s = 0;
    for (let t = 0; t < m; t++) s += (ci[t] as number) * (b[t] as number);
    c[i] = s;
    for (let j = 0; j <= i; j++) {
      const cj = columns[j] as ArrayLike<number>;
      let hij = 0;
      for (let t = 0; t < m; t++) hij += (ci[t] as number) * (cj[t] as number);
      h[i * J + j] = hij;
      h[j * J + i] = hij;
    }
  }
  let scale = 1;
  for (let i = 0; i < J; i++)
    scale = Math.max(scale, Math.abs(h[i * J + i] as number), Math.abs(c[i] as number));
  const objectiveOf = (w: Float64Array): number => {
    let q = 0;
    for (let t = 0; t < m; t++) {
      let r = b[t] as number;
      for (let j = 0; j < J; j++) r -= (w[j] as number) * ((columns[j] as ArrayLike<number>)[t] as number);
      q += r * r;
    }
    return q;
  };
  const gradient = (w: Float64Array): Float64Array => {
    const g = new Float64Array(J);
    for (let i = 0; i < J; i++) {
      let s = -(c[i] as number);
      for (let j = 0; j < J; j++) s += (h[i * J + j] as number) * (w[j] as number);
      g[i] = s;
    }
    return g;
  };
  // Minimizer of the quadratic on the free set subject only to Σ w_F = 1.
  const solveFree = (free: number[]): Float64Array => {
    const k = free.length;
    const sub = new Float64Array(k * k);
    let maxDiag = 0;
    for (let r = 0; r < k; r++) {
      for (let s = 0; s < k; s++) sub[r * k + s] = h[(free[r] as number) * J + (free[s] as number)] as number;
      maxDiag = Math.max(maxDiag, sub[r * k + r] as number);
    }
    const original = Float64Array.from(sub);
    if (choleskyInPlace(sub, k, 1e-12) >= 0) {
      sub.set(original);
      for (let r = 0; r < k; r++) sub[r * k + r] = (sub[r * k + r] as number) + 1e-10 * maxDiag;
      if (choleskyInPlace(sub, k, 0) >= 0) throw new RangeError('donor pre-period series are degenerate');
    }
    const u = choleskySolve(
      sub,
      k,
      free.map((i) => c[i] as number),
    );
    const v = choleskySolve(sub, k, new Float64Array(k).fill(1));
    let su = 0;
    let sv = 0;
    for (let r = 0; r < k; r++) {
      su += u[r] as number;
      sv += v[r] as number;
    }
    const lambda = (1 - su) / sv;
    const z = new Float64Array(J);
    for (let r = 0; r < k; r++) z[free[r] as number] = (u[r] as number) + lambda * (v[r] as number);
    return z;
  };

  let best = 0;
  let bestValue = Number.POSITIVE_INFINITY;
  for (let j = 0; j < J; j++) {
    const value = (h[j * J + j] as number) - 2 * (c[j] as number);
    if (value < bestValue) {
      bestValue = value;
      best = j;
    }
  }
  let w: Float64Array = new Float64Array(J);
  w[best] = 1;
  const inFree = new Uint8Array(J);
  inFree[best] = 1;
  let iterations = 0;
  let kktViolation = 0;
  const maxIterations = 50 * J + 100;
  while (iterations < maxIterations) {
    iterations++;
    const g = gradient(w);
    let lambda = 0;
    let nFree = 0;
    for (let j = 0; j < J; j++) {
      if (inFree[j]) {
        lambda += g[j] as number;
        nFree++;
      }
    }
    lambda /= nFree;
    let worst = -1;
    let worstValue = 0;
    for (let j = 0; j < J; j++) {
      if (inFree[j]) continue;
      const d = ((g[j] as number) - lambda) / scale;
      if (d < worstValue) {
        worstValue = d;
        worst = j;
      }
    }
    kktViolation = -worstValue;
    if (worst < 0 || -worstValue <= tolerance) break;
    inFree[worst] = 1;
    for (let inner = 0; inner <= J; inner++) {
      const free: number[] = [];
      for (let j = 0; j < J; j++) if (inFree[j]) free.push(j);
      const z = solveFree(free);
      let alpha = 1;
      let blocking = -1;
      for (const j of free) {
        const zj = z[j] as number;
        if (zj <= 0) {
          const wj = w[j] as number;
          const a = wj / (wj - zj);
          if (blocking < 0 || a < alpha) {
            alpha = a;
            blocking = j;
          }
        }
      }
      if (blocking < 0) {
        w = z;
        break;
      }
      // The blocking donor leaves the free set explicitly, so rounding cannot keep it at a tiny weight.
      inFree[blocking] = 0;
      const next = new Float64Array(J);
      for (const j of free) {
        const v = j === blocking ? 0 : (w[j] as number) + alpha * ((z[j] as number) - (w[j] as number));
        if (v <= 1e-15) inFree[j] = 0;
        else next[j] = v;
      }
      let s = 0;
      for (let j = 0; j < J; j++) s += next[j] as number;
      for (let j = 0; j < J; j++) next[j] = (next[j] as number) / s;
      w = next;
    }
  }
  return { weights: w, objective: objectiveOf(w), iterations, kktViolation };
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
  if (!Array.isArray(donors) || donors.length < 2) throw new RangeError('need at least 2 donor units');
  const T = treated.length;
  if (!Number.isInteger(launchIndex) || launchIndex < 2 || launchIndex > T - 1) {
    throw new RangeError(`launchIndex must be in 2..${T - 1} (0-based), got ${launchIndex}`);
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
