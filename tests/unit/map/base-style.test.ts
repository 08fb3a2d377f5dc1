import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { BASE_STYLE_LAYER_IDS, baseStyle, fitBounds } from '../../../src/map/base-style';
import { squareFeature } from '../../support/geometry';

const NYC: [number, number, number, number] = [-74.26, 40.49, -73.7, 40.92];

function square(id: string, x: number, y: number, size: number): FeatureCollection['features'][number] {
  return squareFeature(x, y, size, { id, name: `<b>${id}</b>` });
}

const small: FeatureCollection = {
  type: 'FeatureCollection',
  features: [square('a', -74, 40.6, 0.05), square('b', -73.95, 40.6, 0.05)],
};

function offlineProblems(style: object): string[] {
  const text = JSON.stringify(style);
  const problems: string[] = [];
  if (/https?:\/\//i.test(text)) problems.push('contains an http(s) URL');
  if (/"(glyphs|sprite|tiles|url)"\s*:/.test(text)) problems.push('references glyphs, sprites or tiles');
  return problems;
}

describe('baseStyle', () => {
  it('builds a background-only style that validates and needs no network', () => {
    const style = baseStyle({ background: '#f4f3ef', bbox: NYC });
    expect(style.version).toBe(8);
    expect(style.layers.map((l) => l.id)).toEqual(['background']);
    expect(style.sources).toEqual({});
    expect(validateStyleMin(style)).toEqual([]);
    expect(offlineProblems(style)).toEqual([]);
  });

  it('adds boundary layers in a fixed order, with dashed catchments and no symbol layers', () => {
    const style = baseStyle({
      background: 'rgb(250, 250, 250)',
      bbox: NYC,
      neighborhoods: small,
      precincts: small,
      catchments: small,
      idProperty: { neighborhoods: 'id', precincts: 'id' },
      colors: { catchments: '#ff0000' },
    });
    expect(style.layers.map((l) => l.id)).toEqual(Object.values(BASE_STYLE_LAYER_IDS));
    expect(style.layers.some((l) => l.type === 'symbol')).toBe(false);
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    const catchments = style.layers.find((l) => l.id === 'catchments-line');
    expect(catchments?.type).toBe('line');
    const paint = (catchments && 'paint' in catchments ? catchments.paint : {}) as Record<string, unknown>;
    expect(paint['line-dasharray']).toEqual([3, 2]);
    expect(paint['line-color']).toBe('#ff0000');
    expect(style.sources.neighborhoods).toMatchObject({ type: 'geojson', promoteId: 'id' });
    expect(style.sources.catchments).toMatchObject({ type: 'geojson', generateId: true });
    expect(validateStyleMin(style)).toEqual([]);
    expect(offlineProblems(style)).toEqual([]);
  });

  it('the validator does catch a broken style (so the checks above can fail)', () => {
    const style = baseStyle({ background: '#fff', bbox: NYC, precincts: small });
    const broken = { ...style, layers: [...style.layers, { id: 'x', type: 'fill', source: 'missing' }] };
    expect(validateStyleMin(broken as typeof style).length).toBeGreaterThan(0);
    const bad = baseStyle({ background: 'not-a-colour', bbox: NYC });
    expect(validateStyleMin(bad).length).toBeGreaterThan(0);
    expect(offlineProblems({ sprite: 'https://example.org/sprite' })).toHaveLength(2);
  });

  it('is pure: same options, same style; inputs untouched', () => {
    const before = JSON.stringify(small);
    const a = baseStyle({ background: '#fff', bbox: NYC, precincts: small });
    const b = baseStyle({ background: '#fff', bbox: NYC, precincts: small });
    expect(a).toEqual(b);
    expect(JSON.stringify(small)).toBe(before);
  });

  it('fits the bbox: centre and zoom match the Web Mercator closed form', () => {
    // 1° of longitude on a 512-px world is 512/360 px at zoom 0; 976 px of room → log2(976·360/512)
    const thin = fitBounds([0, 0, 1, 0], { width: 1024, height: 768 }, 24);
    expect(thin.zoom).toBeCloseTo(Math.log2((976 * 360) / 512), 12);
    expect(thin.center).toEqual([0.5, 0]);
    const world = fitBounds([-180, -85.0511, 180, 85.0511], { width: 512 + 48, height: 512 + 48 }, 24);
    expect(world.zoom).toBeCloseTo(0, 4);
    const nyc = baseStyle({ background: '#fff', bbox: NYC });
    expect(nyc.center?.[0]).toBeCloseTo(-73.98, 10);
    // Mercator midpoint lies north of the arithmetic midpoint latitude
    expect(nyc.center?.[1]).toBeGreaterThan(40.705);
    expect(nyc.center?.[1]).toBeLessThan(40.706);
    expect(nyc.zoom).toBeGreaterThan(9);
    expect(nyc.zoom).toBeLessThan(11);
    expect(fitBounds([1, 2, 1, 2], { width: 100, height: 100 }, 0).zoom).toBe(22);
  });

  it('rejects an invalid bbox or viewport', () => {
    expect(() => baseStyle({ background: '#fff', bbox: [-73, 40, -74, 41] })).toThrow(RangeError);
    expect(() => baseStyle({ background: '#fff', bbox: [-74, 40, -73, Number.NaN] })).toThrow(RangeError);
    expect(() => baseStyle({ background: '#fff', bbox: NYC, viewport: { width: 40, height: 40 } })).toThrow(
      RangeError,
    );
  });
});

describe('baseStyle with the real NYC boundaries', () => {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
  const dataDir = path.resolve(repoRoot, '../shared/data');
  const files = ['nyc_nta2020.geojson', 'nyc_police_precincts_2019.geojson'].map((f) =>
    path.join(dataDir, f),
  );
  const present = files.every(existsSync);
  if (!present && process.env.CI === 'true') {
    it('needs the NYC boundary files', () => {
      expect.fail(`missing one of ${files.join(', ')}`);
    });
  }
  it.skipIf(!present)('validates with NTAs and precincts and contains no URL', () => {
    const [nta, precincts] = files.map((f) => JSON.parse(readFileSync(f, 'utf8')) as FeatureCollection);
    const style = baseStyle({
      background: '#f4f3ef',
      bbox: NYC,
      neighborhoods: nta,
      precincts,
      idProperty: { neighborhoods: 'NTA2020', precincts: 'precinct' },
    });
    expect(validateStyleMin(style)).toEqual([]);
    expect(offlineProblems(style)).toEqual([]);
    expect(style.layers).toHaveLength(5);
  });
});
