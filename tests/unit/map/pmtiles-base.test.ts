import { VectorTile } from '@mapbox/vector-tile';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { PbfReader } from 'pbf';
import { PMTiles } from 'pmtiles';
import { describe, expect, it } from 'vitest';
import { coverageWarning, type PmtilesSummary, pmtilesStyle } from '../../../src/map/pmtiles-base';
import { fullTilePolygonMvt, singleTilePmtiles } from '../../support/pmtiles-fixture';

const NYC: [number, number, number, number] = [-74.26, 40.49, -73.7, 40.92];

describe('the PMTiles test fixture', () => {
  // The e2e test draws this archive; here the reference readers (pmtiles, @mapbox/vector-tile) check it.
  const bytes = singleTilePmtiles(fullTilePolygonMvt('water'), 1, { vector_layers: [{ id: 'water' }] }, NYC);
  const archive = new PMTiles({
    getKey: () => 'fixture',
    getBytes: async (offset: number, length: number) => ({
      data: bytes.slice(offset, offset + length).buffer,
    }),
  });

  it('has the header, metadata and tile the pmtiles reader expects', async () => {
    const header = await archive.getHeader();
    expect(header.specVersion).toBe(3);
    expect(header.tileType).toBe(1);
    expect([header.minZoom, header.maxZoom]).toEqual([0, 0]);
    expect([header.minLon, header.minLat, header.maxLon, header.maxLat]).toEqual(NYC);
    expect(await archive.getMetadata()).toEqual({ vector_layers: [{ id: 'water' }] });
    expect(await archive.getZxy(1, 0, 0)).toBeUndefined();
    const tile = await archive.getZxy(0, 0, 0);
    const decoded = new VectorTile(new PbfReader(new Uint8Array(tile!.data)));
    const layer = decoded.layers.water!;
    expect(layer.length).toBe(1);
    expect(layer.extent).toBe(4096);
    const feature = layer.feature(0);
    expect(feature.type).toBe(3);
    expect(feature.loadGeometry()[0]!.map((p) => [p.x, p.y])).toEqual([
      [0, 0],
      [4096, 0],
      [4096, 4096],
      [0, 4096],
      [0, 0],
    ]);
  });
});

describe('pmtilesStyle', () => {
  const vector: PmtilesSummary = {
    kind: 'vector',
    minZoom: 0,
    maxZoom: 15,
    bounds: NYC,
    vectorLayers: ['roads', 'pois', 'water', 'earth', 'buildings', 'landuse_park', 'boundaries'],
  };

  it('draws every vector layer, land under water under buildings, roads and boundaries on top', () => {
    const style = pmtilesStyle(vector, 'pmtiles://a');
    expect(validateStyleMin(style)).toEqual([]);
    expect(style.sources['pmtiles-base']).toEqual({
      type: 'vector',
      url: 'pmtiles://a',
      minzoom: 0,
      maxzoom: 15,
    });
    expect(style.layers.map((l) => l.id)).toEqual([
      'pmtiles-background',
      'pmtiles-earth-fill',
      'pmtiles-landuse_park-fill',
      'pmtiles-water-fill',
      'pmtiles-buildings-fill',
      'pmtiles-pois-fill',
      'pmtiles-earth-line',
      'pmtiles-landuse_park-line',
      'pmtiles-water-line',
      'pmtiles-buildings-line',
      'pmtiles-pois-line',
      'pmtiles-roads-line',
      'pmtiles-boundaries-line',
    ]);
    const water = style.layers.find((l) => l.id === 'pmtiles-water-fill')!;
    expect(water).toMatchObject({ 'source-layer': 'water', paint: { 'fill-color': '#c7d9ea' } });
    expect(style.center).toEqual([(NYC[0] + NYC[2]) / 2, (NYC[1] + NYC[3]) / 2]);
  });

  it('draws a raster archive as one raster layer', () => {
    const style = pmtilesStyle({ ...vector, kind: 'raster', vectorLayers: [] }, 'pmtiles://r');
    expect(validateStyleMin(style)).toEqual([]);
    expect(style.sources['pmtiles-base']).toMatchObject({
      type: 'raster',
      url: 'pmtiles://r',
      tileSize: 256,
    });
    expect(style.layers.map((l) => l.type)).toEqual(['background', 'raster']);
  });
});

describe('coverageWarning', () => {
  it('says nothing when the archive reaches the data, and names both extents when it does not', () => {
    expect(coverageWarning('nyc.pmtiles', NYC, [-73.95, 40.8, -73.85, 40.85])).toBeNull();
    expect(coverageWarning('nyc.pmtiles', NYC, null)).toBeNull();
    expect(coverageWarning('paris.pmtiles', [2.2, 48.8, 2.5, 48.9], NYC)).toBe(
      '"paris.pmtiles" covers 2.20, 48.80, 2.50, 48.90 (west, south, east, north), which does not reach the data at -74.26, 40.49, -73.70, 40.92; the map will look empty there.',
    );
  });
});
