/**
 * Cholesky factorization of a symmetric positive definite p × p matrix (row-major Float64Array), and the
 * solve and inverse built on it. Used for the normal equations of the GLM and of the constrained least
 * squares. A pivot that falls below a relative tolerance of its original diagonal is reported as rank
 * deficiency (the index of the first such column) instead of producing an unstable factor.
 *
 * Reference: Golub GH, Van Loan CF (2013) Matrix Computations, 4th ed., §4.2.
 */
/**
 * Cholesky factorization A = LLᵀ in place (lower triangle of a p × p row-major matrix). Returns the index
 * of the first column whose pivot falls below `relTol` × its original diagonal (rank deficient), or −1.
 */
export function choleskyInPlace(a: Float64Array, p: number, relTol = 1e-10): number {
  for (let j = 0; j < p; j++) {
    const original = a[j * p + j] as number;
    let d = original;
    for (let k = 0; k < j; k++) {
      const l = a[j * p + k] as number;
      d -= l * l;
    }
    if (!(original > 0) || !(d > relTol * original)) return j;
    const ljj = Math.sqrt(d);
    a[j * p + j] = ljj;
    for (let i = j + 1; i < p; i++) {
      let s = a[i * p + j] as number;
      for (let k = 0; k < j; k++) s -= (a[i * p + k] as number) * (a[j * p + k] as number);
      a[i * p + j] = s / ljj;
    }
  }
  return -1;
}

/** Solves LLᵀx = b for a factor from {@link choleskyInPlace}; returns a new array. */
export function choleskySolve(l: Float64Array, p: number, b: ArrayLike<number>): Float64Array {
  const x = Float64Array.from(b as ArrayLike<number>);
  for (let i = 0; i < p; i++) {
    let s = x[i] as number;
    for (let k = 0; k < i; k++) s -= (l[i * p + k] as number) * (x[k] as number);
    x[i] = s / (l[i * p + i] as number);
  }
  for (let i = p - 1; i >= 0; i--) {
    let s = x[i] as number;
    for (let k = i + 1; k < p; k++) s -= (l[k * p + i] as number) * (x[k] as number);
    x[i] = s / (l[i * p + i] as number);
  }
  return x;
}

/** Inverse of A = LLᵀ from its Cholesky factor, as a full symmetric p × p row-major matrix. */
export function choleskyInverse(l: Float64Array, p: number): Float64Array {
  // Invert L (lower triangular) in place into `li`, then A⁻¹ = L⁻ᵀ L⁻¹.
  const li = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    li[j * p + j] = 1 / (l[j * p + j] as number);
    for (let i = j + 1; i < p; i++) {
      let s = 0;
      for (let k = j; k < i; k++) s -= (l[i * p + k] as number) * (li[k * p + j] as number);
      li[i * p + j] = s / (l[i * p + i] as number);
    }
  }
  const inv = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = i; k < p; k++) s += (li[k * p + i] as number) * (li[k * p + j] as number);
      inv[i * p + j] = s;
      inv[j * p + i] = s;
    }
  }
  return inv;
}
