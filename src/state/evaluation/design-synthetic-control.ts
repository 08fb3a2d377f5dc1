/**
 * Synthetic control design: the comparison and donor units as the donor pool, the post-launch total
 * ratio with its placebo rank, and the pre-launch fit guardrail (RMSPE against Poisson noise).
 */

import { type SyntheticControl, syntheticControl } from '../../analysis/evaluation/synthetic-control';
import { msg, sentences } from '../../analysis/messages/message';
import { MessageError } from '../../analysis/messages/message-error';
import type { DesignContext, EstimateSummary, Guardrail, Outcome } from './evaluation-types';
import { attempt, estimateReading, guardrail } from './evaluation-types';

/** The synthetic-control module's default poor-fit threshold (pre-RMSPE over the Poisson noise level). */
const SYNTH_POOR_FIT_RATIO = 1.5;

/** Runs the synthetic control (fails with fewer than 2 donors). */
export function runSyntheticControl(ctx: DesignContext): Outcome<SyntheticControl> {
  const { catchment, donors, launchIndex } = ctx;
  return attempt(() => {
    if (donors.length < 2) throw new MessageError(msg('failure:design.synthFewDonors'));
    return syntheticControl(
      catchment.total,
      donors.map((u) => u.total),
      launchIndex,
      { donorNames: donors.map((u) => u.label) },
    );
  });
}

/** The synthetic-control row (none when it did not run). */
export function syntheticControlEstimates(synth: Outcome<SyntheticControl> | null): EstimateSummary[] {
  if (!synth?.ok) return [];
  const v = synth.value;
  return [
    {
      method: 'synth',
      label: 'Synthetic control: post total ratio',
      scale: 'placebo',
      estimate: v.postRatio,
      lower: null,
      upper: null,
      pValue: v.pValue,
      ...(Number.isNaN(v.pValue)
        ? estimateReading('synth-no-placebo', { ratio: { num: v.postRatio, as: 'ratio' } })
        : estimateReading('synth', {
            ratio: { num: v.postRatio, as: 'ratio' },
            p: { num: v.pValue, as: 'pValue' },
          })),
    },
  ];
}

/** The synthetic control's pre-launch fit (null when it did not run). */
export function donorFitGuardrail(synth: Outcome<SyntheticControl> | null, donors: number): Guardrail | null {
  if (!synth?.ok) return null;
  const s = synth.value;
  const values = {
    rmspe: { num: s.preRmspe, as: 'decimal', digits: 2 },
    ratio: { num: s.noiseRatio, as: 'decimal', digits: 1 },
    donors,
  } as const;
  if (s.warnings.length === 0) return guardrail('donor-fit', 'ok', 'donor-fit', values);
  // The synthetic-control module warns of a poor fit (fit error above its default 1.5× the noise level)
  // and of a level outside the donors' range.
  const poor = s.noiseRatio > SYNTH_POOR_FIT_RATIO;
  const parts = [
    ...(poor ? [msg('guardrail:donor-fit-poor', values)] : []),
    ...(s.warnings.length > (poor ? 1 : 0) ? [msg('guardrail:donor-fit-outside')] : []),
  ];
  return guardrail('donor-fit', 'warn', 'donor-fit-warn', { text: sentences(parts) });
}
