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
 * `alpha` 0.05. The sentence is a message (`knox:` keys of `src/analysis/messages/locales`), written in the
 * reader's language by the interface and in English by the command line.
 */

import { englishText } from '../messages/english';
import { type Message, msg, type NumberValue } from '../messages/message';
import type { KnoxResult } from './knox-test';

/** Options of {@link nearRepeatSentence}. */
export interface NearRepeatSentenceOptions {
  /** Index into `result.spaceBands` of the window's outer distance. Default 1 (or 0 with one band). */
  spaceBand?: number;
  /** Index into `result.timeBands` of the window's outer time. Default 1 (or 0 with one band). */
  timeBand?: number;
  /** Significance level for calling the excess real. Default 0.05. */
  alpha?: number;
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
 * The sentence for a Knox result's facts, as a message, e.g. in English "Within 200 m and 14 days of a
 * shooting, another shooting was 2.1× as likely as chance would give (1,212 pairs seen, 577 expected;
 * p = 0.002, 999 permutations)."
 */
export function nearRepeatMessage(f: NearRepeatFacts): Message {
  const window = (lead: boolean) =>
    msg(lead ? 'knox:windowLead' : 'knox:window', {
      metres: { num: f.metres, as: 'upTo', digits: 1 },
      count: f.days,
    });
  const pairs = msg('knox:pairs', { count: f.observed });
  const evidence = msg(f.smallestP ? 'knox:evidenceSmallest' : 'knox:evidence', {
    p: knoxP(f.p),
    permutations: f.permutations,
  });
  const verdict =
    f.p < f.alpha ? '' : msg('knox:verdict', { alpha: { num: f.alpha, as: 'upTo', digits: 3 } });
  const tally = msg('knox:tally', { pairs, expected: knoxExpected(f.expected) });
  const ratio = knoxRatio(f.ratio);
  switch (f.kind) {
    case 'no-pairs':
      return msg('knox:noPairs', { window: window(false) });
    case 'no-expected':
      return msg('knox:noExpected', { window: window(true), pairs, evidence, verdict });
    case 'likelier':
      return msg('knox:likelier', { window: window(true), ratio, tally, evidence });
    case 'not-detectable':
      return msg('knox:notDetectable', { window: window(true), ratio, tally, evidence, verdict });
  }
}

/**
 * Describes a Knox result in one English sentence (see {@link nearRepeatMessage}).
 *
 * @param result - a {@link KnoxResult}.
 * @param options - the window (default second space band and second time band) and alpha (0.05).
 * @returns one sentence ending with a full stop.
 * @throws {RangeError} when a band index or alpha is out of range.
 */
export function nearRepeatSentence(result: KnoxResult, options: NearRepeatSentenceOptions = {}): string {
  return englishText(nearRepeatMessage(nearRepeatFacts(result, options)));
}

/** The sentence's ratio: two decimals within 0.1 of 1, none from 10 up, one otherwise. */
function knoxRatio(ratio: number): NumberValue {
  return { num: ratio, as: 'decimal', digits: Math.abs(ratio - 1) < 0.1 ? 2 : ratio >= 10 ? 0 : 1 };
}

/** The sentence's p-value: two decimals from 0.1 up, two significant digits below (0.049, 0.001). */
function knoxP(p: number): NumberValue {
  return p >= 0.1 ? { num: p, as: 'decimal', digits: 2 } : { num: p, as: 'significant', digits: 2 };
}

/** The sentence's expected count: one decimal at most below 10, a whole number from 10 up. */
function knoxExpected(expected: number): NumberValue {
  return expected < 10
    ? { num: expected, as: 'upTo', digits: 1 }
    : { num: expected, as: 'decimal', digits: 0 };
}
