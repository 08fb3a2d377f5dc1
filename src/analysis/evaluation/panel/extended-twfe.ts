/**
 * Wooldridge's extended two-way fixed effects for Poisson: a heterogeneity-robust estimator for
 * staggered launches.
 *
 * What it measures: the two-way fixed-effects Poisson model with one treatment term per cohort g and
 * post-launch period t ≥ g,
 *   log μ_ut = o_ut + a_u + b_t + Σ_g Σ_{t ≥ g} τ_gt 1[g_u = g] 1[period = t],
 * so every cohort and period has its own effect and no already-treated unit serves as a control: the
 * counterfactual trend comes from never-treated units and from units not yet treated. exp(τ_gt) is the
 * ratio of cohort g's expected count in period t to its expected count without the program.
 * Wooldridge (2023) shows this pooled Poisson quasi-likelihood is consistent under parallel trends on the
 * log scale with no restriction on how effects vary by cohort and time (no anticipation assumed).
 *
 * Aggregation (delta method): over a set S of treated cells (all post-launch cells; one cohort's; or
 * the cells e periods after launch), the ratio of the expected count with the program to the expected
 * count without it,
 *   R_S = Σ_{i∈S} μ̂_i / Σ_{i∈S} μ̂_i e^{−τ̂_{c(i)}},  log R_S = log Σ exp(x_iᵀβ̂) − log Σ exp(x_i⁰ᵀβ̂),
 * x_i⁰ being x_i with its treatment term set to zero. Its variance is ∇ᵀ V ∇ with
 *   ∇ = Σ_S μ̂_i x_i / Σ_S μ̂_i − Σ_S μ̂_i⁰ x_i⁰ / Σ_S μ̂_i⁰,
 * V the robust covariance of β̂ (clustered by unit by default). This is the count-weighted average
 * treatment effect on the treated expressed as a ratio; the reference R script computes the same
 * quantity and gradient from `glm` coefficients and `sandwich` covariances.
 *
 * Needs never-treated units (without them the last cohort's post periods are not identified).
 *
 * Reference: Wooldridge JM (2023) Simple approaches to nonlinear difference-in-differences with panel
 * data. Econometrics J 26:C31–C66. Wooldridge JM (2021) Two-way fixed effects, the two-way Mundlak
 * regression, and difference-in-differences estimators. SSRN 3906345.
 */

import { msg } from '../../messages/message';
import { MessageError } from '../../messages/message-error';
import type { CountPanel, TreatmentTiming } from './count-panel';
import {
  fitPanelPoisson,
  inferenceFrom,
  type LogRatioInference,
  type PanelPoissonFit,
  quadraticForm,
} from './panel-poisson';
import type { RobustCovarianceType } from './sandwich-covariance';

/** One cohort's own estimate. */
export interface CohortEstimate extends LogRatioInference {
  /** First treated period of the cohort. */
  cohort: string;
  units: number;
  /** Treated unit-periods of the cohort. */
  cells: number;
}

/** One event time of the robust profile (post-launch only). */
export interface RobustEventTerm extends LogRatioInference {
  eventTime: number;
  cells: number;
}

/** Result of {@link extendedTwfe}. */
export interface ExtendedTwfeResult {
  seType: RobustCovarianceType;
  /** Overall ratio over every treated cell. */
  overall: LogRatioInference & { cells: number };
  cohorts: CohortEstimate[];
  eventTimes: RobustEventTerm[];
  /** Number of cohort × period terms. */
  terms: number;
}

/**
 * Fits the extended model and aggregates it.
 * @throws RangeError without never-treated units or treated cohorts
 */
export function extendedTwfe(
  panel: CountPanel,
  timing: TreatmentTiming,
  se: RobustCovarianceType = 'cluster',
): ExtendedTwfeResult {
  if (timing.neverTreated.length === 0) {
    throw new MessageError(msg('failure:panel.noNeverTreated'));
  }
  if (timing.cohorts.length === 0) throw new MessageError(msg('failure:panel.noTreated'));
  const T = panel.periods.length;
  const n = panel.units.length * T;
  // termOf[i] = index of the cell's treatment term among the extra columns, or −1.
  const termOf = new Int32Array(n).fill(-1);
  const columns: { name: string; values: Float64Array; cohort: number; period: number }[] = [];
  for (const c of timing.cohorts) {
    for (let t = c.index; t < T; t++) {
      columns.push({
        name: `cohort ${c.period} × ${panel.periods[t]}`,
        values: new Float64Array(n),
        cohort: c.index,
        period: t,
      });
    }
  }
  const key = new Map(columns.map((c, j) => [`${c.cohort}:${c.period}`, j]));
  panel.units.forEach((_, u) => {
    const g = timing.cohortIndex[u] as number;
    if (g <= 0) return;
    for (let t = g; t < T; t++) {
      const j = key.get(`${g}:${t}`) as number;
      (columns[j] as { values: Float64Array }).values[u * T + t] = 1;
      termOf[u * T + t] = j;
    }
  });
  const m = fitPanelPoisson(panel, columns, se);
  const all: number[] = [];
  for (let i = 0; i < n; i++) if ((termOf[i] as number) >= 0) all.push(i);
  const overall = { ...aggregateRatio(m, termOf, all), cells: all.length };
  const cohorts = timing.cohorts.map((c) => {
    const cells = all.filter((i) => (timing.cohortIndex[Math.floor(i / T)] as number) === c.index);
    return {
      cohort: c.period,
      units: c.units.length,
      cells: cells.length,
      ...aggregateRatio(m, termOf, cells),
    };
  });
  const byEvent = new Map<number, number[]>();
  for (const i of all) {
    const e = (i % T) - (timing.cohortIndex[Math.floor(i / T)] as number);
    byEvent.set(e, [...(byEvent.get(e) ?? []), i]);
  }
  const eventTimes = [...byEvent.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([eventTime, cells]) => ({ eventTime, cells: cells.length, ...aggregateRatio(m, termOf, cells) }));
  return { seType: se, overall, cohorts, eventTimes, terms: columns.length };
}

/** Ratio of expected counts with and without the program over `cells`, with its delta-method interval. */
function aggregateRatio(m: PanelPoissonFit, termOf: Int32Array, cells: readonly number[]): LogRatioInference {
  const p = m.fit.coefficients.length;
  const x = m.design.values;
  const gradWith = new Float64Array(p);
  const gradWithout = new Float64Array(p);
  let sumWith = 0;
  let sumWithout = 0;
  for (const i of cells) {
    const j = m.firstExtra + (termOf[i] as number);
    const mu = m.fit.fitted[i] as number;
    const mu0 = mu * Math.exp(-(m.fit.coefficients[j] as number));
    sumWith += mu;
    sumWithout += mu0;
    for (let k = 0; k < p; k++) {
      const v = x[i * p + k] as number;
      if (v === 0) continue;
      gradWith[k] = (gradWith[k] as number) + mu * v;
      if (k !== j) gradWithout[k] = (gradWithout[k] as number) + mu0 * v;
    }
  }
  const grad = new Float64Array(p);
  for (let k = 0; k < p; k++)
    grad[k] = (gradWith[k] as number) / sumWith - (gradWithout[k] as number) / sumWithout;
  return inferenceFrom(Math.log(sumWith / sumWithout), quadraticForm(m.robust.covariance, grad, p));
}
