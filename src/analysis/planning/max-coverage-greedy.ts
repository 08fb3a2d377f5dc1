/**
 * Maximal covering location problem, greedy: choose K sites, each covering the demand points within its
 * radius, so that the weight of the points covered by at least one chosen site is as large as possible.
 *
 * **Method.** The greedy rule picks, K times, the site that adds the most not-yet-covered weight; ties go
 * to the lowest site index (callers order candidate sites by H3 index, so a tie goes to the lowest H3
 * cell). Picks that add nothing are not made: fewer than K sites are returned when every coverable point
 * is covered. Because covered weight is a monotone submodular function of the chosen set, the greedy
 * answer is at least (1 − 1/e) ≈ 63 % of the optimum (Nemhauser, Wolsey & Fisher 1978); in practice it is
 * usually within a few percent, and {@link maxCoverageExact} measures the gap.
 *
 * **How to read it.** Picks are in the order chosen; `gain[r]` is what pick r adds on top of picks 0…r−1,
 * so the list reads as "the first team here covers …, the second there adds …".
 *
 * Options: `k` (required, integer ≥ 1); `weights` (default 1 per point); `covered` (points already
 * covered before any pick, e.g. by existing programs, default none).
 *
 * References: Church, R. & ReVelle, C. (1974). The maximal covering location problem. Papers of the Regional
 * Science Association, 32, 101–118. Nemhauser, G. L., Wolsey, L. A. & Fisher, M. L. (1978). An analysis of
 * approximations for maximizing submodular set functions. Mathematical Programming, 14, 265–294.
 */
import type { CoveringSets } from './covering-sets';

/** Options of {@link maxCoverageGreedy}. */
export interface MaxCoverageOptions {
  /** Number of sites to choose, integer ≥ 1. */
  k: number;
  /** Weight of each demand point, finite and ≥ 0. Default 1 each. */
  weights?: Float64Array;
  /** Points already covered (1) before any pick; they add nothing. Default none. */
  covered?: Uint8Array;
}

/** Result of {@link maxCoverageGreedy}. */
export interface MaxCoverageResult {
  /** Chosen site indices in pick order. */
  picks: number[];
  /** Weight each pick adds on top of the earlier picks. */
  gain: number[];
  /** Number of demand points each pick newly covers. */
  newlyCovered: number[];
  /** Total weight covered by the picks. */
  coveredWeight: number;
  /** Total weight of the demand points not covered beforehand. */
  openWeight: number;
  /** Per demand point: index in `picks` of the pick that first covered it, or −1. */
  coveredBy: Int32Array;
}

/** Checks the shared inputs of the covering statistics and returns the weights to use. */
export function coverageWeights(sets: CoveringSets, weights: Float64Array | undefined): Float64Array {
  if (weights === undefined) return new Float64Array(sets.demand).fill(1);
  if (!(weights instanceof Float64Array)) throw new TypeError('weights must be a Float64Array');
  if (weights.length !== sets.demand)
    throw new RangeError(
      `weights must have one entry per demand point (${weights.length} vs ${sets.demand})`,
    );
  for (let i = 0; i < weights.length; i++)
    if (!(Number.isFinite(weights[i]!) && weights[i]! >= 0))
      throw new RangeError(`weights[${i}] must be finite and ≥ 0 (got ${weights[i]})`);
  return weights;
}

/** Checks `k`. */
export function checkK(k: number): void {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be an integer ≥ 1 (got ${k})`);
}

/**
 * Greedy maximal covering: K picks, each adding the most uncovered weight (ties: lowest site index).
 *
 * @throws {RangeError} on a bad `k`, weights or `covered` length.
 */
export function maxCoverageGreedy(sets: CoveringSets, options: MaxCoverageOptions): MaxCoverageResult {
  checkK(options.k);
  const w = coverageWeights(sets, options.weights);
  const done = new Uint8Array(sets.demand);
  if (options.covered) {
    if (options.covered.length !== sets.demand)
      throw new RangeError(`covered must have one entry per demand point (${options.covered.length})`);
    done.set(options.covered);
  }
  let openWeight = 0;
  for (let i = 0; i < sets.demand; i++) if (!done[i]) openWeight += w[i]!;
  const coveredBy = new Int32Array(sets.demand).fill(-1);
  const picks: number[] = [];
  const gain: number[] = [];
  const newlyCovered: number[] = [];
  let coveredWeight = 0;
  const { offset, members } = sets;
  for (let round = 0; round < options.k; round++) {
    let best = -1;
    let bestGain = 0;
    for (let j = 0; j < sets.sites; j++) {
      let g = 0;
      for (let p = offset[j]!; p < offset[j + 1]!; p++) {
        const i = members[p]!;
        if (!done[i]) g += w[i]!;
      }
      if (g > bestGain) {
        bestGain = g;
        best = j;
      }
    }
    if (best < 0) break;
    let count = 0;
    for (let p = offset[best]!; p < offset[best + 1]!; p++) {
      const i = members[p]!;
      if (!done[i]) {
        done[i] = 1;
        coveredBy[i] = picks.length;
        count++;
      }
    }
    picks.push(best);
    gain.push(bestGain);
    newlyCovered.push(count);
    coveredWeight += bestGain;
  }
  return { picks, gain, newlyCovered, coveredWeight, openWeight, coveredBy };
}
