/**
 * How an estimate row is written: its value on its own scale and its interval (or why it has none).
 */
import { formatCi, formatDecimal, formatRatio } from '../../../analysis/privacy/count-format';
import type { EstimateSummary } from '../../../state/program-evaluation';

/** The estimate: events for a difference, a ratio otherwise. */
export function estimateValue(e: EstimateSummary): string {
  if (e.scale === 'difference') return `${formatDecimal(e.estimate, 1)} events`;
  return formatRatio(e.estimate);
}

/** The 95% interval, or 'no CI (placebo rank)' for the synthetic control. */
export function estimateInterval(e: EstimateSummary): string {
  if (e.lower === null || e.upper === null) return 'no CI (placebo rank)';
  return formatCi(e.lower, e.upper, 0.95, e.scale === 'difference' ? 1 : 2);
}
