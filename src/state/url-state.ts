/**
 * The shareable view state of the app as a URL query string: a pure, validating codec.
 *
 * A link must reproduce what the sender saw (map view, filters, layers, selected areas, program) without
 * ever carrying the data itself. Decoding is strict: a malformed or out-of-range value is REJECTED, the
 * field falls back to its default, and a human-readable notice says which parameter was wrong and why, so
 * the app can show it instead of silently drawing something else. Encoding omits defaults and writes the
 * parameters in a fixed order, so the same state always gives the same string.
 *
 * Parameters (all optional; order as written by {@link encodeUrlState}):
 * - `dataset=demo|user` — which loaded dataset (default `demo`).
 * - `zoom`, `lat`, `lon` (together), `bearing`, `pitch` — the map view (default: none, fit the data).
 *   Zoom 0–22 with 2 decimals, bearing −180..180 and pitch 0–85 with 1 decimal. Coordinates are written
 *   with {@link coordinatePrecision}(zoom) decimals (see there for the rule).
 * - `time=YYYY-MM..YYYY-MM` — brushed month range, inclusive (default: no brush).
 * - `hours=20-23,0-3` — selected hours of day 0–23 as ranges (default: all 24; `none` = empty set).
 * - `weekdays=1-5` — selected ISO weekdays, Monday = 1 … Sunday = 7 (default: all 7; `none` = empty).
 * - `fatal=fatal|nonfatal` (default `all`), `unit=victims` (default `incidents`).
 * - `layers=hexagons,hotspots` — visible layers in {@link LAYER_IDS} order (default
 *   {@link DEFAULT_LAYERS}; `none` = no layer), `h3=6..11` (default `auto`), `bandwidth=50..5000` KDE
 *   bandwidth in whole metres (default {@link DEFAULT_KDE_BANDWIDTH_M}).
 * - `hotspot.res=7..10` (default 9), `hotspot.k=1..3` (default 1), `hotspot.fdr=off` (default on),
 *   `hotspot.slice=quarter|month` (default `year`) — the Gi* and emerging hot spot settings.
 * - `attr.<column>=<value>` — repeated once per selected value of a categorical column (default: no
 *   filter). Keys and values are escaped by URLSearchParams, so any text (including `&`, `=`, `<script>`,
 *   non-Latin scripts) survives as data.
 * - `area=<id>` — repeated once per selected boundary feature id.
 * - `polygon=<code>` — a drawn polygon: ring vertices rounded to 5 decimals (≈ 1.1 m), delta-encoded,
 *   zig-zag varints in the URL-safe alphabet `A–Z a–z 0–9 - _` (about 4–8 characters per vertex).
 * - `program=<id>` — selected program (default none).
 */

/** Which loaded dataset the view refers to (never the data itself). */
export type UrlDataset = 'demo' | 'user';

/** Map camera. Longitude/latitude in degrees (WGS84), zoom in web-map zoom levels. */
export interface UrlMapView {
  lon: number;
  lat: number;
  zoom: number;
  /** Degrees clockwise from north, −180..180; absent means 0. */
  bearing?: number;
  /** Degrees from vertical, 0–85; absent means 0. */
  pitch?: number;
}

/** Inclusive month range, each as 'YYYY-MM'. */
export interface UrlTimeBrush {
  from: string;
  to: string;
}

/** Layer ids the URL knows about, in their canonical order. */
export const LAYER_IDS = [
  'points',
  'hexagons',
  'heat',
  'boundaries',
  'hotspots',
  'emerging',
  'catchments',
] as const;

/** A known map layer id. */
export type UrlLayerId = (typeof LAYER_IDS)[number];

/** Fatality filter. */
export type UrlFatalFilter = 'all' | 'fatal' | 'nonfatal';

/** Counting unit: distinct incidents or victims (rows). */
export type UrlCountUnit = 'incidents' | 'victims';

/** Selected areas: boundary feature ids and an optional drawn polygon. */
export interface UrlAreas {
  /** Selected boundary feature ids (canonical: sorted, unique). */
  ids: string[];
  /**
   * Drawn polygon as a closed ring of [lon, lat] (first position repeated last), at most
   * {@link MAX_POLYGON_VERTICES} distinct vertices, coordinates rounded to 5 decimals; or null.
   */
  polygon: [number, number][] | null;
}

