/**
 * Writes the archive layout of `docs/ARCHIVE.md` with native DuckDB (`@duckdb/node-api`, several threads) from a
 * folder of NYPD Shooting Incident CSV files: the route for inputs too large for `npm run cli -- publish`.
 * DuckDB reads and sorts in parallel; two small JavaScript functions supply what SQL lacks offline (the H3
 * cell, with h3-js, and the state-plane projection for rows without latitude/longitude, with proj4).
 *
 *   TZ=UTC npx tsx scripts/archive-with-duckdb.ts "data/nypd/*.csv" out/nypd-archive [threads]
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  BIGINT,
  DOUBLE,
  type DuckDBConnection,
  DuckDBInstance,
  DuckDBScalarFunction,
  INTEGER,
} from '@duckdb/node-api';
import { latLngToCell } from 'h3-js';
import { ARCHIVE_FORMAT, ARCHIVE_SCHEMA_VERSION, type ArchiveManifest } from '../src/data/archive/manifest';
import {
  summaryAttributeColumns,
  summaryAttributeQuery,
  summaryByCellQuery,
  summaryHourWeekdayQuery,
} from '../src/data/sql/archive-queries';
import { stateplaneToLonLat } from '../src/geo/state-plane';

const MISSING = `('', '(null)', 'null', 'unknown', 'u', 'n/a', 'na')`;
const text = (c: string) => `CASE WHEN lower(trim("${c}")) IN ${MISSING} THEN NULL ELSE trim("${c}") END`;
const ATTRIBUTES = [
  'LOC_OF_OCCUR_DESC',
  'JURISDICTION_CODE',
  'LOC_CLASSFCTN_DESC',
  'PERP_AGE_GROUP',
  'PERP_SEX',
  'PERP_RACE',
];

/** The NYPD columns mapped to the canonical ones, plus the H3 cell (see docs/DATA.md). */
function canonicalSql(glob: string): string {
  return `CREATE TABLE incidents AS
WITH raw AS (
  SELECT *, row_number() OVER (ORDER BY filename, INCIDENT_KEY, OCCUR_DATE, OCCUR_TIME, VIC_AGE_GROUP, VIC_SEX, VIC_RACE, X_COORD_CD) AS row_id
  FROM read_csv('${glob.replaceAll("'", "''")}', header = true, quote = '"', all_varchar = true, filename = true)
),
placed AS (
  SELECT *,
    TRY_CAST(trim(Longitude) AS DOUBLE) AS lon0, TRY_CAST(trim(Latitude) AS DOUBLE) AS lat0,
    TRY_CAST(replace(trim(X_COORD_CD), ',', '') AS DOUBLE) AS sx, TRY_CAST(replace(trim(Y_COORD_CD), ',', '') AS DOUBLE) AS sy,
    strptime(OCCUR_DATE || ' ' || OCCUR_TIME, '%m/%d/%Y %H:%M:%S') AS occurred_at
  FROM raw
)
SELECT row_id, INCIDENT_KEY AS incident_id, occurred_at,
  CAST(occurred_at AS DATE) AS occurred_date, CAST(date_trunc('month', occurred_at) AS DATE) AS month,
  CAST(hour(occurred_at) AS TINYINT) AS hour, CAST(isodow(occurred_at) AS TINYINT) AS weekday,
  CASE WHEN lon0 IS NULL THEN stateplane_lon(sx, sy) ELSE lon0 END AS lon,
  CASE WHEN lat0 IS NULL THEN stateplane_lat(sx, sy) ELSE lat0 END AS lat,
  lower(trim(STATISTICAL_MURDER_FLAG)) = 'true' AS fatal,
  CASE WHEN trim(VIC_AGE_GROUP) IN ('<18', '18-24', '25-44', '45-64', '65+') THEN trim(VIC_AGE_GROUP) END AS victim_age_group,
  ${text('VIC_SEX')} AS victim_sex, ${text('VIC_RACE')} AS victim_race, ${text('LOCATION_DESC')} AS location_type,
  ${text('PRECINCT')} AS precinct, ${text('BORO')} AS district,
  row_id + 1 AS source_row,
  CASE WHEN lon0 IS NULL THEN 'state_plane' ELSE 'reported' END AS coord_source,
  ${ATTRIBUTES.map((a) => `${text(a)} AS "attr:${a}"`).join(', ')},
  h3_cell(CASE WHEN lat0 IS NULL THEN stateplane_lat(sx, sy) ELSE lat0 END,
          CASE WHEN lon0 IS NULL THEN stateplane_lon(sx, sy) ELSE lon0 END, 12) AS h3
FROM placed
WHERE occurred_at IS NOT NULL`;
}

function registerFunctions(connection: DuckDBConnection): void {
  const project = (which: 'lon' | 'lat') =>
    DuckDBScalarFunction.create({
      name: `stateplane_${which}`,
      returnType: DOUBLE,
      parameterTypes: [DOUBLE, DOUBLE],
      mainFunction: (_info, input, output) => {
        const x = input.getColumnVector(0);
        const y = input.getColumnVector(1);
        for (let i = 0; i < input.rowCount; i++) {
          const out = { lon: new Float64Array(1), lat: new Float64Array(1) };
          stateplaneToLonLat(
            Float64Array.of(Number(x.getItem(i))),
            Float64Array.of(Number(y.getItem(i))),
            out,
          );
          output.setItem(i, out[which][0]!);
        }
        output.flush();
      },
    });
  connection.registerScalarFunction(project('lon'));
  connection.registerScalarFunction(project('lat'));
  connection.registerScalarFunction(
    DuckDBScalarFunction.create({
      name: 'h3_cell',
      returnType: BIGINT,
      parameterTypes: [DOUBLE, DOUBLE, INTEGER],
      mainFunction: (_info, input, output) => {
        const lat = input.getColumnVector(0);
        const lon = input.getColumnVector(1);
        const res = input.getColumnVector(2);
        for (let i = 0; i < input.rowCount; i++) {
          const cell = latLngToCell(Number(lat.getItem(i)), Number(lon.getItem(i)), Number(res.getItem(i)));
          output.setItem(i, BigInt(`0x${cell}`));
        }
        output.flush();
      },
    }),
  );
}

