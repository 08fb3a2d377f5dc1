/**
 * The shape of the shareable view state: types, limits and defaults shared by every part of the URL codec
 * (see `../url-state.ts` for the parameters and their order).
 */

/**
 * Which loaded dataset the view refers to (never the data itself): the demo city or one of up to four files of
 * the user's, in the order they were loaded.
 */
export type UrlDataset = 'demo' | 'user' | 'user2' | 'user3' | 'user4';

/** Every dataset key, demo first. */
export const DATASET_KEYS: readonly UrlDataset[] = ['demo', 'user', 'user2', 'user3', 'user4'];

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

/** A candidate site the user placed for the deployment planner (a church, a community centre). */
export interface UrlPlacedSite {
  /** Degrees, rounded to 5 decimals. */
  lon: number;
  lat: number;
  /** The user's name for it; empty when unnamed. */
  name: string;
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
  /** Publish mode: counts 1..k−1 hidden, views drawn from the published tables only. */
  publish: UrlPublishMode;
  /** Language of the interface; omitted means English (the default). */
  lang?: UrlLanguage;
  /** The archive the user dataset was opened from (http(s), no query string or credentials), or null. */
  archive: string | null;
  /** Candidate sites placed for the deployment planner, in the order placed. */
  sites: UrlPlacedSite[];
}

/** Thresholds offered for publish mode. */
export const PUBLISH_THRESHOLDS = [5, 10, 11] as const;

/** Publish mode and its threshold k (counts 1..k−1 are hidden). */
export interface UrlPublishMode {
  on: boolean;
  k: (typeof PUBLISH_THRESHOLDS)[number];
}

/** Publish mode when neither the link nor this browser says otherwise. */
export const DEFAULT_PUBLISH_MODE: Readonly<UrlPublishMode> = { on: false, k: 11 };

/** Languages a link can ask for (English is the default and is never written). */
export const URL_LANGUAGES = ['en', 'es'] as const;
/** A language a link can ask for. */
export type UrlLanguage = (typeof URL_LANGUAGES)[number];

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
/**
 * Largest number of distinct vertices a drawn polygon may have in a URL (at 4–8 characters each, at most
 * about 8 KB, which a long link carries in its fragment).
 */
export const MAX_POLYGON_VERTICES = 1000;
/** Largest number of attribute columns, values per column, and area ids a URL may carry. */
export const MAX_URL_LIST_LENGTH = 200;
/** Longest attribute column name, value, area id or program id (characters). */
export const MAX_URL_TEXT_LENGTH = 200;

/** All 24 hours: the default (no hour filter). */
export const ALL_HOURS: readonly number[] = Array.from({ length: 24 }, (_, i) => i);
/** All 7 ISO weekdays: the default (no weekday filter). */
export const ALL_WEEKDAYS: readonly number[] = [1, 2, 3, 4, 5, 6, 7];

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
    publish: { ...DEFAULT_PUBLISH_MODE },
    archive: null,
    sites: [],
  };
}
