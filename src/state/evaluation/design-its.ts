/**
 * Interrupted time series design: quasi-Poisson segmented regression of the catchment's series with
 * seasonality; estimates of the level and slope change at launch, and the residual autocorrelation
 * guardrail (Ljung-Box).
 */

import {
  type InterruptedTimeSeries,
  interruptedTimeSeries,
} from '../../analysis/evaluation/interrupted-time-series';
import { msg } from '../../analysis/messages/message';
import type { DesignContext, EstimateSummary, Guardrail, Outcome } from './evaluation-types';
import { attempt, estimateReading, guardrail, periodCount } from './evaluation-types';

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
  by: 'month' | 'quarter',
  launchIndex: number,
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
      ...estimateReading('its-level', {
        ratio: { num: v.levelChange.irr, as: 'ratio' },
        ci: { ci: [v.levelChange.interval.lower, v.levelChange.interval.upper] },
        p: { num: v.levelChange.pValue, as: 'pValue' },
        periods: periodCount(by, launchIndex),
      }),
    },
    {
      method: 'its',
      label: `ITS slope change per ${by}`,
      scale: 'ratio',
      estimate: v.slopeChange.irr,
      lower: v.slopeChange.interval.lower,
      upper: v.slopeChange.interval.upper,
      pValue: v.slopeChange.pValue,
      ...estimateReading('its-slope', {
        ratio: { num: v.slopeChange.irr, as: 'ratio', digits: 3 },
        period: msg(`reading:per.${by}`),
      }),
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
