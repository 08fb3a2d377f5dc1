import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EARTH_RADIUS_METRES } from '../../../src/analysis/nearrepeat/close-pairs';
import { type KnoxInput, knoxTest } from '../../../src/analysis/nearrepeat/knox-test';
import { seededRandom } from '../../../src/analysis/random';
import { loadNypdIncidents, nypdAvailable } from './nypd-incidents';
import { plantedCluster } from './planted-cluster';

const METRES_PER_DEGREE = (EARTH_RADIUS_METRES * Math.PI) / 180;

/** Points on the equator placed `x` metres east of 0°, so that pair distances are |x_i − x_j| metres. */
function equator(xMetres: number[], days: number[]): KnoxInput {
  return {
    lon: Float64Array.from(xMetres, (x) => x / METRES_PER_DEGREE),
    lat: new Float64Array(xMetres.length),
    day: Int32Array.from(days),
  };
}

/*
 * Hand-worked example. Six incidents on the equator (x in metres, day):
 *   A (0, 0)  B (0, 3)  C (50, 10)  D (160, 12)  E (270, 20)  F (1000, 1)
 * Space bands [100, 200, 300] → rows: same location | 1–100 m | 101–200 m | 201–300 m
 * Time bands [7, 14]          → columns: 0–7 days | 8–14 days
 *
 * The 15 pairs, distance (m) and days apart:
 *   A-B   0,  3 → same location, 0–7      B-D 160,  9 → 101–200, 8–14
 *   A-C  50, 10 → 1–100, 8–14             B-E 270, 17 → 201–300, beyond 14 days
 *   A-D 160, 12 → 101–200, 8–14           C-D 110,  2 → 101–200, 0–7
 *   A-E 270, 20 → 201–300, beyond         C-E 220, 10 → 201–300, 8–14
 *   B-C  50,  7 → 1–100, 0–7 (7 included) D-E 110,  8 → 101–200, 8–14
 *   every pair with F is 730 m or more apart → beyond 300 m, not counted
 * Observed:              0–7  8–14
 *   same location          1     0
 *   1–100 m                1     1
 *   101–200 m              1     3
 *   201–300 m              0     1
 * Pairs within 300 m: A-B, A-C, A-D, A-E, B-C, B-D, B-E, C-D, C-E, D-E = 10.
 *
 * Expected under random permutation of the days: any two incidents receive a uniformly random pair of the
 * six day values {0, 3, 10, 12, 20, 1}. Of their 15 differences (3, 10, 12, 20, 1, 7, 9, 17, 2, 2, 10, 9,
 * 8, 11, 19), 5 are 0–7 days and 7 are 8–14 days. A row holding m close pairs therefore expects m·5/15 and
 * m·7/15 pairs; rows hold m = 1, 2, 4, 3 close pairs (A-B | A-C, B-C | A-D, B-D, C-D, D-E | A-E, B-E, C-E).
 */
const HAND = equator([0, 0, 50, 160, 270, 1000], [0, 3, 10, 12, 20, 1]);
const HAND_OPTIONS = { spaceBands: [100, 200, 300], timeBands: [7, 14] };
const HAND_OBSERVED = [
  [1, 0],
  [1, 1],
  [1, 3],
  [0, 1],
];
const HAND_EXPECTED = [1, 2, 4, 3].map((m) => [(m * 5) / 15, (m * 7) / 15]);

/** Cell counts of the hand example for one assignment of days, by direct enumeration of the 15 pairs. */
function handCounts(days: number[]): number[][] {
  const x = [0, 0, 50, 160, 270, 1000];
  const counts = [
    [0, 0],
    [0, 0],
    [0, 0],
    [0, 0],
  ];
  for (let i = 0; i < 6; i++) {
    for (let j = i + 1; j < 6; j++) {
      const d = Math.abs(x[i]! - x[j]!);
      const t = Math.abs(days[i]! - days[j]!);
      const row = d === 0 ? 0 : d <= 100 ? 1 : d <= 200 ? 2 : d <= 300 ? 3 : -1;
      const column = t <= 7 ? 0 : t <= 14 ? 1 : -1;
      if (row >= 0 && column >= 0) counts[row]![column]!++;
    }
  }
  return counts;
}

function permutationsOf(values: number[]): number[][] {
  if (values.length <= 1) return [values];
  return values.flatMap((v, k) =>
    permutationsOf([...values.slice(0, k), ...values.slice(k + 1)]).map((rest) => [v, ...rest]),
  );
}

