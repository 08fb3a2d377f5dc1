/**
 * Small shared pieces of the program-evaluation estimators: the confidence-interval record every
 * estimator returns, input validation, the log-gamma function behind exact binomial probabilities, and
 * the number formatting used in the plain-language readings.
 */

/** A two-sided confidence interval at `level` (e.g. 0.95). Bounds may be 0 or Infinity for exact ratios. */
export interface ConfidenceInterval {
  /** Lower bound, same scale as the estimate. */
  lower: number;
  /** Upper bound, same scale as the estimate. */
  upper: number;
  /** Coverage level in (0, 1), e.g. 0.95. */
  level: number;
}

/** Throws a RangeError unless `level` is a number strictly between 0 and 1. Returns it unchanged. */
export function checkLevel(level: number): number {
  if (typeof level !== 'number' || !Number.isFinite(level) || level <= 0 || level >= 1) {
    throw new RangeError(`confidence level must be a number in (0, 1), got ${String(level)}`);
  }
  return level;
}

/** Throws a RangeError unless `value` is a finite number >= 0 (and an integer when `integer` is set). */
export function checkCount(value: number, name: string, integer = true): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name} must be a finite number >= 0, got ${String(value)}`);
  }
  if (integer && !Number.isInteger(value)) {
    throw new RangeError(`${name} must be a whole-number count, got ${value}`);
  }
  return value;
}

/** Throws a RangeError unless `value` is a finite number > 0. */
export function checkPositive(value: number, name: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${name} must be a finite number > 0, got ${String(value)}`);
  }
  return value;
}

/** Copies an array-like of numbers into a Float64Array, checking each entry with `check`. */
export function toFloat64(
  values: ArrayLike<number>,
  name: string,
  check: (v: number, label: string) => number,
): Float64Array {
  if (values == null || typeof values.length !== 'number') {
    throw new TypeError(`${name} must be an array of numbers`);
  }
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = check(values[i] as number, `${name}[${i}]`);
  return out;
}

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** Natural log of the gamma function for x > 0 (Lanczos approximation, relative error about 1e-15). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0] as number;
  const t = z + LANCZOS_G + 0.5;
  for (let i = 1; i < LANCZOS.length; i++) a += (LANCZOS[i] as number) / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Binomial probability mass P(X = k) for X ~ Binomial(n, p), computed on the log scale. */
export function binomialPmf(k: number, n: number, p: number): number {
  if (k < 0 || k > n) return 0;
  if (p === 0) return k === 0 ? 1 : 0;
  if (p === 1) return k === n ? 1 : 0;
  const logChoose = logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
  return Math.exp(logChoose + k * Math.log(p) + (n - k) * Math.log1p(-p));
}

/** Formats a number for a reading string with `digits` decimals (default 2); ±Infinity as ∞. */
export function formatNumber(x: number, digits = 2): string {
  if (x === Number.POSITIVE_INFINITY) return '∞';
  if (x === Number.NEGATIVE_INFINITY) return '−∞';
  if (Number.isNaN(x)) return 'n/a';
  return x.toFixed(digits);
}

/** Formats a p-value: "p < 0.001" below one in a thousand, otherwise "p = 0.123". */
export function formatP(p: number): string {
  if (Number.isNaN(p)) return 'p n/a';
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}

/** Formats a level like 0.95 as "95%". */
export function formatLevel(level: number): string {
  return `${Number((level * 100).toPrecision(6))}%`;
}
