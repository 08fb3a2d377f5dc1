/**
 * Near-repeat chains: which incidents have at least one other incident within a distance and a number of
 * days of them, i.e. belong to a near-repeat chain, and the pairs that link them.
 *
 * A pair (i, j) is linked when the great-circle distance between the two is at most `distanceMetres` and
 * their days differ by at most `days`. The window should be the one the Knox test found significant on the
 * same data ({@link nearRepeatWindow}); an incident in a linked pair is a chain member. Pairs are found with
 * {@link closePairs} (spatial index), so the cost is about O(n log n + close pairs).
 */
import { closePairs } from '../nearrepeat/close-pairs';

/** Result of {@link nearRepeatChains}. */
export interface NearRepeatChains {
  /** 1 for incidents in at least one linked pair. */
  member: Uint8Array;
  /** Linked pairs (i < j). */
  i: Int32Array;
  j: Int32Array;
}

/**
 * Linked pairs and chain membership.
 *
 * @param input - incident longitude, latitude (degrees) and day numbers.
 * @param distanceMetres - largest distance of a link, ≥ 0 (0: same location only).
 * @param days - largest day difference of a link, whole days ≥ 0.
 */
export function nearRepeatChains(
  input: { lon: Float64Array; lat: Float64Array; day: Int32Array },
  distanceMetres: number,
  days: number,
): NearRepeatChains {
  if (!(distanceMetres >= 0 && Number.isFinite(distanceMetres)))
    throw new RangeError(`distanceMetres must be finite and ≥ 0 (got ${distanceMetres})`);
  if (!Number.isInteger(days) || days < 0)
    throw new RangeError(`days must be a whole number ≥ 0 (got ${days})`);
  if (input.day.length !== input.lon.length)
    throw new RangeError('nearRepeatChains: columns differ in length');
  const pairs = closePairs(input, { spaceBands: [Math.max(distanceMetres, 1e-6)] });
  const member = new Uint8Array(input.lon.length);
  const li: number[] = [];
  const lj: number[] = [];
  for (let p = 0; p < pairs.count; p++) {
    if (distanceMetres === 0 && pairs.spaceBand[p] !== 0) continue;
    const a = pairs.i[p]!;
    const b = pairs.j[p]!;
    if (Math.abs(input.day[a]! - input.day[b]!) > days) continue;
    member[a] = 1;
    member[b] = 1;
    li.push(a);
    lj.push(b);
  }
  return { member, i: Int32Array.from(li), j: Int32Array.from(lj) };
}
