import { beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/data/connector';
import { readFileBytes } from '../../src/data/engine-node';
import { type ImportResult, importIncidents } from '../../src/data/import-incidents';
import { arrowRows } from '../../src/data/rows';
import { headlineQuery } from '../../src/data/sql/count-queries';
import { stateplaneToLonLat } from '../../src/geo/state-plane';
import { sharedEngine } from '../support/engine';
import { sharedDataAvailable, sharedDataPath } from '../support/shared-data';

const MAIN = 'NYPD_Shooting_Incident_Data__Historic_.csv';
const OLD = 'NYPD_Shooting_Incident_Data__Historic__2006-2019_release.csv';
const PARQUET = 'nypd_shootings_raw_2006-2024.parquet';
const TODAY = '2026-11-27';

// Expected figures are from ../shared/data/SOURCES.md (counted independently of this code).
describe.runIf(sharedDataAvailable(MAIN, OLD, PARQUET))('NYPD Shooting Incident Data (real files)', () => {
  let db: Connector;
  let main: ImportResult;

  beforeAll(async () => {
    db = await sharedEngine();
    main = await importIncidents(
      db,
      { name: MAIN, bytes: readFileBytes(sharedDataPath(MAIN)) },
      { table: 'nypd', today: TODAY },
    );
    await db.registerFile('nypd-attr.csv', readFileBytes(sharedDataPath(MAIN)));
  });

  it('recognises the 21-column release and loads every victim row and incident', () => {
    expect(main.report.preset).toBe('nypd');
    expect(main.report.source.columns).toHaveLength(21);
    expect(main.report.victims).toBe(29_744);
    expect(main.report.incidents).toBe(23_298);
    expect(main.report.fatalVictims).toBe(5_765);
    expect(main.report.rejectedTotal).toBe(0);
    expect(main.report.firstDate).toBe('2006-01-01');
    expect(main.report.lastDate).toBe('2024-12-31');
  });

  it('places the 97 rows without latitude/longitude from state-plane coordinates', async () => {
    expect(main.report.recoveredFromStatePlane).toBe(97);
    const byYear = arrowRows(
      await db.query(
        `SELECT year(occurred_date) AS y, count(*) AS n FROM nypd WHERE coord_source = 'state_plane' GROUP BY 1 ORDER BY 1`,
      ),
    );
    expect(byYear.map((r) => [Number(r.y), Number(r.n)])).toEqual([
      [2022, 10],
      [2023, 49],
      [2024, 38],
    ]);
    const [box] = arrowRows(
      await db.query(
        `SELECT min(lat) AS s, max(lat) AS n, min(lon) AS w, max(lon) AS e FROM nypd WHERE coord_source = 'state_plane'`,
      ),
    );
    // New York City's own extent, generously.
    expect(Number(box!.s)).toBeGreaterThan(40.49);
    expect(Number(box!.n)).toBeLessThan(40.92);
    expect(Number(box!.w)).toBeGreaterThan(-74.26);
    expect(Number(box!.e)).toBeLessThan(-73.69);
  });

  it('projects state-plane X/Y to within 2 m of the published lat/lon on rows that have both', async () => {
    await db.registerFile('nypd-check.csv', readFileBytes(sharedDataPath(MAIN)));
    const sample =
      await db.query(`SELECT TRY_CAST(replace(X_COORD_CD, ',', '') AS DOUBLE) AS x, TRY_CAST(replace(Y_COORD_CD, ',', '') AS DOUBLE) AS y,
        TRY_CAST(Latitude AS DOUBLE) AS lat, TRY_CAST(Longitude AS DOUBLE) AS lon
      FROM read_csv('nypd-check.csv', all_varchar = true, quote = '"', header = true)
      WHERE Latitude IS NOT NULL AND Latitude <> '' USING SAMPLE 500 ROWS (reservoir, 7)`);
    const x = Float64Array.from(sample.getChild('x')!.toArray() as Float64Array);
    const y = Float64Array.from(sample.getChild('y')!.toArray() as Float64Array);
    const out = { lon: new Float64Array(x.length), lat: new Float64Array(x.length) };
    stateplaneToLonLat(x, y, out);
    const lat = sample.getChild('lat')!.toArray() as Float64Array;
    const lon = sample.getChild('lon')!.toArray() as Float64Array;
    let worst = 0;
    for (let i = 0; i < x.length; i++) {
      const dy = (out.lat[i]! - lat[i]!) * 111_320;
      const dx = (out.lon[i]! - lon[i]!) * 111_320 * Math.cos((lat[i]! * Math.PI) / 180);
      worst = Math.max(worst, Math.hypot(dx, dy));
    }
    expect(worst).toBeLessThan(2);
    await db.dropFile('nypd-check.csv');
  });

  it('loads the 2024 rows whose state-plane coordinates are quoted with thousands separators', async () => {
    const [row] = arrowRows(
      await db.query(
        `SELECT count(*) AS n, max(source_row) AS last FROM nypd WHERE year(occurred_date) = 2024`,
      ),
    );
    expect(Number(row!.n)).toBe(1_182);
    expect(Number(row!.last)).toBe(29_745); // the file's last line (header is line 1)
  });

  it('turns the three spellings of missing into NULL and keeps times of day', async () => {
    const [row] = arrowRows(
      await db.query(`SELECT count(*) FILTER (WHERE location_type = '(null)') AS literal_null,
        count(*) FILTER (WHERE victim_sex = 'U') AS u, count(*) FILTER (WHERE hour IS NULL) AS no_hour FROM nypd`),
    );
    expect(row).toEqual({ literal_null: 0n, u: 0n, no_hour: 0n });
    expect(main.report.notes.join(' ')).toMatch(/1 victim age value/);
  });

  it('keeps the categorical columns it does not map, for filtering', async () => {
    expect(main.report.attributes).toEqual([
      'LOC_OF_OCCUR_DESC',
      'JURISDICTION_CODE',
      'LOC_CLASSFCTN_DESC',
      'PERP_AGE_GROUP',
      'PERP_SEX',
      'PERP_RACE',
    ]);
    // Perpetrator sex M, counted on the source text (missing spellings excluded) and through the filter.
    const [direct] = arrowRows(
      await db.query(
        `SELECT count(*) AS n FROM read_csv('nypd-attr.csv', all_varchar = true, quote = '"', header = true) WHERE PERP_SEX = 'M'`,
      ),
    ).map((r) => r);
    const [filtered] = arrowRows(
      await db.query(headlineQuery('nypd', { attrs: { 'attr:PERP_SEX': ['M'] } })),
    );
    expect(Number(filtered!.victims)).toBe(Number(direct!.n));
    expect(Number(filtered!.victims)).toBeGreaterThan(10_000);
  });

  it('counts victims per year as published', async () => {
    const rows = arrowRows(
      await db.query(
        `SELECT year(occurred_date) AS y, count(*) AS n, count(DISTINCT incident_id) AS k FROM nypd GROUP BY 1 ORDER BY 1`,
      ),
    );
    const byYear = Object.fromEntries(rows.map((r) => [Number(r.y), [Number(r.n), Number(r.k)]]));
    expect(byYear[2006]).toEqual([2_055, 1_566]);
    expect(byYear[2013]).toEqual([1_339, 1_103]);
    expect(byYear[2021]).toEqual([2_011, 1_562]);
  });

  it('loads the older 19-column release (with a byte-order mark) through the same preset', async () => {
    const old = await importIncidents(
      db,
      { name: OLD, bytes: readFileBytes(sharedDataPath(OLD)) },
      { table: 'nypd_2019', today: TODAY },
    );
    expect(old.report.preset).toBe('nypd');
    expect(old.report.source.columns[0]).toBe('INCIDENT_KEY');
    expect(old.report.source.columns).toHaveLength(19);
    expect(old.report.victims).toBe(21_626);
    expect(old.report.rejectedTotal).toBe(0);
    const [row] = arrowRows(
      await db.query(
        `SELECT count(*) FILTER (WHERE year(occurred_date) = 2018) AS n18, count(*) FILTER (WHERE hour IS NULL) AS no_hour FROM nypd_2019`,
      ),
    );
    expect(row).toEqual({ n18: 951n, no_hour: 0n });
  });

  it('loads the Parquet copy (decoded offline) to the same counts', async () => {
    const pq = await importIncidents(
      db,
      { name: PARQUET, bytes: readFileBytes(sharedDataPath(PARQUET)) },
      { table: 'nypd_pq', today: TODAY },
    );
    expect(pq.report.source.format).toBe('parquet');
    expect([pq.report.victims, pq.report.incidents, pq.report.recoveredFromStatePlane]).toEqual([
      29_744, 23_298, 97,
    ]);
    const [diff] = arrowRows(
      await db.query(`SELECT count(*) AS n FROM nypd a JOIN nypd_pq b USING (row_id)
        WHERE a.occurred_at <> b.occurred_at OR a.incident_id <> b.incident_id OR abs(a.lat - b.lat) > 1e-9`),
    );
    expect(diff!.n).toBe(0n);
  });

  it('gives the same table whether the parsed scratch table is compressed or not', async () => {
    // The app parses files above 2M rows into the compressed catalog; here the NYPD file takes that path too.
    const statements: string[] = [];
    const watched: Connector = {
      ...db,
      query: (sql, params) => {
        statements.push(sql);
        return db.query(sql, params);
      },
    };
    const compressed = await importIncidents(
      watched,
      { name: MAIN, bytes: readFileBytes(sharedDataPath(MAIN)) },
      { table: 'nypd_compressed_scratch', today: TODAY, uncompressedScratchMaxRows: 0 },
    );
    const parse = statements.filter((sql) =>
      /^CREATE OR REPLACE (TEMP )?TABLE "__import_\d+_parsed"/.test(sql),
    );
    expect(parse).toHaveLength(1);
    expect(parse[0]).toMatch(/^CREATE OR REPLACE TABLE /);
    expect(statements.filter((sql) => /TEMP TABLE/.test(sql))).toEqual([]);
    expect(compressed.report).toEqual({ ...main.report });
    const [diff] = arrowRows(
      await db.query(`SELECT (SELECT count(*) FROM (SELECT * FROM nypd EXCEPT ALL SELECT * FROM nypd_compressed_scratch))
        + (SELECT count(*) FROM (SELECT * FROM nypd_compressed_scratch EXCEPT ALL SELECT * FROM nypd)) AS n`),
    );
    expect(diff!.n).toBe(0n);
  });
});
