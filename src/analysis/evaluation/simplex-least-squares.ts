/**
 * Least squares over the probability simplex: minimise ||Aw − b||² subject to w ≥ 0 and Σ w = 1, the
 * weight problem of the synthetic control, solved exactly by a primal active-set method (Lawson & Hanson
 * 1974): each step solves the equality-constrained problem on the free columns (Cholesky of their Gram
 * block), steps back to the simplex when a weight would turn negative, and stops when the KKT conditions
 * hold (every excluded column's gradient is at least the free columns' common gradient, to 1e-10
 * relative). Collinear free blocks get a ridge of 1e-10 × their largest diagonal entry.
 */

import { msg } from '../messages/message';
import { MessageError } from '../messages/message-error';
import { choleskyInPlace, choleskySolve } from './cholesky';

/** Result of {@link simplexLeastSquares}. */
export interface SimplexLeastSquares {
  /** Weights ≥ 0 summing to 1. */
  weights: Float64Array;
  /** Minimized sum of squared errors ||Aw − b||². */
  objective: number;
  /** Active-set iterations. */
  iterations: number;
  /** Largest KKT violation at the solution, relative to the gradient scale. */
  kktViolation: number;
}

/**
 * Minimizes ||Aw − b||² over the simplex {w ≥ 0, Σw = 1} by a primal active-set method.
 *
 * @param columns the J columns of A, each of length m
 * @param b target vector, length m
 * @param tolerance relative KKT tolerance, default 1e-10
 * @throws RangeError when there are no columns or lengths differ
 */
export function simplexLeastSquares(
  columns: ArrayLike<number>[],
  b: ArrayLike<number>,
  tolerance = 1e-10,
): SimplexLeastSquares {
  const J = columns.length;
  const m = b.length;
  if (J === 0) throw new RangeError('need at least one donor');
  columns.forEach((c, j) => {
    if (c.length !== m) throw new RangeError(`donor ${j} has ${c.length} values, expected ${m}`);
  });
  const h = new Float64Array(J * J);
  const c = new Float64Array(J);
  for (let i = 0; i < J; i++) {
    const ci = columns[i] as ArrayLike<number>;
    let s = 0;
    for (let t = 0; t < m; t++) s += (ci[t] as number) * (b[t] as number);
    c[i] = s;
    for (let j = 0; j <= i; j++) {
      const cj = columns[j] as ArrayLike<number>;
      let hij = 0;
      for (let t = 0; t < m; t++) hij += (ci[t] as number) * (cj[t] as number);
      h[i * J + j] = hij;
      h[j * J + i] = hij;
    }
  }
  const objectiveOf = (w: Float64Array): number => {
    let q = 0;
    for (let t = 0; t < m; t++) {
      let r = b[t] as number;
      for (let j = 0; j < J; j++) r -= (w[j] as number) * ((columns[j] as ArrayLike<number>)[t] as number);
      q += r * r;
    }
    return q;
  };
  return solveOnSimplex(h, c, J, objectiveOf, tolerance);
}

/**
 * The same problem given by its Gram form: H = AᵀA (J × J, row-major), c = Aᵀb and bᵀb. Lets a caller
 * that solves many problems over subsets of the same columns (placebo runs) form H once.
 */
export function simplexLeastSquaresGram(
  h: Float64Array,
  c: Float64Array,
  bb: number,
  tolerance = 1e-10,
): SimplexLeastSquares {
  const J = c.length;
  if (J === 0) throw new RangeError('need at least one donor');
  if (h.length !== J * J) throw new RangeError(`Gram matrix must be ${J} × ${J}`);
  const objectiveOf = (w: Float64Array): number => {
    let q = bb;
    for (let i = 0; i < J; i++) {
      const wi = w[i] as number;
      if (wi === 0) continue;
      q -= 2 * wi * (c[i] as number);
      for (let j = 0; j < J; j++) q += wi * (w[j] as number) * (h[i * J + j] as number);
    }
    return Math.max(0, q);
  };
  return solveOnSimplex(h, c, J, objectiveOf, tolerance);
}

