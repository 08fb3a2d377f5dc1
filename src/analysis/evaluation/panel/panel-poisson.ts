/**
 * The Poisson model with unit and period fixed effects that every network estimator builds on, and the
 * Wald inference its estimators share.
 *
 * Model: log μ_ut = o_ut + α + a_u + b_t + z_utᵀθ, with a_1 = b_1 = 0 (first unit and first period as
 * reference, as R's treatment contrasts for `factor(unit) + factor(period)`), optional offset o_ut = log
 * population (so exp(θ) are rate ratios), and extra columns z (treated indicator, event-time or cohort ×
 * period indicators). Fitted by the IRLS of `poisson-glm.ts` with the dispersion fixed at 1 (the
 * sandwich covariance does not use it). Intervals and p-values use the standard normal distribution with
 * the chosen robust covariance (HC1 or clustered by unit).
 */
import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { msg } from '../../messages/message';
import { MessageError } from '../../messages/message-error';
import type { DesignMatrix } from '../design-matrix';
import { type PoissonGlmFit, poissonGlm } from '../poisson-glm';
import type { CountPanel } from './count-panel';
import { type RobustCovariance, type RobustCovarianceType, sandwichCovariance } from './sandwich-covariance';

/** An extra design column over the panel's cells (unit-major, length units × periods). */
export interface PanelColumn {
  name: string;
  values: ArrayLike<number>;
}

/** A fitted fixed-effects Poisson model with its robust covariance. */
export interface PanelPoissonFit {
  fit: PoissonGlmFit;
  design: DesignMatrix;
  robust: RobustCovariance;
  /** Index of the first extra column in the coefficient vector. */
  firstExtra: number;
  /** Names of the extra columns. */
  extraNames: string[];
}

/** Log ratio inference for one coefficient or combination (normal reference). */
export interface LogRatioInference {
  /** Log ratio. */
  coefficient: number;
  se: number;
  /** exp(coefficient). */
  estimate: number;
  lower: number;
  upper: number;
  pValue: number;
}

/**
 * Fits the two-way fixed-effects Poisson model with the given extra columns.
 * @throws RangeError when a column is constant zero or collinear (named), or on separation
 */
export function fitPanelPoisson(
  panel: CountPanel,
  extra: readonly PanelColumn[],
  se: RobustCovarianceType,
): PanelPoissonFit {
  const U = panel.units.length;
  const T = panel.periods.length;
  const n = U * T;
  if (U < 2 || T < 2)
    throw new MessageError(msg('failure:panel.tooSmall', { units: String(U), periods: String(T) }));
  const p = 1 + (U - 1) + (T - 1) + extra.length;
  const values = new Float64Array(n * p);
  const names = [
    '(Intercept)',
    ...panel.units.slice(1).map((u) => `unit ${u}`),
    ...panel.periods.slice(1).map((t) => `period ${t}`),
    ...extra.map((c) => c.name),
  ];
  const firstExtra = U + T - 1;
  for (let u = 0; u < U; u++) {
    for (let t = 0; t < T; t++) {
      const i = u * T + t;
      const row = i * p;
      values[row] = 1;
      if (u > 0) values[row + u] = 1;
      if (t > 0) values[row + U - 1 + t] = 1;
      extra.forEach((c, j) => {
        values[row + firstExtra + j] = c.values[i] as number;
      });
    }
  }
  const design: DesignMatrix = { rows: n, columns: p, values, names };
  const offset = panel.population ? Array.from(panel.population, (v) => Math.log(v)) : undefined;
  const fit = poissonGlm(panel.counts, design, { dispersion: 'fixed', offset });
  const clusters = Int32Array.from({ length: n }, (_, i) => Math.floor(i / T));
  const robust = sandwichCovariance(fit, design, panel.counts, se, clusters);
  return { fit, design, robust, firstExtra, extraNames: extra.map((c) => c.name) };
}

