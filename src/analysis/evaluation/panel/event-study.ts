/**
 * Event study for a program network: effects by periods since launch.
 *
 * What it measures: the two-way fixed-effects Poisson model with one indicator per event time
 * e = t − g_u (g_u the unit's first treated period) instead of one treated indicator:
 *   log μ_ut = o_ut + a_u + b_t + Σ_{e ≠ −1} θ_e 1[bin(t − g_u) = e],
 * with endpoints binned (every e ≤ `lower` counts as `lower`, every e ≥ `upper` as `upper`), the period
 * before launch (e = −1) as reference, and never-treated units zero in every indicator. exp(θ_e) is the
 * ratio of the treated units' expected count e periods after launch to its expected value, relative to
 * the period before launch and to the trend of the other units. Event times with no treated cell are
 * dropped (reported in `dropped`).
 *
 * Pre-trend test: the leads θ_e, e ≤ −2, are jointly zero, W = θᵀ V⁻¹ θ on as many degrees of freedom
 * as leads (χ²), V the robust covariance block. A small p-value means the treated units were already on
 * a different path before launch; a large one does not prove parallel trends (low power with few units).
 *
 * Reference: Freyaldenhoven S, Hansen C, Pérez JP, Shapiro JM (2021) Visualization, identification, and
 * estimation in the linear panel event-study design. NBER WP 29170. Borusyak K, Jaravel X, Spiess J
 * (2024) Revisiting event-study designs: robust and efficient estimation. Rev Econ Stud 91:3253–3285.
 */

import { msg } from '../../messages/message';
import { MessageError } from '../../messages/message-error';
import type { CountPanel, TreatmentTiming } from './count-panel';
import { fitPanelPoisson, inferenceFrom, jointWaldTest, type LogRatioInference } from './panel-poisson';
import type { RobustCovarianceType } from './sandwich-covariance';

/** One event-time term. */
export interface EventStudyTerm extends LogRatioInference {
  eventTime: number;
  /** True for the binned endpoints (≤ lower, ≥ upper). */
  binned: boolean;
  /** Treated cells behind the term. */
  cells: number;
}

/** The event-study profile and its pre-trend test. */
export interface EventStudyResult {
  window: { lower: number; upper: number };
  seType: RobustCovarianceType;
  terms: EventStudyTerm[];
  /** Event times left out because no treated cell falls in them. */
  dropped: number[];
  preTrend: { statistic: number; df: number; pValue: number };
}

/**
 * Fits the event study.
 * @param window binned endpoints, lower ≤ −2 and upper ≥ 0 (default −6, 3)
 */
export function eventStudy(
  panel: CountPanel,
  timing: TreatmentTiming,
  window: { lower: number; upper: number } = { lower: -6, upper: 3 },
  se: RobustCovarianceType = 'cluster',
): EventStudyResult {
  const { lower, upper } = window;
  if (!Number.isInteger(lower) || !Number.isInteger(upper) || lower > -2 || upper < 0) {
    throw new RangeError(
      `event window must have lower ≤ −2 and upper ≥ 0 (whole periods), got ${lower},${upper}`,
    );
  }
  const T = panel.periods.length;
  const n = panel.units.length * T;
  const columns = new Map<number, Float64Array>();
  for (let e = lower; e <= upper; e++) if (e !== -1) columns.set(e, new Float64Array(n));
  panel.units.forEach((_, u) => {
    const g = timing.cohortIndex[u] as number;
    if (g < 0) return;
    for (let t = 0; t < T; t++) {
      const e = Math.min(upper, Math.max(lower, t - g));
      const col = columns.get(e);
      if (col) col[u * T + t] = 1;
    }
  });
  const dropped: number[] = [];
  const kept: { e: number; values: Float64Array; cells: number }[] = [];
  for (const [e, values] of columns) {
    const cells = values.reduce((s, v) => s + v, 0);
    if (cells === 0) dropped.push(e);
    else kept.push({ e, values, cells });
  }
  if (kept.length === 0) throw new MessageError(msg('failure:panel.emptyEventWindow'));
  const m = fitPanelPoisson(
    panel,
    kept.map((k) => ({ name: `event ${k.e}`, values: k.values })),
    se,
  );
  const p = m.fit.coefficients.length;
  const terms = kept.map((k, j) => {
    const idx = m.firstExtra + j;
    return {
      eventTime: k.e,
      binned: k.e === lower || k.e === upper,
      cells: k.cells,
      ...inferenceFrom(m.fit.coefficients[idx] as number, m.robust.covariance[idx * p + idx] as number),
    };
  });
  const leads = kept.map((k, j) => (k.e <= -2 ? m.firstExtra + j : -1)).filter((i) => i >= 0);
  return { window, seType: se, terms, dropped, preTrend: jointWaldTest(m, leads) };
}
