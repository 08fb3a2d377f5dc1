/**
 * The demo city's archive (`data/demo/archive/`): a fresh run of the generator gives the committed bytes, and
 * the first screen the app draws from its summaries has the numbers the live views get once the engine has
 * read the partitions. The reference counts come from native DuckDB reading `data/demo/incidents.csv` itself
 * (not the app's importer): per month, distinct `incident_id`s, rows, and the same restricted to fatal rows.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SOURCE_NAME, demoArchiveFiles } from '../../scripts/demo-city/demo-archive';
import { folderArchiveLocation } from '../../src/data/archive/folder-location';
import { type FirstScreen, parseManifest } from '../../src/data/archive/manifest';
import { loadArchive } from '../../src/data/archive/open-archive';
import type { Connector } from '../../src/data/connector';
import { createNodeConnector } from '../../src/data/engine-node';
import { arrowRows } from '../../src/data/rows';
import { previewCubes, previewViews } from '../../src/state/archive-preview';
import { repoRoot } from '../support/shared-data';

const demoDir = path.join(repoRoot, 'data/demo');
const archiveDir = path.join(demoDir, 'archive');

function listed(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listed(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

interface MonthRow {
  month: string;
  incidents: number;
  victims: number;
  fatal_incidents: number;
  fatal_victims: number;
}

/** Per-month counts of the demo CSV by native DuckDB, months as YYYY-MM. */
async function referenceMonths(): Promise<MonthRow[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  const csv = path.join(demoDir, 'incidents.csv').replaceAll("'", "''");
  const reader = await con.runAndReadAll(
    `SELECT strftime(CAST(occurred_at AS TIMESTAMP), '%Y-%m') AS month,
       CAST(count(DISTINCT incident_id) AS INTEGER) AS incidents, CAST(count(*) AS INTEGER) AS victims,
       CAST(count(DISTINCT incident_id) FILTER (WHERE fatal) AS INTEGER) AS fatal_incidents,
       CAST(count(*) FILTER (WHERE fatal) AS INTEGER) AS fatal_victims
     FROM read_csv('${csv}', header = true, all_varchar = false) GROUP BY 1 ORDER BY 1`,
  );
  const rows = reader.getRowObjectsJS() as unknown as MonthRow[];
  con.closeSync();
  return rows;
}

describe('the demo archive', () => {
  it('regenerates byte-for-byte identical to data/demo/archive/', async () => {
    const fresh = await demoArchiveFiles(
      readFileSync(path.join(demoDir, 'incidents.csv'), 'utf8'),
      readFileSync(path.join(demoDir, 'neighborhoods.geojson'), 'utf8'),
    );
    expect(listed(archiveDir).sort()).toEqual([...fresh.keys()].sort());
    for (const [name, bytes] of fresh) {
      const committed = readFileSync(path.join(archiveDir, ...name.split('/')));
      expect(Buffer.compare(committed, Buffer.from(bytes)) === 0, `${name} differs from a fresh run`).toBe(
        true,
      );
    }
  }, 180_000);

  describe('first screen and live views', () => {
    let db: Connector;
    let reference: MonthRow[];
    const firstScreen = JSON.parse(
      readFileSync(path.join(archiveDir, 'summaries/first-screen.json'), 'utf8'),
    ) as FirstScreen;
    const manifest = parseManifest(readFileSync(path.join(archiveDir, 'manifest.json'), 'utf8'), 'manifest');

    beforeAll(async () => {
      db = await createNodeConnector();
      reference = await referenceMonths();
    }, 120_000);
    afterAll(async () => {
      await db?.close();
    });

    it('the summary-drawn headline and monthly counts equal the CSV counted by native DuckDB', () => {
      const cubes = previewCubes(firstScreen);
      const all = previewViews(cubes, [0, cubes.monthCount - 1], 'incidents');
      const sum = (k: keyof Omit<MonthRow, 'month'>) => reference.reduce((s, r) => s + r[k], 0);
      expect(all.headline).toEqual({
        incidents: sum('incidents'),
        victims: sum('victims'),
        fatalIncidents: sum('fatal_incidents'),
        fatalVictims: sum('fatal_victims'),
      });
      expect(cubes.monthCount).toBe(reference.length);
      expect(firstScreen.firstMonth.slice(0, 7)).toBe(reference[0]!.month);
      expect(Array.from(all.monthly.totals)).toEqual(reference.map((r) => r.incidents));
      expect(Array.from(all.monthly.fatal)).toEqual(reference.map((r) => r.fatal_incidents));
      const victims = previewViews(cubes, [0, cubes.monthCount - 1], 'victims');
      expect(Array.from(victims.monthly.totals)).toEqual(reference.map((r) => r.victims));
      // A brush over 2020 (month indexes 60..71).
      const y2020 = previewViews(cubes, [60, 71], 'incidents').headline.incidents;
      expect(y2020).toBe(
        reference.filter((r) => r.month.startsWith('2020')).reduce((s, r) => s + r.incidents, 0),
      );
    });

    it('the partitions the app loads hold the same counts as the summaries and the CSV', async () => {
      const load = await loadArchive(db, folderArchiveLocation(archiveDir), { table: 'demo', manifest });
      expect(load.partitions.length).toBe(manifest.partitions.length);
      expect(load.report.source.name).toBe(archiveDir);
      expect(manifest.sources[0]!.name).toBe(DEMO_SOURCE_NAME);
      const rows = arrowRows(
        await db.query(
          `SELECT strftime(month, '%Y-%m') AS month, CAST(count(DISTINCT incident_id) AS INTEGER) AS incidents,
             CAST(count(*) AS INTEGER) AS victims,
             CAST(count(DISTINCT incident_id) FILTER (WHERE fatal) AS INTEGER) AS fatal_incidents,
             CAST(count(*) FILTER (WHERE fatal) AS INTEGER) AS fatal_victims
           FROM demo GROUP BY 1 ORDER BY 1`,
        ),
      ).map((r) => ({ ...r })) as unknown as MonthRow[];
      expect(rows).toEqual(reference);
      expect(load.report.incidents).toBe(manifest.counts.incidents);
      expect(load.report.victims).toBe(manifest.counts.victims);
    });
  });
});
