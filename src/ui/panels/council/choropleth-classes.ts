/**
 * The choropleth's legend as data: its title and one entry per class (fixed breaks, so they do not move with
 * the brush), then the colour of withheld areas. Shared by the legend on screen and the map's PNG export.
 */
import { formatDecimal } from '../../../analysis/privacy/count-format';
import { CHOROPLETH_RAMP, choroplethColor, NO_VALUE_COLOR } from '../../../map/layers/choropleth-layer';
import { cssColor } from '../../../map/layers/color-ramps';
import type { Council } from './use-council';

/** A legend entry: its text and CSS colour. */
export interface LegendClass {
  text: string;
  color: string;
}

/** The legend's title and classes, the last one for withheld areas. */
export function choroplethClasses(
  council: Pick<Council, 'breaks' | 'measure'>,
  unit: string,
): { title: string; classes: LegendClass[] } {
  const { breaks } = council;
  const title =
    council.measure === 'count'
      ? `${unit} per year`
      : `${council.measure === 'rate' ? 'Rate' : 'Smoothed rate'} per 100,000 residents per year`;
  const digits = (v: number) => (v >= 10 ? 0 : 1);
  const classes = breaks.length
    ? [0, ...breaks].map((lo, c) => {
        const hi = breaks[c];
        const text =
          hi === undefined
            ? `more than ${formatDecimal(lo, digits(lo))}`
            : `${c === 0 ? '0' : formatDecimal(lo, digits(lo))}–${formatDecimal(hi, digits(hi))}`;
        return { text, color: cssColor(choroplethColor(hi ?? lo + 1, breaks)) };
      })
    : [{ text: 'no values', color: cssColor(CHOROPLETH_RAMP[0]!) }];
  return {
    title,
    classes: [...classes, { text: 'withheld or no population', color: cssColor(NO_VALUE_COLOR) }],
  };
}
