/**
 * Program evaluation on a loaded incident table: from a program's places to counts, and from counts to
 * every estimator with its guardrails. The pieces live in `src/state/evaluation/`, one module per
 * concern: the series ({@link programSeries}, units and counting rules), the places
 * ({@link programGeometry}), and one module per design with its run, its estimate rows and its
 * guardrails. This module runs them in order and re-exports the public surface.
 *
 * Estimators (src/analysis/evaluation, see docs/methods/evaluation.md): pre/post rate ratio over equal
 * windows (default 24 months or 8 quarters each side, launch period left out); weighted displacement
 * difference over the same windows, the comparison units' sum as control and the ring as displacement
 * area; interrupted time series (quasi-Poisson, seasonality); Poisson difference-in-differences of the
 * catchment against the comparison units with the event study; synthetic control with the comparison
 * and donor units as the donor pool. Each estimator that cannot run (too few units, a unit with no events,
 * a launch too close to the ends) returns its reason instead of a number.
 *
 * Guardrails: pre-period length (warn under 24 months / 8 quarters), post-period length, events per unit
 * before launch (warn under 10), the event-study pre-trend test, residual autocorrelation of the ITS,
 * the synthetic control's fit, fatal vs non-fatal consistency (pre/post for each, warn when their
 * intervals do not overlap) and overlap of the ring with comparison units.
 */

import { didEstimates, preTrendGuardrail, runDid } from './evaluation/design-did';
import { autocorrelationGuardrail, itsEstimates, runIts } from './evaluation/design-its';
import { fatalNonfatalGuardrail, prePostEstimates, runPrePost } from './evaluation/design-pre-post';
import {
  donorFitGuardrail,
  runSyntheticControl,
  syntheticControlEstimates,
} from './evaluation/design-synthetic-control';
import { bufferOverlapGuardrail, controlSizeGuardrail, runWdd, wddEstimates } from './evaluation/design-wdd';
import {
  type DesignContext,
  EVALUATION_METHODS,
  type EvaluateProgramOptions,
  type EvaluationMethod,
  type Guardrail,
  type ProgramEvaluation,
} from './evaluation/evaluation-types';
import { periodGuardrails } from './evaluation/period-guardrails';
import type { ProgramSeries } from './evaluation/program-series';

export {
  type ComparisonFacts,
  comparisonFacts,
  comparisonMessage,
  comparisonReading,
} from './evaluation/comparison-reading';
export { evaluationSummary } from './evaluation/evaluation-summary';
export {
  type EstimateSummary,
  EVALUATION_METHODS,
  type EvaluateProgramOptions,
  type EvaluationMethod,
  type Guardrail,
  type Outcome,
  type ProgramEvaluation,
} from './evaluation/evaluation-types';
export { type EvaluationBoundaries, programPlaces } from './evaluation/program-geometry';
export {
  bufferFeatures,
  type EvaluationArea,
  type EvaluationGeometry,
  type ProgramSeries,
  type ProgramSeriesOptions,
  periodOf,
  programSeries,
  type UnitRole,
  type UnitSeries,
} from './evaluation/program-series';

/**
 * Runs the chosen estimators on a program's series and collects the guardrails. Pure (no engine, no
 * DOM), so it runs in a Web Worker and in Node alike. Each estimator's failure is caught and reported in
 * its outcome.
 */
export function evaluateProgram(
  series: ProgramSeries,
  options: EvaluateProgramOptions = {},
): ProgramEvaluation {
  const methods = new Set(options.methods ?? EVALUATION_METHODS);
  const perYear = series.by === 'month' ? 12 : 4;
  const catchment = series.units.find((u) => u.role === 'catchment');
  if (!catchment) throw new RangeError('the series has no catchment unit');
  const ctx: DesignContext = {
    series,
    level: options.level ?? 0.95,
    perYear,
    periodWord: series.by === 'month' ? 'month' : 'quarter',
    windowLength: options.windowLength ?? 2 * perYear,
    launchIndex: series.launchIndex,
    catchment,
    comparison: series.units.filter((u) => u.role === 'comparison'),
    donors: series.units.filter((u) => u.role === 'donor' || u.role === 'comparison'),
    ring: series.units.find((u) => u.role === 'buffer'),
    eventLabel: series.unit,
  };
  const total = [...methods].length;
  let done = 0;
  const progress = (m: EvaluationMethod) => options.onProgress?.(++done, total, m);

  let prePost: ProgramEvaluation['prePost'] = null;
  let prePostFatal: ProgramEvaluation['prePostFatal'] = null;
  let prePostNonfatal: ProgramEvaluation['prePostNonfatal'] = null;
  if (methods.has('prepost') || methods.has('wdd')) {
    ({ prePost, prePostFatal, prePostNonfatal } = runPrePost(ctx));
    if (methods.has('prepost')) progress('prepost');
  }
  let wdd: ProgramEvaluation['wdd'] = null;
  if (methods.has('wdd')) {
    wdd = runWdd(ctx, prePost);
    progress('wdd');
  }
  let its: ProgramEvaluation['its'] = null;
  if (methods.has('its')) {
    its = runIts(ctx);
    progress('its');
  }
  let did: ProgramEvaluation['did'] = null;
  if (methods.has('did')) {
    did = runDid(ctx);
    progress('did');
  }
  let synth: ProgramEvaluation['synth'] = null;
  if (methods.has('synth')) {
    synth = runSyntheticControl(ctx);
    progress('synth');
  }

  const estimates = [
    ...(methods.has('prepost') ? prePostEstimates(prePost, series.by, series.unit) : []),
    ...wddEstimates(wdd, series.unit),
    ...itsEstimates(its, series.by, ctx.launchIndex),
    ...didEstimates(did, series.unit),
    ...syntheticControlEstimates(synth),
  ];
  const guardrails = [
    ...periodGuardrails(ctx),
    preTrendGuardrail(did),
    autocorrelationGuardrail(its),
    donorFitGuardrail(synth, ctx.donors.length),
    fatalNonfatalGuardrail(prePostFatal, prePostNonfatal, series.unit),
    controlSizeGuardrail(wdd, series.unit),
    bufferOverlapGuardrail(series),
  ].filter((g): g is Guardrail => g !== null);

  return {
    series,
    windowLength: ctx.windowLength,
    prePost: methods.has('prepost') ? prePost : null,
    prePostFatal,
    prePostNonfatal,
    wdd,
    its,
    did,
    synth,
    estimates,
    guardrails,
  };
}
export { programReading, readingFacts } from './evaluation/evaluation-reading-facts';
