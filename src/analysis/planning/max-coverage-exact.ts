/**
 * Maximal covering location problem, solved exactly as a mixed-integer programme with HiGHS (compiled to
 * WebAssembly, the `highs` package), to measure how far the greedy picks are from the best possible.
 *
 * **Model** (Church & ReVelle 1974). Binary x_j = 1 when site j is chosen; y_i ∈ [0, 1] is whether demand
 * point i is covered. Maximise Σ_i w_i y_i subject to y_i ≤ Σ_{j covers i} x_j for every point and
 * Σ_j x_j ≤ K. With x integral an optimal y is integral too, so only x is declared binary. Before solving,
 * points already covered or of zero weight are dropped, points covered by exactly the same sites are merged
 * (their weights summed), sites whose points all lie within another site's are dropped (swapping a
 * dominated site for its dominator never lowers the objective), and sites that cover no remaining point
 * are dropped; none of this changes the optimum.
 *
 * **Stopping.** The solve is capped by `timeLimitSeconds` (default 10). When the cap stops it, the best
 * solution found so far is returned with `status: 'time-limit'`, together with the bound of the linear
 * relaxation, so the reader knows how much better an optimum could at most be. Instances with more than
 * `maxNonzeros` (default 400,000) coverage pairs after the reductions are not attempted
 * (`status: 'too-large'`). HiGHS runs with a relative MIP gap of 0 and an absolute gap of 0, so "optimal"
 * means proved optimal, not within a tolerance. When every weight is a whole number (the default weights,
 * fatal=2 and the like, but not a recency decay), every covered weight is a whole number too, so a best
 * solution within less than 1 of the bound is already optimal: the absolute gap is then set to 0.999
 * (`integerGap`, default on), which lets HiGHS stop as soon as the bound falls below the next whole number
 * instead of closing the last fraction by branching. The optimum is the same either way.
 *
 * **How to read it.** `objective` is the best covered weight; the gap of a greedy answer is
 * (objective − greedy) / objective, 0 when greedy is optimal.
 *
 * References: Church, R. & ReVelle, C. (1974), see {@link maxCoverageGreedy}. Huangfu, Q. & Hall, J. A. J.
 * (2018). Parallelizing the dual revised simplex method. Mathematical Programming Computation, 10, 119–142
 * (HiGHS).
 */
import type { Highs } from 'highs';
import type { CoveringSets } from './covering-sets';
import { checkK, coverageWeights, type MaxCoverageOptions } from './max-coverage-greedy';

/** Options of {@link maxCoverageExact}. */
export interface MaxCoverageExactOptions extends MaxCoverageOptions {
  /** Wall-clock cap of the MIP solve in seconds. Default 10. */
  timeLimitSeconds?: number;
  /** Largest number of (site, point) coverage pairs attempted after the reductions. Default 400,000. */
  maxNonzeros?: number;
  /** Stop within an absolute gap below 1 when every weight is a whole number. Default true. */
  integerGap?: boolean;
}

/** Result of {@link maxCoverageExact}. */
export interface MaxCoverageExactResult {
  /** `optimal`: proved optimum; `time-limit`: stopped by the cap; `too-large`: not attempted. */
  status: 'optimal' | 'time-limit' | 'too-large';
  /** Chosen site indices (ascending), empty when not attempted or no solution was found. */
  picks: number[];
  /** Covered weight of `picks` (recomputed from the covering sets), or NaN. */
  objective: number;
  /** Upper bound on the optimum: the objective when optimal, the linear-relaxation bound otherwise. */
  bound: number;
  /** Sites, merged points and coverage pairs in the model after the reductions. */
  size: { sites: number; points: number; nonzeros: number };
  /** Solve time in milliseconds. */
  millis: number;
  /** HiGHS status text. */
  solverStatus: string;
}

interface ReducedModel {
  sites: number[];
  points: { weight: number; sites: number[] }[];
  nonzeros: number;
}

function mergePoints(list: { weight: number; sites: number[] }[]): { weight: number; sites: number[] }[] {
  const merged = new Map<string, { weight: number; sites: number[] }>();
  for (const pt of list) {
    if (pt.sites.length === 0 || pt.weight === 0) continue;
    const key = pt.sites.join(',');
    const entry = merged.get(key);
    if (entry) entry.weight += pt.weight;
    else merged.set(key, { weight: pt.weight, sites: pt.sites });
  }
  return [...merged.values()];
}

/** True when the ascending list `a` is contained in the ascending list `b`. */
function isSubset(a: readonly number[], b: readonly number[]): boolean {
  if (a.length > b.length) return false;
  let q = 0;
  for (const v of a) {
    while (q < b.length && b[q]! < v) q++;
    if (q === b.length || b[q] !== v) return false;
    q++;
  }
  return true;
}