/** H3 resolutions offered for the hotspot grid. */
export const HOTSPOT_RESOLUTIONS = [7, 8, 9, 10] as const;
/** Neighbourhood ring sizes offered for Gi*. */
export const HOTSPOT_RING_SIZES = [1, 2, 3] as const;
/** Time slices offered for emerging hot spots. */
export const HOTSPOT_SLICES = ['year', 'quarter', 'month'] as const;

/** The Gi* and emerging hot spot settings. */
export interface UrlHotspotSettings {
  /** H3 resolution of the hotspot grid, one of {@link HOTSPOT_RESOLUTIONS}. */
  resolution: number;
  /** Gi* neighbourhood: cells within k rings, one of {@link HOTSPOT_RING_SIZES}. */
  k: number;
  /** Benjamini-Hochberg false discovery rate correction on (the default) or off. */
  fdr: boolean;
  /** Time slice of the emerging hot spot analysis. */
  slice: (typeof HOTSPOT_SLICES)[number];
}

/** Everything a shared link carries. */
export interface UrlViewState {
  dataset: UrlDataset;
  /** Map camera, or null to fit the loaded data. */
  view: UrlMapView | null;
  time: UrlTimeBrush | null;
  /** Selected hours of day 0–23 (canonical: ascending, unique). All 24 = no filter. */
  hours: number[];
  /** Selected ISO weekdays 1–7, Monday = 1 (canonical: ascending, unique). All 7 = no filter. */
  weekdays: number[];
  fatal: UrlFatalFilter;
  /** Categorical column → selected values (canonical: columns and values sorted, unique, non-empty). */
  attrs: Record<string, string[]>;
  unit: UrlCountUnit;
  /** Visible layers (canonical: in {@link LAYER_IDS} order, unique). */
  layers: UrlLayerId[];
  /** H3 resolution 6–11, or 'auto' to follow the zoom. */
  h3Res: number | 'auto';
  /** KDE bandwidth in whole metres, 50–5000. */
  kdeBandwidthM: number;
  hotspot: UrlHotspotSettings;
  areas: UrlAreas;
  /** Selected program id, or null. */
  program: string | null;
}

/** Result of {@link decodeUrlState}: the state and one notice per rejected or ignored parameter. */
export interface UrlStateDecodeResult {
  state: UrlViewState;
  notices: string[];
}

/** Layers shown when the URL does not say. */
export const DEFAULT_LAYERS: readonly UrlLayerId[] = ['hexagons', 'boundaries'];
/** KDE bandwidth in metres when the URL does not say. */
export const DEFAULT_KDE_BANDWIDTH_M = 400;
/** Hotspot settings when the URL does not say. */
export const DEFAULT_HOTSPOT_SETTINGS: Readonly<UrlHotspotSettings> = {
  resolution: 9,
  k: 1,
  fdr: true,
  slice: 'year',
};
/** Largest number of distinct vertices a drawn polygon may have in a URL. */
export const MAX_POLYGON_VERTICES = 200;
/** Largest number of attribute columns, values per column, and area ids a URL may carry. */
export const MAX_URL_LIST_LENGTH = 200;
/** Longest attribute column name, value, area id or program id (characters). */
export const MAX_URL_TEXT_LENGTH = 200;

const MIN_ZOOM = 0;
const MAX_ZOOM = 22;
const MAX_PITCH = 85;
const MIN_H3 = 6;
const MAX_H3 = 11;
const MIN_BANDWIDTH = 50;
const MAX_BANDWIDTH = 5000;
const POLYGON_SCALE = 1e5;

const ALL_HOURS = Array.from({ length: 24 }, (_, i) => i);
const ALL_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

/** A fresh copy of the default state (what an empty query string decodes to). */
export function defaultUrlViewState(): UrlViewState {
  return {
    dataset: 'demo',
    view: null,
    time: null,
    hours: [...ALL_HOURS],
    weekdays: [...ALL_WEEKDAYS],
    fatal: 'all',
    attrs: {},
    unit: 'incidents',
    layers: [...DEFAULT_LAYERS],
    h3Res: 'auto',
    kdeBandwidthM: DEFAULT_KDE_BANDWIDTH_M,
    hotspot: { ...DEFAULT_HOTSPOT_SETTINGS },
    areas: { ids: [], polygon: null },
    program: null,
  };
}

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

