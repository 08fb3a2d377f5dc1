/** The choropleth's classed legend: fixed breaks (they do not move with the brush) and the pattern key. */
import { choroplethClasses } from './choropleth-classes';
import type { Council } from './use-council';

export function ChoroplethLegend({ council, unit }: { council: Council; unit: string }) {
  const { title, classes } = choroplethClasses(council, unit);
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
          <span className="swatch dotted" /> dots: unreliable (fewer than 12 events) or withheld
        </li>
      </ul>
    </div>
  );
}
