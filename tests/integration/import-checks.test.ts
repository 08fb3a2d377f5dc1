/**
 * The report's checks of a file with rows rejected for every reason: the rejected groups (counts, order and
 * sample lines) and the notes about the rows kept (unreadable times, unrecognised fatal and age values, exact
 * copies). The values of rejected rows must not count in those notes. Every expected figure is worked out by
 * hand from the fixture below (line 1 is the header).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/data/connector';
import { importIncidents } from '../../src/data/import-incidents';
import { arrowRows } from '../../src/data/rows';
import { bytesOf, sharedEngine } from '../support/engine';

const TODAY = '2026-12-01';
const LINES = [
  'incident_id,date,time,latitude,longitude,fatal,victim_sex,victim_age_group',
  'A1,2020-01-05,10:00,40.7,-73.9,false,M,25-44', // 2 kept
  'A2,2020-01-06,25:61,40.71,-73.91,maybe,M,1020', // 3 kept: time, fatal and age not read
  'A3,,10:00,40.7,-73.9,false,M,25-44', // 4 missing date
  'A4,not a date,noon,40.7,-73.9,perhaps,F,999', // 5 unreadable date (its time, fatal, age do not count)
  'A5,2020-01-07,10:00,,,true,M,18-24', // 6 missing coordinates
  'A6,2020-01-08,10:00,95,-73.9,true,M,18-24', // 7 out of range
  'A7,2020-01-09,10:00,0,0,true,M,18-24', // 8 at 0,0
  'A8,1850-01-01,10:00,40.7,-73.9,false,M,<18', // 9 before 1900
  'A9,2099-01-01,10:00,40.7,-73.9,false,M,<18', // 10 in the future
  'A1,2020-01-05,10:00,40.7,-73.9,false,M,25-44', // 11 kept: a copy of line 2
  'A10,2020-01-10,noon,40.72,-73.92,false,M,25-44', // 12 kept: time not read
  'A11,2020-01-11,10:00,40.73,-73.93,false,M,25-44', // 13 kept
  'A12,2020-01-12,10:00,40.7,-73.9,false,M', // 14 seven fields: cannot be split
  'A3,,10:00,40.7,-73.9,false,M,25-44', // 15 missing date (a copy of line 4, rejected: not a kept copy)
];

let db: Connector;

beforeAll(async () => {
  db = await sharedEngine();
});

describe('import checks on a file with every kind of bad row', () => {
  it('reports each rejected group and the notes on the kept rows only', async () => {
    const { report } = await importIncidents(
      db,
      { name: 'checks.csv', bytes: bytesOf(`${LINES.join('\n')}\n`) },
      { table: 'checked', today: TODAY },
    );
    expect(report.rowsRead).toBe(14);
    expect(report.victims).toBe(5);
    expect(report.rejectedTotal).toBe(9);
    // Malformed lines first, then by count (descending) and reason.
    expect(report.rejected.map((g) => [g.reason, g.count, g.samples.map((s) => s.sourceRow)])).toEqual([
      ['malformed_line', 1, [14]],
      ['missing_date', 2, [4, 15]],
      ['coordinates_out_of_range', 1, [7]],
      ['coordinates_zero', 1, [8]],
      ['date_before_1900', 1, [9]],
      ['date_in_future', 1, [10]],
      ['missing_coordinates', 1, [6]],
      ['unparsable_date', 1, [5]],
    ]);
    const unreadable = report.rejected.find((g) => g.reason === 'unparsable_date')!.samples[0]!;
    expect(unreadable).toMatchObject({ incidentId: 'A4', date: 'not a date', time: 'noon', lat: '40.7' });
    const notes = Object.fromEntries((report.noteMessages ?? []).map((m) => [m.key, m.values ?? {}]));
    expect(notes['data:note.badTimes']).toEqual({ count: 2, examples: '"25:61", "noon"' });
    expect(notes['data:note.badFatal']).toMatchObject({ count: 1, examples: '"maybe"' });
    expect(notes['data:note.copiesRows']).toEqual({ count: 1 });
    expect(notes['data:note.ages']).toEqual({ count: 1 });
    expect(notes['data:note.antarctic']).toBeUndefined();
    const [kept] = arrowRows(
      await db.query(
        "SELECT string_agg(source_row::VARCHAR, ',' ORDER BY source_row) AS lines, count(*) FILTER (WHERE hour IS NULL) AS no_hour, count(*) FILTER (WHERE fatal IS NULL) AS fatal_unknown, count(*) FILTER (WHERE victim_age_group IS NULL) AS age_unknown FROM checked",
      ),
    );
    expect(kept).toEqual({ lines: '2,3,11,12,13', no_hour: 2n, fatal_unknown: 1n, age_unknown: 1n });
  });

  it('a file with nothing to reject reports no group', async () => {
    const { report } = await importIncidents(
      db,
      { name: 'clean.csv', bytes: bytesOf(`${[LINES[0], LINES[1], LINES[11], LINES[12]].join('\n')}\n`) },
      { table: 'checked', today: TODAY },
    );
    expect(report.rejected).toEqual([]);
    expect(report.rejectedTotal).toBe(0);
    expect(report.victims).toBe(3);
    expect(report.noteMessages?.map((m) => m.key)).toEqual(['data:note.badTimes']);
  });
});
