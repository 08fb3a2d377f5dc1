/**
 * Pre/post design: the catchment's rate over equal windows before and after launch (launch period left
 * out), for all events and separately for fatal and non-fatal ones, with the fatal vs non-fatal
 * consistency guardrail (warn when their intervals do not overlap).
 */

import { type PrePostFromSeries, prePostFromSeries } from '../../analysis/evaluation/pre-post-rate-ratio';
import type { DesignContext, EstimateSummary, Guardrail, Outcome } from './evaluation-types';
import { attempt, fmt } from './evaluation-types';

/** The three pre/post outcomes of one evaluation. */
export interface PrePostOutcomes {
  prePost: Outcome<PrePostFromSeries>;
  prePostFatal: Outcome<PrePostFromSeries>;
  prePostNonfatal: Outcome<PrePostFromSeries>;
}

/** Runs the pre/post rate ratio on all, fatal and non-fatal events of the catchment. */
export function runPrePost(ctx: DesignContext): PrePostOutcomes {
  const { catchment, launchIndex: L, eventLabel, series } = ctx;
  const nonfatal = catchment.total.map((v, i) => v - catchment.fatal[i]!);
  const ppOptions = {
    windowLength: ctx.windowLength,
    level: ctx.level,
    unitLabel: series.by === 'month' ? 'monthly' : 'quarterly',
    areaLabel: 'the catchment',
    eventLabel,
  };
  return {
    prePost: attempt(() => prePostFromSeries(catchment.total, L, ppOptions)),
    prePostFatal: attempt(() =>
      prePostFromSeries(catchment.fatal, L, { ...ppOptions, eventLabel: `fatal ${eventLabel}` }),
    ),
    prePostNonfatal: attempt(() =>
      prePostFromSeries(nonfatal, L, { ...ppOptions, eventLabel: `non-fatal ${eventLabel}` }),
    ),
  };
}

/** The pre/post estimate row (none when it did not run). */
export function prePostEstimates(prePost: Outcome<PrePostFromSeries> | null): EstimateSummary[] {
  if (!prePost?.ok) return [];
  const v = prePost.value;
  return [
    {
      method: 'prepost',
      label: 'Pre/post rate ratio',
      scale: 'ratio',
      estimate: v.rateRatio,
      lower: v.interval.lower,
      upper: v.interval.upper,
      pValue: v.pValue,
      reading: v.reading,
    },
  ];
}

/** Fatal vs non-fatal consistency of the pre/post ratio (null unless both ran). */
export function fatalNonfatalGuardrail(
  fatal: Outcome<PrePostFromSeries> | null,
  nonfatal: Outcome<PrePostFromSeries> | null,
  eventLabel: string,
): Guardrail | null {
  if (!fatal?.ok || !nonfatal?.ok) return null;
  const f = fatal.value;
  const n = nonfatal.value;
  const disjoint = f.interval.upper < n.interval.lower || n.interval.upper < f.interval.lower;
  const fewFatal = f.inputs.pre < 10;
  return {
    id: 'fatal-nonfatal',
    status: disjoint ? 'warn' : fewFatal ? 'info' : 'ok',
    text:
      `Fatal ${fmt(f.rateRatio)}× (95% CI ${fmt(f.interval.lower)}–${fmt(f.interval.upper)}) vs non-fatal ${fmt(n.rateRatio)}× ` +
      `(95% CI ${fmt(n.interval.lower)}–${fmt(n.interval.upper)}) pre/post` +
      (disjoint
        ? ': the intervals do not overlap, so fatal and non-fatal changed differently.'
        : fewFatal
          ? `: only ${f.inputs.pre} fatal ${eventLabel} in the pre window, too few to compare.`
          : ': consistent.'),
  };
}