/** Wald inference for cᵀβ with the fit's robust covariance (c given as sparse index → weight pairs or dense). */
export function linearInference(m: PanelPoissonFit, c: ArrayLike<number>, level = 0.95): LogRatioInference {
  const p = m.fit.coefficients.length;
  if (c.length !== p) throw new RangeError(`contrast has length ${c.length}, expected ${p}`);
  let coefficient = 0;
  for (let i = 0; i < p; i++) coefficient += (c[i] as number) * (m.fit.coefficients[i] as number);
  return inferenceFrom(coefficient, quadraticForm(m.robust.covariance, c, p), level);
}

/** cᵀVc for a p × p row-major V. */
export function quadraticForm(v: Float64Array, c: ArrayLike<number>, p: number): number {
  let s = 0;
  for (let i = 0; i < p; i++) {
    const ci = c[i] as number;
    if (ci === 0) continue;
    for (let j = 0; j < p; j++) s += ci * (c[j] as number) * (v[i * p + j] as number);
  }
  return s;
}

/** Interval and two-sided p-value for a log ratio with standard error `variance`^½. */
export function inferenceFrom(coefficient: number, variance: number, level = 0.95): LogRatioInference {
  const se = Math.sqrt(variance);
  const z = normalQuantile(0.5 + level / 2, 0, 1);
  return {
    coefficient,
    se,
    estimate: Math.exp(coefficient),
    lower: Math.exp(coefficient - z * se),
    upper: Math.exp(coefficient + z * se),
    pValue: Math.min(1, 2 * normalCdf(-Math.abs(coefficient / se), 0, 1)),
  };
}

/** Index of a coefficient by name. */
export function coefficientIndex(m: PanelPoissonFit, name: string): number {
  const j = m.fit.names.indexOf(name);
  if (j < 0) throw new RangeError(`no coefficient "${name}"`);
  return j;
}

/**
 * Joint Wald test that the named coefficients are all zero: W = bᵀ V⁻¹ b on k degrees of freedom (χ²),
 * V the robust covariance block.
 */
export function jointWaldTest(
  m: PanelPoissonFit,
  indices: readonly number[],
): { statistic: number; df: number; pValue: number } {
  const k = indices.length;
  if (k === 0) return { statistic: Number.NaN, df: 0, pValue: Number.NaN };
  const p = m.fit.coefficients.length;
  const v = new Float64Array(k * k);
  const b = new Float64Array(k);
  indices.forEach((i, r) => {
    b[r] = m.fit.coefficients[i] as number;
    indices.forEach((j, c) => {
      v[r * k + c] = m.robust.covariance[i * p + j] as number;
    });
  });
  const x = solveSymmetric(v, b, k);
  let statistic = 0;
  for (let r = 0; r < k; r++) statistic += (b[r] as number) * (x[r] as number);
  return { statistic, df: k, pValue: 1 - chisquareCdf(statistic, k) };
}

/** Solves Vx = b for a small symmetric matrix by Gaussian elimination with partial pivoting. */
function solveSymmetric(v: Float64Array, b: Float64Array, k: number): Float64Array {
  const a = Float64Array.from(v);
  const x = Float64Array.from(b);
  for (let c = 0; c < k; c++) {
    let piv = c;
    for (let r = c + 1; r < k; r++)
      if (Math.abs(a[r * k + c] as number) > Math.abs(a[piv * k + c] as number)) piv = r;
    if (Math.abs(a[piv * k + c] as number) < 1e-300)
      throw new MessageError(msg('failure:panel.singularJoint'));
    if (piv !== c) {
      for (let j = 0; j < k; j++) {
        const t = a[c * k + j] as number;
        a[c * k + j] = a[piv * k + j] as number;
        a[piv * k + j] = t;
      }
      const t = x[c] as number;
      x[c] = x[piv] as number;
      x[piv] = t;
    }
    for (let r = c + 1; r < k; r++) {
      const f = (a[r * k + c] as number) / (a[c * k + c] as number);
      if (f === 0) continue;
      for (let j = c; j < k; j++) a[r * k + j] = (a[r * k + j] as number) - f * (a[c * k + j] as number);
      x[r] = (x[r] as number) - f * (x[c] as number);
    }
  }
  for (let r = k - 1; r >= 0; r--) {
    let s = x[r] as number;
    for (let j = r + 1; j < k; j++) s -= (a[r * k + j] as number) * (x[j] as number);
    x[r] = s / (a[r * k + r] as number);
  }
  return x;
}
