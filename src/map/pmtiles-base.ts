/**
 * A base map from a PMTiles archive on the user's own computer (https://github.com/protomaps/PMTiles):
 * tiles are read from the chosen file on demand, so a city or region extract works with no network at all.
 *
 * Raster archives (PNG, JPEG, WebP) are drawn as they are. Vector archives carry no style, so the app draws
 * every layer the archive lists in neutral tones chosen from the layer's name (water blue, parks green,
 * roads white, buildings grey), which suits both the Protomaps and the OpenMapTiles schemas. Labels are not
 * drawn: they would need glyphs from a server.
 */
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { addProtocol } from 'maplibre-gl';
import { RemoteStyleError } from './remote-style';

/** What the base map needs to know about an archive. */
export interface PmtilesSummary {
  kind: 'raster' | 'vector';
  minZoom: number;
  maxZoom: number;
  /** [west, south, east, north] in degrees. */
  bounds: [number, number, number, number];
  /** Vector layer ids from the archive's metadata (empty for raster archives). */
  vectorLayers: string[];
}

const SOURCE_ID = 'pmtiles-base';

type Category = 'land' | 'park' | 'water' | 'building' | 'road' | 'rail' | 'boundary' | 'other';

/** Bottom-to-top drawing order of the categories, with the colours of their fills and lines. */
const CATEGORIES: { category: Category; test: RegExp; fill?: string; line?: string; lineWidth?: number }[] = [
  { category: 'land', test: /^(earth|land$|landcover|landuse)/i, fill: '#ecebe6', line: '#dcdad2' },
  { category: 'park', test: /park|green|wood|forest|grass|natural/i, fill: '#dfe9d5', line: '#c9dabb' },
  { category: 'water', test: /water|ocean|sea|lake|river|marine/i, fill: '#c7d9ea', line: '#a9c4de' },
  { category: 'building', test: /building/i, fill: '#dedbd4', line: '#cfcbc2' },
  { category: 'other', test: /.*/, fill: '#e6e4de', line: '#cfcbc2' },
  { category: 'rail', test: /rail|transit/i, line: '#c3bfb6', lineWidth: 0.8 },
  { category: 'road', test: /road|transport|street|highway/i, line: '#ffffff', lineWidth: 1.6 },
  { category: 'boundary', test: /boundar|admin/i, line: '#a8a396', lineWidth: 0.8 },
];

function categoryOf(layer: string): (typeof CATEGORIES)[number] {
  const matches = CATEGORIES.filter((c) => c.category !== 'other' && c.test.test(layer));
  // A name such as "water_lines" matches one category; "landuse_park" matches two and the later one wins.
  return matches[matches.length - 1] ?? CATEGORIES.find((c) => c.category === 'other')!;
}

/**
 * The maplibre style for an archive registered under `url` (a `pmtiles://…` address). Pure, so it can be
 * tested without a browser.
 */
export function pmtilesStyle(summary: PmtilesSummary, url: string): StyleSpecification {
  const [west, south, east, north] = summary.bounds;
  const camera = {
    center: [(west + east) / 2, (south + north) / 2] as [number, number],
    zoom: summary.minZoom,
  };
  const background: LayerSpecification = {
    id: 'pmtiles-background',
    type: 'background',
    paint: { 'background-color': '#f4f3ef' },
  };
  if (summary.kind === 'raster') {
    return {
      version: 8,
      ...camera,
      sources: {
        [SOURCE_ID]: {
          type: 'raster',
          url,
          tileSize: 256,
          minzoom: summary.minZoom,
          maxzoom: summary.maxZoom,
        },
      },
      layers: [background, { id: 'pmtiles-raster', type: 'raster', source: SOURCE_ID }],
    };
  }
  const ranked = summary.vectorLayers
    .map((layer) => ({ layer, style: categoryOf(layer) }))
    .sort((a, b) => CATEGORIES.indexOf(a.style) - CATEGORIES.indexOf(b.style));
  const fills: LayerSpecification[] = [];
  const lines: LayerSpecification[] = [];
  for (const { layer, style } of ranked) {
    if (style.fill) {
      fills.push({
        id: `pmtiles-${layer}-fill`,
        type: 'fill',
        source: SOURCE_ID,
        'source-layer': layer,
        filter: ['==', ['geometry-type'], 'Polygon'],
        paint: { 'fill-color': style.fill },
      });
    }
    lines.push({
      id: `pmtiles-${layer}-line`,
      type: 'line',
      source: SOURCE_ID,
      'source-layer': layer,
      filter: ['==', ['geometry-type'], 'LineString'],
      paint: {
        'line-color': style.line ?? '#cfcbc2',
        'line-width': [
          'interpolate',
          ['linear'],
          ['zoom'],
          10,
          (style.lineWidth ?? 0.6) * 0.5,
          16,
          (style.lineWidth ?? 0.6) * 4,
        ],
      },
    });
  }
  return {
    version: 8,
    ...camera,
    sources: {
      [SOURCE_ID]: { type: 'vector', url, minzoom: summary.minZoom, maxzoom: summary.maxZoom },
    },
    layers: [background, ...fills, ...lines],
  };
}

