/**
 * Inference on a fitted Poisson / quasi-Poisson GLM (see `poisson-glm.ts`): Wald tests and intervals for a
 * coefficient or a linear combination cᵀβ, sub-blocks of the covariance, and a cluster-robust
 * covariance.
 *
 * Wald: estimate cᵀβ, standard error sqrt(cᵀVc) with V the dispersion-scaled covariance, two-sided
 * p-value and interval from the t distribution on n − p df (as R's `summary.glm` for quasi-families) or
 * the standard normal (as R's `confint.default`). On the rate scale (log link) the estimate and the
 * interval ends are exponentiated: an incidence rate ratio exp(cᵀβ) with its interval.
 *
 * Cluster-robust: V = G/(G − 1) · A⁻¹ (Σ_g s_g s_gᵀ) A⁻¹, R's
 * `sandwich::vcovCL(fit, cluster, type = "HC0", cadjust = TRUE)`.
 *
 * References: McCullagh P, Nelder JA (1989) Generalized Linear Models, 2nd ed., ch. 9; Zeileis A, Köll S,
 * Graham N (2020) J Stat Softw 95(1).
 */
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { msg } from '../messages/message';
import { MessageError } from '../messages/message-error';
import { type ConfidenceInterval, checkLevel } from './common';
import type { DesignMatrix } from './design-matrix';
import type { PoissonGlmFit } from './poisson-glm';

/** Wald inference for one coefficient or linear combination. */
export interface WaldResult {
  /** Estimate on the log scale. */
  estimate: number;
  /** Standard error (dispersion-scaled). */
  standardError: number;
  /** estimate / standardError. */
  statistic: number;
  /** Two-sided p-value from the t (df = n − p) or normal distribution. */
  pValue: number;
  /** Interval on the log scale. */
  interval: ConfidenceInterval;
  /** Distribution used for the p-value and interval. */
  distribution: 't' | 'normal';
  /** Degrees of freedom for 't' (n − p); Infinity for 'normal'. */
  df: number;
}

/** A multiplicative effect (incidence rate ratio) with its interval and test. */
export interface RateRatioEstimate {
  /** exp(estimate). */
  irr: number;
  /** Interval for the IRR. */
  interval: ConfidenceInterval;
  /** Two-sided p-value for IRR = 1. */
  pValue: number;
  /** Log-scale estimate. */
  logEstimate: number;
  /** Log-scale standard error (dispersion-scaled). */
  standardError: number;
}

/**
 * Wald test and interval for the linear combination cᵀβ of a fitted GLM (a single coefficient when
 * `contrast` is a column index or name).
 *
 * @param fit a {@link PoissonGlmFit}
 * @param contrast column index, column name, or a weight vector c of length p
 * @param level interval level, default 0.95
 * @param distribution 't' (df = n − p; default for quasi-Poisson, as R's summary.glm) or 'normal'
 *   (as R's confint.default); default 't' when the dispersion was estimated, else 'normal'
 */
export function glmWald(
  fit: PoissonGlmFit,
  contrast: number | string | ArrayLike<number>,
  level = 0.95,
  distribution: 't' | 'normal' = fit.dispersionRule === 'pearson' ? 't' : 'normal',
): WaldResult {
  checkLevel(level);
  const p = fit.coefficients.length;
  const c = new Float64Array(p);
  if (typeof contrast === 'number' || typeof contrast === 'string') {
    const j = typeof contrast === 'number' ? contrast : fit.names.indexOf(contrast);
    if (!Number.isInteger(j) || j < 0 || j >= p)
      throw new RangeError(`unknown coefficient ${String(contrast)}`);
    c[j] = 1;
  } else {
    if (contrast.length !== p) throw new RangeError(`contrast has length ${contrast.length}, expected ${p}`);
    for (let j = 0; j < p; j++) c[j] = contrast[j] as number;
  }
  let estimate = 0;
  let variance = 0;
  for (let i = 0; i < p; i++) {
    const ci = c[i] as number;
    if (ci === 0) continue;
    estimate += ci * (fit.coefficients[i] as number);
    for (let j = 0; j < p; j++) variance += ci * (c[j] as number) * (fit.covariance[i * p + j] as number);
  }
  const standardError = Math.sqrt(variance);
  const statistic = estimate / standardError;
  const df = distribution === 't' ? fit.dfResidual : Number.POSITIVE_INFINITY;
  const tail = distribution === 't' ? tCdf(-Math.abs(statistic), df) : normalCdf(-Math.abs(statistic), 0, 1);
  const q = distribution === 't' ? tQuantile(0.5 + level / 2, df) : normalQuantile(0.5 + level / 2, 0, 1);
  return {
    estimate,
    standardError,
    statistic,
    pValue: Math.min(1, 2 * tail),
    interval: { lower: estimate - q * standardError, upper: estimate + q * standardError, level },
    distribution,
    df,
  };
}

