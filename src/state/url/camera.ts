/** The map camera in a link: `zoom`, `lat`, `lon` (together), `bearing`, `pitch`. */
import { formatDecimal, roundTo, type UrlSection } from './section';
import type { UrlMapView } from './types';

const MIN_ZOOM = 0;
const MAX_ZOOM = 22;
const MAX_PITCH = 85;
const DECIMAL = /^-?\d{1,4}(\.\d{1,12})?$/;

/**
 * Decimals written for longitude/latitude at a zoom level, so that rounding never moves the map by a
 * visible amount.
 *
 * At zoom z a web map (512-px world at zoom 0, as maplibre draws it) shows 512·2^z/360 pixels per degree
 * of longitude. With d decimals one unit of the last decimal is 10^−d degrees; requiring it to span at most
 * half a pixel gives 10^d ≥ 2·512·2^z/360, i.e.
 *   d = ceil((z·ln 2 + ln(512/360/0.5)) / ln 10)   (never below 0),
 * the same rule as maplibre's URL hash. The rounding error is half a unit, so ≤ 0.25 px in longitude and
 * ≤ 0.25/cos(lat) px in latitude (Mercator stretch): below 1 px up to latitude 75°. Examples: z 0 → 1,
 * z 10 → 4, z 12 → 5, z 16 → 6, z 22 → 8.
 */
export function coordinatePrecision(zoom: number): number {
  if (!Number.isFinite(zoom)) throw new RangeError(`zoom must be a finite number, got ${zoom}`);
  return Math.max(0, Math.ceil((zoom * Math.LN2 + Math.log(512 / 360 / 0.5)) / Math.LN10));
}

/** Zoom with 2 decimals, coordinates with {@link coordinatePrecision}, bearing and pitch with 1. */
export const cameraSection: UrlSection = {
  scalarKeys: ['zoom', 'lat', 'lon', 'bearing', 'pitch'],
  encode(state, params) {
    if (state.view !== null) encodeView(state.view, params);
  },
  decode(input, state) {
    state.view = decodeView(input);
  },
};

function encodeView(view: UrlMapView, params: URLSearchParams): void {
  const { lon, lat, zoom } = view;
  if (!(Number.isFinite(zoom) && zoom >= MIN_ZOOM && zoom <= MAX_ZOOM)) {
    throw new RangeError(`zoom must be between ${MIN_ZOOM} and ${MAX_ZOOM}, got ${zoom}`);
  }
  if (!(Number.isFinite(lat) && lat >= -90 && lat <= 90)) {
    throw new RangeError(`lat must be between -90 and 90, got ${lat}`);
  }
  if (!(Number.isFinite(lon) && lon >= -180 && lon <= 180)) {
    throw new RangeError(`lon must be between -180 and 180, got ${lon}`);
  }
  const z = roundTo(zoom, 2);
  const digits = coordinatePrecision(z);
  params.set('zoom', formatDecimal(z, 2));
  params.set('lat', formatDecimal(lat, digits));
  params.set('lon', formatDecimal(lon, digits));
  if (view.bearing !== undefined) {
    const b = view.bearing;
    if (!(Number.isFinite(b) && b >= -180 && b <= 180)) {
      throw new RangeError(`bearing must be between -180 and 180, got ${b}`);
    }
    if (roundTo(b, 1) !== 0) params.set('bearing', formatDecimal(b, 1));
  }
  if (view.pitch !== undefined) {
    const p = view.pitch;
    if (!(Number.isFinite(p) && p >= 0 && p <= MAX_PITCH)) {
      throw new RangeError(`pitch must be between 0 and ${MAX_PITCH}, got ${p}`);
    }
    if (roundTo(p, 1) !== 0) params.set('pitch', formatDecimal(p, 1));
  }
}

function decodeView({ single, reject, notice }: Parameters<UrlSection['decode']>[0]): UrlMapView | null {
  const number = (key: string, min: number, max: number): number | undefined | null => {
    const text = single.get(key);
    if (text === undefined) return undefined;
    const value = DECIMAL.test(text) ? Number(text) : Number.NaN;
    if (Number.isNaN(value)) {
      reject(key, text, `${key} must be a plain decimal number`);
      return null;
    }
    if (value < min || value > max) {
      reject(key, text, `${key} must be between ${min} and ${max}`);
      return null;
    }
    return value;
  };
  const zoom = number('zoom', MIN_ZOOM, MAX_ZOOM);
  const lat = number('lat', -90, 90);
  const lon = number('lon', -180, 180);
  const bearing = number('bearing', -180, 180);
  const pitch = number('pitch', 0, MAX_PITCH);
  const given = [zoom, lat, lon].filter((v) => v !== undefined).length;
  if (given === 0) {
    if (bearing !== undefined || pitch !== undefined) {
      notice('Ignored bearing/pitch: they need zoom, lat and lon');
    }
    return null;
  }
  if (typeof zoom !== 'number' || typeof lat !== 'number' || typeof lon !== 'number') {
    notice('Ignored the map view: zoom, lat and lon must all be present and valid; the map fits the data');
    return null;
  }
  const z = roundTo(zoom, 2);
  const digits = coordinatePrecision(z);
  const view: UrlMapView = { lon: roundTo(lon, digits), lat: roundTo(lat, digits), zoom: z };
  if (typeof bearing === 'number' && roundTo(bearing, 1) !== 0) view.bearing = roundTo(bearing, 1);
  if (typeof pitch === 'number' && roundTo(pitch, 1) !== 0) view.pitch = roundTo(pitch, 1);
  return view;
}