function reduce(sets: CoveringSets, w: Float64Array, covered: Uint8Array | undefined): ReducedModel {
  const sitesOf: number[][] = Array.from({ length: sets.demand }, () => []);
  for (let j = 0; j < sets.sites; j++)
    for (let p = sets.offset[j]!; p < sets.offset[j + 1]!; p++) sitesOf[sets.members[p]!]!.push(j);
  let points = mergePoints(sitesOf.map((s, i) => ({ weight: covered?.[i] ? 0 : w[i]!, sites: s })));
  // A site whose remaining points all lie in another site's is dominated: swapping it for the other never
  // lowers the objective, so it can be dropped (of two identical sites the lower index is kept).
  const pointsOf = new Map<number, number[]>();
  points.forEach((pt, q) => {
    for (const j of pt.sites) {
      const list = pointsOf.get(j);
      if (list) list.push(q);
      else pointsOf.set(j, [q]);
    }
  });
  const dominated = new Set<number>();
  for (const [j, own] of pointsOf) {
    for (const k of points[own[0]!]!.sites) {
      if (k === j || dominated.has(k)) continue;
      const other = pointsOf.get(k)!;
      if (!isSubset(own, other)) continue;
      if (other.length > own.length || k < j) {
        dominated.add(j);
        break;
      }
    }
  }
  if (dominated.size > 0)
    points = mergePoints(
      points.map((pt) => ({ weight: pt.weight, sites: pt.sites.filter((j) => !dominated.has(j)) })),
    );
  const used = new Set<number>();
  let nonzeros = 0;
  for (const pt of points) {
    nonzeros += pt.sites.length;
    for (const j of pt.sites) used.add(j);
  }
  return { sites: [...used].sort((a, b) => a - b), points, nonzeros };
}

function lpText(model: ReducedModel, k: number): string {
  const lines: string[] = ['Maximize', ' obj:'];
  let line = '';
  const flush = () => {
    if (line) lines.push(line);
    line = '';
  };
  model.points.forEach((pt, i) => {
    line += ` + ${pt.weight} y${i}`;
    if (line.length > 200) flush();
  });
  flush();
  lines.push('Subject To');
  model.points.forEach((pt, i) => {
    line = ` d${i}: y${i}`;
    for (const j of pt.sites) {
      line += ` - x${j}`;
      if (line.length > 200) flush();
    }
    line += ' <= 0';
    flush();
  });
  line = ' sites:';
  for (const j of model.sites) {
    line += ` + x${j}`;
    if (line.length > 200) flush();
  }
  line += ` <= ${k}`;
  flush();
  lines.push('Bounds');
  model.points.forEach((_, i) => {
    lines.push(` 0 <= y${i} <= 1`);
  });
  lines.push('Binary');
  for (let s = 0; s < model.sites.length; s += 20)
    lines.push(
      ` ${model.sites
        .slice(s, s + 20)
        .map((j) => `x${j}`)
        .join(' ')}`,
    );
  lines.push('End');
  return lines.join('\n');
}

/** Covered weight of a set of picks. */
export function coveredWeightOf(
  sets: CoveringSets,
  picks: readonly number[],
  weights?: Float64Array,
  covered?: Uint8Array,
): number {
  const w = coverageWeights(sets, weights);
  const done = new Uint8Array(sets.demand);
  if (covered) done.set(covered);
  let total = 0;
  for (const j of picks)
    for (let p = sets.offset[j]!; p < sets.offset[j + 1]!; p++) {
      const i = sets.members[p]!;
      if (!done[i]) {
        done[i] = 1;
        total += w[i]!;
      }
    }
  return total;
}

/**
 * Exact maximal covering with HiGHS: the proved optimum (or the best found within the time cap).
 *
 * @param highs - a loaded HiGHS runtime (`await highsLoader()` from the `highs` package).
 * @param sets - covering sets of the candidate sites.
 * @param options - `k`, weights, already covered points, time cap and size cap.
 * @throws {RangeError} on bad options; {@link Error} when HiGHS reports a model or solver error.
 */
export function maxCoverageExact(
  highs: Pick<Highs, 'solve'>,
  sets: CoveringSets,
  options: MaxCoverageExactOptions,
): MaxCoverageExactResult {
  checkK(options.k);
  const w = coverageWeights(sets, options.weights);
  const timeLimit = options.timeLimitSeconds ?? 10;
  if (!(timeLimit > 0)) throw new RangeError(`timeLimitSeconds must be > 0 (got ${timeLimit})`);
  const model = reduce(sets, w, options.covered);
  const size = { sites: model.sites.length, points: model.points.length, nonzeros: model.nonzeros };
  const t0 = performance.now();
  if (model.points.length === 0) {
    return { status: 'optimal', picks: [], objective: 0, bound: 0, size, millis: 0, solverStatus: 'Empty' };
  }
  if (model.nonzeros > (options.maxNonzeros ?? 400_000)) {
    return {
      status: 'too-large',
      picks: [],
      objective: Number.NaN,
      bound: Number.NaN,
      size,
      millis: 0,
      solverStatus: 'not attempted',
    };
  }
  const text = lpText(model, options.k);
  const whole = (options.integerGap ?? true) && model.points.every((pt) => Number.isInteger(pt.weight));
  const solution = highs.solve(text, {
    output_flag: false,
    time_limit: timeLimit,
    mip_rel_gap: 0,
    mip_abs_gap: whole ? 0.999 : 0,
  });
  const millis = performance.now() - t0;
  const solverStatus = solution.Status;
  if (solverStatus !== 'Optimal' && solverStatus !== 'Time limit reached')
    throw new Error(`The exact solver stopped with status "${solverStatus}".`);
  const picks = model.sites.filter((j) => (solution.Columns[`x${j}`]?.Primal ?? 0) > 0.5);
  const objective = picks.length > 0 ? coveredWeightOf(sets, picks, w, options.covered) : Number.NaN;
  if (solverStatus === 'Optimal') {
    return { status: 'optimal', picks, objective, bound: objective, size, millis, solverStatus };
  }
  const relaxed = highs.solve(text, { output_flag: false, solver: 'simplex', time_limit: timeLimit });
  const bound = relaxed.Status === 'Optimal' ? relaxed.ObjectiveValue : Number.NaN;
  return { status: 'time-limit', picks, objective, bound, size, millis, solverStatus };
}
