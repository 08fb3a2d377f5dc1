/**
 * Mann-Kendall trend test for one time series.
 *
 * What it measures: whether a series tends to rise or fall over time, without assuming a straight line or
 * normal errors. It compares every pair of time points:
 *
 *   S = Σ_{i<j} sign(y_j − y_i)
 *   var(S) = [n(n − 1)(2n + 5) − Σ_g t_g(t_g − 1)(2t_g + 5)] / 18     (t_g = size of the g-th group of ties)
 *   z = (S − 1)/sqrt(var S) if S > 0,  0 if S = 0,  (S + 1)/sqrt(var S) if S < 0   (continuity correction)
 *   p = 2 · (1 − Φ(|z|))                                                       (two-sided, normal approx.)
 *   τ = S / sqrt((N − T)·N),  N = n(n − 1)/2,  T = Σ_g t_g(t_g − 1)/2           (Kendall's τ-b against time)
 *
 * How to read it: τ is in [−1, 1]; positive means rising, negative falling, and p says whether the trend
 * is distinguishable from none. The normal approximation is good from about n = 10 on; for shorter series
 * p is approximate. NaN values are not allowed (a series must be complete).
 *
 * Equivalent R call (base R, continuity and tie corrections as above):
 *   cor.test(seq_along(y), y, method = "kendall", exact = FALSE, continuity = TRUE)
 * (its statistic is z, its estimate τ-b, its p-value p).
 *
 * References: Mann, H. B. (1945) Nonparametric tests against trend. Econometrica 13, 245-259. Kendall,
 * M. G. (1975) Rank Correlation Methods, 4th ed. Griffin, London.
 */

import normalCdf from '@stdlib/stats-base-dists-normal-cdf';

/** Result of {@link mannKendall}. */
export interface MannKendallResult {
  /** Number of observations. */
  readonly n: number;
  /** Mann-Kendall S: concordant minus discordant pairs against time. */
  readonly s: number;
  /** Variance of S under no trend, corrected for ties. */
  readonly varS: number;
  /** Continuity-corrected z-score (0 when var S = 0). */
  readonly z: number;
  /** Two-sided p-value from the normal approximation (1 when var S = 0). */
  readonly p: number;
  /** Kendall's τ-b between the series and time (NaN when every value is equal). */
  readonly tau: number;
}

/**
 * Mann-Kendall trend test with tie-corrected variance and continuity correction.
 *
 * @param y the series in time order (at least 2 finite values); any numeric array-like
 * @returns S, var(S), z, two-sided p and Kendall's τ
 * @see Mann 1945; Kendall 1975
 */
export function mannKendall(y: ArrayLike<number>): MannKendallResult {
  const n = y.length;
  if (n < 2) throw new RangeError(`Mann-Kendall needs at least 2 values, got ${n}.`);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(y[i] as number)) throw new RangeError(`y[${i}] is not finite (${y[i]}).`);
  }
  let s = 0;
  for (let i = 0; i < n - 1; i++) {
    const yi = y[i] as number;
    for (let j = i + 1; j < n; j++) {
      const d = (y[j] as number) - yi;
      if (d > 0) s++;
      else if (d < 0) s--;
    }
  }
  const sorted = Float64Array.from(y as ArrayLike<number>).sort();
  let tieVar = 0;
  let tiePairs = 0;
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && sorted[j] === sorted[i]) j++;
    const t = j - i;
    if (t > 1) {
      tieVar += t * (t - 1) * (2 * t + 5);
      tiePairs += (t * (t - 1)) / 2;
    }
    i = j;
  }
  const varS = (n * (n - 1) * (2 * n + 5) - tieVar) / 18;
  let z = 0;
  if (varS > 0) {
    if (s > 0) z = (s - 1) / Math.sqrt(varS);
    else if (s < 0) z = (s + 1) / Math.sqrt(varS);
  }
  const p = varS > 0 ? 2 * normalCdf(-Math.abs(z), 0, 1) : 1;
  const pairs = (n * (n - 1)) / 2;
  const tau = pairs - tiePairs > 0 ? s / Math.sqrt((pairs - tiePairs) * pairs) : Number.NaN;
  return { n, s, varS, z, p, tau };
}