const PARQUET = `(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 100000)`;

/** Publishes the CSV files matching `glob` into `out` with `threads` DuckDB threads; returns the manifest. */
export async function publishWithDuckDB(glob: string, out: string, threads = 4): Promise<ArchiveManifest> {
  const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
  const connection = await instance.connect();
  const rows = async (sql: string) => (await connection.runAndReadAll(sql)).getRowObjectsJS();
  const num = (v: unknown) => Number(v);
  try {
    registerFunctions(connection);
    await connection.run(canonicalSql(glob));
    const columns = (
      await rows(`SELECT column_name, data_type FROM information_schema.columns
      WHERE table_name = 'incidents' ORDER BY ordinal_position`)
    ).map((r) => ({
      name: String(r.column_name),
      type: String(r.data_type),
    }));
    const years =
      await rows(`SELECT year(occurred_date) AS y, count(*) AS n, count(DISTINCT incident_id) AS k,
      CAST(min(occurred_date) AS VARCHAR) AS a, CAST(max(occurred_date) AS VARCHAR) AS b
      FROM incidents GROUP BY 1 ORDER BY 1`);
    const partitions: ArchiveManifest['partitions'] = [];
    for (const y of years) {
      const path = `incidents/year=${num(y.y)}/part-0.parquet`;
      mkdirSync(join(out, `incidents/year=${num(y.y)}`), { recursive: true });
      await connection.run(`COPY (SELECT * FROM incidents WHERE year(occurred_date) = ${num(y.y)}
        ORDER BY occurred_at, h3, row_id) TO '${join(out, path).replaceAll("'", "''")}' ${PARQUET}`);
      partitions.push({
        path,
        values: { year: num(y.y) },
        bytes: statSync(join(out, path)).size,
        rows: num(y.n),
        incidents: num(y.k),
        rowGroups: Math.ceil(num(y.n) / 100_000),
        firstDate: String(y.a),
        lastDate: String(y.b),
      });
    }
    mkdirSync(join(out, 'summaries'), { recursive: true });
    const summaries: NonNullable<ArchiveManifest['summaries']>['tables'] = [];
    const names = columns.map((c) => c.name);
    for (const [name, sql] of [
      ['by_month_cell', summaryByCellQuery('incidents', 8)],
      ['by_month_hour_weekday', summaryHourWeekdayQuery('incidents')],
      ['by_month_attribute', summaryAttributeQuery('incidents', summaryAttributeColumns(names))],
    ] as const) {
      const path = `summaries/${name}.parquet`;
      await connection.run(`COPY (${sql}) TO '${join(out, path).replaceAll("'", "''")}' ${PARQUET}`);
      const [n] = await rows(`SELECT count(*) AS n FROM (${sql})`);
      summaries.push({ name, path, bytes: statSync(join(out, path)).size, rows: num(n!.n) });
    }
    const [t] = await rows(`SELECT count(*) AS v, count(DISTINCT incident_id) AS i,
      count(*) FILTER (WHERE fatal) AS fv, count(DISTINCT incident_id) FILTER (WHERE fatal) AS fi,
      CAST(min(occurred_date) AS VARCHAR) AS a, CAST(max(occurred_date) AS VARCHAR) AS b,
      min(lon) AS w, min(lat) AS s, max(lon) AS e, max(lat) AS n FROM incidents`);
    const files = await rows(
      `SELECT DISTINCT filename FROM read_csv('${glob.replaceAll("'", "''")}', header = true, quote = '"', all_varchar = true, filename = true) ORDER BY 1`,
    );
    const manifest: ArchiveManifest = {
      format: ARCHIVE_FORMAT,
      schemaVersion: ARCHIVE_SCHEMA_VERSION,
      createdAt: new Date().toISOString(),
      counts: {
        victims: num(t!.v),
        incidents: num(t!.i),
        fatalVictims: num(t!.fv),
        fatalIncidents: num(t!.fi),
      },
      firstDate: String(t!.a),
      lastDate: String(t!.b),
      bbox: [num(t!.w), num(t!.s), num(t!.e), num(t!.n)],
      partitionKeys: ['year'],
      columns,
      h3Resolution: 12,
      sortedBy: ['occurred_at', 'h3', 'row_id'],
      partitions,
      summaries: { cellResolution: 8, tables: summaries },
      boundaries: [],
      sources: files.map((f) => ({
        name: basename(String(f.filename)),
        bytes: statSync(String(f.filename)).size,
        rowIdShift: 0,
      })),
    };
    writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

const isEntry =
  process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isEntry) {
  const [glob, out, threads] = process.argv.slice(2);
  if (!glob || !out) {
    process.stderr.write('Usage: npx tsx scripts/archive-with-duckdb.ts "FOLDER/*.csv" OUT_DIR [threads]\n');
    process.exitCode = 2;
  } else {
    const m = await publishWithDuckDB(glob, out, threads ? Number(threads) : 4);
    process.stdout.write(`${m.counts.victims} rows, ${m.partitions.length} partitions written to ${out}\n`);
  }
}