function solveOnSimplex(
  h: Float64Array,
  c: Float64Array,
  J: number,
  objectiveOf: (w: Float64Array) => number,
  tolerance: number,
): SimplexLeastSquares {
  let scale = 1;
  for (let i = 0; i < J; i++)
    scale = Math.max(scale, Math.abs(h[i * J + i] as number), Math.abs(c[i] as number));
  // Only the non-zero weights enter the gradient Hw − c, so each step costs J × (free columns).
  const gradient = (w: Float64Array): Float64Array => {
    const g = new Float64Array(J);
    const nz: number[] = [];
    for (let j = 0; j < J; j++) if ((w[j] as number) !== 0) nz.push(j);
    for (let i = 0; i < J; i++) {
      let s = -(c[i] as number);
      for (const j of nz) s += (h[i * J + j] as number) * (w[j] as number);
      g[i] = s;
    }
    return g;
  };
  // Minimizer of the quadratic on the free set subject only to Σ w_F = 1.
  const solveFree = (free: number[]): Float64Array => {
    const k = free.length;
    const sub = new Float64Array(k * k);
    let maxDiag = 0;
    for (let r = 0; r < k; r++) {
      for (let s = 0; s < k; s++) sub[r * k + s] = h[(free[r] as number) * J + (free[s] as number)] as number;
      maxDiag = Math.max(maxDiag, sub[r * k + r] as number);
    }
    const original = Float64Array.from(sub);
    if (choleskyInPlace(sub, k, 1e-12) >= 0) {
      sub.set(original);
      for (let r = 0; r < k; r++) sub[r * k + r] = (sub[r * k + r] as number) + 1e-10 * maxDiag;
      if (choleskyInPlace(sub, k, 0) >= 0) throw new MessageError(msg('failure:synth.degenerate'));
    }
    const u = choleskySolve(
      sub,
      k,
      free.map((i) => c[i] as number),
    );
    const v = choleskySolve(sub, k, new Float64Array(k).fill(1));
    let su = 0;
    let sv = 0;
    for (let r = 0; r < k; r++) {
      su += u[r] as number;
      sv += v[r] as number;
    }
    const lambda = (1 - su) / sv;
    const z = new Float64Array(J);
    for (let r = 0; r < k; r++) z[free[r] as number] = (u[r] as number) + lambda * (v[r] as number);
    return z;
  };

  let best = 0;
  let bestValue = Number.POSITIVE_INFINITY;
  for (let j = 0; j < J; j++) {
    const value = (h[j * J + j] as number) - 2 * (c[j] as number);
    if (value < bestValue) {
      bestValue = value;
      best = j;
    }
  }
  let w: Float64Array = new Float64Array(J);
  w[best] = 1;
  const inFree = new Uint8Array(J);
  inFree[best] = 1;
  let iterations = 0;
  let kktViolation = 0;
  const maxIterations = 50 * J + 100;
  while (iterations < maxIterations) {
    iterations++;
    const g = gradient(w);
    let lambda = 0;
    let nFree = 0;
    for (let j = 0; j < J; j++) {
      if (inFree[j]) {
        lambda += g[j] as number;
        nFree++;
      }
    }
    lambda /= nFree;
    let worst = -1;
    let worstValue = 0;
    for (let j = 0; j < J; j++) {
      if (inFree[j]) continue;
      const d = ((g[j] as number) - lambda) / scale;
      if (d < worstValue) {
        worstValue = d;
        worst = j;
      }
    }
    kktViolation = -worstValue;
    if (worst < 0 || -worstValue <= tolerance) break;
    inFree[worst] = 1;
    for (let inner = 0; inner <= J; inner++) {
      const free: number[] = [];
      for (let j = 0; j < J; j++) if (inFree[j]) free.push(j);
      const z = solveFree(free);
      let alpha = 1;
      let blocking = -1;
      for (const j of free) {
        const zj = z[j] as number;
        if (zj <= 0) {
          const wj = w[j] as number;
          const a = wj / (wj - zj);
          if (blocking < 0 || a < alpha) {
            alpha = a;
            blocking = j;
          }
        }
      }
      if (blocking < 0) {
        w = z;
        break;
      }
      // The blocking donor leaves the free set explicitly, so rounding cannot keep it at a tiny weight.
      inFree[blocking] = 0;
      const next = new Float64Array(J);
      for (const j of free) {
        const v = j === blocking ? 0 : (w[j] as number) + alpha * ((z[j] as number) - (w[j] as number));
        if (v <= 1e-15) inFree[j] = 0;
        else next[j] = v;
      }
      let s = 0;
      for (let j = 0; j < J; j++) s += next[j] as number;
      for (let j = 0; j < J; j++) next[j] = (next[j] as number) / s;
      w = next;
    }
  }
  return { weights: w, objective: objectiveOf(w), iterations, kktViolation };
}