/**
 * Brings a valid state to its canonical form: the form {@link decodeUrlState} returns. Rounds zoom (2
 * decimals), coordinates ({@link coordinatePrecision}), bearing/pitch (1 decimal) and polygon vertices (5
 * decimals); drops bearing/pitch of 0; sorts and de-duplicates sets; drops attribute columns with no
 * values. Throws RangeError/TypeError for a state no URL could express (e.g. zoom 30, hour 25).
 */
export function canonicalUrlState(state: UrlViewState): UrlViewState {
  return decodeUrlState(encodeUrlState(state)).state;
}

/**
 * Encodes the view state as a query string without the leading '?' (empty string for the default state).
 * Defaults are omitted and parameters always come in the same order (see the module header). Throws
 * RangeError/TypeError for a state that is not valid, since that is a programming error in the caller.
 */
export function encodeUrlState(state: UrlViewState): string {
  const params = new URLSearchParams();
  if (state.dataset !== 'demo') {
    if (state.dataset !== 'user')
      throw new TypeError(`dataset must be 'demo' or 'user', got ${state.dataset}`);
    params.set('dataset', state.dataset);
  }
  if (state.view !== null) encodeView(state.view, params);
  if (state.time !== null) {
    const problem = timeProblem(state.time.from, state.time.to);
    if (problem) throw new RangeError(problem);
    params.set('time', `${state.time.from}..${state.time.to}`);
  }
  const hours = checkedSet(state.hours, 0, 23, 'hours');
  if (hours.length !== 24)
    params.set('hours', hours.length === 0 ? 'none' : formatCyclicRanges(hours, 0, 23));
  const weekdays = checkedSet(state.weekdays, 1, 7, 'weekdays');
  if (weekdays.length !== 7) {
    params.set('weekdays', weekdays.length === 0 ? 'none' : formatCyclicRanges(weekdays, 1, 7));
  }
  if (state.fatal !== 'all') {
    if (state.fatal !== 'fatal' && state.fatal !== 'nonfatal') {
      throw new TypeError(`fatal must be 'all', 'fatal' or 'nonfatal', got ${state.fatal}`);
    }
    params.set('fatal', state.fatal);
  }
  if (state.unit !== 'incidents') {
    if (state.unit !== 'victims')
      throw new TypeError(`unit must be 'incidents' or 'victims', got ${state.unit}`);
    params.set('unit', state.unit);
  }
  const layers = canonicalLayers(state.layers);
  if (!sameList(layers, DEFAULT_LAYERS))
    params.set('layers', layers.length === 0 ? 'none' : layers.join(','));
  if (state.h3Res !== 'auto') {
    if (!Number.isInteger(state.h3Res) || state.h3Res < MIN_H3 || state.h3Res > MAX_H3) {
      throw new RangeError(
        `h3Res must be 'auto' or an integer from ${MIN_H3} to ${MAX_H3}, got ${state.h3Res}`,
      );
    }
    params.set('h3', String(state.h3Res));
  }
  if (state.kdeBandwidthM !== DEFAULT_KDE_BANDWIDTH_M) {
    const bw = state.kdeBandwidthM;
    if (!Number.isInteger(bw) || bw < MIN_BANDWIDTH || bw > MAX_BANDWIDTH) {
      throw new RangeError(
        `kdeBandwidthM must be a whole number of metres from ${MIN_BANDWIDTH} to ${MAX_BANDWIDTH}, got ${bw}`,
      );
    }
    params.set('bandwidth', String(bw));
  }
  encodeHotspotSettings(state.hotspot, params);
  const columns = Object.keys(state.attrs).sort();
  if (columns.length > MAX_URL_LIST_LENGTH) {
    throw new RangeError(`at most ${MAX_URL_LIST_LENGTH} attribute columns fit in a URL`);
  }
  for (const column of columns) {
    checkText(column, 'attribute column name');
    const values = uniqueSorted(state.attrs[column] ?? []);
    if (values.length > MAX_URL_LIST_LENGTH) {
      throw new RangeError(`at most ${MAX_URL_LIST_LENGTH} values per attribute fit in a URL`);
    }
    for (const value of values) {
      checkText(value, 'attribute value', true);
      params.append(`attr.${column}`, value);
    }
  }
  const ids = uniqueSorted(state.areas.ids);
  if (ids.length > MAX_URL_LIST_LENGTH)
    throw new RangeError(`at most ${MAX_URL_LIST_LENGTH} area ids fit in a URL`);
  for (const id of ids) {
    checkText(id, 'area id');
    params.append('area', id);
  }
  if (state.areas.polygon !== null) params.set('polygon', encodePolygon(state.areas.polygon));
  if (state.program !== null) {
    checkText(state.program, 'program id');
    params.set('program', state.program);
  }
  return params.toString();
}