describe('knoxTest: hand-worked example', () => {
  it('counts the pairs worked out by hand, with labels rows = distance, columns = time', () => {
    const result = knoxTest(HAND, { ...HAND_OPTIONS, permutations: 9, seed: 3 });
    expect(result.observed).toEqual(HAND_OBSERVED);
    expect(result.pairsConsidered).toBe(10);
    expect(result.incidents).toBe(6);
    expect(result.spaceLabels).toEqual(['same location', '1–100 m', '101–200 m', '201–300 m']);
    expect(result.timeLabels).toEqual(['0–7 days', '8–14 days']);
    // Cumulative window "within 200 m and 14 days" = rows 0..2, columns 0..1 = 1 + 0 + 1 + 1 + 1 + 3.
    expect(result.cumulative.observed[2]![1]).toBe(7);
    expect(result.cumulative.observed[3]![0]).toBe(3);
  });

  it('permutation means match the closed-form expectation m·q (20,000 permutations, tolerance 0.05)', () => {
    const result = knoxTest(HAND, { ...HAND_OPTIONS, permutations: 20_000, seed: 42 });
    // The enumeration of all 720 assignments gives the same expectation exactly.
    const all = permutationsOf([0, 3, 10, 12, 20, 1]);
    const mean = HAND_OBSERVED.map((row, r) =>
      row.map((_, c) => all.reduce((s, d) => s + handCounts(d)[r]![c]!, 0) / all.length),
    );
    for (let r = 0; r < 4; r++) {
      for (let c = 0; c < 2; c++) {
        expect(mean[r]![c]).toBeCloseTo(HAND_EXPECTED[r]![c]!, 12);
        // Standard error of a cell mean is below 2 / sqrt(20,000) = 0.014.
        expect(Math.abs(result.expected[r]![c]! - HAND_EXPECTED[r]![c]!)).toBeLessThan(0.05);
        expect(result.ratio[r]![c]).toBeCloseTo(HAND_OBSERVED[r]![c]! / result.expected[r]![c]!, 12);
      }
    }
  });

  it('Monte Carlo p-values agree with exact p from all 720 permutations (tolerance 0.015)', () => {
    const all = permutationsOf([0, 3, 10, 12, 20, 1]).map(handCounts);
    const result = knoxTest(HAND, { ...HAND_OPTIONS, permutations: 20_000, seed: 5 });
    for (let r = 0; r < 4; r++) {
      for (let c = 0; c < 2; c++) {
        const exact = all.filter((counts) => counts[r]![c]! >= HAND_OBSERVED[r]![c]!).length / all.length;
        // SE of a Monte Carlo proportion is at most sqrt(0.25 / 20,000) = 0.0035.
        expect(Math.abs(result.p[r]![c]! - exact)).toBeLessThan(0.015);
      }
    }
    // Cumulative window within 200 m and 14 days (7 pairs observed).
    const window = (counts: number[][]) => counts.slice(0, 3).reduce((s, row) => s + row[0]! + row[1]!, 0);
    const exactWindow = all.filter((counts) => window(counts) >= 7).length / all.length;
    expect(Math.abs(result.cumulative.p[2]![1]! - exactWindow)).toBeLessThan(0.015);
  });
});

