/**
 * Difference-in-differences design: Poisson DiD of the catchment against the comparison units with the
 * event study by year since launch, and the event-study pre-trend guardrail.
 */

import {
  type DifferenceInDifferences,
  differenceInDifferences,
} from '../../analysis/evaluation/difference-in-differences';
import { msg } from '../../analysis/messages/message';
import { MessageError } from '../../analysis/messages/message-error';
import type { CountUnit } from '../../analysis/privacy/count-format';
import type { DesignContext, EstimateSummary, Guardrail, Outcome } from './evaluation-types';
import { attempt, estimateReading, guardrail } from './evaluation-types';

/** Runs the DiD (fails without a comparison unit). */
export function runDid(ctx: DesignContext): Outcome<DifferenceInDifferences> {
  const { catchment, comparison, launchIndex, level, perYear } = ctx;
  return attempt(() => {
    if (comparison.length === 0) throw new MessageError(msg('failure:design.didNoComparison'));
    return differenceInDifferences(
      [catchment.total, ...comparison.map((u) => u.total)],
      [true, ...comparison.map(() => false)],
      launchIndex,
      { level, periodsPerYear: perYear },
    );
  });
}

/** The DiD estimate row (none when it did not run). */
export function didEstimates(
  did: Outcome<DifferenceInDifferences> | null,
  unit: CountUnit,
): EstimateSummary[] {
  if (!did?.ok) return [];
  const v = did.value;
  return [
    {
      method: 'did',
      label: 'Difference-in-differences IRR',
      scale: 'ratio',
      estimate: v.effect.irr,
      lower: v.effect.interval.lower,
      upper: v.effect.interval.upper,
      pValue: v.effect.pValue,
      ...estimateReading('did', {
        ratio: { num: v.effect.irr, as: 'ratio' },
        ci: { ci: [v.effect.interval.lower, v.effect.interval.upper] },
        p: { num: v.effect.pValue, as: 'pValue' },
        unit: { noun: unit },
      }),
    },
  ];
}

/** The event-study pre-trend test, or why there is none. */
export function preTrendGuardrail(did: Outcome<DifferenceInDifferences> | null): Guardrail {
  if (did?.ok && did.value.eventStudy?.preTrendTest) {
    const t = did.value.eventStudy.preTrendTest;
    const warn = t.pValue < 0.05;
    return guardrail('pre-trend', warn ? 'warn' : 'ok', warn ? 'pre-trend-warn' : 'pre-trend', {
      chi: { num: t.statistic, as: 'decimal', digits: 1 },
      df: t.df,
      p: { num: t.pValue, as: 'pValue' },
    });
  }
  return guardrail('pre-trend', 'info', did?.ok ? 'pre-trend-short' : 'pre-trend-no-comparison');
}
