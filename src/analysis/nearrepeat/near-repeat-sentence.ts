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

import {
  formatCount,
  formatDecimal,
  formatSignificant,
  formatUpTo,
  type LocaleOptions,
} from '../privacy/count-format';
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

/** The numbers the sentence rests on, and which of its four forms applies. */
export interface NearRepeatFacts {
  /**
   * `no-pairs`: no pair in the window, observed or expected; `no-expected`: pairs seen where the shuffles
   * gave none; `likelier`: significant excess (p < alpha, ratio > 1); `not-detectable`: otherwise.
   */
  kind: 'no-pairs' | 'no-expected' | 'likelier' | 'not-detectable';
  /** The window: outer distance (metres) and outer time (days). */
  metres: number;
  days: number;
  observed: number;
  expected: number;
  /** observed / expected (NaN when nothing is expected). */
  ratio: number;
  /** Permutation p-value of the window's total. */
  p: number;
  permutations: number;
  /** Whether p is the smallest the permutations allow, 1 / (permutations + 1). */
  smallestP: boolean;
  alpha: number;
}

/**
 * The facts of the sentence for a Knox result: the window's totals, p-value and form (see the module
 * header for the window rule).
 *
 * @throws {RangeError} when a band index or alpha is out of range.
 */
export function nearRepeatFacts(
  result: KnoxResult,
  options: NearRepeatSentenceOptions = {},
): NearRepeatFacts {
  const spaceBand = options.spaceBand ?? Math.min(1, result.spaceBands.length - 1);
  const timeBand = options.timeBand ?? Math.min(1, result.timeBands.length - 1);
  const alpha = options.alpha ?? 0.05;
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
  const ratio = expected === 0 ? Number.NaN : observed / expected;
  const kind =
    observed === 0 && expected === 0
      ? 'no-pairs'
      : expected === 0
        ? 'no-expected'
        : p < alpha && ratio > 1
          ? 'likelier'
          : 'not-detectable';
  return {
    kind,
    metres: result.spaceBands[spaceBand]!,
    days: result.timeBands[timeBand]!,
    observed,
    expected,
    ratio,
    p,
    permutations: result.permutations,
    smallestP: Math.abs(p * (result.permutations + 1) - 1) < 1e-9,
    alpha,
  };
}

/**
 * Describes a Knox result in one English sentence, e.g. "Within 200 m and 14 days of a shooting, another
 * shooting was 2.1× as likely as chance would give (1,212 pairs seen, 577 expected; p = 0.002, 999
 * permutations)." (The interface writes the same facts in its own language.)
 *
 * @param result - a {@link KnoxResult}.
 * @param options - the window (default second space band and second time band), alpha (0.05) and nouns.
 * @returns one sentence ending with a full stop.
 * @throws {RangeError} when a band index or alpha is out of range.
 */
export function nearRepeatSentence(result: KnoxResult, options: NearRepeatSentenceOptions = {}): string {
  const f = nearRepeatFacts(result, options);
  const event = options.event ?? 'shooting';
  const events = options.events ?? `${event}s`;
  const en = { locale: 'en' } as const;
  const window = `within ${formatUpTo(f.metres, 1, en)} m and ${f.days} ${f.days === 1 ? 'day' : 'days'}`;
  const evidence = `p = ${formatKnoxP(f.p, en)}, ${f.smallestP ? 'the smallest possible with ' : ''}${formatCount(f.permutations, en)} permutations`;
  const pairs = `${formatCount(f.observed, en)} ${f.observed === 1 ? 'pair' : 'pairs'}`;
  const tally = `${pairs} seen, ${formatKnoxExpected(f.expected, en)} expected`;
  const verdict = f.p < f.alpha ? '' : `; not significant at ${f.alpha}`;
  const lead = `${capitalise(window)} of ${/^[aeiou]/i.test(event) ? 'an' : 'a'} ${event}, another ${event} was`;
  switch (f.kind) {
    case 'no-pairs':
      return `No two ${events} happened ${window} of each other, so there is no near-repeat pattern to measure.`;
    case 'no-expected':
      return `${capitalise(window)} of each other, ${pairs} of ${events} happened where the shuffled dates gave none (${evidence}${verdict}).`;
    case 'likelier':
      return `${lead} ${formatKnoxRatio(f.ratio, en)}× as likely as chance would give (${tally}; ${evidence}).`;
    case 'not-detectable':
      return `${lead} not detectably more likely than chance would give (ratio ${formatKnoxRatio(f.ratio, en)}, ${tally}; ${evidence}${verdict}).`;
  }
}

/** The sentence's ratio: two decimals within 0.1 of 1, none from 10 up, one otherwise. */
export function formatKnoxRatio(ratio: number, options: LocaleOptions = {}): string {
  const digits = Math.abs(ratio - 1) < 0.1 ? 2 : ratio >= 10 ? 0 : 1;
  return formatDecimal(ratio, digits, options);
}

/** The sentence's p-value: two decimals from 0.1 up, two significant digits below (0.049, 0.001). */
export function formatKnoxP(p: number, options: LocaleOptions = {}): string {
  if (!Number.isFinite(p)) return 'n/a';
  return p >= 0.1 ? formatDecimal(p, 2, options) : formatSignificant(p, 2, options);
}

/** The sentence's expected count: one decimal at most below 10, a whole number from 10 up. */
export function formatKnoxExpected(expected: number, options: LocaleOptions = {}): string {
  return expected < 10 ? formatUpTo(expected, 1, options) : formatDecimal(expected, 0, options);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
