import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { densityColorDomain, kernelDensity } from '../../../src/analysis/density/kernel-density';
import { seededRandom } from '../../../src/analysis/random';

const R = 6_371_008.8;
const DEG = Math.PI / 180;

/** A bbox of the given size in metres centred on (lon0, lat0), built with the documented projection. */
function bboxAround(lon0: number, lat0: number, widthM: number, heightM: number) {
  const kx = R * Math.cos(lat0 * DEG) * DEG;
  const ky = R * DEG;
  return [
    lon0 - widthM / 2 / kx,
    lat0 - heightM / 2 / ky,
    lon0 + widthM / 2 / kx,
    lat0 + heightM / 2 / ky,
  ] as const;
}

/**
 * Independent O(cells × points) evaluation straight from the documented formula: cell centres in degrees
 * from the grid bbox, projected with the local equirectangular projection about the input bbox centre.
 */
function bruteForce(
  lon: Float64Array,
  lat: Float64Array,
  bbox: readonly [number, number, number, number],
  width: number,
  height: number,
  cs: number,
  h: number,
  years: number,
  weights?: Float64Array,
): Float64Array {
  const lat0 = (bbox[1] + bbox[3]) / 2;
  const kx = R * Math.cos(lat0 * DEG) * DEG;
  const ky = R * DEG;
  const out = new Float64Array(width * height);
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      const cellLon = bbox[0] + ((c + 0.5) * cs) / kx;
      const cellLat = bbox[3] - ((r + 0.5) * cs) / ky;
      let sum = 0;
      for (let i = 0; i < lon.length; i++) {
        const dx = ((lon[i] as number) - cellLon) * kx;
        const dy = ((lat[i] as number) - cellLat) * ky;
        const d2 = dx * dx + dy * dy;
        if (d2 < h * h)
          sum += (weights ? (weights[i] as number) : 1) * (3 / (Math.PI * h * h)) * (1 - d2 / (h * h)) ** 2;
      }
      out[r * width + c] = (sum * 1e6) / years;
    }
  }
  return out;
}

