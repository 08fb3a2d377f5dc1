/** Deck.gl layers of the deployment planner: suggested sites, uncovered incidents, outside hot spots, hot now. */
import { PolygonLayer, ScatterplotLayer, SolidPolygonLayer } from '@deck.gl/layers';
import { cellPolygon } from './h3-polygons';

/** A suggested site as the map draws it. */
export interface SiteMark {
  rank: number;
  lon: number;
  lat: number;
  radiusMetres: number;
  kept: boolean;
}

/** Coverage circles of the suggested sites (radius in metres), numbered by rank in the tooltip. */
export function suggestedSitesLayer(sites: readonly SiteMark[]) {
  return new ScatterplotLayer<SiteMark>({
    id: 'planner-sites',
    data: sites,
    getPosition: (s) => [s.lon, s.lat],
    getRadius: (s) => s.radiusMetres,
    radiusUnits: 'meters',
    getFillColor: (s) => (s.kept ? [35, 139, 69, 70] : [49, 54, 149, 60]),
    getLineColor: (s) => (s.kept ? [0, 109, 44, 255] : [49, 54, 149, 255]),
    lineWidthUnits: 'pixels',
    getLineWidth: 3,
    stroked: true,
    filled: true,
    pickable: true,
    updateTriggers: {
      getFillColor: sites.map((s) => s.kept).join(),
      getLineColor: sites.map((s) => s.kept).join(),
    },
  });
}

/** Candidate sites the user placed: small orange markers with a white ring, above the coverage circles. */
export function placedSitesLayer(sites: readonly { lon: number; lat: number; name: string }[]) {
  return new ScatterplotLayer<{ lon: number; lat: number; name: string }>({
    id: 'planner-placed',
    data: sites,
    getPosition: (s) => [s.lon, s.lat],
    getRadius: 7,
    radiusUnits: 'pixels',
    getFillColor: [230, 97, 1, 255],
    getLineColor: [255, 255, 255, 255],
    lineWidthUnits: 'pixels',
    getLineWidth: 2,
    stroked: true,
    filled: true,
    pickable: true,
  });
}

/** Incidents outside every catchment. */
export function uncoveredIncidentsLayer(points: { lon: Float64Array; lat: Float64Array }) {
  const positions = new Float64Array(points.lon.length * 2);
  for (let i = 0; i < points.lon.length; i++) {
    positions[2 * i] = points.lon[i]!;
    positions[2 * i + 1] = points.lat[i]!;
  }
  return new ScatterplotLayer({
    id: 'planner-uncovered',
    data: { length: points.lon.length, attributes: { getPosition: { value: positions, size: 2 } } },
    getFillColor: [84, 39, 143, 170],
    getRadius: 2.5,
    radiusUnits: 'pixels',
    stroked: false,
  });
}

/** Persistent or intensifying hot spot cells outside every catchment, outlined. */
export function outsideHotSpotsLayer(cells: readonly { cell: string; label: string }[]) {
  return new PolygonLayer<{ cell: string; label: string }>({
    id: 'planner-outside-hotspots',
    data: cells,
    getPolygon: (c) => cellPolygon(c.cell),
    filled: true,
    getFillColor: [215, 48, 39, 60],
    stroked: true,
    getLineColor: [165, 0, 38, 255],
    lineWidthUnits: 'pixels',
    getLineWidth: 2,
    pickable: true,
  });
}

/** Hot-now boost per cell (expected extra incidents next week), shaded by its share of the largest. */
export function hotNowLayer(hot: { cells: string[]; boost: number[] }) {
  const max = Math.max(...hot.boost, 1e-12);
  const data = hot.cells.map((cell, i) => ({ cell, boost: hot.boost[i]! }));
  return new SolidPolygonLayer<{ cell: string; boost: number }>({
    id: 'planner-hot-now',
    data,
    getPolygon: (d) => cellPolygon(d.cell),
    getFillColor: (d) => [254, 153, 41, Math.round(40 + 180 * (d.boost / max))],
    pickable: true,
  });
}
