/**
 * The choropleth's legend as data: its title and one entry per class (fixed breaks, so they do not move with
 * the brush), then the colour of withheld areas. Shared by the legend on screen and the map's PNG export.
 */
import { t } from 'i18next';
import { formatDecimal } from '../../../analysis/privacy/count-format';
import { CHOROPLETH_RAMP, choroplethColor, NO_VALUE_COLOR } from '../../../map/layers/choropleth-layer';
import { cssColor } from '../../../map/layers/color-ramps';
import type { Council } from './use-council';

/** A legend entry: its text and CSS colour. */
export interface LegendClass {
  text: string;
  color: string;
}

/**
 * The legend's title and classes, the last one for withheld areas, in the interface's language (`language`
 * only keys a caller's memo; the text comes from the current catalogue).
 */
export function choroplethClasses(
  council: Pick<Council, 'breaks' | 'measure'>,
  unit: string,
  _language?: string,
): { title: string; classes: LegendClass[] } {
  const { breaks } = council;
  const title =
    council.measure === 'count'
      ? t('council:legendCount', { unit: t(`common:${unit}`) })
      : t(council.measure === 'rate' ? 'council:legendRate' : 'council:legendSmoothed');
  const digits = (v: number) => (v >= 10 ? 0 : 1);
  const classes = breaks.length
    ? [0, ...breaks].map((lo, c) => {
        const hi = breaks[c];
        const text =
          hi === undefined
            ? t('council:moreThan', { value: formatDecimal(lo, digits(lo)) })
            : `${c === 0 ? '0' : formatDecimal(lo, digits(lo))}–${formatDecimal(hi, digits(hi))}`;
        return { text, color: cssColor(choroplethColor(hi ?? lo + 1, breaks)) };
      })
    : [{ text: t('council:noValues'), color: cssColor(CHOROPLETH_RAMP[0]!) }];
  return {
    title,
    classes: [...classes, { text: t('council:legendWithheld'), color: cssColor(NO_VALUE_COLOR) }],
  };
}
