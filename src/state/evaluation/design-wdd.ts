/**
 * Weighted displacement difference design: the catchment against the comparison units' sum as control
 * over the pre/post windows, with the displacement ring when there is one; guardrails on the control's
 * size relative to the catchment and on the ring's overlap with comparison or donor units.
 */

import type { PrePostFromSeries } from '../../analysis/evaluation/pre-post-rate-ratio';
import {
  type WeightedDisplacementDifference,
  weightedDisplacementDifference,
} from '../../analysis/evaluation/weighted-displacement-difference';
import { msg } from '../../analysis/messages/message';
import { failureError, MessageError } from '../../analysis/messages/message-error';
import type { CountUnit } from '../../analysis/privacy/count-format';
import type { DesignContext, EstimateSummary, Guardrail, Outcome } from './evaluation-types';
import { attempt, estimateReading, guardrail, sumRange } from './evaluation-types';
import type { ProgramSeries } from './program-series';

/** Runs the WDD over the pre/post windows (fails when pre/post failed or there is no comparison unit). */
export function runWdd(
  ctx: DesignContext,
  prePost: Outcome<PrePostFromSeries> | null,
): Outcome<WeightedDisplacementDifference> {
  const { catchment, comparison, ring, level } = ctx;
  return attempt(() => {
    if (!prePost) throw new MessageError(msg('failure:design.noWindows'));
    if (!prePost.ok) throw failureError(prePost);
    if (comparison.length === 0) throw new MessageError(msg('failure:design.wddNoComparison'));
    const [a0, a1] = prePost.value.preWindow;
    const [b0, b1] = prePost.value.postWindow;
    const counts = (s: Float64Array) => ({ pre: sumRange(s, a0, a1), post: sumRange(s, b0, b1) });
    const control = comparison.reduce(
      (acc, u) => {
        const c = counts(u.total);
        return { pre: acc.pre + c.pre, post: acc.post + c.post };
      },
      { pre: 0, post: 0 },
    );
    return weightedDisplacementDifference(
      {
        treated: counts(catchment.total),
        control,
        ...(ring ? { displacement: counts(ring.total) } : {}),
      },
      { level },
    );
  });
}

/** The WDD estimate row (none when it did not run). */
export function wddEstimates(
  wdd: Outcome<WeightedDisplacementDifference> | null,
  unit: CountUnit,
): EstimateSummary[] {
  if (!wdd?.ok) return [];
  const v = wdd.value;
  return [
    {
      method: 'wdd',
      label: 'Weighted displacement difference (events)',
      scale: 'difference',
      estimate: v.wdd,
      lower: v.interval.lower,
      upper: v.interval.upper,
      pValue: v.pValue,
      ...(v.standardError === 0
        ? estimateReading('wdd-empty')
        : estimateReading('wdd', {
            wdd: { num: v.wdd, as: 'signed', digits: 1 },
            ci: { ci: [v.interval.lower, v.interval.upper], digits: 1 },
            p: { num: v.pValue, as: 'pValue' },
            unit: { noun: unit },
          })),
    },
  ];
}

/** Warns when the WDD control is more than twice or less than half the catchment's pre-window volume. */
export function controlSizeGuardrail(
  wdd: Outcome<WeightedDisplacementDifference> | null,
  unit: CountUnit,
): Guardrail | null {
  if (!wdd?.ok) return null;
  const t = wdd.value.inputs.treated.pre;
  const c = wdd.value.inputs.control.pre;
  const ratio = t > 0 ? c / t : Number.POSITIVE_INFINITY;
  const off = ratio > 2 || ratio < 0.5;
  return guardrail('control-size', off ? 'warn' : 'ok', off ? 'control-size-warn' : 'control-size', {
    control: { num: c, as: 'decimal' },
    treated: { num: t, as: 'decimal' },
    ratio: { num: ratio, as: 'decimal', digits: 1 },
    unit: { noun: unit },
  });
}

/** Overlap of the displacement ring with comparison or donor units (null without a ring). */
export function bufferOverlapGuardrail(series: ProgramSeries): Guardrail | null {
  if (!(series.bufferMetres > 0)) return null;
  const overlap = series.bufferOverlapRows > 0;
  return guardrail(
    'buffer-overlap',
    overlap ? 'warn' : 'ok',
    overlap ? 'buffer-overlap-warn' : 'buffer-overlap',
    {
      rows: { num: series.bufferOverlapRows, as: 'decimal' },
      metres: { num: series.bufferMetres, as: 'decimal' },
    },
  );
}
