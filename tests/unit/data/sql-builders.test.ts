import { beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/data/connector';
import { arrowRows } from '../../../src/data/rows';
import { CANONICAL_COLUMNS } from '../../../src/data/schema';
import { headlineQuery, incidentPointsQuery, timeSeriesQuery } from '../../../src/data/sql/count-queries';
import { incidentFilterSql } from '../../../src/data/sql/incident-filter';
import { quoteIdentifier } from '../../../src/data/sql/quote';
import { sharedEngine } from '../../support/engine';

// A tiny canonical table: 3 incidents, 4 victims, Jan and Mar 2020 (Feb empty).
const ROWS = `
  (1, 'A', TIMESTAMP '2020-01-05 22:10:00', 1, 1, TRUE, '18-24', 'M', 'x<b>', '40', 'BRONX'),
  (2, 'A', TIMESTAMP '2020-01-05 22:10:00', 1, 1, FALSE, '25-44', 'M', 'x<b>', '40', 'BRONX'),
  (3, 'B', TIMESTAMP '2020-03-10 03:00:00', 2, 2, FALSE, NULL, 'F', NULL, '41', 'BRONX'),
  (4, 'C', TIMESTAMP '2020-03-31 23:59:00', 3, 3, FALSE, '<18', NULL, NULL, '40', 'BRONX')`;

let db: Connector;
const T = 'canon "fixture"';

beforeAll(async () => {
  db = await sharedEngine();
  const cols = CANONICAL_COLUMNS.map((c) => `${quoteIdentifier(c.name)} ${c.sqlType}`).join(', ');
  await db.query(`CREATE OR REPLACE TABLE ${quoteIdentifier(T)} (${cols})`);
  await db.query(`INSERT INTO ${quoteIdentifier(T)} (row_id, incident_id, occurred_at, lon, lat, fatal, victim_age_group, victim_sex, location_type, precinct, district)
    VALUES ${ROWS}`);
  await db.query(`UPDATE ${quoteIdentifier(T)} SET occurred_date = CAST(occurred_at AS DATE), month = date_trunc('month', occurred_at),
    hour = hour(occurred_at), weekday = isodow(occurred_at), source_row = row_id + 1, coord_source = 'reported'`);
});

async function explainOk(sql: string) {
  await expect(db.query(`EXPLAIN ${sql}`)).resolves.toBeDefined();
}

describe('incidentFilterSql', () => {
  it('writes TRUE for an empty filter and validates every field', () => {
    expect(incidentFilterSql({})).toBe('TRUE');
    expect(() => incidentFilterSql({ from: '2020-13-01' })).toThrow(RangeError);
    expect(() => incidentFilterSql({ to: '2020-02-30' })).toThrow(RangeError);
    expect(() => incidentFilterSql({ to: '2021-02-29' })).toThrow(RangeError);
    expect(incidentFilterSql({ to: '2020-02-29' })).toContain("DATE '2020-02-29'");
    expect(() => incidentFilterSql({ hours: [24] })).toThrow(RangeError);
    expect(() => incidentFilterSql({ weekdays: [0] })).toThrow(RangeError);
    expect(() => incidentFilterSql({ attrs: { ['x; DROP' as 'precinct']: ['1'] } })).toThrow(RangeError);
  });

  it('quotes hostile attribute values as data', () => {
    const sql = incidentFilterSql({ attrs: { location_type: ["x<b>'); DROP TABLE t; --"] } });
    expect(sql).toContain("'x<b>''); DROP TABLE t; --'");
  });
});

describe('count queries against a real DuckDB', () => {
  it('are valid SQL (EXPLAIN) for every option combination', async () => {
    const filters = [
      {},
      { from: '2020-01-01', to: '2020-12-31', fatal: 'fatal' as const, hours: [22, 23], weekdays: [1, 7] },
      { attrs: { victim_age_group: ['<18', null], location_type: ["'; DROP TABLE x; --"] } },
    ];
    for (const filter of filters) {
      await explainOk(headlineQuery(T, filter));
      await explainOk(incidentPointsQuery(T, filter));
      for (const by of ['month', 'quarter', 'year'] as const) {
        for (const unit of ['incidents', 'victims'] as const)
          await explainOk(timeSeriesQuery(T, { by, unit, filter }));
      }
    }
  });

  it('counts incidents and victims separately in the headline', async () => {
    const [row] = arrowRows(await db.query(headlineQuery(T)));
    expect(row).toEqual({ incidents: 3n, victims: 4n, fatal_incidents: 1n, fatal_victims: 1n });
    const [fatalOnly] = arrowRows(await db.query(headlineQuery(T, { fatal: 'nonfatal' })));
    expect(fatalOnly).toMatchObject({ incidents: 3n, victims: 3n });
  });

  it('zero-fills months and marks an incident fatal when any victim died', async () => {
    const rows = arrowRows(await db.query(timeSeriesQuery(T, { by: 'month', unit: 'incidents' })));
    expect(
      rows.map((r) => [new Date(Number(r.period)).toISOString().slice(0, 7), r.total, r.fatal, r.nonfatal]),
    ).toEqual([
      ['2020-01', 1n, 1n, 0n],
      ['2020-02', 0n, 0n, 0n],
      ['2020-03', 2n, 0n, 2n],
    ]);
    const victims = arrowRows(
      await db.query(
        timeSeriesQuery(T, { by: 'quarter', unit: 'victims', from: '2019-10-01', to: '2020-06-30' }),
      ),
    );
    expect(victims.map((r) => Number(r.total))).toEqual([0, 4, 0]);
  });

  it('filters by hour, weekday and attributes with unknowns kept on request', async () => {
    const byHour = arrowRows(await db.query(headlineQuery(T, { hours: [22, 23] })));
    expect(byHour[0]!.victims).toBe(3n);
    const unknownAge = arrowRows(await db.query(headlineQuery(T, { attrs: { victim_age_group: [null] } })));
    expect(unknownAge[0]!.victims).toBe(1n);
  });
});
