/**
 * Interrupted time series design: quasi-Poisson segmented regression of the catchment's series with
 * seasonality; estimates of the level and slope change at launch, and the residual autocorrelation
 * guardrail (Ljung-Box).
 */

import {
  type InterruptedTimeSeries,
  interruptedTimeSeries,
} from '../../analysis/evaluation/interrupted-time-series';
import type { DesignContext, EstimateSummary, Guardrail, Outcome } from './evaluation-types';
import { attempt, fmt, guardrail } from './evaluation-types';

/** Runs the ITS on the catchment's total series. */
export function runIts(ctx: DesignContext): Outcome<InterruptedTimeSeries> {
  const { catchment, launchIndex, series, level } = ctx;
  return attempt(() =>
    interruptedTimeSeries(catchment.total, launchIndex, {
      frequency: series.by === 'month' ? 'monthly' : 'quarterly',
      firstSeason: series.firstSeason,
      level,
    }),
  );
}

/** The ITS level and slope change rows (none when it did not run). */
export function itsEstimates(
  its: Outcome<InterruptedTimeSeries> | null,
  periodWord: string,
): EstimateSummary[] {
  if (!its?.ok) return [];
  const v = its.value;
  return [
    {
      method: 'its',
      label: 'ITS level change at launch',
      scale: 'ratio',
      estimate: v.levelChange.irr,
      lower: v.levelChange.interval.lower,
      upper: v.levelChange.interval.upper,
      pValue: v.levelChange.pValue,
      reading: v.reading,
    },
    {
      method: 'its',
      label: `ITS slope change per ${periodWord}`,
      scale: 'ratio',
      estimate: v.slopeChange.irr,
      lower: v.slopeChange.interval.lower,
      upper: v.slopeChange.interval.upper,
      pValue: v.slopeChange.pValue,
      reading: `The trend after launch changed by ${fmt(v.slopeChange.irr, 3)}× per ${periodWord} relative to the pre-launch trend.`,
    },
  ];
}

/** Residual autocorrelation of the ITS (null when it did not run). */
export function autocorrelationGuardrail(its: Outcome<InterruptedTimeSeries> | null): Guardrail | null {
  if (!its?.ok) return null;
  const a = its.value.autocorrelation;
  return guardrail(
    'autocorrelation',
    a.significant ? 'warn' : 'ok',
    a.significant ? 'autocorrelation-warn' : 'autocorrelation',
    { p: { num: a.pValue, as: 'pValue' }, lags: a.df },
  );
}
