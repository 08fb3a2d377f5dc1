/**
 * The base map as data: an offline maplibre-gl style built from a background colour and the boundary
 * layers the user loaded. No remote tiles, glyphs or sprites, and therefore no symbol layers: labels are
 * drawn as HTML by the app, and incident layers are drawn by deck.gl on top. Everything the map needs is in
 * the returned object, so the app works without a network and a style can be snapshot-tested.
 *
 * Layers, bottom to top (ids in {@link BASE_STYLE_LAYER_IDS}): background; neighborhood fill and outline;
 * precinct fill and outline; program catchments as dashed outlines. Fills are faint and become stronger for
 * features whose feature-state `selected` is true (and slightly for `hover`), so area selection needs no
 * style rebuild: set `promoteId` via `idProperty` and call `map.setFeatureState`.
 */

import type { FeatureCollection } from 'geojson';
import type {
  ExpressionSpecification,
  LayerSpecification,
  SourceSpecification,
  StyleSpecification,
} from 'maplibre-gl';

/** Colours of the boundary layers (CSS colour strings). */
export interface BaseStyleColors {
  neighborhoods: string;
  precincts: string;
  catchments: string;
}

/** Options for {@link baseStyle}. */
export interface BaseStyleOptions {
  /** Background colour (CSS colour, e.g. '#f4f3ef'). */
  background: string;
  /** Extent of the data [west, south, east, north] in degrees; sets the initial centre and zoom. */
  bbox: readonly [number, number, number, number];
  /** Neighborhood polygons, drawn as fill + outline. */
  neighborhoods?: FeatureCollection;
  /** Police precinct polygons, drawn as fill + outline. */
  precincts?: FeatureCollection;
  /** Program catchment polygons, drawn as dashed outlines. */
  catchments?: FeatureCollection;
  /** Feature property holding each boundary's id, used for feature-state (selection, hover). */
  idProperty?: { neighborhoods?: string; precincts?: string; catchments?: string };
  /** Boundary colours; defaults are a dark slate, a blue and a purple that read on light backgrounds. */
  colors?: Partial<BaseStyleColors>;
  /** Viewport in CSS pixels used to fit the bbox (default 1024 × 768). */
  viewport?: { width: number; height: number };
  /** Padding in CSS pixels around the fitted bbox (default 24). */
  padding?: number;
}

/** Ids of the layers a base style may contain, bottom to top (deck.gl layers can be inserted before any). */
export const BASE_STYLE_LAYER_IDS = {
  background: 'background',
  neighborhoodsFill: 'neighborhoods-fill',
  neighborhoodsLine: 'neighborhoods-line',
  precinctsFill: 'precincts-fill',
  precinctsLine: 'precincts-line',
  catchmentsLine: 'catchments-line',
} as const;

const DEFAULT_COLORS: BaseStyleColors = {
  neighborhoods: '#475569',
  precincts: '#1d4ed8',
  catchments: '#7e22ce',
};

const TILE_SIZE = 512;

/**
 * Builds an offline maplibre style (version 8) from a background colour, optional boundary collections and
 * the data bbox. Pure: the same options give the same object. Throws RangeError for an invalid bbox or
 * viewport.
 */
export function baseStyle(options: BaseStyleOptions): StyleSpecification {
  const colors = { ...DEFAULT_COLORS, ...options.colors };
  const { center, zoom } = fitBounds(
    options.bbox,
    options.viewport ?? { width: 1024, height: 768 },
    options.padding ?? 24,
  );
  const sources: Record<string, SourceSpecification> = {};
  const layers: LayerSpecification[] = [
    {
      id: BASE_STYLE_LAYER_IDS.background,
      type: 'background',
      paint: { 'background-color': options.background },
    },
  ];

  const addSource = (name: string, data: FeatureCollection, idProperty: string | undefined) => {
    sources[name] = idProperty
      ? { type: 'geojson', data, promoteId: idProperty }
      : { type: 'geojson', data, generateId: true };
  };
  const selectedOr = (selected: number, hover: number, otherwise: number): ExpressionSpecification => [
    'case',
    ['boolean', ['feature-state', 'selected'], false],
    selected,
    ['boolean', ['feature-state', 'hover'], false],
    hover,
    otherwise,
  ];

  const polygons = (name: 'neighborhoods' | 'precincts', fillId: string, lineId: string, width: number) => {
    const data = options[name];
    if (!data) return;
    addSource(name, data, options.idProperty?.[name]);
    layers.push(
      {
        id: fillId,
        type: 'fill',
        source: name,
        paint: { 'fill-color': colors[name], 'fill-opacity': selectedOr(0.22, 0.1, 0.03) },
      },
      {
        id: lineId,
        type: 'line',
        source: name,
        layout: { 'line-join': 'round' },
        paint: {
          'line-color': colors[name],
          'line-opacity': 0.7,
          'line-width': selectedOr(width + 1.5, width + 0.5, width),
        },
      },
    );
  };
  polygons(
    'neighborhoods',
    BASE_STYLE_LAYER_IDS.neighborhoodsFill,
    BASE_STYLE_LAYER_IDS.neighborhoodsLine,
    0.8,
  );
  polygons('precincts', BASE_STYLE_LAYER_IDS.precinctsFill, BASE_STYLE_LAYER_IDS.precinctsLine, 1.2);
  if (options.catchments) {
    addSource('catchments', options.catchments, options.idProperty?.catchments);
    layers.push({
      id: BASE_STYLE_LAYER_IDS.catchmentsLine,
      type: 'line',
      source: 'catchments',
      layout: { 'line-join': 'round', 'line-cap': 'butt' },
      paint: {
        'line-color': colors.catchments,
        'line-width': selectedOr(3, 2.5, 2),
        'line-dasharray': [3, 2],
      },
    });
  }

  return { version: 8, name: 'CVI Atlas offline base', center, zoom, sources, layers };
}

function mercatorY(lat: number): number {
  const phi = (Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI) / 180;
  return (1 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / Math.PI) / 2;
}

function inverseMercatorY(y: number): number {
  return (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
}

/** Centre and zoom (0–22) that fit a bbox into a viewport with padding, in Web Mercator with 512-px tiles. */
export function fitBounds(
  bbox: readonly [number, number, number, number],
  viewport: { width: number; height: number },
  padding: number,
): { center: [number, number]; zoom: number } {
  const [west, south, east, north] = bbox;
  if (
    ![west, south, east, north].every(Number.isFinite) ||
    !(west <= east && south <= north && west >= -180 && east <= 180 && south >= -90 && north <= 90)
  ) {
    throw new RangeError(`bbox must be [west, south, east, north] in degrees, got [${bbox.join(', ')}]`);
  }
  const width = viewport.width - 2 * padding;
  const height = viewport.height - 2 * padding;
  if (!(width > 0 && height > 0)) throw new RangeError('viewport must be larger than twice the padding');
  const yTop = mercatorY(north);
  const yBottom = mercatorY(south);
  const spanX = ((east - west) / 360) * TILE_SIZE;
  const spanY = (yBottom - yTop) * TILE_SIZE;
  const scale = Math.min(
    spanX > 0 ? width / spanX : Number.POSITIVE_INFINITY,
    spanY > 0 ? height / spanY : Number.POSITIVE_INFINITY,
  );
  const zoom = Number.isFinite(scale) ? Math.max(0, Math.min(22, Math.log2(scale))) : 22;
  return { center: [(west + east) / 2, inverseMercatorY((yTop + yBottom) / 2)], zoom };
}
