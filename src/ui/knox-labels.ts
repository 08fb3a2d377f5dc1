/**
 * Words for the near-repeat (Knox) bands and the near-repeat window the planner rests on, written in the
 * interface's language from the numbers (the statistics modules keep English labels for the command line;
 * in English both read the same). The Knox sentence itself is a message (`nearRepeatMessage`).
 */
import type { TFunction } from 'i18next';
import type { NearRepeatWindow } from '../analysis/planning/hot-now';
import { formatDecimal, formatUpTo } from '../analysis/privacy/count-format';

/** Row labels: the same location, then each distance band (more than the previous bound, up to its own). */
export function knoxSpaceLabels(spaceBands: readonly number[], t: TFunction): string[] {
  let previous = 0;
  const labels = [t('nearrepeat:sameLocation')];
  for (const bound of spaceBands) {
    const whole = Number.isInteger(previous) && Number.isInteger(bound);
    labels.push(
      t(whole ? 'nearrepeat:spaceBand' : 'nearrepeat:spaceBandAbove', {
        from: formatUpTo(whole ? previous + 1 : previous, 1),
        to: formatUpTo(bound, 1),
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
    distance: formatUpTo(window.distanceMetres, 1),
    days: formatDecimal(window.days, 0),
    alpha: formatDecimal(window.alpha, 2),
    bands,
  });
}