/**
 * Decodes a query string (with or without the leading '?') into a view state. Every malformed or
 * out-of-range value is rejected: its field keeps the default and a notice such as
 * "Ignored zoom=99: zoom must be between 0 and 22" is returned. Unknown parameters are ignored with a
 * notice. Never throws.
 */
export function decodeUrlState(search: string): UrlStateDecodeResult {
  const params = new URLSearchParams(search);
  const state = defaultUrlViewState();
  const notices: string[] = [];
  const reject = (key: string, value: string, why: string) =>
    notices.push(`Ignored ${quoteForNotice(key)}=${quoteForNotice(value)}: ${why}`);

  const single = new Map<string, string>();
  const attrs = new Map<string, string[]>();
  const areaIds: string[] = [];
  for (const [key, value] of params) {
    if (key.startsWith('attr.')) {
      const list = attrs.get(key.slice(5)) ?? [];
      list.push(value);
      attrs.set(key.slice(5), list);
    } else if (key === 'area') {
      areaIds.push(value);
    } else if (!SCALAR_KEYS.has(key)) {
      notices.push(`Ignored unknown parameter ${quoteForNotice(key)}`);
    } else if (single.has(key)) {
      notices.push(`Ignored a repeated ${key} parameter: the first one was used`);
    } else {
      single.set(key, value);
    }
  }

  const dataset = single.get('dataset');
  if (dataset !== undefined) {
    if (dataset === 'demo' || dataset === 'user') state.dataset = dataset;
    else reject('dataset', dataset, "dataset must be 'demo' or 'user'");
  }

  state.view = decodeView(single, reject, notices);

  const time = single.get('time');
  if (time !== undefined) {
    const parts = time.split('..');
    const problem =
      parts.length !== 2
        ? 'time must look like 2023-01..2024-06'
        : timeProblem(parts[0] as string, parts[1] as string);
    if (problem) reject('time', time, problem);
    else state.time = { from: parts[0] as string, to: parts[1] as string };
  }

  const hours = single.get('hours');
  if (hours !== undefined) {
    const parsed = parseRanges(hours, 0, 23, 'hour');
    if (typeof parsed === 'string') reject('hours', hours, parsed);
    else state.hours = parsed;
  }
  const weekdays = single.get('weekdays');
  if (weekdays !== undefined) {
    const parsed = parseRanges(weekdays, 1, 7, 'weekday');
    if (typeof parsed === 'string') reject('weekdays', weekdays, parsed);
    else state.weekdays = parsed;
  }

  const fatal = single.get('fatal');
  if (fatal !== undefined) {
    if (fatal === 'all' || fatal === 'fatal' || fatal === 'nonfatal') state.fatal = fatal;
    else reject('fatal', fatal, "fatal must be 'all', 'fatal' or 'nonfatal'");
  }
  const unit = single.get('unit');
  if (unit !== undefined) {
    if (unit === 'incidents' || unit === 'victims') state.unit = unit;
    else reject('unit', unit, "unit must be 'incidents' or 'victims'");
  }

  const layers = single.get('layers');
  if (layers !== undefined) {
    if (layers === '' || layers === 'none') {
      state.layers = [];
    } else {
      const ids = layers.split(',');
      const unknown = ids.filter((id) => !(LAYER_IDS as readonly string[]).includes(id));
      if (unknown.length > 0) {
        reject(
          'layers',
          layers,
          `unknown layer ${unknown.map(quoteForNotice).join(', ')}; known: ${LAYER_IDS.join(', ')}`,
        );
      } else {
        state.layers = canonicalLayers(ids as UrlLayerId[]);
      }
    }
  }

  const h3 = single.get('h3');
  if (h3 !== undefined) {
    if (h3 === 'auto') state.h3Res = 'auto';
    else if (/^\d{1,2}$/.test(h3) && Number(h3) >= MIN_H3 && Number(h3) <= MAX_H3) state.h3Res = Number(h3);
    else reject('h3', h3, `h3 must be 'auto' or a whole number from ${MIN_H3} to ${MAX_H3}`);
  }
  const bandwidth = single.get('bandwidth');
  if (bandwidth !== undefined) {
    const bw = /^\d{1,5}$/.test(bandwidth) ? Number(bandwidth) : Number.NaN;
    if (bw >= MIN_BANDWIDTH && bw <= MAX_BANDWIDTH) state.kdeBandwidthM = bw;
    else {
      reject(
        'bandwidth',
        bandwidth,
        `bandwidth must be a whole number of metres from ${MIN_BANDWIDTH} to ${MAX_BANDWIDTH}`,
      );
    }
  }

  state.hotspot = decodeHotspotSettings(single, reject);

  if (attrs.size > MAX_URL_LIST_LENGTH) {
    notices.push(`Ignored all attr.* filters: at most ${MAX_URL_LIST_LENGTH} columns are allowed`);
  } else {
    for (const [column, values] of attrs) {
      const key = `attr.${column}`;
      const problem =
        textProblem(column, 'the column name') ??
        (values.length > MAX_URL_LIST_LENGTH
          ? `at most ${MAX_URL_LIST_LENGTH} values per column are allowed`
          : values.map((v) => textProblem(v, 'a value', true)).find((p) => p !== undefined));
      if (problem) reject(key, values.join(','), problem);
      else state.attrs[column] = uniqueSorted(values);
    }
  }

  if (areaIds.length > MAX_URL_LIST_LENGTH) {
    notices.push(`Ignored all area parameters: at most ${MAX_URL_LIST_LENGTH} areas are allowed`);
  } else {
    const good: string[] = [];
    for (const id of areaIds) {
      const problem = textProblem(id, 'an area id');
      if (problem) reject('area', id, problem);
      else good.push(id);
    }
    state.areas.ids = uniqueSorted(good);
  }

  const polygon = single.get('polygon');
  if (polygon !== undefined) {
    const ring = decodePolygon(polygon);
    if (typeof ring === 'string') reject('polygon', polygon, ring);
    else state.areas.polygon = ring;
  }

  const program = single.get('program');
  if (program !== undefined) {
    const problem = textProblem(program, 'a program id');
    if (problem) reject('program', program, problem);
    else state.program = program;
  }

  return { state, notices };
}