describe('kernelDensity', () => {
  it('a single point integrates to 1/years per km² (cell 10 m, h 500 m: within 0.1%)', () => {
    const bbox = bboxAround(-73.9, 40.7, 2000, 2000);
    const grid = kernelDensity(new Float64Array([-73.9]), new Float64Array([40.7]), {
      bandwidthM: 500,
      cellSizeM: 10,
      bbox,
      years: 2,
      precision: 'float64',
    });
    expect(grid.width).toBe(200);
    expect(grid.height).toBe(200);
    let sum = 0;
    for (const v of grid.values) sum += v;
    const cellAreaKm2 = (10 * 10) / 1e6;
    expect(Math.abs((sum * cellAreaKm2) / 0.5 - 1)).toBeLessThan(1e-3);
    // peak is the kernel's maximum 3/(π h²) per m², converted to km² and per year
    expect(grid.max).toBeLessThanOrEqual((3 / (Math.PI * 500 * 500)) * 1e6 * 0.5);
    expect(grid.max).toBeGreaterThan((3 / (Math.PI * 500 * 500)) * 1e6 * 0.5 * 0.999);
  });

  it('equals a brute-force evaluation on 400 seeded random points (relative 1e-9 of the maximum)', () => {
    const random = seededRandom(42);
    const n = 400;
    const lon = new Float64Array(n);
    const lat = new Float64Array(n);
    const weights = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      lon[i] = -74.05 + 0.2 * random();
      lat[i] = 40.6 + 0.15 * random();
      weights[i] = 1 + Math.floor(random() * 3);
    }
    const bbox = [-74.0, 40.62, -73.9, 40.72] as const;
    const options = { bandwidthM: 350, cellSizeM: 75, bbox, years: 3, weights };
    const grid = kernelDensity(lon, lat, { ...options, precision: 'float64' });
    const expected = bruteForce(lon, lat, bbox, grid.width, grid.height, 75, 350, 3, weights);
    let worst = 0;
    let positive = 0;
    for (let k = 0; k < expected.length; k++) {
      worst = Math.max(worst, Math.abs((grid.values[k] as number) - (expected[k] as number)));
      if ((expected[k] as number) > 0) positive++;
    }
    expect(positive).toBeGreaterThan(expected.length * 0.3);
    expect(worst / grid.max).toBeLessThan(1e-9);

    const single = kernelDensity(lon, lat, options);
    expect(single.values).toBeInstanceOf(Float32Array);
    for (let k = 0; k < expected.length; k++)
      expect(single.values[k]).toBe(Math.fround(grid.values[k] as number));
  });

  it('is symmetric around a point at the centre of the middle cell', () => {
    const bbox = bboxAround(-87.65, 41.85, 2100, 2100);
    const grid = kernelDensity(new Float64Array([-87.65]), new Float64Array([41.85]), {
      bandwidthM: 800,
      cellSizeM: 100,
      bbox,
      years: 1,
      precision: 'float64',
    });
    expect([grid.width, grid.height]).toEqual([21, 21]);
    const at = (r: number, c: number) => grid.values[r * 21 + c] as number;
    for (let r = 0; r < 21; r++) {
      for (let c = 0; c < 21; c++) {
        const v = at(r, c);
        for (const w of [at(20 - r, c), at(r, 20 - c), at(c, r)]) {
          expect(Math.abs(v - w)).toBeLessThanOrEqual(1e-9 * grid.max);
        }
      }
    }
    expect(at(10, 10)).toBe(grid.max);
  });

  it('is exactly zero at cell centres farther than h from every point and positive inside', () => {
    const bbox = bboxAround(-73.9, 40.7, 3000, 3000);
    const h = 600;
    const grid = kernelDensity(new Float64Array([-73.9]), new Float64Array([40.7]), {
      bandwidthM: h,
      cellSizeM: 50,
      bbox,
      years: 1,
    });
    let outside = 0;
    for (let r = 0; r < grid.height; r++) {
      for (let c = 0; c < grid.width; c++) {
        const d = Math.hypot((c + 0.5) * 50 - 1500, (r + 0.5) * 50 - 1500);
        const v = grid.values[r * grid.width + c] as number;
        if (d > h + 1e-6) {
          expect(v).toBe(0);
          outside++;
        } else if (d < h - 1e-6) {
          expect(v).toBeGreaterThan(0);
        }
      }
    }
    expect(outside).toBeGreaterThan(2000);
  });

  it('scales with weights and years, and counts skipped points', () => {
    const bbox = bboxAround(-73.9, 40.7, 1000, 1000);
    const base = { bandwidthM: 300, cellSizeM: 50, bbox, precision: 'float64' } as const;
    const one = kernelDensity(new Float64Array([-73.9]), new Float64Array([40.7]), { ...base, years: 1 });
    const weighted = kernelDensity(new Float64Array([-73.9, Number.NaN]), new Float64Array([40.7, 40.7]), {
      ...base,
      years: 4,
      weights: new Float64Array([8, 1]),
    });
    expect(weighted.pointsUsed).toBe(1);
    expect(weighted.pointsSkipped).toBe(1);
    for (let k = 0; k < one.values.length; k++) {
      expect(weighted.values[k]).toBeCloseTo((one.values[k] as number) * 2, 9);
    }
  });

  it('reports the real grid extent', () => {
    const grid = kernelDensity(new Float64Array(0), new Float64Array(0), {
      bandwidthM: 100,
      cellSizeM: 100,
      bbox: [-74, 40.6, -73.99, 40.61],
      years: 1,
    });
    // 0.01° of longitude at 40.605° N ≈ 844 m → 9 cells; 0.01° of latitude ≈ 1112 m → 12 cells
    expect([grid.width, grid.height]).toEqual([9, 12]);
    expect(grid.bbox[0]).toBe(-74);
    expect(grid.bbox[3]).toBe(40.61);
    expect(grid.bbox[2]).toBeGreaterThanOrEqual(-73.99);
    expect(grid.bbox[1]).toBeLessThanOrEqual(40.6);
    expect(grid.max).toBe(0);
  });

  it('validates its inputs', () => {
    const p = new Float64Array([-73.9]);
    const q = new Float64Array([40.7]);
    const ok = { bandwidthM: 300, cellSizeM: 50, bbox: [-74, 40.6, -73.8, 40.8] as const, years: 1 };
    expect(() => kernelDensity(p, q, { ...ok, bandwidthM: 0 })).toThrow(RangeError);
    expect(() => kernelDensity(p, q, { ...ok, bandwidthM: Number.NaN })).toThrow(/bandwidthM/);
    expect(() => kernelDensity(p, q, { ...ok, bandwidthM: -5 })).toThrow(/bandwidthM/);
    expect(() => kernelDensity(p, q, { ...ok, bandwidthM: 40 })).toThrow(/at least cellSizeM/);
    expect(() => kernelDensity(p, q, { ...ok, cellSizeM: 0 })).toThrow(/cellSizeM/);
    expect(() => kernelDensity(p, q, { ...ok, years: 0 })).toThrow(/years/);
    expect(() => kernelDensity(p, q, { ...ok, bbox: [-73.8, 40.6, -74, 40.8] })).toThrow(/bbox/);
    expect(() => kernelDensity(p, q, { ...ok, cellSizeM: 1, bandwidthM: 300 })).toThrow(/maxCells/);
    expect(() => kernelDensity(p, new Float64Array(2), ok)).toThrow(/length/);
    expect(() => kernelDensity(p, q, { ...ok, weights: new Float64Array([-1]) })).toThrow(/weight/);
    expect(() => kernelDensity([1] as unknown as Float64Array, q, ok)).toThrow(TypeError);
  });
});

