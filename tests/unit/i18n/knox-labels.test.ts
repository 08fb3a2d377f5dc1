/**
 * Near-repeat band labels and the planner's window sentence in the interface's language: in English they
 * equal the labels and statement the statistics modules write (so English is unchanged, but for thousands
 * grouping), in Spanish they are Spanish, with the interface's Spanish numbers (es-US).
 */
import i18next from 'i18next';
import { afterAll, describe, expect, it } from 'vitest';
import { knoxBands } from '../../../src/analysis/nearrepeat/knox-bands';
import type { KnoxResult } from '../../../src/analysis/nearrepeat/knox-test';
import { nearRepeatWindow } from '../../../src/analysis/planning/hot-now';
import { setFormatLocale } from '../../../src/analysis/privacy/count-format';
import { initI18n } from '../../../src/ui/i18n';
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
    // the interface groups thousands as every other number it shows
    expect(knoxSpaceLabels([1000, 2500], i18next.t)).toEqual(['same location', '1–1,000 m', '1,001–2,500 m']);
  });

  it('in Spanish are Spanish, with numbers as Spanish in the United States writes them', () => {
    initI18n('es');
    setFormatLocale('es');
    expect(knoxSpaceLabels([50, 125.5], i18next.t)).toEqual(['mismo lugar', '1–50 m', '>50–125.5 m']);
    expect(knoxTimeLabels([7, 14], i18next.t)).toEqual(['0–7 días', '8–14 días']);
    const window = nearRepeatWindow(knoxOn([100, 200], [7, 14]))!;
    expect(nearRepeatWindowText(window, i18next.t)).toBe(
      'a menos de 200 m y 14 días de un incidente (bandas de Knox con FDR q ≤ 0.05: 1–100 m × 0–7 días: razón 1.94; 101–200 m × 8–14 días: razón 1.50)',
    );
  });
});
