import { distance } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import {
  closePairs,
  EARTH_RADIUS_METRES,
  haversineMetres,
} from '../../../src/analysis/nearrepeat/close-pairs';
import { seededRandom } from '../../../src/analysis/random';
import { loadNypdIncidents, nypdAvailable } from './nypd-incidents';

const BANDS = [100, 200, 300, 400];

/** Independent spherical distance for the brute-force reference (atan2 form of the haversine). */
function referenceMetres(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const r = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * r) / 2) ** 2 +
    Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * 6_371_008.8 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
}

function referenceBand(d: number): number {
  if (d === 0) return 0;
  for (let b = 0; b < BANDS.length; b++) if (d <= BANDS[b]!) return b + 1;
  return -1;
}

describe('haversineMetres', () => {
  it('matches turf distance (same sphere radius) to 1e-6 m on random city-scale pairs', () => {
    const random = seededRandom(7);
    for (let k = 0; k < 1000; k++) {
      const lon1 = -74.2 + random() * 0.5;
      const lat1 = 40.5 + random() * 0.4;
      const lon2 = lon1 + (random() - 0.5) * 0.02;
      const lat2 = lat1 + (random() - 0.5) * 0.02;
      const turfMetres = distance([lon1, lat1], [lon2, lat2], { units: 'meters' });
      expect(Math.abs(haversineMetres(lon1, lat1, lon2, lat2) - turfMetres)).toBeLessThan(1e-6);
    }
  });

  it('gives R·Δλ along the equator (closed form) and 0 for identical points', () => {
    expect(haversineMetres(0, 0, 1, 0)).toBeCloseTo((EARTH_RADIUS_METRES * Math.PI) / 180, 6);
    expect(haversineMetres(-73.9, 40.7, -73.9, 40.7)).toBe(0);
  });
});

