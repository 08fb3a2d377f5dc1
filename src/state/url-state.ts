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
 * - `dataset=demo|user|user2|user3|user4` — which loaded dataset (default `demo`).
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
 * - `publish=on`, `k=5|10|11` — publish mode and its small-count threshold (default off, k 11).
 * - `lang=es` — language of the interface (default English, never written).
 * - `archive=<url>` — the archive the user dataset was opened from (plain http(s) only; see `./url/archive.ts`).
 * - `site=<lon>,<lat>[,<name>]` — a candidate site placed for the planner, repeated in placing order (see
 *   `./url/sites.ts`).
 *
 * Each group of parameters is a section in `./url/` (camera, filters, display, areas, scope) with its own
 * encoder and decoder; this module runs them in order and owns only the parsing of the query string.
 *
 * Long links: servers and proxies refuse long request lines (nginx answers 414 past 8 KB by default), and a
 * link with many areas, attribute values or a detailed polygon can pass that. A link is therefore written by
 * {@link encodeUrlLink}: when its query would pass {@link QUERY_BUDGET} characters, the parameters of the
 * bulky sections (`attr.*`, `area`, `polygon`) go in the fragment (`#…`), which a browser never sends to a
 * server. The fragment has the same `key=value&…` form, and {@link decodeUrlState} reads both places, so
 * older links with everything in the query keep working.
 */

import { archiveSection } from './url/archive';
import { areaSection } from './url/areas';
import { cameraSection } from './url/camera';
import { hotspotSection, layerSection } from './url/display';
import { attributeSection, filterSection } from './url/filters';
import { languageSection } from './url/language';
import { publishSection } from './url/publish';
import { datasetSection, programSection } from './url/scope';
import { quoteForNotice, type UrlDecodeInput, type UrlSection } from './url/section';
import { siteSection } from './url/sites';
import { defaultUrlViewState, type UrlViewState } from './url/types';

export { coordinatePrecision } from './url/camera';
export type { UrlDecodeInput, UrlSection } from './url/section';
export {
  createThrottledUrlWriter,
  type ThrottledUrlWriter,
  type ThrottleTimers,
} from './url/throttled-writer';
export * from './url/types';

/** Result of {@link decodeUrlState}: the state and one notice per rejected or ignored parameter. */
export interface UrlStateDecodeResult {
  state: UrlViewState;
  notices: string[];
}

/**
 * The parts of the codec in the order their parameters are written. A new concern of the link is a
 * section module in `./url/` and one entry here.
 */
const SECTIONS: readonly UrlSection[] = [
  datasetSection,
  cameraSection,
  filterSection,
  layerSection,
  hotspotSection,
  attributeSection,
  areaSection,
  programSection,
  publishSection,
  languageSection,
  archiveSection,
  siteSection,
];

const SCALAR_KEYS = new Set(SECTIONS.flatMap((s) => s.scalarKeys));
const LIST_KEYS = new Set(SECTIONS.flatMap((s) => s.listKeys ?? []));
const PREFIXES = SECTIONS.flatMap((s) => s.prefixes ?? []);

/**
 * Brings a valid state to its canonical form: the form {@link decodeUrlState} returns. Rounds zoom (2
 * decimals), coordinates (see `coordinatePrecision`), bearing/pitch (1 decimal) and polygon vertices (5
 * decimals); drops bearing/pitch of 0; sorts and de-duplicates sets; drops attribute columns with no
 * values. Throws RangeError/TypeError for a state no URL could express (e.g. zoom 30, hour 25).
 */
export function canonicalUrlState(state: UrlViewState): UrlViewState {
  return decodeUrlState(encodeUrlState(state)).state;
}

/** Longest query string {@link encodeUrlLink} writes before it moves the bulky parameters to the fragment. */
export const QUERY_BUDGET = 2000;

/** A link's two parts, each without its leading `?` or `#` (empty when there is nothing to write). */
export interface UrlLinkParts {
  query: string;
  fragment: string;
}

/**
 * Encodes the view state for the address bar: everything in the query while it fits in
 * {@link QUERY_BUDGET} characters, else the bulky sections (attribute values, areas, drawn polygon) in the
 * fragment and the rest in the query. The same state always gives the same parts. Throws like
 * {@link encodeUrlState}.
 */
export function encodeUrlLink(state: UrlViewState): UrlLinkParts {
  const whole = encodeUrlState(state);
  if (whole.length <= QUERY_BUDGET) return { query: whole, fragment: '' };
  const query = new URLSearchParams();
  const fragment = new URLSearchParams();
  for (const section of SECTIONS) section.encode(state, section.bulky ? fragment : query);
  return { query: query.toString(), fragment: fragment.toString() };
}

/** The path-relative form of a link: `?query#fragment`, either part left out when empty. */
export function linkSuffix(parts: UrlLinkParts): string {
  return `${parts.query ? `?${parts.query}` : ''}${parts.fragment ? `#${parts.fragment}` : ''}`;
}

/**
 * Encodes the view state as a query string without the leading '?' (empty string for the default state).
 * Defaults are omitted and parameters always come in the same order (see the module header). Throws
 * RangeError/TypeError for a state that is not valid, since that is a programming error in the caller.
 */
export function encodeUrlState(state: UrlViewState): string {
  const params = new URLSearchParams();
  for (const section of SECTIONS) section.encode(state, params);
  return params.toString();
}

/**
 * Decodes a query string (with or without the leading '?') and, optionally, a fragment of the same form
 * (with or without the leading '#') into a view state: the fragment's parameters count as if they followed
 * the query's. Every malformed or out-of-range value is rejected: its field keeps the default and a notice
 * such as "Ignored zoom=99: zoom must be between 0 and 22" is returned. Unknown parameters are ignored with
 * a notice; a parameter given in both places is a repeat (the query's is used). Never throws.
 */
export function decodeUrlState(search: string, fragment = ''): UrlStateDecodeResult {
  const params = [
    ...new URLSearchParams(search),
    ...new URLSearchParams(fragment.startsWith('#') ? fragment.slice(1) : fragment),
  ];
  const state = defaultUrlViewState();
  const notices: string[] = [];
  const single = new Map<string, string>();
  const lists = new Map<string, string[]>();
  const prefixed = new Map<string, Map<string, string[]>>();
  for (const [key, value] of params) {
    const prefix = PREFIXES.find((p) => key.startsWith(p));
    if (prefix !== undefined) {
      const byRest = prefixed.get(prefix) ?? new Map<string, string[]>();
      prefixed.set(prefix, byRest);
      const rest = key.slice(prefix.length);
      byRest.set(rest, [...(byRest.get(rest) ?? []), value]);
    } else if (LIST_KEYS.has(key)) {
      lists.set(key, [...(lists.get(key) ?? []), value]);
    } else if (!SCALAR_KEYS.has(key)) {
      notices.push(`Ignored unknown parameter ${quoteForNotice(key)}`);
    } else if (single.has(key)) {
      notices.push(`Ignored a repeated ${key} parameter: the first one was used`);
    } else {
      single.set(key, value);
    }
  }
  const input: UrlDecodeInput = {
    single,
    lists,
    prefixed,
    reject: (key, value, why) =>
      notices.push(`Ignored ${quoteForNotice(key)}=${quoteForNotice(value)}: ${why}`),
    notice: (text) => notices.push(text),
  };
  for (const section of SECTIONS) section.decode(input, state);
  return { state, notices };
}
