/**
 * Guardrails common to every design: the length of the series before and after launch, and the fewest
 * events before launch in any catchment or comparison unit.
 */

import type { DesignContext, Guardrail } from './evaluation-types';
import { guardrail, periodCount, sumRange } from './evaluation-types';

/** Pre-period (warn under 24 months / 8 quarters), post-period (warn under a year), events per unit (warn under 10). */
export function periodGuardrails(ctx: DesignContext): Guardrail[] {
  const { series, launchIndex: L, perYear } = ctx;
  const minPre = series.by === 'month' ? 24 : 8;
  const post = series.periods.length - L;
  const preCounts = series.units
    .filter((u) => u.role === 'catchment' || u.role === 'comparison')
    .map((u) => ({ label: u.label, pre: sumRange(u.total, 0, L - 1) }));
  const fewest = preCounts.reduce((a, b) => (b.pre < a.pre ? b : a));
  return [
    guardrail('pre-period', L < minPre ? 'warn' : 'ok', L < minPre ? 'pre-period-warn' : 'pre-period', {
      periods: periodCount(series.by, L),
      min: minPre,
    }),
    guardrail(
      'post-period',
      post < perYear ? 'warn' : 'ok',
      post < perYear ? 'post-period-warn' : 'post-period',
      {
        periods: periodCount(series.by, post),
        launch: series.periods[L] ?? '',
      },
    ),
    guardrail(
      'events-per-unit',
      fewest.pre < 10 ? 'warn' : 'ok',
      fewest.pre < 10 ? 'events-per-unit-warn' : 'events-per-unit',
      { unit: { noun: series.unit }, n: { num: fewest.pre, as: 'decimal' }, label: fewest.label },
    ),
  ];
}
