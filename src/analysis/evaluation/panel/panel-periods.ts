/**
 * Periods of a unit × period panel: calendar years (`2019`), quarters (`2019-Q3`) or months (`2019-07`).
 *
 * A date belongs to the period that contains it; a period is written by its label and compared by its
 * position in time. Labels from an aggregate file may be given as the label itself or as any date inside
 * the period (`2019-07-01` for July 2019, `2019-01-01` or `2019` for the year 2019).
 */

/** Length of one panel period. */
export type PanelStep = 'year' | 'quarter' | 'month';

/** The steps a panel may use, in order of length. */
export const PANEL_STEPS: readonly PanelStep[] = ['year', 'quarter', 'month'];

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Number of whole periods since year 0 for the period that holds year `y`, month `m` (1–12). */
function ordinal(y: number, m: number, step: PanelStep): number {
  if (step === 'year') return y;
  if (step === 'quarter') return y * 4 + Math.floor((m - 1) / 3);
  return y * 12 + (m - 1);
}

/** Label of the period with ordinal `k`. */
export function periodLabel(k: number, step: PanelStep): string {
  if (step === 'year') return String(k);
  if (step === 'quarter') return `${Math.floor(k / 4)}-Q${(k % 4) + 1}`;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
}

/**
 * Ordinal of the period that contains `value`: a date `YYYY-MM-DD`, a month `YYYY-MM`, a quarter `YYYY-Qn`
 * or a year `YYYY`. A value coarser than the step (a year for a monthly panel) is refused; null when the
 * value cannot be read.
 */
export function periodOrdinal(value: string, step: PanelStep): number | null {
  const text = value.trim();
  let m = DATE.exec(text);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    const t = Date.UTC(y, mo - 1, d);
    if (Number.isNaN(t) || new Date(t).getUTCDate() !== d || mo < 1 || mo > 12) return null;
    return ordinal(y, mo, step);
  }
  m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m) {
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) return null;
    return ordinal(Number(m[1]), mo, step);
  }
  m = /^(\d{4})-?Q([1-4])$/i.exec(text);
  if (m) {
    if (step === 'month') return null;
    return ordinal(Number(m[1]), (Number(m[2]) - 1) * 3 + 1, step);
  }
  m = /^(\d{4})(?:\.0+)?$/.exec(text);
  if (m) {
    if (step !== 'year') return null;
    return Number(m[1]);
  }
  return null;
}

/** The labels of every period from the one containing `from` to the one containing `to`, in order. */
export function periodRange(from: number, to: number, step: PanelStep): string[] {
  if (!Number.isInteger(from) || !Number.isInteger(to) || to < from) {
    throw new RangeError(`period range ${from}..${to} is empty or not whole`);
  }
  const out: string[] = [];
  for (let k = from; k <= to; k++) out.push(periodLabel(k, step));
  return out;
}