describe('knoxTest: permutation properties', () => {
  it('same seed gives identical expected and p; another seed differs', () => {
    const a = knoxTest(HAND, { ...HAND_OPTIONS, permutations: 199, seed: 17 });
    const b = knoxTest(HAND, { ...HAND_OPTIONS, permutations: 199, seed: 17 });
    const c = knoxTest(HAND, { ...HAND_OPTIONS, permutations: 199, seed: 18 });
    expect(b.expected).toEqual(a.expected);
    expect(b.p).toEqual(a.p);
    expect(b.cumulative).toEqual(a.cumulative);
    expect(c.expected).not.toEqual(a.expected);
    expect(a.seed).toBe(17);
    expect(a.permutations).toBe(199);
  });

  it('p lies in [1/(perms + 1), 1] and is a multiple of 1/(perms + 1)', () => {
    const perms = 99;
    const result = knoxTest(HAND, { ...HAND_OPTIONS, permutations: perms, seed: 2 });
    for (const table of [result.p, result.cumulative.p]) {
      for (const p of table.flat()) {
        expect(p).toBeGreaterThanOrEqual(1 / (perms + 1));
        expect(p).toBeLessThanOrEqual(1);
        expect(Math.abs(p * (perms + 1) - Math.round(p * (perms + 1)))).toBeLessThan(1e-9);
      }
    }
  });

  it('with one permutation, expected is that permutation’s integer count and p is 1/2 or 1', () => {
    const result = knoxTest(HAND, { ...HAND_OPTIONS, permutations: 1, seed: 9 });
    for (let r = 0; r < 4; r++) {
      for (let c = 0; c < 2; c++) {
        const e = result.expected[r]![c]!;
        expect(Number.isInteger(e)).toBe(true);
        expect(result.p[r]![c]).toBe(e >= HAND_OBSERVED[r]![c]! ? 1 : 0.5);
      }
    }
    // A permutation re-bins the same 10 close pairs, so its table total cannot exceed 10.
    expect(result.expected.flat().reduce((s, v) => s + v, 0)).toBeLessThanOrEqual(10);
  });

  it('cumulative tables are running sums of the cell tables', () => {
    const result = knoxTest(HAND, { ...HAND_OPTIONS, permutations: 50, seed: 4 });
    for (let s = 0; s < 4; s++) {
      for (let t = 0; t < 2; t++) {
        let o = 0;
        let e = 0;
        for (let r = 0; r <= s; r++) {
          for (let c = 0; c <= t; c++) {
            o += result.observed[r]![c]!;
            e += result.expected[r]![c]!;
          }
        }
        expect(result.cumulative.observed[s]![t]).toBe(o);
        expect(result.cumulative.expected[s]![t]).toBeCloseTo(e, 9);
      }
    }
  });

  it('a planted space-time cluster gives ratio > 2 and p = 0.001 near, while far cells stay near 1', () => {
    const result = knoxTest(plantedCluster(), { permutations: 999, seed: 1 });
    expect(result.ratio[1]![0]).toBeGreaterThan(2);
    expect(result.p[1]![0]).toBe(0.001);
    expect(result.cumulative.p[2]![1]).toBe(0.001);
    // 301–400 m and 22–28 days: no planted structure; about 400 pairs, so ±0.3 is beyond 5 standard errors.
    expect(Math.abs(result.ratio[4]![3]! - 1)).toBeLessThan(0.3);
  });

  it('uniformly random places and days give ratios near 1 (each cell ±0.25, whole table ±0.05)', () => {
    const random = seededRandom(99);
    const n = 3000;
    const input = {
      lon: Float64Array.from({ length: n }, () => -73.95 + random() * 0.06),
      lat: Float64Array.from({ length: n }, () => 40.7 + random() * 0.045),
      day: Int32Array.from({ length: n }, () => Math.floor(random() * 365)),
    };
    const result = knoxTest(input, { permutations: 999, seed: 1 });
    // No two random points coincide, so the same-location row is empty and its ratio undefined.
    expect(result.observed[0]).toEqual([0, 0, 0, 0]);
    expect(result.ratio[0]!.every(Number.isNaN)).toBe(true);
    // Each distance cell holds about 200–1,700 pairs (standard error of the ratio at most 0.07).
    for (let r = 1; r <= 4; r++) {
      for (let c = 0; c < 4; c++) {
        expect(result.observed[r]![c]).toBeGreaterThan(150);
        expect(Math.abs(result.ratio[r]![c]! - 1)).toBeLessThan(0.25);
      }
    }
    expect(Math.abs(result.cumulative.ratio[4]![3]! - 1)).toBeLessThan(0.05);
    expect(result.cumulative.p[2]![1]).toBeGreaterThan(0.01);
  });
});

describe('knoxTest: progress, abort and validation', () => {
  it('reports progress after every permutation', () => {
    const calls: [number, number][] = [];
    knoxTest(HAND, {
      ...HAND_OPTIONS,
      permutations: 20,
      onProgress: (done, total) => calls.push([done, total]),
    });
    expect(calls).toEqual(Array.from({ length: 20 }, (_, k) => [k + 1, 20]));
  });

  it('stops with an AbortError between permutations', () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const run = () =>
      knoxTest(HAND, {
        ...HAND_OPTIONS,
        permutations: 1000,
        signal: controller.signal,
        onProgress: (done) => {
          seen.push(done);
          if (done === 5) controller.abort();
        },
      });
    expect(run).toThrow(expect.objectContaining({ name: 'AbortError' }));
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    // Already aborted: nothing runs.
    const calls: number[] = [];
    expect(() =>
      knoxTest(HAND, { ...HAND_OPTIONS, signal: controller.signal, onProgress: (d) => calls.push(d) }),
    ).toThrow(expect.objectContaining({ name: 'AbortError' }));
    expect(calls).toEqual([]);
  });

  it('rejects bad input', () => {
    const base = HAND;
    expect(() => knoxTest({ ...base, day: Int32Array.of(1, 2) })).toThrow(RangeError);
    expect(() => knoxTest({ ...base, day: [0, 3, 10, 12, 20, 1] as unknown as Int32Array })).toThrow(
      TypeError,
    );
    expect(() =>
      knoxTest({ ...base, lat: Float64Array.of(0, 0, 0, 0, 0, Number.POSITIVE_INFINITY) }),
    ).toThrow(/finite/);
    expect(() => knoxTest(base, { permutations: 0 })).toThrow(/permutations/);
    expect(() => knoxTest(base, { permutations: 2.5 })).toThrow(/permutations/);
    expect(() => knoxTest(base, { timeBands: [7, 7] })).toThrow(/increasing/);
    expect(() => knoxTest(base, { timeBands: [7.5] })).toThrow(/whole days/);
    expect(() => knoxTest(base, { spaceBands: [-1, 100] })).toThrow(/positive/);
    expect(() => knoxTest(base, { seed: Number.NaN })).toThrow(/seed/);
  });
});

