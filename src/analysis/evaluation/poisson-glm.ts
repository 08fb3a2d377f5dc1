/**
 * Poisson generalized linear model (log link) fitted by iteratively reweighted least squares.
 *
 * What it measures: for counts y_i with optional exposure offset o_i, it fits
 * log μ_i = o_i + x_iᵀβ by maximum likelihood. Each coefficient is a log rate ratio: exp(β_j) is the
 * multiplicative change in the expected count for a one-unit change in column j, other columns fixed.
 *
 * Dispersion: with `dispersion: 'pearson'` (default, the quasi-Poisson model) the scale is estimated as
 * φ = Σ (y_i − μ_i)² / μ_i / (n − p) (Pearson χ² over residual degrees of freedom) and the covariance is
 * φ (XᵀWX)⁻¹, W = diag(μ); with `'fixed'` φ = 1 (plain Poisson). Wald tests and intervals for one
 * coefficient use the t distribution on n − p df (as R's `summary.glm` does for quasi-families) by
 * default, or the standard normal (`ciDistribution: 'normal'`, as R's `confint.default`).
 *
 * Algorithm: start from μ = y + 0.1 (as R's `poisson()$initialize`), then repeat: working response
 * z = η − o + (y − μ)/μ, weights w = μ, solve (XᵀWX)β = XᵀWz by a Cholesky factorization, until the
 * relative deviance change |D − D_old| / (|D| + 0.1) < `tolerance`. The normal equations are accumulated
 * over each row's non-zero entries only, so sparse fixed-effect designs (hundreds of indicator columns)
 * stay fast. Rank deficiency (a column that is zero or a linear combination of earlier columns) is
 * reported by name; so is separation (fitted means driven to 0, e.g. a unit whose counts are all zero).
 *
 * Options (defaults): `offset` none; `dispersion` 'pearson'; `maxIterations` 50; `tolerance` 1e-10;
 * `names` 'x0', 'x1', ….
 *
 * References: McCullagh P, Nelder JA (1989) Generalized Linear Models, 2nd ed., ch. 2 and 6 (IRLS,
 * quasi-likelihood); Wedderburn RWM (1974) Biometrika 61:439–447.
 *
 * The Wald tests, covariance blocks and cluster-robust covariance live in `glm-inference.ts`, the design
 * matrix in `design-matrix.ts` and the linear algebra in `cholesky.ts`; all are re-exported here.
 */
import { msg } from '../messages/message';
import { MessageError } from '../messages/message-error';
import { choleskyInPlace, choleskyInverse, choleskySolve } from './cholesky';
import type { DesignMatrix } from './design-matrix';

export { choleskyInPlace, choleskyInverse, choleskySolve } from './cholesky';
export { type DesignMatrix, designMatrixFromColumns } from './design-matrix';
export { clusterRobustCovariance, covarianceBlock, glmWald, type WaldResult } from './glm-inference';

/** Options of {@link poissonGlm}. */
export interface PoissonGlmOptions {
  /** Offset added to the linear predictor, usually log exposure (length n). Default: none (zeros). */
  offset?: ArrayLike<number>;
  /** 'pearson' (quasi-Poisson, default) or 'fixed' (φ = 1, plain Poisson). */
  dispersion?: 'pearson' | 'fixed';
  /** Maximum IRLS iterations. Default 50. */
  maxIterations?: number;
  /** Convergence tolerance on the relative deviance change. Default 1e-10. */
  tolerance?: number;
}

/** A fitted Poisson / quasi-Poisson GLM. Matrices are row-major Float64Arrays. */
export interface PoissonGlmFit {
  /** Column names. */
  names: string[];
  /** Coefficients β (log scale), length p. */
  coefficients: Float64Array;
  /** Standard errors sqrt(diag(covariance)), scaled by the dispersion. */
  standardErrors: Float64Array;
  /** Covariance φ (XᵀWX)⁻¹, p × p row-major. */
  covariance: Float64Array;
  /** Unscaled covariance (XᵀWX)⁻¹ at the final fitted means, p × p row-major. */
  covarianceUnscaled: Float64Array;
  /** Dispersion φ: Pearson χ² / (n − p) for 'pearson', 1 for 'fixed'. */
  dispersion: number;
  /** Which dispersion rule was used. */
  dispersionRule: 'pearson' | 'fixed';
  /** Pearson χ² = Σ (y − μ)² / μ. */
  pearsonChiSquare: number;
  /** Residual deviance 2 Σ [y log(y/μ) − (y − μ)]. */
  deviance: number;
  /** Residual degrees of freedom n − p. */
  dfResidual: number;
  /** Fitted means μ, length n. */
  fitted: Float64Array;
  /** Linear predictor η = offset + Xβ, length n. */
  linearPredictor: Float64Array;
  /** Pearson residuals (y − μ)/sqrt(μ), length n (not divided by the dispersion). */
  pearsonResiduals: Float64Array;
  /** IRLS iterations used. */
  iterations: number;
  /** Whether the deviance criterion was met within `maxIterations`. */
  converged: boolean;
  /** Number of observations n. */
  rows: number;
}

