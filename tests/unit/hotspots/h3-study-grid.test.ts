import { readFileSync } from 'node:fs';
import { booleanPointInPolygon } from '@turf/turf';
import { cellToLatLng, getResolution, gridDisk, gridDistance, latLngToCell } from 'h3-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadIncidents } from '../../../scripts/fixtures/hotspots-fixture';
import { seededRandom } from '../../../src/analysis/random';
import {
  assignIncidentsToGrid,
  h3KRingNeighbors,
  h3StudyGrid,
  h3StudyGridForIncidents,
  type PolygonFeature,
  type PolygonGeometry,
  studyAreaIndex,
} from '../../../src/geo/h3-study-grid';
import { fixturePath, sharedDataAvailable, sharedDataPath } from './shared-data';

/** A lon/lat rectangle as a closed GeoJSON ring (counter-clockwise). */
function rect(w: number, s: number, e: number, n: number): number[][] {
  return [
    [w, s],
    [e, s],
    [e, n],
    [w, n],
    [w, s],
  ];
}

const square: PolygonGeometry = { type: 'Polygon', coordinates: [rect(-73.95, 40.8, -73.9, 40.84)] };
const withHole: PolygonGeometry = {
  type: 'Polygon',
  coordinates: [rect(-73.95, 40.8, -73.9, 40.84), rect(-73.935, 40.81, -73.915, 40.83).reverse()],
};

/** Brute force: every res-r cell near the area whose centre passes `inside`. */
function bruteForceCells(resolution: number, inside: (lon: number, lat: number) => boolean): string[] {
  const seed = latLngToCell(40.82, -73.925, resolution);
  return gridDisk(seed, 40)
    .filter((c) => {
      const [lat, lon] = cellToLatLng(c);
      return inside(lon, lat);
    })
    .sort();
}

describe('h3StudyGrid', () => {
  it('contains exactly the cells whose centres are inside the polygon (brute force, res 9), sorted', () => {
    const grid = h3StudyGrid(square, 9);
    const expected = bruteForceCells(9, (x, y) => x > -73.95 && x < -73.9 && y > 40.8 && y < 40.84);
    expect(grid.cells.length).toBeGreaterThan(100);
    expect([...grid.cells]).toEqual(expected);
    grid.cells.forEach((c, i) => {
      expect(grid.indexOf.get(c)).toBe(i);
    });
  });

  it('leaves out cells whose centres fall in a hole', () => {
    const grid = h3StudyGrid(withHole, 9);
    const inHole = (x: number, y: number) => x > -73.935 && x < -73.915 && y > 40.81 && y < 40.83;
    const expected = bruteForceCells(
      9,
      (x, y) => x > -73.95 && x < -73.9 && y > 40.8 && y < 40.84 && !inHole(x, y),
    );
    expect([...grid.cells]).toEqual(expected);
  });

  it('accepts features, collections, multipolygons and arrays; adds extra cells once, in sorted order', () => {
    const feature: PolygonFeature = { type: 'Feature', geometry: square };
    const a = h3StudyGrid(feature, 8);
    const b = h3StudyGrid({ type: 'FeatureCollection', features: [feature] }, 8);
    const c = h3StudyGrid({ type: 'MultiPolygon', coordinates: [square.coordinates] }, 8);
    const d = h3StudyGrid([square, square], 8);
    expect(b.cells).toEqual(a.cells);
    expect(c.cells).toEqual(a.cells);
    expect(d.cells).toEqual(a.cells);
    const outside = latLngToCell(40.7, -74.0, 8);
    const e = h3StudyGrid(square, 8, { extraCells: [outside, outside, a.cells[0] as string] });
    expect(e.cells.length).toBe(a.cells.length + 1);
    expect([...e.cells]).toEqual([...a.cells, outside].sort());
  });

  it("containment 'index' gives the same cells as h3 centre containment (square, hole, multipolygon)", () => {
    for (const area of [
      square,
      withHole,
      { type: 'MultiPolygon' as const, coordinates: [withHole.coordinates] },
    ]) {
      for (const res of [8, 9, 10]) {
        expect([...h3StudyGrid(area, res, { containment: 'index' }).cells]).toEqual([
          ...h3StudyGrid(area, res).cells,
        ]);
      }
    }
    expect(() => h3StudyGrid(square, 8, { containment: 'x' as never })).toThrow(/containment/);
  });

  it('rejects bad input', () => {
    expect(() => h3StudyGrid(square, 16)).toThrow(RangeError);
    expect(() => h3StudyGrid(square, 8.5)).toThrow(RangeError);
    expect(() => h3StudyGrid({ type: 'FeatureCollection', features: [] }, 8)).toThrow(/no polygons/);
    expect(() => h3StudyGrid({ type: 'Polygon', coordinates: [[[0, 0]]] }, 8)).toThrow(/at least 4/);
    expect(() => h3StudyGrid(square, 8, { extraCells: ['not-a-cell'] })).toThrow(TypeError);
    expect(() => h3StudyGrid(square, 8, { extraCells: [latLngToCell(40.8, -73.9, 9)] })).toThrow(
      /resolution/,
    );
    expect(() =>
      h3StudyGrid({ type: 'Point', coordinates: [0, 0] } as unknown as PolygonGeometry, 8),
    ).toThrow(TypeError);
  });
});

