/**
 * Seeded pseudo-random numbers shared by every statistic that permutes or simulates, so that a run with
 * the same seed gives the same answer in the browser, in Node and on the command line.
 *
 * The generator is Mulberry32 (32-bit state, period 2^32): fast and good enough for Monte Carlo
 * permutation tests and synthetic data; it is not for cryptography.
 */

/** A source of uniform numbers in [0, 1). */
export type Random = () => number;

/** Returns a seeded uniform generator on [0, 1). The same integer seed always gives the same sequence. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Shuffles `values` in place (Fisher-Yates) with the given generator and returns it. */
export function shuffleInPlace<T extends { length: number; [i: number]: unknown }>(
  values: T,
  random: Random,
): T {
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = values[i];
    values[i] = values[j];
    values[j] = tmp;
  }
  return values;
}

/** A standard normal deviate (Box-Muller; one of each pair is discarded for simplicity). */
export function normalDeviate(random: Random): number {
  let u = 0;
  while (u === 0) u = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** A Poisson deviate with mean `lambda` (inversion for small means, normal approximation above 500). */
export function poissonDeviate(lambda: number, random: Random): number {
  if (lambda <= 0) return 0;
  if (lambda > 500) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normalDeviate(random)));
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = random();
  while (p > limit) {
    k++;
    p *= random();
  }
  return k;
}