describe('knoxTest on real NYPD incidents', () => {
  const available = nypdAvailable();
  it.skipIf(!available)(
    'observed counts equal an O(n²) brute-force count over all incidents, exactly',
    () => {
      const { lon, lat, day } = loadNypdIncidents();
      const spaceBands = [100, 200, 300, 400];
      const timeBands = [7, 14, 21, 28];
      const result = knoxTest({ lon, lat, day }, { spaceBands, timeBands, permutations: 1 });

      const r = Math.PI / 180;
      const brute = Array.from({ length: 5 }, () => [0, 0, 0, 0]);
      let within400 = 0;
      for (let i = 0; i < lon.length; i++) {
        for (let j = i + 1; j < lon.length; j++) {
          if (Math.abs(lat[j]! - lat[i]!) > 0.004) continue;
          const a =
            Math.sin(((lat[j]! - lat[i]!) * r) / 2) ** 2 +
            Math.cos(lat[i]! * r) * Math.cos(lat[j]! * r) * Math.sin(((lon[j]! - lon[i]!) * r) / 2) ** 2;
          const d = 2 * 6_371_008.8 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
          const row = d === 0 ? 0 : d <= 100 ? 1 : d <= 200 ? 2 : d <= 300 ? 3 : d <= 400 ? 4 : -1;
          if (row < 0) continue;
          within400++;
          const t = Math.abs(day[i]! - day[j]!);
          const column = t <= 7 ? 0 : t <= 14 ? 1 : t <= 21 ? 2 : t <= 28 ? 3 : -1;
          if (column >= 0) brute[row]![column]!++;
        }
      }
      expect(result.observed).toEqual(brute);
      expect(result.pairsConsidered).toBe(within400);
      expect(result.incidents).toBe(lon.length);
    },
  );
});

describe('knoxTest on NYPD Bronx incidents against R (s2 distances, cut, table)', () => {
  const available = nypdAvailable();
  it.skipIf(!available)(
    'observed counts equal R exactly; expected is within 6 Poisson SEs of the exact mean',
    () => {
      const reference = JSON.parse(
        readFileSync(new URL('../../fixtures/nearrepeat/knox-bronx-reference.json', import.meta.url), 'utf8'),
      ) as { incidents: number; pairsWithin400: number; observed: number[][]; exactExpected: number[][] };
      const all = loadNypdIncidents();
      const bronx = all.boro.flatMap((b, k) => (b === 'BRONX' ? [k] : []));
      const input = {
        lon: Float64Array.from(bronx, (k) => all.lon[k]!),
        lat: Float64Array.from(bronx, (k) => all.lat[k]!),
        day: Int32Array.from(bronx, (k) => all.day[k]!),
      };
      const result = knoxTest(input, { permutations: 999, seed: 1 });
      expect(result.incidents).toBe(reference.incidents);
      expect(result.pairsConsidered).toBe(reference.pairsWithin400);
      expect(result.observed).toEqual(reference.observed);
      // The mean of 999 shuffles estimates the exact permutation mean (computed in R in closed form);
      // shuffled counts are slightly overdispersed, so allow 6 Poisson standard errors of the mean.
      for (let s = 0; s < 5; s++) {
        for (let t = 0; t < 4; t++) {
          const exact = reference.exactExpected[s]![t]!;
          expect(Math.abs(result.expected[s]![t]! - exact)).toBeLessThan(6 * Math.sqrt(exact / 999));
        }
      }
    },
  );
});
