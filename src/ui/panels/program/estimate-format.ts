/**
 * How an estimate row is written: its name, its value on its own scale and its interval (or why it has none),
 * in the interface's language.
 */
import i18next from 'i18next';
import { formatCi, formatDecimal, formatRatio } from '../../../analysis/privacy/count-format';
import type { EstimateSummary } from '../../../state/program-evaluation';

const t = (key: string, options: Record<string, unknown> = {}) => i18next.t(`programs:${key}`, options);

/** The estimate's name ("ITS level change at launch"); a name the catalogue lacks is shown as computed. */
export function estimateLabel(e: EstimateSummary): string {
  const slope = /^ITS slope change per (\w+)$/.exec(e.label);
  if (slope)
    return t('estimate.itsSlope', { per: i18next.t(`program:per.${slope[1]}`, { defaultValue: slope[1] }) });
  const key = e.method === 'its' ? 'itsLevel' : e.method;
  const known = i18next.t(`programs:estimate.${key}`, { lng: 'en' });
  return known === e.label ? t(`estimate.${key}`) : e.label;
}

/** The estimate: events for a difference, a ratio otherwise. */
export function estimateValue(e: EstimateSummary): string {
  if (e.scale === 'difference') return t('events', { value: formatDecimal(e.estimate, 1) });
  return formatRatio(e.estimate);
}

/** The 95% interval, or 'no CI (placebo rank)' for the synthetic control. */
export function estimateInterval(e: EstimateSummary): string {
  if (e.lower === null || e.upper === null) return t('noCi');
  return formatCi(e.lower, e.upper, 0.95, e.scale === 'difference' ? 1 : 2);
}
