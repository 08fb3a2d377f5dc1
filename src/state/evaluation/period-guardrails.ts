/**
 * Guardrails common to every design: the length of the series before and after launch, and the fewest
 * events before launch in any catchment or comparison unit.
 */

import type { DesignContext, Guardrail } from './evaluation-types';
import { sumRange } from './evaluation-types';

/** Pre-period (warn under 24 months / 8 quarters), post-period (warn under a year), events per unit (warn under 10). */
export function periodGuardrails(ctx: DesignContext): Guardrail[] {
  const { series, launchIndex: L, perYear, periodWord, eventLabel } = ctx;
  const guardrails: Guardrail[] = [];
  const minPre = series.by === 'month' ? 24 : 8;
  guardrails.push({
    id: 'pre-period',
    status: L < minPre ? 'warn' : 'ok',
    text: `${L} ${periodWord}s of data before launch${L < minPre ? ` (fewer than ${minPre}: the pre-launch trend and seasonality are poorly known)` : ''}.`,
  });
  const post = series.periods.length - L;
  guardrails.push({
    id: 'post-period',
    status: post < perYear ? 'warn' : 'ok',
    text: `${post} ${periodWord}s from launch on (launch period ${series.periods[L]})${post < perYear ? ': less than a year, too short to judge an effect' : ''}.`,
  });
  const preCounts = series.units
    .filter((u) => u.role === 'catchment' || u.role === 'comparison')
    .map((u) => ({ label: u.label, pre: sumRange(u.total, 0, L - 1) }));
  const fewest = preCounts.reduce((a, b) => (b.pre < a.pre ? b : a));
  guardrails.push({
    id: 'events-per-unit',
    status: fewest.pre < 10 ? 'warn' : 'ok',
    text: `Fewest ${eventLabel} before launch in any unit: ${fewest.pre} (${fewest.label})${fewest.pre < 10 ? ' — fewer than 10, estimates are unstable' : ''}.`,
  });
  return guardrails;
}
