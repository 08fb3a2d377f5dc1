/** The choropleth's classed legend: fixed breaks (they do not move with the brush) and the pattern key. */
import { useTranslation } from 'react-i18next';
import { choroplethClasses } from './choropleth-classes';
import type { Council } from './use-council';

export function ChoroplethLegend({ council, unit }: { council: Council; unit: string }) {
  const { t, i18n } = useTranslation('council');
  // The language is read so the legend is rebuilt when it changes.
  const { title, classes } = choroplethClasses(council, unit, i18n.language);
  return (
    <div className="map-legend choropleth-legend" data-testid="choropleth-legend">
      <div className="legend-title">{title}</div>
      <ul>
        {classes.map((c) => (
          <li key={c.text}>
            <span className="swatch" style={{ background: c.color }} /> {c.text}
          </li>
        ))}
        <li>
          <span className="swatch dotted" /> {t('legendDots')}
        </li>
      </ul>
    </div>
  );
}
