/**
 * Words for the near-repeat (Knox) bands and for the near-repeat window the planner rests on, written in
 * the interface's language from the bands' bounds (the statistics modules keep English labels for the
 * command line).
 */
import type { TFunction } from 'i18next';
import type { NearRepeatWindow } from '../analysis/planning/hot-now';
import { formatDecimal } from '../analysis/privacy/count-format';

const metres = (m: number) => formatDecimal(m, Number.isInteger(m) ? 0 : 1);

/** Row labels: the same location, then each distance band (more than the previous bound, up to its own). */
export function knoxSpaceLabels(spaceBands: readonly number[], t: TFunction): string[] {
  let previous = 0;
  const labels = [t('nearrepeat:sameLocation')];
  for (const bound of spaceBands) {
    const whole = Number.isInteger(previous) && Number.isInteger(bound);
    labels.push(
      t(whole ? 'nearrepeat:spaceBand' : 'nearrepeat:spaceBandAbove', {
        from: metres(whole ? previous + 1 : previous),
        to: metres(bound),
      }),
    );
    previous = bound;
  }
  return labels;
}

/** Column labels: each time band in whole days, from the day after the previous bound. */
export function knoxTimeLabels(timeBands: readonly number[], t: TFunction): string[] {
  let first = 0;
  return timeBands.map((bound) => {
    const label = t('nearrepeat:timeBand', { from: formatDecimal(first, 0), to: formatDecimal(bound, 0) });
    first = bound + 1;
    return label;
  });
}

/** The window in a sentence: how far and how long, and the significant bands with their ratios. */
export function nearRepeatWindowText(window: NearRepeatWindow, t: TFunction): string {
  const rows = knoxSpaceLabels(window.spaceBands, t);
  const columns = knoxTimeLabels(window.timeBands, t);
  const bands = window.bands
    .map((b) =>
      t('nearrepeat:windowBand', {
        space: rows[b.row],
        time: columns[b.column],
        ratio: formatDecimal(b.ratio, 2),
      }),
    )
    .join('; ');
  return t('nearrepeat:window', {
    distance: metres(window.distanceMetres),
    days: formatDecimal(window.days, 0),
    alpha: formatDecimal(window.alpha, 2),
    bands,
  });
}