describe('h3KRingNeighbors', () => {
  it('equals the brute-force rule gridDistance(i, j) ≤ k over all study-cell pairs (k = 1, 2)', () => {
    const grid = h3StudyGrid(withHole, 9);
    const n = grid.cells.length;
    for (const k of [1, 2]) {
      const nb = h3KRingNeighbors(grid, k);
      expect(nb.offsets.length).toBe(n + 1);
      for (let i = 0; i < n; i++) {
        const got = Array.from(nb.neighbors.subarray(nb.offsets[i] as number, nb.offsets[i + 1] as number));
        const expected: number[] = [];
        for (let j = 0; j < n; j++) {
          if (gridDistance(grid.cells[i] as string, grid.cells[j] as string) <= k) expected.push(j);
        }
        expect(got).toEqual(expected);
      }
    }
  });

  it('gives 7 (k = 1) and 19 (k = 2) neighbours to interior cells and fewer at the edge', () => {
    const grid = h3StudyGrid(square, 9);
    const sizes = (k: number) => {
      const nb = h3KRingNeighbors(grid, k);
      return Array.from(
        { length: grid.cells.length },
        (_, i) => (nb.offsets[i + 1] as number) - (nb.offsets[i] as number),
      );
    };
    expect(Math.max(...sizes(1))).toBe(7);
    expect(Math.min(...sizes(1))).toBeLessThan(7);
    expect(Math.max(...sizes(2))).toBe(19);
    expect(Array.from(h3KRingNeighbors(grid, 0).neighbors)).toEqual(grid.cells.map((_, i) => i));
    expect(() => h3KRingNeighbors(grid, -1)).toThrow(RangeError);
  });
});

describe('studyAreaIndex and incident assignment', () => {
  it('agrees with turf booleanPointInPolygon on 5,000 seeded random points (polygon with a hole)', () => {
    const index = studyAreaIndex(withHole);
    const rnd = seededRandom(7);
    for (let t = 0; t < 5000; t++) {
      const lon = -73.96 + 0.07 * rnd();
      const lat = 40.79 + 0.06 * rnd();
      expect(index.contains(lon, lat)).toBe(booleanPointInPolygon([lon, lat], withHole as never));
    }
  });

  it('counts incidents per cell, zeros included, and reports exclusions', () => {
    const grid = h3StudyGrid(square, 8);
    const lon = Float64Array.from([-73.92, -73.92, -74.5, Number.NaN, -73.925]);
    const lat = Float64Array.from([40.82, 40.82, 40.82, 40.82, 40.835]);
    const r = assignIncidentsToGrid(grid, square, lon, lat);
    const c0 = grid.indexOf.get(latLngToCell(40.82, -73.92, 8)) as number;
    expect(r.cellIndex[0]).toBe(c0);
    expect(r.cellIndex[2]).toBe(-1);
    expect(r.cellIndex[3]).toBe(-1);
    expect(r.excluded).toBe(2);
    expect(r.counts.length).toBe(grid.cells.length);
    expect(r.counts[c0]).toBe(2);
    expect(r.counts.reduce((a, b) => a + b, 0) + r.notInGrid).toBe(3);
    expect(() => assignIncidentsToGrid(grid, square, new Float64Array(2), new Float64Array(3))).toThrow(
      RangeError,
    );
    expect(() =>
      assignIncidentsToGrid(grid, square, [1] as unknown as Float64Array, new Float64Array(1)),
    ).toThrow(TypeError);
  });
});