describe('closePairs', () => {
  it('finds exactly the brute-force pairs and bands on 1,000 seeded random points', () => {
    const random = seededRandom(11);
    const n = 1000;
    const lon = Float64Array.from({ length: n }, () => -73.95 + random() * 0.05);
    const lat = Float64Array.from({ length: n }, () => 40.7 + random() * 0.04);
    // A few stacked points, as in real data.
    lon[1] = lon[0]!;
    lat[1] = lat[0]!;
    lon[2] = lon[0]!;
    lat[2] = lat[0]!;
    const pairs = closePairs({ lon, lat }, { spaceBands: BANDS });
    const found = new Map<string, number>();
    for (let p = 0; p < pairs.count; p++) found.set(`${pairs.i[p]}-${pairs.j[p]}`, pairs.spaceBand[p]!);
    const expected = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const band = referenceBand(referenceMetres(lon[i]!, lat[i]!, lon[j]!, lat[j]!));
        if (band >= 0) expected.set(`${i}-${j}`, band);
      }
    }
    expect(pairs.count).toBe(expected.size);
    expect(found).toEqual(expected);
    expect(pairs.bandStart[0]).toBe(0);
    expect(pairs.bandStart[BANDS.length + 1]).toBe(pairs.count);
    for (let b = 0; b <= BANDS.length; b++) {
      for (let p = pairs.bandStart[b]!; p < pairs.bandStart[b + 1]!; p++) expect(pairs.spaceBand[p]).toBe(b);
    }
    // 0-1, 0-2 and 1-2 are stacked.
    expect(found.get('0-1')).toBe(0);
    expect(found.get('1-2')).toBe(0);
  });

  it('finds pairs across the antimeridian and near a pole', () => {
    const metresPerDegree = (EARTH_RADIUS_METRES * Math.PI) / 180;
    const half = 50 / metresPerDegree; // 50 m either side of 180° on the equator → 100 m apart
    const lon = Float64Array.from([180 - half, -180 + half, 0, 90]);
    const lat = Float64Array.from([0, 0, 90 - 100 / metresPerDegree, 90 - 150 / metresPerDegree]);
    const pairs = closePairs({ lon, lat }, { spaceBands: [120, 300] });
    const found = Array.from(
      { length: pairs.count },
      (_, p) => `${pairs.i[p]}-${pairs.j[p]}:${pairs.spaceBand[p]}`,
    );
    // Points 2 and 3 are 100 m and 150 m from the pole on meridians 90° apart: sqrt(100² + 150²) ≈ 180 m.
    expect(found.sort()).toEqual(['0-1:1', '2-3:2']);
  });

  it('treats band bounds as inclusive upper limits: a pair exactly at a bound is in that band', () => {
    const lon = Float64Array.of(-73.9, -73.9012);
    const lat = Float64Array.of(40.7, 40.7003);
    const d = haversineMetres(lon[0]!, lat[0]!, lon[1]!, lat[1]!);
    expect(d).toBeGreaterThan(100);
    expect(d).toBeLessThan(120);
    const at = closePairs({ lon, lat }, { spaceBands: [d, 2 * d] });
    expect(Array.from(at.spaceBand)).toEqual([1]);
    const below = closePairs({ lon, lat }, { spaceBands: [d * (1 - 1e-12), 2 * d] });
    expect(Array.from(below.spaceBand)).toEqual([2]);
    const beyond = closePairs({ lon, lat }, { spaceBands: [d * (1 - 1e-12)] });
    expect(beyond.count).toBe(0);
  });

  it('returns no pairs for fewer than two incidents', () => {
    expect(
      closePairs({ lon: new Float64Array(0), lat: new Float64Array(0) }, { spaceBands: [100] }).count,
    ).toBe(0);
    expect(
      closePairs({ lon: Float64Array.of(1), lat: Float64Array.of(2) }, { spaceBands: [100] }).count,
    ).toBe(0);
  });

  it('rejects unequal lengths, non-finite or out-of-range coordinates, and bad bands', () => {
    const ok = { lon: Float64Array.of(0, 0), lat: Float64Array.of(0, 0) };
    expect(() =>
      closePairs({ lon: Float64Array.of(0), lat: Float64Array.of(0, 1) }, { spaceBands: [1] }),
    ).toThrow(RangeError);
    expect(() =>
      closePairs({ lon: Float64Array.of(Number.NaN, 0), lat: Float64Array.of(0, 0) }, { spaceBands: [1] }),
    ).toThrow(/finite/);
    expect(() =>
      closePairs({ lon: Float64Array.of(200, 0), lat: Float64Array.of(0, 0) }, { spaceBands: [1] }),
    ).toThrow(/out of range/);
    expect(() => closePairs(ok, { spaceBands: [] })).toThrow(RangeError);
    expect(() => closePairs(ok, { spaceBands: [200, 100] })).toThrow(/increasing/);
    expect(() => closePairs(ok, { spaceBands: [0, 100] })).toThrow(/positive/);
    expect(() =>
      closePairs({ lon: [0, 0] as unknown as Float64Array, lat: ok.lat }, { spaceBands: [1] }),
    ).toThrow(TypeError);
  });
});

describe('closePairs on real NYPD incidents', () => {
  const available = nypdAvailable();
  it.skipIf(!available)('equals an O(n²) brute force over all geolocated incidents, pair for pair', () => {
    const { lon, lat } = loadNypdIncidents();
    const n = lon.length;
    expect(n).toBeGreaterThan(23_000);
    const pairs = closePairs({ lon, lat }, { spaceBands: BANDS });
    const bandOf = new Map<number, number>();
    for (let p = 0; p < pairs.count; p++) bandOf.set(pairs.i[p]! * n + pairs.j[p]!, pairs.spaceBand[p]!);
    expect(bandOf.size).toBe(pairs.count);

    let bruteCount = 0;
    let mismatches = 0;
    let nearBoundary = 0;
    const maxDegrees = 0.004; // 400 m is 0.0036° of latitude; a safe latitude pre-filter
    for (let i = 0; i < n; i++) {
      const yi = lat[i]!;
      for (let j = i + 1; j < n; j++) {
        if (Math.abs(lat[j]! - yi) > maxDegrees) continue;
        const d = referenceMetres(lon[i]!, yi, lon[j]!, lat[j]!);
        const band = referenceBand(d);
        for (const bound of BANDS) if (Math.abs(d - bound) < 1e-6) nearBoundary++;
        if (band < 0) continue;
        bruteCount++;
        if (bandOf.get(i * n + j) !== band) mismatches++;
      }
    }
    // A pair within 1 µm of a band edge could fall either side by rounding; there are none in this data.
    expect(nearBoundary).toBe(0);
    expect(mismatches).toBe(0);
    expect(pairs.count).toBe(bruteCount);
  });
});
