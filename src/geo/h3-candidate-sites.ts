/**
 * Candidate sites for covering-location planning: the centres of the H3 cells at a resolution whose centre
 * can lie within a radius of at least one demand point. For each point, the cells of the grid disk around
 * its cell wide enough to hold every centre within the radius are taken (ring size ⌈R / centre spacing⌉ + 1,
 * centre spacing = √3 × the average edge length); duplicates are removed and the cells sorted by H3 index,
 * so a candidate's position orders ties by the lowest H3 index.
 */
import { cellToLatLng, getHexagonEdgeLengthAvg, gridDisk, latLngToCell, UNITS } from 'h3-js';

/** Candidate cells and their centres (degrees), sorted by H3 index. */
export interface CandidateSites {
  cells: string[];
  lon: Float64Array;
  lat: Float64Array;
}

/**
 * The candidate cells around the demand points.
 *
 * @param lon - demand longitudes (degrees).
 * @param lat - demand latitudes (degrees).
 * @param resolution - H3 resolution, integer 5..11.
 * @param radiusMetres - coverage radius, > 0.
 */
export function h3CandidateSites(
  lon: Float64Array,
  lat: Float64Array,
  resolution: number,
  radiusMetres: number,
): CandidateSites {
  if (!Number.isInteger(resolution) || resolution < 5 || resolution > 11)
    throw new RangeError(`H3 resolution must be an integer from 5 to 11 (got ${resolution})`);
  if (!(radiusMetres > 0)) throw new RangeError(`radius must be > 0 m (got ${radiusMetres})`);
  const spacing = getHexagonEdgeLengthAvg(resolution, UNITS.m) * Math.sqrt(3);
  const ring = Math.ceil(radiusMetres / spacing) + 1;
  if (ring > 60)
    throw new RangeError(`radius ${radiusMetres} m is too large for H3 resolution ${resolution}`);
  const origins = new Set<string>();
  for (let i = 0; i < lon.length; i++) origins.add(latLngToCell(lat[i]!, lon[i]!, resolution));
  const all = new Set<string>();
  for (const o of origins) for (const c of gridDisk(o, ring)) all.add(c);
  const cells = [...all].sort();
  const outLon = new Float64Array(cells.length);
  const outLat = new Float64Array(cells.length);
  cells.forEach((c, j) => {
    const [y, x] = cellToLatLng(c);
    outLat[j] = y;
    outLon[j] = x;
  });
  return { cells, lon: outLon, lat: outLat };
}
