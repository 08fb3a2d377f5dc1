import { describe, expect, it } from 'vitest';
import { type KnoxResult, knoxTest } from '../../../src/analysis/nearrepeat/knox-test';
import { nearRepeatSentence } from '../../../src/analysis/nearrepeat/near-repeat-sentence';
import { plantedCluster } from './planted-cluster';

/** The planted-cluster fixture's Knox result (999 permutations, seed 1). */
function clustered(): KnoxResult {
  return knoxTest(plantedCluster(), { permutations: 999, seed: 1 });
}

/** Σ observed / Σ expected over rows 0..s+1 and columns 0..t, computed here independently. */
function windowRatio(result: KnoxResult, s: number, t: number): { o: number; e: number } {
  let o = 0;
  let e = 0;
  for (let r = 0; r <= s + 1; r++) {
    for (let c = 0; c <= t; c++) {
      o += result.observed[r]![c]!;
      e += result.expected[r]![c]!;
    }
  }
  return { o, e };
}

function clone(result: KnoxResult): KnoxResult {
  return structuredClone(result);
}

describe('nearRepeatSentence', () => {
  const result = clustered();

  it('reports the default window (2nd space band, 2nd time band) with its ratio, counts and p', () => {
    const { o, e } = windowRatio(result, 1, 1);
    const sentence = nearRepeatSentence(result);
    expect(sentence.startsWith('Within 200 m and 14 days of a shooting, another shooting was ')).toBe(true);
    expect(sentence).toContain(`${(o / e).toFixed(1)}× as likely as chance would give`);
    expect(sentence).toContain(
      `${o.toLocaleString('en-US')} pairs seen, ${Math.round(e).toLocaleString('en-US')} expected`,
    );
    expect(sentence).toContain(`p = ${result.cumulative.p[2]![1]}`);
    // p = 0.001 is the floor with 999 permutations, and the sentence says so.
    expect(result.cumulative.p[2]![1]).toBe(0.001);
    expect(sentence).toContain('p = 0.001, the smallest possible with 999 permutations');
    expect(sentence.endsWith('.')).toBe(true);
    expect(sentence.split('. ').length).toBe(1);
  });

  it('changes when the result changes (numbers come from the result)', () => {
    const before = nearRepeatSentence(result);
    const changed = clone(result);
    changed.observed[1]![0]! += 300;
    const { o, e } = windowRatio(changed, 1, 1);
    const after = nearRepeatSentence(changed);
    expect(after).not.toBe(before);
    expect(after).toContain(`${(o / e).toFixed(1)}×`);
    const morePerms = clone(result);
    morePerms.cumulative.p[2]![1] = 0.0123;
    expect(nearRepeatSentence(morePerms)).toContain('p = 0.012, 999 permutations');
  });

  it('says plainly when the window is not significant', () => {
    const flat = clone(result);
    flat.cumulative.p[2]![1] = 0.31;
    const sentence = nearRepeatSentence(flat);
    expect(sentence).toContain('not detectably more likely than chance');
    expect(sentence).toContain('p = 0.31');
    expect(sentence).toContain('not significant at 0.05');
    expect(sentence).not.toContain('as likely');
  });

  it('uses a chosen window and alpha', () => {
    const { o, e } = windowRatio(result, 0, 0);
    const sentence = nearRepeatSentence(result, {
      spaceBand: 0,
      timeBand: 0,
      alpha: 0.01,
    });
    expect(sentence.startsWith('Within 100 m and 7 days of a shooting, another shooting was ')).toBe(true);
    expect(sentence).toContain(`${(o / e).toFixed(1)}×`);
    expect(() => nearRepeatSentence(result, { spaceBand: 4 })).toThrow(RangeError);
    expect(() => nearRepeatSentence(result, { timeBand: -1 })).toThrow(RangeError);
    expect(() => nearRepeatSentence(result, { alpha: 0 })).toThrow(RangeError);
  });

  it('says when no pairs fall in the window', () => {
    const empty = knoxTest(
      { lon: Float64Array.of(-73.9, -73.8), lat: Float64Array.of(40.7, 40.7), day: Int32Array.of(0, 1) },
      { permutations: 9 },
    );
    expect(nearRepeatSentence(empty)).toBe(
      'No two shootings happened within 200 m and 14 days of each other, so there is no near-repeat pattern to measure.',
    );
  });

  it('handles pairs seen where the shuffles gave none', () => {
    const none = clone(result);
    none.expected = none.expected.map((row) => row.map(() => 0));
    const { o } = windowRatio(none, 1, 1);
    expect(nearRepeatSentence(none)).toBe(
      `Within 200 m and 14 days of each other, ${o} pairs of shootings happened where the shuffled dates gave none (p = 0.001, the smallest possible with 999 permutations).`,
    );
    none.cumulative.p[2]![1] = 0.2;
    expect(nearRepeatSentence(none)).toContain('(p = 0.20, 999 permutations; not significant at 0.05).');
  });

  it('uses two decimals for ratios close to 1', () => {
    const near = clone(result);
    const { o } = windowRatio(near, 1, 1);
    // Scale expected so the window ratio is exactly 1.04.
    const { e } = windowRatio(near, 1, 1);
    const factor = o / 1.04 / e;
    near.expected = near.expected.map((row) => row.map((v) => v * factor));
    expect(nearRepeatSentence(near)).toContain('1.04× as likely');
  });
});
