/**
 * Synthetic control design: the comparison and donor units as the donor pool, the post-launch total
 * ratio with its placebo rank, and the pre-launch fit guardrail (RMSPE against Poisson noise).
 */

import { type SyntheticControl, syntheticControl } from '../../analysis/evaluation/synthetic-control';
import type { DesignContext, EstimateSummary, Guardrail, Outcome } from './evaluation-types';
import { attempt, fmt } from './evaluation-types';

/** Runs the synthetic control (fails with fewer than 2 donors). */
export function runSyntheticControl(ctx: DesignContext): Outcome<SyntheticControl> {
  const { catchment, donors, launchIndex } = ctx;
  return attempt(() => {
    if (donors.length < 2) throw new RangeError('the synthetic control needs at least 2 donor units');
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
      reading: v.reading,
    },
  ];
}

/** The synthetic control's pre-launch fit (null when it did not run). */
export function donorFitGuardrail(synth: Outcome<SyntheticControl> | null, donors: number): Guardrail | null {
  if (!synth?.ok) return null;
  const s = synth.value;
  return {
    id: 'donor-fit',
    status: s.warnings.length > 0 ? 'warn' : 'ok',
    text:
      s.warnings.length > 0
        ? s.warnings.join(' ')
        : `Synthetic control fit: pre-RMSPE ${fmt(s.preRmspe)} is ${fmt(s.noiseRatio, 1)}× the Poisson noise level (${donors} donors).`,
  };
}
