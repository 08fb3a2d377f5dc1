/**
 * One plain-language sentence that summarises a near-repeat (Knox) result for a reader who will not study
 * the table.
 *
 * **Which numbers it reports.** The sentence describes one cumulative window chosen in advance, not the
 * best-looking cell: all pairs within the second space band and the second time band (with the default
 * bands, "within 200 m and 14 days", same-location pairs included). Picking the strongest of twenty cells
 * after looking would overstate the evidence, so the window is fixed by rule and can be changed only
 * through the options. With a single band in a dimension the first band is used.
 *
 * The ratio is Σ observed / Σ expected over the window's cells; the p-value is the permutation p-value of
 * the window's total count (`result.cumulative.p`), not a combination of cell p-values. When p < `alpha`
 * the sentence gives the ratio ("2.1× as likely as chance would give"); otherwise it says plainly that the
 * excess, if any, is not distinguishable from chance; when no pair falls in the window it says so.
 *
 * Number formats: ratios to one decimal (two when within 0.1 of 1), p to two decimals from 0.1 up and two
 * significant digits below (0.049, 0.001), counts with thousands separators, expected counts to one decimal below 10.
 *
 * Options: `spaceBand` 1 (index into `result.spaceBands`), `timeBand` 1 (index into `result.timeBands`),
 * `alpha` 0.05, `event` "shooting", `events` event + "s".
 */

import type { KnoxResult } from './knox-test';

/** Options of {@link nearRepeatSentence}. */
export interface NearRepeatSentenceOptions {
  /** Index into `result.spaceBands` of the window's outer distance. Default 1 (or 0 with one band). */
  spaceBand?: number;
  /** Index into `result.timeBands` of the window's outer time. Default 1 (or 0 with one band). */
  timeBand?: number;
  /** Significance level for calling the excess real. Default 0.05. */
  alpha?: number;
  /** Singular noun for an incident. Default "shooting". */
  event?: string;
  /** Plural noun. Default `event` + "s". */
  events?: string;
}

const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const small = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/**
 * Describes a Knox result in one sentence, e.g. "Within 200 m and 14 days of a shooting, another shooting
 * was 2.1× as likely as chance would give (1,212 pairs seen, 577 expected; p = 0.002, 999 permutations)."
 *
 * @param result - a {@link KnoxResult}.
 * @param options - the window (default second space band and second time band), alpha (0.05) and nouns.
 * @returns one sentence ending with a full stop.
 * @throws {RangeError} when a band index or alpha is out of range.
 */
export function nearRepeatSentence(result: KnoxResult, options: NearRepeatSentenceOptions = {}): string {
  const spaceBand = options.spaceBand ?? Math.min(1, result.spaceBands.length - 1);
  const timeBand = options.timeBand ?? Math.min(1, result.timeBands.length - 1);
  const alpha = options.alpha ?? 0.05;
  const event = options.event ?? 'shooting';
  const events = options.events ?? `${event}s`;
  if (!Number.isInteger(spaceBand) || spaceBand < 0 || spaceBand >= result.spaceBands.length) {
    throw new RangeError(`spaceBand must be an index into spaceBands (got ${spaceBand})`);
  }
  if (!Number.isInteger(timeBand) || timeBand < 0 || timeBand >= result.timeBands.length) {
    throw new RangeError(`timeBand must be an index into timeBands (got ${timeBand})`);
  }
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be between 0 and 1 (got ${alpha})`);

  // Row 0 is "same location", so space band k is row k + 1.
  let observed = 0;
  let expected = 0;
  for (let row = 0; row <= spaceBand + 1; row++) {
    for (let column = 0; column <= timeBand; column++) {
      observed += result.observed[row]?.[column] ?? 0;
      expected += result.expected[row]?.[column] ?? 0;
    }
  }
  const p = result.cumulative.p[spaceBand + 1]?.[timeBand] ?? Number.NaN;
  const metres = result.spaceBands[spaceBand]!;
  const days = result.timeBands[timeBand]!;
  const window = `within ${small.format(metres)} m and ${days} ${days === 1 ? 'day' : 'days'}`;
  const floor = Math.abs(p * (result.permutations + 1) - 1) < 1e-9;
  const evidence = `p = ${formatP(p)}, ${floor ? 'the smallest possible with ' : ''}${count.format(result.permutations)} permutations`;
  const tally = `${count.format(observed)} ${observed === 1 ? 'pair' : 'pairs'} seen, ${formatExpected(expected)} expected`;

  if (observed === 0 && expected === 0) {
    return `No two ${events} happened ${window} of each other, so there is no near-repeat pattern to measure.`;
  }
  const lead = `${capitalise(window)} of ${/^[aeiou]/i.test(event) ? 'an' : 'a'} ${event}, another ${event} was`;
  const verdict = p < alpha ? '' : `; not significant at ${alpha}`;
  if (expected === 0) {
    return `${capitalise(window)} of each other, ${count.format(observed)} ${observed === 1 ? 'pair' : 'pairs'} of ${events} happened where the shuffled dates gave none (${evidence}${verdict}).`;
  }
  const ratio = observed / expected;
  if (p < alpha && ratio > 1) {
    return `${lead} ${formatRatio(ratio)}× as likely as chance would give (${tally}; ${evidence}).`;
  }
  return `${lead} not detectably more likely than chance would give (ratio ${formatRatio(ratio)}, ${tally}; ${evidence}${verdict}).`;
}

function formatRatio(ratio: number): string {
  if (!Number.isFinite(ratio)) return String(ratio);
  if (Math.abs(ratio - 1) < 0.1) return ratio.toFixed(2);
  if (ratio >= 10) return count.format(ratio);
  return ratio.toFixed(1);
}

function formatP(p: number): string {
  if (!Number.isFinite(p)) return 'n/a';
  if (p >= 0.1) return p.toFixed(2);
  return String(Number(p.toPrecision(2)));
}

function formatExpected(expected: number): string {
  return expected < 10 ? small.format(expected) : count.format(expected);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