describe('densityColorDomain', () => {
  it('is the type-7 quantile of the positive values', () => {
    const values = new Float32Array([0, 0, 0, 1, 2, 3, 4, 5, 0, 0]);
    // positive values 1..5: position (5 − 1)·0.9 = 3.6 → 4 + 0.6·(5 − 4)
    expect(densityColorDomain(values, 0.9)[1]).toBeCloseTo(4.6, 6);
    expect(densityColorDomain(values, 1)).toEqual([0, 5]);
    expect(densityColorDomain(new Float32Array(4))).toEqual([0, 0]);
    expect(() => densityColorDomain(values, 0)).toThrow(RangeError);
    expect(() => densityColorDomain(values, 1.5)).toThrow(RangeError);
  });
});

describe('kernelDensity on NYPD shootings (2024)', () => {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
  const file = path.resolve(repoRoot, '../shared/data/NYPD_Shooting_Incident_Data__Historic_.csv');
  const present = existsSync(file);
  if (!present && process.env.CI === 'true') {
    it('needs the NYPD data file', () => {
      expect.fail(`missing ${file}`);
    });
  }
  it.skipIf(!present)(
    'keeps the mass of 2024 incidents: Σ density × cell area = incidents / years ± 0.5%',
    () => {
      const lines = readFileSync(file, 'utf8').split(/\r?\n/);
      const header = splitCsvLine(lines[0] as string);
      const key = header.indexOf('INCIDENT_KEY');
      const date = header.indexOf('OCCUR_DATE');
      const latCol = header.indexOf('Latitude');
      const lonCol = header.indexOf('Longitude');
      const seen = new Map<string, [number, number]>();
      for (const line of lines.slice(1)) {
        if (!line) continue;
        const f = splitCsvLine(line);
        if (!(f[date] as string).endsWith('/2024')) continue;
        const k = f[key] as string;
        if (seen.has(k) || f[latCol] === '' || f[lonCol] === '') continue;
        seen.set(k, [Number(f[lonCol]), Number(f[latCol])]);
      }
      const lon = Float64Array.from([...seen.values()].map((p) => p[0]));
      const lat = Float64Array.from([...seen.values()].map((p) => p[1]));
      expect(lon.length).toBeGreaterThan(500);
      const grid = kernelDensity(lon, lat, {
        bandwidthM: 400,
        cellSizeM: 50,
        bbox: [-74.3, 40.45, -73.65, 40.95],
        years: 1,
      });
      let sum = 0;
      for (const v of grid.values) sum += v;
      const mass = (sum * 50 * 50) / 1e6;
      expect(Math.abs(mass / lon.length - 1)).toBeLessThan(0.005);
      const [, upper] = densityColorDomain(grid.values, 0.99);
      expect(upper).toBeGreaterThan(0);
      expect(upper).toBeLessThan(grid.max);
    },
  );
});

/** Minimal CSV field splitter (double quotes, "" escapes); enough for the NYPD file. */
function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}
