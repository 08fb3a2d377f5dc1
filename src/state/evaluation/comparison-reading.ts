/**
 * The paragraph that sets the catchment's own change beside the comparison units' change, next to a
 * published before/after figure: its facts (for the interface, which writes them in the reader's language)
 * and its English sentence.
 */

import { formatCi, formatPValue, formatRatio } from '../../analysis/privacy/count-format';
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

const MEANING: Record<ComparisonFacts['meaning'], string> = {
  'fell-more':
    'The catchment fell more than the comparison units: the direction agrees with a published decline, though the size depends on the design.',
  'fared-worse': 'The catchment fared worse than the comparison units after launch.',
  'shared-drop':
    'The drop in the catchment was shared by the comparison units, so relative to them no change is detected. A before/after figure for one area (or one area against a single matched area) cannot separate a program from such a citywide decline; that is the main reason the numbers here differ from the published ones.',
  'no-change': 'Neither the catchment alone nor relative to the comparison units shows a detectable change.',
};

/**
 * One paragraph in English, computed from the estimates, that says how the catchment's own change compares
 * with the comparison units' and what that means next to a published before/after figure. Null when the
 * estimates needed (pre/post and DiD) are missing.
 */
export function comparisonReading(evaluation: ProgramEvaluation, comparisonUnits: number): string | null {
  const f = comparisonFacts(evaluation, comparisonUnits);
  if (!f) return null;
  const en = { locale: 'en' } as const;
  const own = `On its own the catchment changed ${formatRatio(f.prePost, 2, en)} from before to after launch${
    f.its !== null ? ` (ITS level change ${formatRatio(f.its, 2, en)})` : ''
  }.`;
  const relative = `Relative to the ${f.units} comparison unit${f.units === 1 ? '' : 's'}, the difference-in-differences is ${formatRatio(f.did.estimate, 2, en)} (${formatCi(f.did.lower, f.did.upper, 0.95, 2, en)})${
    f.synth
      ? `, and the synthetic control gives ${formatRatio(f.synth.estimate, 2, en)} its synthetic total (placebo ${formatPValue(f.synth.p, en)})`
      : ''
  }.`;
  return `${own} ${relative} ${MEANING[f.meaning]}`;
}
