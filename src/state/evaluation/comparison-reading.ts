/**
 * The paragraph that sets the catchment's own change beside the comparison units' change, next to a
 * published before/after figure: its facts, and the paragraph as a message (written in the reader's language
 * by the interface, in English by the command line).
 */

import { englishText } from '../../analysis/messages/english';
import { type Message, type MessageValue, msg, sentences } from '../../analysis/messages/message';
import type { EvaluationMethod, ProgramEvaluation } from './evaluation-types';

/** What the paragraph says, as numbers and one of four conclusions. */
export interface ComparisonFacts {
  /** The catchment's own pre/post ratio, and the ITS level change when there is one. */
  prePost: number;
  its: number | null;
  units: number;
  did: { estimate: number; lower: number; upper: number };
  /** The synthetic control's post total ratio and placebo p, when it ran. */
  synth: { estimate: number; p: number } | null;
  /**
   * `fell-more`: the DiD's CI lies below 1; `fared-worse`: above 1; `shared-drop`: the catchment's own
   * drop is significant but the DiD's is not; `no-change`: neither.
   */
  meaning: 'fell-more' | 'fared-worse' | 'shared-drop' | 'no-change';
}

/** The facts of the paragraph; null when the estimates needed (pre/post and DiD with its CI) are missing. */
export function comparisonFacts(
  evaluation: ProgramEvaluation,
  comparisonUnits: number,
): ComparisonFacts | null {
  const find = (method: EvaluationMethod) => evaluation.estimates.find((e) => e.method === method);
  const prePost = find('prepost');
  const did = find('did');
  if (!prePost || !did || did.lower === null || did.upper === null) return null;
  const its = evaluation.estimates.find((e) => e.label === 'ITS level change at launch');
  const synth = find('synth');
  const meaning =
    did.upper < 1
      ? 'fell-more'
      : did.lower > 1
        ? 'fared-worse'
        : prePost.upper !== null && prePost.upper < 1
          ? 'shared-drop'
          : 'no-change';
  return {
    prePost: prePost.estimate,
    its: its ? its.estimate : null,
    units: comparisonUnits,
    did: { estimate: did.estimate, lower: did.lower, upper: did.upper },
    synth: synth ? { estimate: synth.estimate, p: synth.pValue ?? Number.NaN } : null,
    meaning,
  };
}

const MEANING_KEYS: Record<ComparisonFacts['meaning'], string> = {
  'fell-more': 'reading:comparison.fellMore',
  'fared-worse': 'reading:comparison.faredWorse',
  'shared-drop': 'reading:comparison.sharedDrop',
  'no-change': 'reading:comparison.noChange',
};

const ratio = (num: number): MessageValue => ({ num, as: 'ratio', digits: 2 });

/** The paragraph as a message: the catchment's own change, its change relative to the comparison units, and what that means. */
export function comparisonMessage(f: ComparisonFacts): Message {
  const own = msg('reading:comparison.own', {
    ratio: ratio(f.prePost),
    its: f.its !== null ? msg('reading:comparison.ownIts', { ratio: ratio(f.its) }) : '',
  });
  const relative = msg('reading:comparison.relative', {
    count: f.units,
    did: ratio(f.did.estimate),
    ci: { ci: [f.did.lower, f.did.upper], digits: 2 },
    synth: f.synth
      ? msg('reading:comparison.synth', {
          ratio: ratio(f.synth.estimate),
          p: { num: f.synth.p, as: 'pValue' },
        })
      : '',
  });
  return sentences([own, relative, msg(MEANING_KEYS[f.meaning])]);
}

/**
 * The paragraph in English, computed from the estimates, that says how the catchment's own change compares
 * with the comparison units' and what that means next to a published before/after figure. Null when the
 * estimates needed (pre/post and DiD) are missing.
 */
export function comparisonReading(evaluation: ProgramEvaluation, comparisonUnits: number): string | null {
  const f = comparisonFacts(evaluation, comparisonUnits);
  return f ? englishText(comparisonMessage(f)) : null;
}
