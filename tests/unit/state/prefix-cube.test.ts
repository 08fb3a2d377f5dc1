import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src/analysis/random';
import { cubeMonthly, cubeRange, prefixCube } from '../../../src/state/prefix-cube';

describe('prefixCube', () => {
  it('answers every month range exactly as a brute-force sum', () => {
    const random = seededRandom(11);
    const months = 37;
    const bins = 9;
    const n = 2000;
    const month = Int32Array.from({ length: n }, () => Math.floor(random() * months));
    const bin = Int32Array.from({ length: n }, () => Math.floor(random() * bins));
    const value = Float64Array.from({ length: n }, () => Math.floor(random() * 5));
    const cube = prefixCube(months, bins, month, bin, value);
    for (let from = 0; from < months; from += 3) {
      for (let to = from; to < months; to += 4) {
        const expected = new Float64Array(bins);
        for (let i = 0; i < n; i++) if (month[i]! >= from && month[i]! <= to) expected[bin[i]!]! += value[i]!;
        expect(Array.from(cubeRange(cube, from, to))).toEqual(Array.from(expected));
      }
    }
    const perMonth = new Float64Array(months);
    for (let i = 0; i < n; i++) if (bin[i] === 2) perMonth[month[i]!]! += value[i]!;
    expect(Array.from(cubeMonthly(cube, 2))).toEqual(Array.from(perMonth));
  });

  it('clamps ranges and rejects entries outside the cube', () => {
    const cube = prefixCube(3, 1, [0, 1, 2], [0, 0, 0], [1, 2, 4]);
    expect(Array.from(cubeRange(cube, -5, 99))).toEqual([7]);
    expect(Array.from(cubeRange(cube, 2, 1))).toEqual([0]);
    expect(() => prefixCube(3, 1, [3], [0], [1])).toThrow(RangeError);
    expect(() => prefixCube(3, 1, [0], [1], [1])).toThrow(RangeError);
  });
});
