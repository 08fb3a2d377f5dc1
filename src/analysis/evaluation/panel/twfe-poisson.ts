/**
 * Two-way fixed-effects Poisson estimate of a program network's effect.
 *
 * What it measures: with unit and period fixed effects and one treated indicator D_ut (1 from the period
 * that holds the unit's earliest launch onwards), log μ_ut = o_ut + a_u + b_t + θ D_ut. exp(θ) is the
 * ratio of the treated units' expected counts (or rates, with a population offset) to what they would
 * have been without the program, pooled over every treated unit and period, under parallel trends on
 * the log scale and a constant effect.
 *
 * With staggered launches and effects that change across cohorts or with time since launch, θ is a
 * weighted average of comparisons that include already-treated units as controls, and can be biased or
 * even take the wrong sign (Goodman-Bacon 2021; see `twfe-weights.ts` and the heterogeneity-robust
 * `extended-twfe.ts`).
 *
 * Inference: robust covariance (see `sandwich-covariance.ts`), clustered by unit by default; 95%
 * intervals exp(θ ± 1.96·SE) and two-sided normal p-values.
 *
 * Reference: Wooldridge JM (1999) Distribution-free estimation of some nonlinear panel data models.
 * J Econometrics 90:77–97 (the fixed-effects Poisson estimator is consistent under misspecified variance).
 */

import { msg } from '../../messages/message';
import { MessageError } from '../../messages/message-error';
import type { CountPanel, TreatmentTiming } from './count-panel';
import { coefficientIndex, fitPanelPoisson, type LogRatioInference, linearInference } from './panel-poisson';
import type { RobustCovarianceType } from './sandwich-covariance';

/** The pooled two-way fixed-effects estimate. */
export interface TwfePoissonEstimate extends LogRatioInference {
  se: number;
  seType: RobustCovarianceType;
  /** Number of clusters (units) or observations used by the covariance. */
  clusters: number;
  /** Treated unit-periods. */
  treatedCells: number;
  iterations: number;
}

/** The treated indicator over the panel's cells (unit-major). */
export function treatedIndicator(panel: CountPanel, timing: TreatmentTiming): Float64Array {
  const T = panel.periods.length;
  const d = new Float64Array(panel.units.length * T);
  panel.units.forEach((_, u) => {
    const g = timing.cohortIndex[u] as number;
    if (g < 0) return;
    for (let t = g; t < T; t++) d[u * T + t] = 1;
  });
  return d;
}

/**
 * Fits the pooled two-way fixed-effects Poisson model.
 * @throws RangeError when no unit is treated, or the model cannot be fitted (named column, separation)
 */
export function twfePoisson(
  panel: CountPanel,
  timing: TreatmentTiming,
  se: RobustCovarianceType = 'cluster',
): TwfePoissonEstimate {
  const d = treatedIndicator(panel, timing);
  const treatedCells = d.reduce((s, v) => s + v, 0);
  if (treatedCells === 0) throw new MessageError(msg('failure:panel.noTreated'));
  const m = fitPanelPoisson(panel, [{ name: 'treated', values: d }], se);
  const c = new Float64Array(m.fit.coefficients.length);
  c[coefficientIndex(m, 'treated')] = 1;
  return {
    ...linearInference(m, c),
    seType: se,
    clusters: m.robust.clusters,
    treatedCells,
    iterations: m.fit.iterations,
  };
}