const SCALAR_KEYS = new Set([
  'dataset',
  'zoom',
  'lat',
  'lon',
  'bearing',
  'pitch',
  'time',
  'hours',
  'weekdays',
  'fatal',
  'unit',
  'layers',
  'h3',
  'bandwidth',
  'hotspot.res',
  'hotspot.k',
  'hotspot.fdr',
  'hotspot.slice',
  'polygon',
  'program',
]);

function encodeHotspotSettings(settings: UrlHotspotSettings, params: URLSearchParams): void {
  const { resolution, k, fdr, slice } = settings;
  if (!(HOTSPOT_RESOLUTIONS as readonly number[]).includes(resolution))
    throw new RangeError(
      `hotspot resolution must be one of ${HOTSPOT_RESOLUTIONS.join(', ')}, got ${resolution}`,
    );
  if (!(HOTSPOT_RING_SIZES as readonly number[]).includes(k))
    throw new RangeError(`hotspot k must be one of ${HOTSPOT_RING_SIZES.join(', ')}, got ${k}`);
  if (typeof fdr !== 'boolean') throw new TypeError(`hotspot fdr must be true or false, got ${fdr}`);
  if (!(HOTSPOT_SLICES as readonly string[]).includes(slice))
    throw new TypeError(`hotspot slice must be one of ${HOTSPOT_SLICES.join(', ')}, got ${slice}`);
  if (resolution !== DEFAULT_HOTSPOT_SETTINGS.resolution) params.set('hotspot.res', String(resolution));
  if (k !== DEFAULT_HOTSPOT_SETTINGS.k) params.set('hotspot.k', String(k));
  if (fdr !== DEFAULT_HOTSPOT_SETTINGS.fdr) params.set('hotspot.fdr', fdr ? 'on' : 'off');
  if (slice !== DEFAULT_HOTSPOT_SETTINGS.slice) params.set('hotspot.slice', slice);
}