/**
 * The Wald result for cᵀβ of {@link glmWald} on the rate scale: exp of the estimate and of the interval
 * ends, with the log-scale estimate and standard error kept alongside.
 */
export function glmRateRatio(
  fit: PoissonGlmFit,
  contrast: number | string | ArrayLike<number>,
  level: number,
  distribution: 't' | 'normal',
): RateRatioEstimate {
  const w = glmWald(fit, contrast, level, distribution);
  return {
    irr: Math.exp(w.estimate),
    interval: { lower: Math.exp(w.interval.lower), upper: Math.exp(w.interval.upper), level },
    pValue: w.pValue,
    logEstimate: w.estimate,
    standardError: w.standardError,
  };
}

/** Returns the k × k covariance sub-block for the given coefficient indices (row-major, k × k). */
export function covarianceBlock(fit: PoissonGlmFit, indices: readonly number[]): Float64Array {
  const p = fit.coefficients.length;
  const k = indices.length;
  const out = new Float64Array(k * k);
  for (let r = 0; r < k; r++) {
    for (let c = 0; c < k; c++) {
      out[r * k + c] = fit.covariance[(indices[r] as number) * p + (indices[c] as number)] as number;
    }
  }
  return out;
}

/**
 * Cluster-robust ("sandwich") covariance of a fitted Poisson GLM:
 * V = G/(G − 1) · A⁻¹ (Σ_g s_g s_gᵀ) A⁻¹, with A = XᵀWX at the fitted means and s_g = Σ_{i∈g} x_i (y_i − μ_i)
 * the score of cluster g. This is R's `sandwich::vcovCL(fit, cluster, type = "HC0", cadjust = TRUE)`; it
 * does not depend on the dispersion. With few clusters it is biased downwards; pair it with t on G − 1 df.
 *
 * @param fit the fitted model
 * @param design the design matrix the model was fitted with
 * @param y the counts the model was fitted to
 * @param clusters cluster label per row (e.g. unit index), length n
 * @returns the p × p covariance (row-major) and the number of clusters G
 * @throws RangeError when lengths differ or there are fewer than 2 clusters
 */
export function clusterRobustCovariance(
  fit: PoissonGlmFit,
  design: DesignMatrix,
  y: ArrayLike<number>,
  clusters: ArrayLike<number>,
): { covariance: Float64Array; clusters: number } {
  const { rows: n, columns: p, values } = design;
  if (y.length !== n || clusters.length !== n || fit.fitted.length !== n) {
    throw new RangeError('y, clusters and the fit must all have one entry per design row');
  }
  const index = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const c = clusters[i] as number;
    if (!index.has(c)) index.set(c, index.size);
  }
  const g = index.size;
  if (g < 2) throw new MessageError(msg('failure:glm.fewClusters'));
  const scores = new Float64Array(g * p);
  for (let i = 0; i < n; i++) {
    const row = (index.get(clusters[i] as number) as number) * p;
    const r = (y[i] as number) - (fit.fitted[i] as number);
    for (let j = 0; j < p; j++) {
      const x = values[i * p + j] as number;
      if (x !== 0) scores[row + j] = (scores[row + j] as number) + x * r;
    }
  }
  // B = A⁻¹ S (p × G), then V = c · B Bᵀ.
  const a = fit.covarianceUnscaled;
  const b = new Float64Array(p * g);
  for (let j = 0; j < p; j++) {
    for (let k = 0; k < g; k++) {
      let s = 0;
      for (let l = 0; l < p; l++) s += (a[j * p + l] as number) * (scores[k * p + l] as number);
      b[j * g + k] = s;
    }
  }
  const adjust = g / (g - 1);
  const covariance = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    for (let l = 0; l <= j; l++) {
      let s = 0;
      for (let k = 0; k < g; k++) s += (b[j * g + k] as number) * (b[l * g + k] as number);
      covariance[j * p + l] = adjust * s;
      covariance[l * p + j] = adjust * s;
    }
  }
  return { covariance, clusters: g };
}