/** A base style and, when the archive does not cover the data, a sentence saying so. */
export interface PmtilesBase {
  style: StyleSpecification;
  warning: string | null;
}

let protocol: import('pmtiles').Protocol | null = null;
let archives = 0;

/**
 * Opens a PMTiles file chosen by the user and returns its base style. The `pmtiles` reader loads on first
 * use, so the first screen does not carry it.
 * @throws RemoteStyleError when the file is not a PMTiles archive or holds tiles the map cannot draw.
 */
export async function openPmtilesBase(
  file: File,
  dataBounds: readonly [number, number, number, number] | null,
): Promise<PmtilesBase> {
  const { PMTiles, Protocol, FileSource, TileType } = await import('pmtiles');
  if (!protocol) {
    protocol = new Protocol();
    addProtocol('pmtiles', protocol.tile);
  }
  // A key of our own: file names may hold characters a URL path cannot.
  const key = `local-file-${++archives}`;
  const inner = new FileSource(file);
  const archive = new PMTiles({
    getKey: () => key,
    getBytes: (offset: number, length: number) => inner.getBytes(offset, length),
  });
  let header: Awaited<ReturnType<typeof archive.getHeader>>;
  try {
    header = await archive.getHeader();
  } catch (error) {
    throw new RemoteStyleError(`"${file.name}" is not a PMTiles archive (${(error as Error).message})`);
  }
  const raster = [TileType.Png, TileType.Jpeg, TileType.Webp].includes(header.tileType);
  if (!raster && header.tileType !== TileType.Mvt) {
    throw new RemoteStyleError(
      `"${file.name}" holds ${TileType[header.tileType] ?? 'unknown'} tiles; the map draws vector (MVT) and PNG, JPEG or WebP tiles`,
    );
  }
  let vectorLayers: string[] = [];
  if (!raster) {
    const metadata = (await archive.getMetadata().catch(() => null)) as {
      vector_layers?: { id?: unknown }[];
    } | null;
    vectorLayers = (metadata?.vector_layers ?? [])
      .map((l) => l.id)
      .filter((id): id is string => typeof id === 'string');
    if (vectorLayers.length === 0) {
      throw new RemoteStyleError(
        `"${file.name}" lists no vector layers in its metadata, so there is nothing to draw`,
      );
    }
  }
  protocol.add(archive);
  const bounds: [number, number, number, number] = [
    header.minLon,
    header.minLat,
    header.maxLon,
    header.maxLat,
  ];
  const summary: PmtilesSummary = {
    kind: raster ? 'raster' : 'vector',
    minZoom: header.minZoom,
    maxZoom: header.maxZoom,
    bounds,
    vectorLayers,
  };
  return {
    style: pmtilesStyle(summary, `pmtiles://${key}`),
    warning: coverageWarning(file.name, bounds, dataBounds),
  };
}

/** A sentence when the archive's extent misses the data's, else null. */
export function coverageWarning(
  name: string,
  archive: readonly [number, number, number, number],
  data: readonly [number, number, number, number] | null,
): string | null {
  if (!data) return null;
  const overlaps =
    archive[0] < data[2] && archive[2] > data[0] && archive[1] < data[3] && archive[3] > data[1];
  if (overlaps) return null;
  const box = (b: readonly number[]) => b.map((v) => v.toFixed(2)).join(', ');
  return `"${name}" covers ${box(archive)} (west, south, east, north), which does not reach the data at ${box(data)}; the map will look empty there.`;
}