function poissonDeviance(y: Float64Array, mu: Float64Array): number {
  let d = 0;
  for (let i = 0; i < y.length; i++) {
    const yi = y[i] as number;
    const mi = mu[i] as number;
    d += yi > 0 ? yi * Math.log(yi / mi) - (yi - mi) : mi;
  }
  return 2 * d;
}

/**
 * Fits a Poisson (or quasi-Poisson) GLM with log link by IRLS.
 *
 * @param y counts (non-negative; need not be integers under the quasi-Poisson model), length n
 * @param design design matrix X (n × p), include an intercept column yourself
 * @param options offset, dispersion rule, iteration limits
 * @returns coefficients, dispersion-scaled covariance and standard errors, deviance, fitted values,
 *   Pearson residuals and convergence information
 * @throws RangeError on invalid input, rank deficiency (naming the column) or separation
 */
export function poissonGlm(
  y: ArrayLike<number>,
  design: DesignMatrix,
  options: PoissonGlmOptions = {},
): PoissonGlmFit {
  const { rows: n, columns: p, values: xv, names } = design;
  const maxIterations = options.maxIterations ?? 50;
  const tolerance = options.tolerance ?? 1e-10;
  const dispersionRule = options.dispersion ?? 'pearson';
  if (!Number.isInteger(maxIterations) || maxIterations < 1) {
    throw new RangeError(`maxIterations must be a positive integer, got ${maxIterations}`);
  }
  if (!(tolerance > 0)) throw new RangeError(`tolerance must be > 0, got ${tolerance}`);
  if (dispersionRule !== 'pearson' && dispersionRule !== 'fixed') {
    throw new RangeError(`dispersion must be 'pearson' or 'fixed', got ${String(dispersionRule)}`);
  }
  if (xv.length !== n * p || names.length !== p) {
    throw new RangeError('design matrix values/names do not match its rows × columns');
  }
  if (y.length !== n) throw new RangeError(`y has length ${y.length}, design has ${n} rows`);
  if (n <= p) throw new MessageError(msg('failure:glm.tooFewObservations', { n: String(n), p: String(p) }));
  const yy = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = y[i] as number;
    if (!Number.isFinite(v) || v < 0) throw new RangeError(`y[${i}] must be a finite count >= 0, got ${v}`);
    yy[i] = v;
  }
  const off = new Float64Array(n);
  if (options.offset !== undefined) {
    if (options.offset.length !== n)
      throw new RangeError(`offset has length ${options.offset.length}, expected ${n}`);
    for (let i = 0; i < n; i++) {
      const v = options.offset[i] as number;
      if (!Number.isFinite(v)) throw new RangeError(`offset[${i}] must be finite, got ${v}`);
      off[i] = v;
    }
  }

  // Compressed rows: only non-zero entries enter XᵀWX, which keeps indicator-heavy panels cheap.
  const rowStart = new Int32Array(n + 1);
  let nnz = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < p; j++) {
      const v = xv[i * p + j] as number;
      if (!Number.isFinite(v)) throw new RangeError(`design column ${names[j]} is not finite at row ${i}`);
      if (v !== 0) nnz++;
    }
    rowStart[i + 1] = nnz;
  }
  const colIndex = new Int32Array(nnz);
  const entry = new Float64Array(nnz);
  for (let i = 0, k = 0; i < n; i++) {
    for (let j = 0; j < p; j++) {
      const v = xv[i * p + j] as number;
      if (v !== 0) {
        colIndex[k] = j;
        entry[k++] = v;
      }
    }
  }

  const mu = new Float64Array(n);
  const eta = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    mu[i] = (yy[i] as number) + 0.1;
    eta[i] = Math.log(mu[i] as number);
  }
  const a = new Float64Array(p * p);
  const b = new Float64Array(p);

  const accumulate = (withResponse: boolean): void => {
    a.fill(0);
    b.fill(0);
    for (let i = 0; i < n; i++) {
      const w = mu[i] as number;
      const z = (eta[i] as number) - (off[i] as number) + ((yy[i] as number) - w) / w;
      const s = rowStart[i] as number;
      const e = rowStart[i + 1] as number;
      for (let r = s; r < e; r++) {
        const jr = colIndex[r] as number;
        const wx = w * (entry[r] as number);
        if (withResponse) b[jr] = (b[jr] as number) + wx * z;
        for (let c = s; c <= r; c++) {
          const idx = jr * p + (colIndex[c] as number);
          a[idx] = (a[idx] as number) + wx * (entry[c] as number);
        }
      }
    }
  };
  let meanY = 0;
  for (let i = 0; i < n; i++) meanY += yy[i] as number;
  meanY /= n;
  const separationCheck = (): void => {
    let vanishing = 0;
    for (let i = 0; i < n; i++) if ((mu[i] as number) < 1e-8 * Math.max(meanY, 1)) vanishing++;
    if (vanishing > 0) {
      throw new MessageError(msg('failure:glm.separation', { rows: String(vanishing) }));
    }
  };
  const factor = (): void => {
    const bad = choleskyInPlace(a, p);
    if (bad >= 0) {
      // Weights μ collapsing towards 0 make XᵀWX numerically singular: report the cause, not the symptom.
      separationCheck();
      throw new MessageError(msg('failure:glm.rankDeficient', { column: String(names[bad]) }));
    }
  };
  const updateMean = (beta: Float64Array): void => {
    for (let i = 0; i < n; i++) {
      let s = off[i] as number;
      for (let r = rowStart[i] as number; r < (rowStart[i + 1] as number); r++) {
        s += (entry[r] as number) * (beta[colIndex[r] as number] as number);
      }
      eta[i] = s;
      mu[i] = Math.exp(s);
    }
  };

  let beta: Float64Array = new Float64Array(p);
  let previous: Float64Array | null = null;
  let devOld = poissonDeviance(yy, mu);
  let converged = false;
  let iterations = 0;
  for (let iter = 1; iter <= maxIterations; iter++) {
    iterations = iter;
    accumulate(true);
    factor();
    const next = choleskySolve(a, p, b);
    updateMean(next);
    let dev = poissonDeviance(yy, mu);
    // Step-halving only when a step overflows; ordinary Poisson IRLS steps are otherwise accepted.
    let halvings = 0;
    while (!Number.isFinite(dev) && previous !== null && halvings < 30) {
      for (let j = 0; j < p; j++) next[j] = 0.5 * ((next[j] as number) + (previous[j] as number));
      updateMean(next);
      dev = poissonDeviance(yy, mu);
      halvings++;
    }
    if (!Number.isFinite(dev)) throw new MessageError(msg('failure:glm.diverged'));
    previous = beta;
    beta = next;
    if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < tolerance) {
      converged = true;
      devOld = dev;
      break;
    }
    devOld = dev;
  }

  separationCheck();

  accumulate(false);
  factor();
  const unscaled = choleskyInverse(a, p);
  const fitted = Float64Array.from(mu);
  const pearsonResiduals = new Float64Array(n);
  let pearsonChiSquare = 0;
  for (let i = 0; i < n; i++) {
    const r = ((yy[i] as number) - (mu[i] as number)) / Math.sqrt(mu[i] as number);
    pearsonResiduals[i] = r;
    pearsonChiSquare += r * r;
  }
  const dfResidual = n - p;
  const dispersion = dispersionRule === 'pearson' ? pearsonChiSquare / dfResidual : 1;
  const covariance = new Float64Array(p * p);
  for (let k = 0; k < p * p; k++) covariance[k] = (unscaled[k] as number) * dispersion;
  const standardErrors = new Float64Array(p);
  for (let j = 0; j < p; j++) standardErrors[j] = Math.sqrt(covariance[j * p + j] as number);
  return {
    names: [...names],
    coefficients: beta,
    standardErrors,
    covariance,
    covarianceUnscaled: unscaled,
    dispersion,
    dispersionRule,
    pearsonChiSquare,
    deviance: devOld,
    dfResidual,
    fitted,
    linearPredictor: Float64Array.from(eta),
    pearsonResiduals,
    iterations,
    converged,
    rows: n,
  };
}