const DATA = ['nyc_boroughs.geojson', 'nypd_shootings_raw_2006-2024.parquet'];

describe.skipIf(!sharedDataAvailable(...DATA))('Bronx shootings on H3 res 8 (real data)', () => {
  // Loaded in beforeAll so that a skipped suite never touches the files; in CI a missing file fails here.
  let bronx: PolygonFeature[] = [];
  let incidents: ReturnType<typeof loadIncidents>;
  beforeAll(() => {
    const boroughs = JSON.parse(readFileSync(sharedDataPath('nyc_boroughs.geojson'), 'utf8')) as {
      features: (PolygonFeature & { properties: { BoroCode: number } })[];
    };
    bronx = boroughs.features.filter((f) => Number(f.properties.BoroCode) === 2);
    incidents = loadIncidents();
  });

  it('reproduces the committed fixture (cells, counts, k-ring lists) exactly', () => {
    expect(bronx.length).toBe(1);
    const fx = JSON.parse(readFileSync(fixturePath('bronx-r8.json'), 'utf8')) as {
      cells: string[];
      counts: number[];
      neighborsK1: number[][];
      incidentsExcluded: number;
    };
    expect(incidents.key.length).toBe(23220);
    const t0 = performance.now();
    const { grid, assignment } = h3StudyGridForIncidents(bronx, 8, incidents.lon, incidents.lat);
    const ms = performance.now() - t0;
    expect([...grid.cells]).toEqual(fx.cells);
    expect(Array.from(assignment.counts)).toEqual(fx.counts);
    expect(assignment.excluded).toBe(fx.incidentsExcluded);
    expect(assignment.notInGrid).toBe(0);
    expect(grid.cells.every((c) => getResolution(c) === 8)).toBe(true);
    const nb = h3KRingNeighbors(grid, 1);
    fx.neighborsK1.forEach((list, i) => {
      expect(Array.from(nb.neighbors.subarray(nb.offsets[i] as number, nb.offsets[i + 1] as number))).toEqual(
        list,
      );
    });
    // 23k points against the full borough outline: generous bound, typically well under 1 s.
    expect(ms).toBeLessThan(5000);
  });

  it('classifies every incident inside/outside the Bronx exactly like turf booleanPointInPolygon', () => {
    const index = studyAreaIndex(bronx);
    const geometry = bronx[0]?.geometry as never;
    let inside = 0;
    for (let t = 0; t < incidents.lon.length; t++) {
      const x = incidents.lon[t] as number;
      const y = incidents.lat[t] as number;
      const ours = index.contains(x, y);
      expect(ours).toBe(booleanPointInPolygon([x, y], geometry));
      if (ours) inside++;
    }
    expect(inside).toBe(6630);
  });

  it("containment 'index' equals h3 centre containment on all five boroughs at res 8 and 9", () => {
    const all = JSON.parse(readFileSync(sharedDataPath('nyc_boroughs.geojson'), 'utf8')) as {
      type: 'FeatureCollection';
      features: PolygonFeature[];
    };
    for (const res of [8, 9]) {
      const viaH3 = h3StudyGrid(all, res);
      const viaIndex = h3StudyGrid(all, res, { containment: 'index' });
      expect(viaH3.cells.length).toBeGreaterThan(res === 8 ? 1000 : 7000);
      expect([...viaIndex.cells]).toEqual([...viaH3.cells]);
    }
    const fx = JSON.parse(readFileSync(fixturePath('bronx-r8.json'), 'utf8')) as { cells: string[] };
    const fast = h3StudyGridForIncidents(bronx, 8, incidents.lon, incidents.lat, { containment: 'index' });
    expect([...fast.grid.cells]).toEqual(fx.cells);
  });

  it('without the incident cells, incidents in boundary cells are reported as notInGrid', () => {
    const grid = h3StudyGrid(bronx, 8);
    const r = assignIncidentsToGrid(grid, bronx, incidents.lon, incidents.lat);
    expect(r.notInGrid).toBeGreaterThan(0);
    expect(r.counts.reduce((a, b) => a + b, 0) + r.notInGrid).toBe(6630);
  });
});
