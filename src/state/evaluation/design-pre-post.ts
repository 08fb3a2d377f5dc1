/**
 * Pre/post design: the catchment's rate over equal windows before and after launch (launch period left
 * out), for all events and separately for fatal and non-fatal ones, with the fatal vs non-fatal
 * consistency guardrail (warn when their intervals do not overlap).
 */

import { type PrePostFromSeries, prePostFromSeries } from '../../analysis/evaluation/pre-post-rate-ratio';
import type { CountUnit } from '../../analysis/privacy/count-format';
import type { DesignContext, EstimateSummary, Guardrail, Outcome } from './evaluation-types';
import { attempt, estimateReading, guardrail, periodCount } from './evaluation-types';

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
export function prePostEstimates(
  prePost: Outcome<PrePostFromSeries> | null,
  by: 'month' | 'quarter',
  unit: CountUnit,
): EstimateSummary[] {
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
      ...(v.inputs.pre + v.inputs.post === 0
        ? estimateReading('prepost-empty', { unit: { noun: unit } })
        : estimateReading('prepost', {
            periods: periodCount(by, v.periodsUsed),
            ratio: { num: v.rateRatio, as: 'ratio' },
            ci: { ci: [v.interval.lower, v.interval.upper] },
            p: { num: v.pValue, as: 'pValue' },
            post: { num: v.inputs.post, as: 'decimal' },
            pre: { num: v.inputs.pre, as: 'decimal' },
            unit: { noun: unit },
          })),
    },
  ];
}

/** Fatal vs non-fatal consistency of the pre/post ratio (null unless both ran). */
export function fatalNonfatalGuardrail(
  fatal: Outcome<PrePostFromSeries> | null,
  nonfatal: Outcome<PrePostFromSeries> | null,
  unit: CountUnit,
): Guardrail | null {
  if (!fatal?.ok || !nonfatal?.ok) return null;
  const f = fatal.value;
  const n = nonfatal.value;
  const disjoint = f.interval.upper < n.interval.lower || n.interval.upper < f.interval.lower;
  const fewFatal = f.inputs.pre < 10;
  return guardrail(
    'fatal-nonfatal',
    disjoint ? 'warn' : fewFatal ? 'info' : 'ok',
    disjoint ? 'fatal-nonfatal-disjoint' : fewFatal ? 'fatal-nonfatal-few' : 'fatal-nonfatal',
    {
      fatal: { num: f.rateRatio, as: 'ratio' },
      fatalCi: { ci: [f.interval.lower, f.interval.upper] },
      nonfatal: { num: n.rateRatio, as: 'ratio' },
      nonfatalCi: { ci: [n.interval.lower, n.interval.upper] },
      n: { num: f.inputs.pre, as: 'decimal' },
      unit: { noun: unit },
    },
  );
}
