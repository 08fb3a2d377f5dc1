/**
 * New York State Plane Long Island (NAD83, US survey feet; EPSG:2263) to WGS84 longitude/latitude, with
 * proj4. NYPD publishes these coordinates (`X_COORD_CD`, `Y_COORD_CD`) for every shooting, including the
 * rows whose latitude/longitude are blank.
 */
import proj4 from 'proj4';

/** The EPSG:2263 definition (Lambert conformal conic, two standard parallels, GRS80, US survey feet). */
export const EPSG_2263 =
  '+proj=lcc +lat_0=40.1666666666667 +lon_0=-74 +lat_1=41.0333333333333 +lat_2=40.6666666666667 +x_0=300000 +y_0=0 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=us-ft +no_defs +type=crs';

const converter = proj4(EPSG_2263, 'EPSG:4326');

/** Projects state-plane feet to `[lon, lat]` in degrees, in place into the output arrays. */
export function stateplaneToLonLat(
  x: Float64Array,
  y: Float64Array,
  out: { lon: Float64Array; lat: Float64Array },
): void {
  if (x.length !== y.length || out.lon.length !== x.length || out.lat.length !== x.length) {
    throw new RangeError('stateplaneToLonLat: x, y and the outputs must have the same length');
  }
  for (let i = 0; i < x.length; i++) {
    const [lon, lat] = converter.forward([x[i]!, y[i]!]);
    out.lon[i] = lon!;
    out.lat[i] = lat!;
  }
}