function decodeHotspotSettings(
  single: Map<string, string>,
  reject: (key: string, value: string, why: string) => void,
): UrlHotspotSettings {
  const settings = { ...DEFAULT_HOTSPOT_SETTINGS };
  const choice = <T extends string | number>(key: string, options: readonly T[]): T | undefined => {
    const text = single.get(key);
    if (text === undefined) return undefined;
    const value = options.find((o) => String(o) === text);
    if (value === undefined) reject(key, text, `${key} must be one of ${options.join(', ')}`);
    return value;
  };
  settings.resolution = choice('hotspot.res', HOTSPOT_RESOLUTIONS) ?? settings.resolution;
  settings.k = choice('hotspot.k', HOTSPOT_RING_SIZES) ?? settings.k;
  const fdr = choice('hotspot.fdr', ['on', 'off'] as const);
  if (fdr !== undefined) settings.fdr = fdr === 'on';
  settings.slice = choice('hotspot.slice', HOTSPOT_SLICES) ?? settings.slice;
  return settings;
}

const DECIMAL = /^-?\d{1,4}(\.\d{1,12})?$/;

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

function decodeView(
  single: Map<string, string>,
  reject: (key: string, value: string, why: string) => void,
  notices: string[],
): UrlMapView | null {
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
      notices.push('Ignored bearing/pitch: they need zoom, lat and lon');
    }
    return null;
  }
  if (typeof zoom !== 'number' || typeof lat !== 'number' || typeof lon !== 'number') {
    notices.push(
      'Ignored the map view: zoom, lat and lon must all be present and valid; the map fits the data',
    );
    return null;
  }
  const z = roundTo(zoom, 2);
  const digits = coordinatePrecision(z);
  const view: UrlMapView = { lon: roundTo(lon, digits), lat: roundTo(lat, digits), zoom: z };
  if (typeof bearing === 'number' && roundTo(bearing, 1) !== 0) view.bearing = roundTo(bearing, 1);
  if (typeof pitch === 'number' && roundTo(pitch, 1) !== 0) view.pitch = roundTo(pitch, 1);
  return view;
}

function roundTo(value: number, digits: number): number {
  const rounded = Number(value.toFixed(digits));
  return rounded === 0 ? 0 : rounded;
}

/** Fixed decimals with trailing zeros removed ('-73.95', '12', never '-0'). */
function formatDecimal(value: number, digits: number): string {
  const fixed = roundTo(value, digits).toFixed(digits);
  return digits > 0 ? fixed.replace(/\.?0+$/, '') : fixed;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

function timeProblem(from: string, to: string): string | undefined {
  if (typeof from !== 'string' || !MONTH.test(from))
    return `the start month must be YYYY-MM with month 01-12`;
  if (typeof to !== 'string' || !MONTH.test(to)) return `the end month must be YYYY-MM with month 01-12`;
  if (from > to) return `the start month ${from} is after the end month ${to}`;
  return undefined;
}

function checkedSet(values: readonly number[], min: number, max: number, name: string): number[] {
  for (const v of values) {
    if (!Number.isInteger(v) || v < min || v > max) {
      throw new RangeError(`${name} must be whole numbers from ${min} to ${max}, got ${v}`);
    }
  }
  return [...new Set(values)].sort((a, b) => a - b);
}

/**
 * Writes a sorted set as comma-separated ranges. When the set wraps around the end of the cycle (contains
 * both min and max but not everything), the run that crosses the wrap is written first, so the evening
 * hours 20–23 and 0–3 read as '20-23,0-3'.
 */
function formatCyclicRanges(sorted: number[], min: number, max: number): string {
  const runs: [number, number][] = [];
  for (const v of sorted) {
    const last = runs[runs.length - 1];
    if (last && v === last[1] + 1) last[1] = v;
    else runs.push([v, v]);
  }
  const first = runs[0];
  const last = runs[runs.length - 1];
  if (runs.length > 1 && first && last && first[0] === min && last[1] === max) {
    runs.pop();
    runs.unshift(last);
  }
  return runs.map(([a, b]) => (a === b ? String(a) : `${a}-${b}`)).join(',');
}

function parseRanges(text: string, min: number, max: number, name: string): number[] | string {
  if (text === 'none') return [];
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const match = /^(\d{1,2})(?:-(\d{1,2}))?$/.exec(part);
    if (!match) return `each ${name} item must be a number or a range like ${min}-${min + 3}, got '${part}'`;
    const a = Number(match[1]);
    const b = match[2] === undefined ? a : Number(match[2]);
    if (a < min || a > max || b < min || b > max) return `${name}s must be between ${min} and ${max}`;
    if (a > b) return `${name} range ${a}-${b} runs backwards; write ${a}-${max},${min}-${b}`;
    for (let v = a; v <= b; v++) out.add(v);
  }
  return [...out].sort((x, y) => x - y);
}

