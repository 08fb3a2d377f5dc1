import { describe, expect, it } from 'vitest';
import { aggregateCsv, areaAggregate } from '../../../src/analysis/rates/area-aggregate';
import {
  joinPopulation,
  parseCsvRecords,
  populationFromProperty,
} from '../../../src/analysis/rates/population-join';
import { initI18n } from '../../../src/ui/i18n';
import { errorText } from '../../../src/ui/i18n/use-message';

/** The error `f` throws. */
function captured(f: () => unknown): unknown {
  try {
    f();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('joinPopulation', () => {
  it('joins by id as text, ignoring leading zeros, and lists what did not match', () => {
    const { columns, rows } = parseCsvRecords(
      'precinct,P1_001N\n001,"84,799"\n5,50598\n5,1\n999,10\n7,n/a\n',
    );
    const j = joinPopulation(['1', '5', '6', '7'], rows, 'precinct', 'P1_001N', columns);
    expect([...j.population]).toEqual([84799, 50598, 0, 0]);
    expect(j.unmatchedAreas).toEqual(['6', '7']);
    expect(j.unusedIds).toEqual(['999']);
    expect(j.duplicateIds).toEqual(['5']);
    expect(j.invalid).toEqual([{ line: 6, id: '7', value: 'n/a' }]);
  });

  it('names the missing column', () => {
    expect(() => joinPopulation(['1'], [{ a: '1' }], 'precinct', 'pop')).toThrow(
      /no column "precinct"; its columns are: a/,
    );
  });

  it('reads a property of the features', () => {
    const j = populationFromProperty(['A', 'B'], [{ population: 1200 }, { population: null }], 'population');
    expect([...j.population]).toEqual([1200, 0]);
    expect(j.invalid).toEqual([{ line: 2, id: 'B', value: '' }]);
  });

  it('reports an unterminated quote with its line', () => {
    expect(() => parseCsvRecords('a,b\n1,"x\n')).toThrow(/line 2: a quoted field is never closed/);
  });

  it('numbers a ragged row by the line an editor shows, past blank lines and quoted line breaks', () => {
    // Line 1 header, line 2 blank, lines 3-4 one record with a quoted line break, line 5 blank, line 6 ragged.
    expect(() => parseCsvRecords('a,b\n\n1,"x\ny"\n\r\n2\n')).toThrow(
      'line 6: 1 field, but the header has 2',
    );
    expect(() => parseCsvRecords('a,b\n1,2,3\n')).toThrow('line 2: 3 fields, but the header has 2');
  });

  it("writes its errors in the interface's language", () => {
    initI18n('es');
    try {
      expect(errorText(captured(() => parseCsvRecords('a,b\n1,2,3\n')))).toBe(
        'línea 2: 3 campos, pero el encabezado tiene 2',
      );
      expect(errorText(captured(() => joinPopulation(['1'], [{ a: '1' }], 'id', 'pop')))).toBe(
        'la tabla no tiene la columna «id»; sus columnas son: a',
      );
    } finally {
      initI18n('en');
    }
  });
});

describe('areaAggregate', () => {
  // Two areas of 10,000 and 40,000 residents over one year: counts 5 and 30 → 50 and 75 per 100,000.
  it('gives crude rates by hand and withholds hidden cells under k', () => {
    const open = areaAggregate({
      ids: ['a', 'b'],
      names: ['A', 'B'],
      periods: [{ label: '2019', years: 1, counts: [5, 30] }],
      population: [10_000, 40_000],
    });
    expect(open.rows.map((r) => r.rate)).toEqual([50, 75]);
    expect(open.rows.map((r) => r.unreliable)).toEqual([true, false]);
    const hidden = areaAggregate({
      ids: ['a', 'b', 'c'],
      names: ['A', 'B', 'C'],
      periods: [{ label: '2019', years: 1, counts: [5, 30, 40] }],
      population: [10_000, 40_000, 20_000],
      k: 11,
    });
    expect(hidden.rows[0]).toMatchObject({
      count: null,
      countText: '<11',
      rate: null,
      smoothedRate: null,
      suppressed: true,
    });
    expect(hidden.rows.filter((r) => r.suppressed).length).toBeGreaterThanOrEqual(2);
    const csv = aggregateCsv(hidden);
    expect(csv.split('\n')[0]).toBe(
      'area,name,period,count,rate_per_100k_year,smoothed_rate,unreliable,suppressed',
    );
    expect(csv).toContain('a,A,2019,<11,,,yes,yes');
    expect(csv).not.toMatch(/,5,/);
  });
});
