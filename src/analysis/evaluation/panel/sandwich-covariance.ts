/**
 * Heteroskedasticity-robust and cluster-robust ("sandwich") covariance of a Poisson GLM.
 *
 * With A = XᵀWX at the fitted means (W = diag μ) and the score of observation i, s_i = x_i (y_i − μ_i):
 * - HC1: V = n/(n − k) · A⁻¹ (Σ_i s_i s_iᵀ) A⁻¹, which is R's `sandwich::vcovHC(fit, type = "HC1")`;
 * - clustered by unit: V = G/(G − 1) · (n − 1)/(n − k) · A⁻¹ (Σ_g S_g S_gᵀ) A⁻¹ with S_g = Σ_{i∈g} s_i,
 *   which is R's `sandwich::vcovCL(fit, cluster = ~unit, type = "HC1")` (the default type for a glm):
 *   the G/(G − 1) cluster adjustment times the HC1 small-sample factor.
 * n is the number of observations, k the number of coefficients, G the number of clusters. Neither depends
 * on the Poisson dispersion: the sandwich is valid whatever the variance of the counts, and the clustered
 * form also allows any correlation between the periods of one unit. With few clusters (G below about 40)
 * the clustered standard errors are biased downwards.
 *
 * The meat is accumulated over each row's non-zero design entries only, so fixed-effect designs with
 * hundreds of indicator columns stay cheap.
 *
 * Reference: Zeileis A, Köll S, Graham N (2020) Various versatile variances: an object-oriented
 * implementation of clustered covariances in R. J Stat Softw 95(1). Cameron AC, Miller DL (2015) A
 * practitioner's guide to cluster-robust inference. J Hum Resour 50:317–372.
 */

import { msg } from '../../messages/message';
import { MessageError } from '../../messages/message-error';
import type { DesignMatrix } from '../design-matrix';
import type { PoissonGlmFit } from '../poisson-glm';

/** Which robust covariance: per observation (HC1) or clustered by unit. */
export type RobustCovarianceType = 'hc1' | 'cluster';

/** A robust covariance matrix and how it was formed. */
export interface RobustCovariance {
  type: RobustCovarianceType;
  /** p × p, row-major. */
  covariance: Float64Array;
  /** Number of clusters G (clustered), or n (HC1). */
  clusters: number;
  /** The scalar small-sample factor applied. */
  adjustment: number;
}

/**
 * Sandwich covariance of a fitted Poisson GLM.
 * @param clusters cluster label per row (required for 'cluster')
 * @throws RangeError when lengths differ or there are fewer than 2 clusters
 */
export function sandwichCovariance(
  fit: PoissonGlmFit,
  design: DesignMatrix,
  y: ArrayLike<number>,
  type: RobustCovarianceType,
  clusters?: ArrayLike<number>,
): RobustCovariance {
  const { rows: n, columns: p, values } = design;
  if (y.length !== n || fit.fitted.length !== n) {
    throw new RangeError('y and the fit must have one entry per design row');
  }
  let groupOf: Int32Array;
  let g: number;
  if (type === 'cluster') {
    if (!clusters || clusters.length !== n)
      throw new RangeError('clustered covariance needs one cluster per row');
    const index = new Map<number, number>();
    groupOf = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const c = clusters[i] as number;
      let k = index.get(c);
      if (k === undefined) {
        k = index.size;
        index.set(c, k);
      }
      groupOf[i] = k;
    }
    g = index.size;
  } else {
    groupOf = Int32Array.from({ length: n }, (_, i) => i);
    g = n;
  }
  if (g < 2) throw new MessageError(msg('failure:panel.fewClusters'));
  // Meat M = Σ_g S_g S_gᵀ, accumulated sparsely: rows of one cluster are summed into a dense score first.
  const meat = new Float64Array(p * p);
  const score = new Float64Array(p);
  const touched: number[] = [];
  const mark = new Uint8Array(p);
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (groupOf[a] as number) - (groupOf[b] as number),
  );
  const flush = (): void => {
    for (const a of touched) {
      const sa = score[a] as number;
      if (sa === 0) continue;
      for (const b of touched) meat[a * p + b] = (meat[a * p + b] as number) + sa * (score[b] as number);
    }
    for (const a of touched) {
      score[a] = 0;
      mark[a] = 0;
    }
    touched.length = 0;
  };
  let current = -1;
  for (const i of order) {
    if (groupOf[i] !== current) {
      flush();
      current = groupOf[i] as number;
    }
    const r = (y[i] as number) - (fit.fitted[i] as number);
    for (let j = 0; j < p; j++) {
      const x = values[i * p + j] as number;
      if (x === 0) continue;
      if (!mark[j]) {
        mark[j] = 1;
        touched.push(j);
      }
      score[j] = (score[j] as number) + x * r;
    }
  }
  flush();
  const a = fit.covarianceUnscaled;
  // V = c · A⁻¹ M A⁻¹.
  const am = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let k = 0; k < p; k++) {
      const aik = a[i * p + k] as number;
      if (aik === 0) continue;
      for (let j = 0; j < p; j++)
        am[i * p + j] = (am[i * p + j] as number) + aik * (meat[k * p + j] as number);
    }
  }
  const adjustment = type === 'cluster' ? (g / (g - 1)) * ((n - 1) / (n - p)) : n / (n - p);
  const covariance = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = 0; k < p; k++) s += (am[i * p + k] as number) * (a[k * p + j] as number);
      covariance[i * p + j] = adjustment * s;
      covariance[j * p + i] = adjustment * s;
    }
  }
  return { type, covariance, clusters: g, adjustment };
}