function canonicalLayers(layers: readonly string[]): UrlLayerId[] {
  for (const id of layers) {
    if (!(LAYER_IDS as readonly string[]).includes(id)) throw new TypeError(`unknown layer id ${id}`);
  }
  return LAYER_IDS.filter((id) => layers.includes(id));
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function uniqueSorted(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}

function textProblem(text: string, what: string, allowEmpty = false): string | undefined {
  if (typeof text !== 'string') return `${what} must be text`;
  if (!allowEmpty && text.length === 0) return `${what} must not be empty`;
  if (text.length > MAX_URL_TEXT_LENGTH) return `${what} must be at most ${MAX_URL_TEXT_LENGTH} characters`;
  return undefined;
}

function checkText(text: string, what: string, allowEmpty = false): void {
  const problem = textProblem(text, what, allowEmpty);
  if (problem) throw new RangeError(problem);
}

/** Keeps notices short and single-line whatever a hostile URL contains. */
function quoteForNotice(text: string): string {
  let flat = '';
  for (const ch of text) flat += ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127 ? ' ' : ch;
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Rounds a ring to 5 decimals, drops repeated consecutive vertices and the closing one. */
function openRing(ring: readonly (readonly number[])[]): [number, number][] {
  if (!Array.isArray(ring)) throw new TypeError('polygon must be an array of [lon, lat] positions');
  const out: [number, number][] = [];
  for (const position of ring) {
    const lon = position[0];
    const lat = position[1];
    if (
      typeof lon !== 'number' ||
      typeof lat !== 'number' ||
      !(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)
    ) {
      throw new RangeError(`polygon vertex [${lon}, ${lat}] is not a valid longitude/latitude`);
    }
    const p: [number, number] = [roundTo(lon, 5), roundTo(lat, 5)];
    const prev = out[out.length - 1];
    if (!prev || prev[0] !== p[0] || prev[1] !== p[1]) out.push(p);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (out.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) out.pop();
  return out;
}

function encodePolygon(ring: readonly (readonly number[])[]): string {
  const open = openRing(ring);
  if (open.length < 3) throw new RangeError('polygon needs at least 3 distinct vertices');
  if (open.length > MAX_POLYGON_VERTICES) {
    throw new RangeError(
      `polygon has ${open.length} vertices; simplify it to at most ${MAX_POLYGON_VERTICES}`,
    );
  }
  let out = '';
  let prevX = 0;
  let prevY = 0;
  for (const [lon, lat] of open) {
    const x = Math.round(lon * POLYGON_SCALE);
    const y = Math.round(lat * POLYGON_SCALE);
    out += encodeVarint(x - prevX) + encodeVarint(y - prevY);
    prevX = x;
    prevY = y;
  }
  return out;
}

/** Zig-zag signed integer, then 5-bit groups low first; 32 marks "more groups follow". */
function encodeVarint(delta: number): string {
  let z = delta < 0 ? -2 * delta - 1 : 2 * delta;
  let out = '';
  while (z >= 32) {
    out += ALPHABET[32 + (z % 32)];
    z = Math.floor(z / 32);
  }
  return out + ALPHABET[z];
}

function decodePolygon(text: string): [number, number][] | string {
  const numbers: number[] = [];
  let value = 0;
  let factor = 1;
  let groups = 0;
  for (const ch of text) {
    const digit = ALPHABET.indexOf(ch);
    if (digit < 0) return `polygon contains the character '${ch}', which is not in its alphabet`;
    value += (digit % 32) * factor;
    factor *= 32;
    groups++;
    if (groups > 8) return 'polygon contains a number that is too long';
    if (digit < 32) {
      numbers.push(value % 2 === 1 ? -(value + 1) / 2 : value / 2);
      value = 0;
      factor = 1;
      groups = 0;
    }
  }
  if (groups !== 0) return 'polygon ends in the middle of a number';
  if (numbers.length % 2 !== 0) return 'polygon has a longitude without a latitude';
  const vertices = numbers.length / 2;
  if (vertices < 3) return 'polygon needs at least 3 distinct vertices';
  if (vertices > MAX_POLYGON_VERTICES) return `polygon may have at most ${MAX_POLYGON_VERTICES} vertices`;
  const ring: [number, number][] = [];
  let x = 0;
  let y = 0;
  for (let i = 0; i < numbers.length; i += 2) {
    x += numbers[i] as number;
    y += numbers[i + 1] as number;
    const lon = x / POLYGON_SCALE;
    const lat = y / POLYGON_SCALE;
    if (lon < -180 || lon > 180 || lat < -90 || lat > 90)
      return 'polygon has a vertex outside longitude/latitude range';
    ring.push([roundTo(lon, 5), roundTo(lat, 5)]);
  }
  let canonical: [number, number][];
  try {
    canonical = openRing(ring);
  } catch {
    return 'polygon is not a valid ring';
  }
  if (canonical.length !== ring.length) return 'polygon repeats a vertex consecutively or closes itself';
  const first = canonical[0] as [number, number];
  canonical.push([first[0], first[1]]);
  return canonical;
}

/** Timer functions the throttle uses; injected so tests can drive time by hand. */
export interface ThrottleTimers {
  setTimeout: (callback: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

/** A throttled writer: call {@link ThrottledUrlWriter.push} as often as you like. */
export interface ThrottledUrlWriter {
  /** Offers the latest URL; it is written now or at the end of the current window (latest wins). */
  push: (url: string) => void;
  /** Writes a pending URL immediately (e.g. before unload). */
  flush: () => void;
  /** Drops a pending URL and stops the timer. */
  cancel: () => void;
}

/**
 * Throttles URL writes (the app passes a function calling history.replaceState; browsers rate-limit that
 * call). The first push is written at once and opens a window of `ms` milliseconds (default 250); pushes
 * inside the window are coalesced and only the latest is written when it closes, which opens a new window.
 * A URL equal to the last one written is not written again.
 */
export function createThrottledUrlWriter(
  write: (url: string) => void,
  ms = 250,
  timers: ThrottleTimers = {
    setTimeout: (callback, delay) => globalThis.setTimeout(callback, delay),
    clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
  },
): ThrottledUrlWriter {
  if (!(Number.isFinite(ms) && ms >= 0)) throw new RangeError(`ms must be a non-negative number, got ${ms}`);
  let lastWritten: string | undefined;
  let pending: string | undefined;
  let handle: unknown;
  let windowOpen = false;

  const emit = (url: string) => {
    if (url !== lastWritten) {
      lastWritten = url;
      write(url);
    }
  };
  const openWindow = () => {
    windowOpen = true;
    handle = timers.setTimeout(() => {
      windowOpen = false;
      handle = undefined;
      if (pending !== undefined) {
        const url = pending;
        pending = undefined;
        emit(url);
        openWindow();
      }
    }, ms);
  };

  return {
    push(url) {
      if (windowOpen) {
        pending = url;
        return;
      }
      emit(url);
      openWindow();
    },
    flush() {
      if (pending === undefined) return;
      const url = pending;
      pending = undefined;
      emit(url);
    },
    cancel() {
      pending = undefined;
      if (handle !== undefined) timers.clearTimeout(handle);
      handle = undefined;
      windowOpen = false;
    },
  };
}
