/**
 * The paragraph that sets the catchment's own change beside the comparison units' change, next to a
 * published before/after figure.
 */

import { formatCi, formatPValue, formatRatio } from '../../analysis/privacy/count-format';
import type { EvaluationMethod, ProgramEvaluation } from './evaluation-types';

/**
 * One paragraph, computed from the estimates, that says how the catchment's own change compares with the
 * comparison units' and what that means next to a published before/after figure. Null when the estimates
 * needed (pre/post and DiD) are missing.
 */
export function comparisonReading(evaluation: ProgramEvaluation, comparisonUnits: number): string | null {
  const find = (method: EvaluationMethod) => evaluation.estimates.find((e) => e.method === method);
  const prePost = find('prepost');
  const did = find('did');
  if (!prePost || !did || did.lower === null || did.upper === null) return null;
  const its = evaluation.estimates.find((e) => e.label === 'ITS level change at launch');
  const synth = find('synth');
  const own = `On its own the catchment changed ${formatRatio(prePost.estimate)} from before to after launch${
    its ? ` (ITS level change ${formatRatio(its.estimate)})` : ''
  }.`;
  const relative = `Relative to the ${comparisonUnits} comparison unit${comparisonUnits === 1 ? '' : 's'}, the difference-in-differences is ${formatRatio(did.estimate)} (${formatCi(did.lower, did.upper)})${
    synth
      ? `, and the synthetic control gives ${formatRatio(synth.estimate)} its synthetic total (placebo ${formatPValue(synth.pValue ?? Number.NaN)})`
      : ''
  }.`;
  let meaning: string;
  if (did.upper < 1) {
    meaning =
      'The catchment fell more than the comparison units: the direction agrees with a published decline, though the size depends on the design.';
  } else if (did.lower > 1) {
    meaning = 'The catchment fared worse than the comparison units after launch.';
  } else if (prePost.upper !== null && prePost.upper < 1) {
    meaning =
      'The drop in the catchment was shared by the comparison units, so relative to them no change is detected. A before/after figure for one area (or one area against a single matched area) cannot separate a program from such a citywide decline; that is the main reason the numbers here differ from the published ones.';
  } else {
    meaning = 'Neither the catchment alone nor relative to the comparison units shows a detectable change.';
  }
  return `${own} ${relative} ${meaning}`;
}
