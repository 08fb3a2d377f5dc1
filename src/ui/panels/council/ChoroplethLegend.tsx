/** The choropleth's classed legend: fixed breaks (they do not move with the brush) and the pattern key. */
import { useTranslation } from 'react-i18next';
import { formatDecimal } from '../../../analysis/privacy/count-format';
import { CHOROPLETH_RAMP, choroplethColor, NO_VALUE_COLOR } from '../../../map/layers/choropleth-layer';
import { cssColor } from '../../../map/layers/color-ramps';
import type { Council } from './use-council';

export function ChoroplethLegend({ council, unit }: { council: Council; unit: string }) {
  const { t } = useTranslation('council');
  const { breaks } = council;
  const title =
    council.measure === 'count'
      ? t('legendCount', { unit: t(`common:${unit}`) })
      : t(council.measure === 'rate' ? 'legendRate' : 'legendSmoothed');
  const digits = (v: number) => (v >= 10 ? 0 : 1);
  const classes = [0, ...breaks].map((lo, c) => {
    const hi = breaks[c];
    const text =
      hi === undefined
        ? t('moreThan', { value: formatDecimal(lo, digits(lo)) })
        : `${c === 0 ? '0' : formatDecimal(lo, digits(lo))}–${formatDecimal(hi, digits(hi))}`;
    return { text, color: choroplethColor(hi ?? lo + 1, breaks) };
  });
  return (
    <div className="map-legend choropleth-legend" data-testid="choropleth-legend">
      <div className="legend-title">{title}</div>
      <ul>
        {(breaks.length ? classes : [{ text: t('noValues'), color: CHOROPLETH_RAMP[0]! }]).map((c) => (
          <li key={c.text}>
            <span className="swatch" style={{ background: cssColor(c.color) }} /> {c.text}
          </li>
        ))}
        <li>
          <span className="swatch" style={{ background: cssColor(NO_VALUE_COLOR) }} /> {t('legendWithheld')}
        </li>
        <li>
          <span className="swatch dotted" /> {t('legendDots')}
        </li>
      </ul>
    </div>
  );
}
