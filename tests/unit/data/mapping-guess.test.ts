import { describe, expect, it } from 'vitest';
import {
  guessMappingFromSample,
  normalizeColumnName,
  previewCell,
  previewColumnOrder,
} from '../../../src/data/mapping-guess';
import { guessMapping } from '../../../src/data/presets';

// Header and rows in the shape of a city open-data export (Socrata renames `date` to `date_`).
const COLUMNS = [
  'the_geom',
  'Case Number',
  'date_',
  'Block',
  'Primary Type',
  'Latitude',
  'Longitude',
  'Notes',
];
const GEOM = 'POINT (-87.62755 41.88136) with a long tail of text that goes on';
const ROWS = [
  [GEOM, 'JA100001', '01/03/2017 10:15:00 PM', '001XX N STATE ST', 'BATTERY', '41.88', '-87.62', ''],
  [GEOM, 'JA100002', '03/14/2017 01:00:00 AM', '002XX W LAKE ST', 'ASSAULT', '41.89', '-87.63', 'x'],
  [GEOM, 'JA100003', '05/20/2017 11:59:00 PM', '003XX S WELLS ST', 'BATTERY', '41.87', '-87.63', ''],
];

describe('guessMappingFromSample', () => {
  it('finds date_ and Case Number that the exact-name guess misses', () => {
    const exact = guessMapping(COLUMNS);
    expect(exact.date).toBeUndefined();
    expect(exact.incidentId).toBeUndefined();
    const g = guessMappingFromSample(COLUMNS, ROWS);
    expect(g.date).toBe('date_');
    expect(g.incidentId).toBe('Case Number');
    expect(g.lat).toBe('Latitude');
    expect(g.lon).toBe('Longitude');
  });

  it('takes a date column from its values when no name says date, and not a column whose values are not dates', () => {
    const cols = ['when', 'code', 'lat', 'lon'];
    const rows = [
      ['2017-03-01 10:00:00', 'A1', '1', '2'],
      ['2017-05-02', 'A2', '1', '2'],
    ];
    expect(guessMappingFromSample(cols, rows).date).toBe('when');
    const notDates = [
      ['soon', 'A1', '1', '2'],
      ['2017-05-02', 'A2', '1', '2'],
    ];
    expect(guessMappingFromSample(cols, notDates).date).toBeUndefined();
  });

  it('does not take a case-number column whose values are free text or empty', () => {
    const cols = ['report_no', 'date', 'lat', 'lon'];
    expect(
      guessMappingFromSample(cols, [['see notes below, pending', '2020-01-01', '1', '2']]).incidentId,
    ).toBeUndefined();
    expect(guessMappingFromSample(cols, [['', '2020-01-01', '1', '2']]).incidentId).toBeUndefined();
    expect(guessMappingFromSample(cols, [['R-2020-0001', '2020-01-01', '1', '2']]).incidentId).toBe(
      'report_no',
    );
  });

  it('normalises names', () => {
    expect(normalizeColumnName(' Case Number ')).toBe('case_number');
    expect(normalizeColumnName('date_')).toBe('date');
    expect(normalizeColumnName('Occur-Date')).toBe('occur_date');
  });
});

describe('preview columns', () => {
  it('puts long columns (geometry text) last and keeps the file order otherwise', () => {
    const order = previewColumnOrder(COLUMNS, ROWS).map((i) => COLUMNS[i]);
    expect(order).toEqual([
      'Case Number',
      'date_',
      'Block',
      'Primary Type',
      'Latitude',
      'Longitude',
      'Notes',
      'the_geom',
    ]);
  });

  it('cuts long cells with an ellipsis', () => {
    expect(previewCell('short')).toBe('short');
    const cut = previewCell(GEOM);
    expect(cut).toHaveLength(32);
    expect(cut.endsWith('…')).toBe(true);
  });
});
