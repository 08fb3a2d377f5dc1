/**
 * The areas CSV the app downloads follows the interface's language: in English it is the command line's
 * file byte for byte (machine names), in Spanish its header, yes/no, totals and periods are Spanish while
 * every area, name and number is the same text (no digit grouping, a decimal point); a count hidden to
 * protect others reads "oculto", as on screen.
 */
import i18next from 'i18next';
import { afterAll, describe, expect, it } from 'vitest';
import { setFormatLocale } from '../../../src/analysis/privacy/count-format';
import { aggregateCsv, areaAggregate } from '../../../src/analysis/rates/area-aggregate';
import { initI18n } from '../../../src/ui/i18n';
import { csvLabels } from '../../../src/ui/panels/council/csv-labels';

const period = (label: string) => {
  const range = /^(\S+) to (\S+)$/.exec(label);
  return range ? i18next.t('council:periodRange', { from: range[1], to: range[2] }) : label;
};

const table = () =>
  areaAggregate({
    ids: ['a', 'b', 'c'],
    names: ['Alta, Norte', 'B', 'C'],
    periods: [
      { label: '2019-01 to 2019-12', years: 1, counts: [5, 12_345, 40] },
      { label: '2020', years: 1, counts: [20, 30, 3] },
    ],
    population: [10_000, 4_000_000, 20_000],
    k: 11,
  });

/** The fields of one CSV line, quoted fields kept with their quotes. */
function cells(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    if (ch === ',' && !quoted) {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}

describe('areas CSV in the interface language', () => {
  afterAll(() => {
    void i18next.changeLanguage('en');
    setFormatLocale('en');
  });

  it('is the command line file in English', () => {
    initI18n('en');
    expect(aggregateCsv(table(), csvLabels(period))).toBe(aggregateCsv(table()));
  });

  it('has a Spanish header and words in Spanish, with the same areas, names and numbers', () => {
    // The command line's file (English), then the app's in Spanish: the table's count texts follow the language.
    initI18n('en');
    const machine = aggregateCsv(table()).trim().split('\n').map(cells);
    initI18n('es');
    const spanish = aggregateCsv(table(), csvLabels(period)).trim().split('\n').map(cells);
    expect(spanish[0]).toEqual([
      'área',
      'nombre',
      'período',
      'conteo',
      'tasa_por_100k_hab_año',
      'tasa_suavizada',
      'poco_fiable',
      'oculto',
    ]);
    expect(spanish.length).toBe(machine.length);
    const words: Record<string, string> = {
      yes: 'sí',
      suppressed: 'oculto',
      no: 'no',
      '(total)': '(total)',
      'area total': 'total del área',
      'city total': 'total de la ciudad',
      'all periods': 'todos los períodos',
      '2019-01 to 2019-12': '2019-01 a 2019-12',
    };
    for (let i = 1; i < machine.length; i++)
      expect(spanish[i]).toEqual(machine[i]!.map((cell) => words[cell] ?? cell));
    // The large count is written plainly in both.
    expect(machine.some((row) => row[3] === '12345')).toBe(true);
    expect(spanish.flat()).toContain('"Alta, Norte"');
    expect(spanish.flat()).toContain('sí');
    expect(spanish.flat()).toContain('oculto');
    expect(spanish.flat()).toContain('total de la ciudad');
    expect(spanish.flat()).toContain('2019-01 a 2019-12');
  });
});
