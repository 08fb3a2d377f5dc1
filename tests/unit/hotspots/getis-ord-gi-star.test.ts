import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getisOrdGiStar, type SpatialNeighbors } from '../../../src/analysis/hotspots/getis-ord-gi-star';
import { fixturePath } from './shared-data';

/** CSR neighbour lists from plain 0-based lists. */
function csr(lists: number[][]): SpatialNeighbors {
  const offsets = new Int32Array(lists.length + 1);
  lists.forEach((l, i) => {
    offsets[i + 1] = (offsets[i] as number) + l.length;
  });
  return { offsets, neighbors: Int32Array.from(lists.flat()) };
}

interface BronxFixture {
  cells: string[];
  counts: number[];
  neighborsK1: number[][];
  neighborsK2: number[][];
}

function readReference(): { zK1: number[]; zK2: number[]; pK1: number[] } {
  const rows = readFileSync(fixturePath('bronx-r8-gi-star-r.csv'), 'utf8').trim().split('\n').slice(1);
  const cols = rows.map((r) => r.split(',').map(Number));
  return {
    zK1: cols.map((c) => c[1] as number),
    zK2: cols.map((c) => c[2] as number),
    pK1: cols.map((c) => c[3] as number),
  };
}

describe('getisOrdGiStar', () => {
  it('matches R spdep::localG (include.self, style "B") on Bronx shootings per H3 res-8 cell within 1e-9', () => {
    const fx = JSON.parse(readFileSync(fixturePath('bronx-r8.json'), 'utf8')) as BronxFixture;
    const ref = readReference();
    const x = Float64Array.from(fx.counts);
    expect(x.length).toBe(159);
    expect(ref.zK1.length).toBe(159);
    for (const [lists, expected] of [
      [fx.neighborsK1, ref.zK1],
      [fx.neighborsK2, ref.zK2],
    ] as const) {
      const { z } = getisOrdGiStar(x, csr(lists));
      let maxDiff = 0;
      for (let i = 0; i < x.length; i++)
        maxDiff = Math.max(maxDiff, Math.abs((z[i] as number) - (expected[i] as number)));
      expect(maxDiff).toBeLessThan(1e-9);
    }
    // The fixture is not trivial: it has real hot and cold cells.
    expect(Math.max(...ref.zK1)).toBeGreaterThan(5);
    expect(Math.min(...ref.zK1)).toBeLessThan(-1.5);
  });

  it('gives two-sided normal p-values equal to R 2 * pnorm(-abs(z)) within 1e-12', () => {
    const fx = JSON.parse(readFileSync(fixturePath('bronx-r8.json'), 'utf8')) as BronxFixture;
    const ref = readReference();
    const { p } = getisOrdGiStar(Float64Array.from(fx.counts), csr(fx.neighborsK1));
    for (let i = 0; i < p.length; i++)
      expect(Math.abs((p[i] as number) - (ref.pK1[i] as number))).toBeLessThan(1e-12);
  });

  it('matches a hand-worked 4-cell path (closed form, 1e-12)', () => {
    // x = [1, 2, 3, 6] on a path 0-1-2-3, self included. n = 4, mean 3, Σx²/n = 12.5, S² = 3.5.
    // Ends: W = 2, spread (4·2 − 4)/3 = 4/3; middle: W = 3, spread (12 − 9)/3 = 1.
    const x = Float64Array.from([1, 2, 3, 6]);
    const nb = csr([
      [0, 1],
      [0, 1, 2],
      [1, 2, 3],
      [2, 3],
    ]);
    const r = getisOrdGiStar(x, nb);
    const expected = [-3 / Math.sqrt(14 / 3), -3 / Math.sqrt(3.5), 2 / Math.sqrt(3.5), 3 / Math.sqrt(14 / 3)];
    expected.forEach((e, i) => {
      expect(Math.abs((r.z[i] as number) - e)).toBeLessThan(1e-12);
    });
    expect(Array.from(r.neighborSum)).toEqual([3, 6, 11, 9]);
    expect(Array.from(r.neighborCount)).toEqual([2, 3, 3, 2]);
    expect(r.mean).toBe(3);
    expect(Math.abs(r.sd - Math.sqrt(3.5))).toBeLessThan(1e-15);
    // p = 2(1 − Φ(|z|)); Φ(1.0690449676) = 0.857 467... so p ≈ 0.285 05
    expect(Math.abs((r.p[2] as number) - 0.2850494)).toBeLessThan(1e-7);
  });

  it('returns z = 0 and p = 1 when every cell has the same value (S = 0)', () => {
    const r = getisOrdGiStar(
      Float64Array.from([2, 2, 2]),
      csr([
        [0, 1],
        [0, 1, 2],
        [1, 2],
      ]),
    );
    expect(Array.from(r.z)).toEqual([0, 0, 0]);
    expect(Array.from(r.p)).toEqual([1, 1, 1]);
    expect(r.sd).toBe(0);
  });

  it('returns z = 0 and p = 1 for a cell whose neighbourhood is the whole study area', () => {
    const r = getisOrdGiStar(
      Float64Array.from([0, 5, 1]),
      csr([
        [0, 1, 2],
        [0, 1],
        [1, 2],
      ]),
    );
    expect(r.z[0]).toBe(0);
    expect(r.p[0]).toBe(1);
    expect(r.z[1]).not.toBe(0);
  });

  it('rejects invalid input with clear errors', () => {
    const ok = csr([
      [0, 1],
      [0, 1],
    ]);
    expect(() => getisOrdGiStar([1, 2] as unknown as Float64Array, ok)).toThrow(TypeError);
    expect(() => getisOrdGiStar(Float64Array.from([1]), csr([[0]]))).toThrow(RangeError);
    expect(() => getisOrdGiStar(Float64Array.from([1, Number.NaN]), ok)).toThrow(/not finite/);
    expect(() => getisOrdGiStar(Float64Array.from([1, 2]), csr([[1], [0, 1]]))).toThrow(
      /does not list itself/,
    );
    expect(() => getisOrdGiStar(Float64Array.from([1, 2]), csr([[0, 0], [1]]))).toThrow(/twice/);
    expect(() => getisOrdGiStar(Float64Array.from([1, 2]), csr([[0, 2], [1]]))).toThrow(/outside/);
    expect(() => getisOrdGiStar(Float64Array.from([1, 2, 3]), ok)).toThrow(/length n \+ 1/);
    expect(() =>
      getisOrdGiStar(Float64Array.from([1, 2]), {
        offsets: [0, 1, 2],
        neighbors: [0, 1],
      } as unknown as SpatialNeighbors),
    ).toThrow(TypeError);
  });
});
