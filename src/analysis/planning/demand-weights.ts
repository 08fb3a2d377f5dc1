/**
 * Demand weights for site planning: how much each incident counts when sites are chosen to cover as much
 * as possible.
 *
 * w_i = (fatal_i ? `fatal` : `nonfatal`) · 0.5^(age_i / `halfLifeDays`) · (chain_i ? `chain` : 1), where
 * age_i = `referenceDay` − day_i in days (0 for incidents on or after the reference day) and chain_i says
 * the incident belongs to a near-repeat chain ({@link nearRepeatChains}).
 *
 * Defaults: `fatal` 1, `nonfatal` 1 (every incident counts once), no recency decay (`halfLifeDays`
 * absent), `chain` 1. With `fatal=2,nonfatal=1` a fatal shooting counts twice; with a half-life of 365 days
 * an incident a year old counts half as much as one last week.
 */

/** Weight options; all optional. */
export interface DemandWeightOptions {
  /** Weight of a fatal incident, ≥ 0. Default 1. */
  fatal?: number;
  /** Weight of a non-fatal incident, ≥ 0. Default 1. */
  nonfatal?: number;
  /** Half-life of the recency decay in days (> 0), or absent for no decay. */
  halfLifeDays?: number;
  /** Multiplier for incidents in a near-repeat chain, ≥ 0. Default 1. */
  chain?: number;
}

/**
 * Weight of every incident.
 *
 * @param input - fatal flags and day numbers; `chain` membership when a chain multiplier is used.
 * @param options - weights, half-life and chain multiplier.
 * @param referenceDay - the day ages are counted from (usually the last day of the window).
 * @throws {RangeError} on negative or non-finite weights, or a chain multiplier without membership.
 */
export function demandWeights(
  input: { fatal: Uint8Array; day: Int32Array; chain?: Uint8Array },
  options: DemandWeightOptions,
  referenceDay: number,
): Float64Array {
  const fatal = options.fatal ?? 1;
  const nonfatal = options.nonfatal ?? 1;
  const chain = options.chain ?? 1;
  for (const [name, v] of [
    ['fatal', fatal],
    ['nonfatal', nonfatal],
    ['chain', chain],
  ] as const)
    if (!(Number.isFinite(v) && v >= 0))
      throw new RangeError(`weight ${name} must be finite and ≥ 0 (got ${v})`);
  const half = options.halfLifeDays;
  if (half !== undefined && !(Number.isFinite(half) && half > 0))
    throw new RangeError(`halfLifeDays must be > 0 (got ${half})`);
  if (chain !== 1 && !input.chain) throw new RangeError('a chain weight needs near-repeat chain membership');
  const n = input.fatal.length;
  if (input.day.length !== n || (input.chain && input.chain.length !== n))
    throw new RangeError('demandWeights: columns differ in length');
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let v = input.fatal[i] ? fatal : nonfatal;
    if (half !== undefined) v *= 0.5 ** (Math.max(0, referenceDay - input.day[i]!) / half);
    if (input.chain?.[i]) v *= chain;
    w[i] = v;
  }
  return w;
}
