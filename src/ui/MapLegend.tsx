/** Legends of the incident layers; their scales are fixed for the dataset, so they do not move while brushing. */
import { formatCount, formatDecimal } from '../analysis/privacy/count-format';
import { COUNT_RAMP, cssColor } from '../map/layers/color-ramps';
import { type DashboardData, MAP_POINT_LIMIT, POINTS_MIN_ZOOM } from './use-dashboard';

function Ramp({ title, max, unit }: { title: string; max: number; unit: string }) {
  const gradient = `linear-gradient(to right, ${COUNT_RAMP.map((c) => cssColor(c)).join(', ')})`;
  return (
    <div className="legend-item">
      <div className="legend-title">{title}</div>
      <div className="legend-ramp" style={{ background: gradient }} />
      <div className="legend-scale">
        <span>0</span>
        <span>
          {formatDecimal(max, max >= 10 ? 0 : 1)} {unit}
        </span>
      </div>
    </div>
  );
}

export function MapLegend({
  data,
  unit,
  pointsWaitingForZoom,
}: {
  data: DashboardData;
  unit: 'incidents' | 'victims';
  pointsWaitingForZoom: boolean;
}) {
  if (!data.hexagons && !data.heat && !data.points && !pointsWaitingForZoom && !data.pointsTruncated)
    return null;
  return (
    <div className="map-legend" data-testid="map-legend">
      {data.hexagons && (
        <Ramp
          title={`Hexagons: ${unit} per year (square-root scale)`}
          max={data.hexagons.perYearMax}
          unit="/yr"
        />
      )}
      {data.heat && (
        <Ramp title={`Density: ${unit} per km² per year`} max={data.heat.domainMax} unit="/km²/yr" />
      )}
      {data.pointsTruncated && (
        <div className="legend-item muted">
          Points and density use the first {formatCount(MAP_POINT_LIMIT)} incidents of the selection (by row),
          not all of them.
        </div>
      )}
      {pointsWaitingForZoom && (
        <div className="legend-item muted">Incident points show from zoom {POINTS_MIN_ZOOM}: zoom in.</div>
      )}
      {data.points && (
        <div className="legend-item">
          <span className="dot fatal" /> fatal <span className="dot" /> non-fatal incident
        </div>
      )}
    </div>
  );
}
