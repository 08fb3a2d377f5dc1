/**
 * The two-way fixed-effects weights diagnostic (Goodman-Bacon decomposition).
 *
 * What it measures: in a balanced panel with staggered launches, the linear two-way fixed-effects
 * coefficient of a treated indicator is exactly a weighted average of every 2 × 2 difference-in-
 * differences between timing groups (Goodman-Bacon 2021, Theorem 1):
 * - a cohort k against never-treated units U, over the whole panel;
 * - an earlier cohort k against a later cohort ℓ before ℓ launches (ℓ not yet treated: a clean control);
 * - a later cohort ℓ against an earlier cohort k after k launched (k already treated: a "forbidden"
 *   comparison, biased when k's effect changes over time).
 * The weights depend only on group sizes and timing. With n_a the number of units of group a, D̄_a the
 * share of periods it is treated, and the group pair's share n_ab = n_a/(n_a + n_b), the weights are
 * proportional to
 *   s_kU ∝ (n_k + n_U)² n_kU(1 − n_kU) D̄_k(1 − D̄_k),
 *   s_kℓ^k ∝ ((n_k + n_ℓ)(1 − D̄_ℓ))² n_kℓ(1 − n_kℓ) · (D̄_k − D̄_ℓ)/(1 − D̄_ℓ) · (1 − D̄_k)/(1 − D̄_ℓ),
 *   s_kℓ^ℓ ∝ ((n_k + n_ℓ)D̄_k)² n_kℓ(1 − n_kℓ) · (D̄_ℓ/D̄_k) · (D̄_k − D̄_ℓ)/D̄_k,
 * normalized to sum to one. The share of the pooled estimate that rests on later-against-earlier
 * comparisons is the sum of the s_kℓ^ℓ.
 *
 * The decomposition is exact for the linear model; for the Poisson model it is a diagnostic of how the
 * timing alone weighs the comparisons. Each 2 × 2 estimate here is computed on the panel's outcome
 * (counts, or rates per 100,000 when populations are given), so Σ s · estimate equals the linear
 * two-way fixed-effects coefficient on that outcome (checked against R's `lm`).
 *
 * Reference: Goodman-Bacon A (2021) Difference-in-differences with variation in treatment timing.
 * J Econometrics 225:254–277.
 */

import { msg } from '../../messages/message';
import { MessageError } from '../../messages/message-error';
import type { CountPanel, TreatmentTiming } from './count-panel';

/** Kind of 2 × 2 comparison. */
export type ComparisonKind = 'treated-vs-never' | 'earlier-vs-later' | 'later-vs-earlier';

/** One 2 × 2 comparison and its weight. */
export interface TimingComparison {
  kind: ComparisonKind;
  /** First treated period of the group whose change is measured. */
  treated: string;
  /** Control group: a cohort's first treated period, or 'never treated'. */
  control: string;
  weight: number;
  /** The 2 × 2 difference-in-differences on the outcome. */
  estimate: number;
}

/** Result of {@link twfeWeights}. */
export interface TwfeWeights {
  comparisons: TimingComparison[];
  /** Summed weight by kind. */
  shares: Record<ComparisonKind, number>;
  /** Σ weight × estimate: the linear two-way fixed-effects coefficient on `outcome`. */
  linearEstimate: number;
  outcome: 'count' | 'rate per 100,000';
}

/** The outcome the linear decomposition uses, per cell. */
export function linearOutcome(panel: CountPanel): Float64Array {
  if (!panel.population) return Float64Array.from(panel.counts);
  const pop = panel.population;
  return Float64Array.from(panel.counts, (c, i) => (1e5 * c) / (pop[i] as number));
}

/**
 * Decomposes the two-way fixed-effects coefficient by timing group. Units treated before the first
 * period must already be left out of `panel`.
 */
export function twfeWeights(panel: CountPanel, timing: TreatmentTiming): TwfeWeights {
  const T = panel.periods.length;
  const y = linearOutcome(panel);
  const groups = timing.cohorts.map((c) => ({
    label: c.period,
    index: c.index,
    members: c.units.map((u) => panel.units.indexOf(u)),
  }));
  const never = timing.neverTreated.map((u) => panel.units.indexOf(u));
  const mean = (members: readonly number[], from: number, to: number): number => {
    let s = 0;
    for (const u of members) for (let t = from; t < to; t++) s += y[u * T + t] as number;
    return s / (members.length * (to - from));
  };
  const did = (
    tr: readonly number[],
    co: readonly number[],
    start: number,
    cut: number,
    end: number,
  ): number => mean(tr, cut, end) - mean(tr, start, cut) - (mean(co, cut, end) - mean(co, start, cut));
  const comparisons: TimingComparison[] = [];
  const share = (g: number) => (T - g) / T;
  for (const k of groups) {
    const nk = k.members.length;
    const dk = share(k.index);
    if (never.length > 0) {
      const nu = never.length;
      const nku = nk / (nk + nu);
      comparisons.push({
        kind: 'treated-vs-never',
        treated: k.label,
        control: 'never treated',
        weight: (nk + nu) ** 2 * nku * (1 - nku) * dk * (1 - dk),
        estimate: did(k.members, never, 0, k.index, T),
      });
    }
    for (const l of groups) {
      if (l.index <= k.index) continue;
      const nl = l.members.length;
      const dl = share(l.index);
      const nkl = nk / (nk + nl);
      comparisons.push({
        kind: 'earlier-vs-later',
        treated: k.label,
        control: l.label,
        weight:
          ((nk + nl) * (1 - dl)) ** 2 * nkl * (1 - nkl) * ((dk - dl) / (1 - dl)) * ((1 - dk) / (1 - dl)),
        estimate: did(k.members, l.members, 0, k.index, l.index),
      });
      comparisons.push({
        kind: 'later-vs-earlier',
        treated: l.label,
        control: k.label,
        weight: ((nk + nl) * dk) ** 2 * nkl * (1 - nkl) * (dl / dk) * ((dk - dl) / dk),
        estimate: did(l.members, k.members, k.index, l.index, T),
      });
    }
  }
  const total = comparisons.reduce((s, c) => s + c.weight, 0);
  if (!(total > 0)) throw new MessageError(msg('failure:panel.noComparisonTiming'));
  const shares: Record<ComparisonKind, number> = {
    'treated-vs-never': 0,
    'earlier-vs-later': 0,
    'later-vs-earlier': 0,
  };
  let linearEstimate = 0;
  for (const c of comparisons) {
    c.weight /= total;
    shares[c.kind] += c.weight;
    linearEstimate += c.weight * c.estimate;
  }
  return { comparisons, shares, linearEstimate, outcome: panel.population ? 'rate per 100,000' : 'count' };
}
