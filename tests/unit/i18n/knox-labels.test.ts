/**
 * Near-repeat band labels and the planner's window sentence in the interface's language: in English they
 * equal the labels and statement the statistics modules write (so English is unchanged, but for thousands
 * grouping), in Spanish they are Spanish, with the interface's Spanish numbers (es-US).
 */
import i18next from 'i18next';
import { afterAll, describe, expect, it } from 'vitest';
import { knoxBands } from '../../../src/analysis/nearrepeat/knox-bands';
import type { KnoxResult } from '../../../src/analysis/nearrepeat/knox-test';
import {
  nearRepeatFacts,
  nearRepeatMessage,
  nearRepeatSentence,
} from '../../../src/analysis/nearrepeat/near-repeat-sentence';
import { nearRepeatWindow } from '../../../src/analysis/planning/hot-now';
import { setFormatLocale } from '../../../src/analysis/privacy/count-format';
import { seededRandom } from '../../../src/analysis/random';
import { initI18n } from '../../../src/ui/i18n';
import { messageText } from '../../../src/ui/i18n/use-message';
import { knoxSpaceLabels, knoxTimeLabels, nearRepeatWindowText } from '../../../src/ui/knox-labels';

const BAND_SETS: [number[], number[]][] = [
  [
    [100, 200, 300, 400],
    [7, 14, 21, 28],
  ],
  [
    [50, 125.5, 900],
    [1, 30],
  ],
  [[750], [365]],
];

/** A Knox result on the bands with two significant cells (p tiny) and the rest null. */
function knoxOn(spaceBands: number[], timeBands: number[]): KnoxResult {
  const b = knoxBands(spaceBands, timeBands);
  const rows = spaceBands.length + 1;
  const cols = timeBands.length;
  const grid = (v: number) => Array.from({ length: rows }, () => Array.from({ length: cols }, () => v));
  const ratio = grid(1);
  const p = grid(1);
  const observed = grid(10);
  const expected = grid(10);
  ratio[1]![0] = 1.9375;
  p[1]![0] = 0.001;
  observed[1]![0] = 31;
  ratio[rows - 1]![cols - 1] = 1.5;
  p[rows - 1]![cols - 1] = 0.001;
  observed[rows - 1]![cols - 1] = 15;
  return {
    ...b,
    ratio,
    p,
    observed,
    expected,
    incidents: 500,
  } as unknown as KnoxResult;
}

/** Knox results covering the sentence's four forms, singular and plural words, and the p-value floor. */
function sentenceCases(): KnoxResult[] {
  const random = seededRandom(7);
  const out: KnoxResult[] = [];
  for (let i = 0; i < 200; i++) {
    const spaceBands = i % 5 === 0 ? [125.5, 400] : [100, 200, 300];
    const timeBands = i % 7 === 0 ? [1, 3] : [7, 14, 21];
    const rows = spaceBands.length + 1;
    const cols = timeBands.length;
    const form = i % 4;
    const cell = () =>
      form === 0 ? 0 : form === 1 ? (random() < 0.2 ? 1 : Math.floor(random() * 3000)) : random() * 2000;
    const observed = Array.from({ length: rows }, () =>
      Array.from({ length: cols }, () => Math.round(cell())),
    );
    const expected = Array.from({ length: rows }, () =>
      Array.from({ length: cols }, () => (form <= 1 ? 0 : random() < 0.1 ? random() * 2 : random() * 1500)),
    );
    const permutations = [19, 99, 999][i % 3]!;
    const floor = 1 / (permutations + 1);
    const p = Array.from({ length: rows }, () =>
      Array.from({ length: cols }, () => (random() < 0.3 ? floor : Math.max(floor, random()))),
    );
    out.push({
      ...knoxBands(spaceBands, timeBands),
      observed,
      expected,
      permutations,
      cumulative: { p },
    } as unknown as KnoxResult);
  }
  return out;
}

afterAll(() => {
  void i18next.changeLanguage('en');
  setFormatLocale('en');
});

describe('near-repeat words', () => {
  it('in English equal what the statistics modules write', () => {
    initI18n('en');
    for (const [space, time] of BAND_SETS) {
      const b = knoxBands(space, time);
      expect(knoxSpaceLabels(space, i18next.t)).toEqual(b.spaceLabels);
      expect(knoxTimeLabels(time, i18next.t)).toEqual(b.timeLabels);
      const window = nearRepeatWindow(knoxOn(space, time))!;
      expect(nearRepeatWindowText(window, i18next.t)).toBe(window.statement);
    }
    // the Knox panel's sentence, in every form, equals the command line's
    const kinds = new Set<string>();
    for (const result of sentenceCases()) {
      const facts = nearRepeatFacts(result);
      kinds.add(facts.kind);
      expect(messageText(nearRepeatMessage(facts))).toBe(nearRepeatSentence(result));
    }
    expect([...kinds].sort()).toEqual(['likelier', 'no-expected', 'no-pairs', 'not-detectable']);
    // the interface groups thousands as every other number it shows
    expect(knoxSpaceLabels([1000, 2500], i18next.t)).toEqual(['same location', '1–1,000 m', '1,001–2,500 m']);
  });

  it('in Spanish are Spanish, with numbers as Spanish in the United States writes them', () => {
    initI18n('es');
    setFormatLocale('es');
    expect(knoxSpaceLabels([50, 125.5], i18next.t)).toEqual(['mismo lugar', '1–50 m', '>50–125.5 m']);
    expect(knoxTimeLabels([7, 14], i18next.t)).toEqual(['0–7 días', '8–14 días']);
    const window = nearRepeatWindow(knoxOn([100, 200], [7, 14]))!;
    const sentence = messageText(
      nearRepeatMessage({
        kind: 'likelier',
        metres: 200,
        days: 14,
        observed: 1212,
        expected: 577.4,
        ratio: 1212 / 577.4,
        p: 0.001,
        permutations: 999,
        smallestP: true,
        alpha: 0.05,
      }),
    );
    expect(sentence).toBe(
      'A menos de 200 m y 14 días de un tiroteo, otro tiroteo fue 2.1 veces tan probable como lo que daría el azar (1,212 pares observados, 577 esperados; p = 0.001, la menor posible con 999 permutaciones).',
    );
    expect(nearRepeatWindowText(window, i18next.t)).toBe(
      'a menos de 200 m y 14 días de un incidente (bandas de Knox con FDR q ≤ 0.05: 1–100 m × 0–7 días: razón 1.94; 101–200 m × 8–14 días: razón 1.50)',
    );
  });
});
