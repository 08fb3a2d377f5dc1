/**
 * `aggregate` on NYPD shootings 2018–2019 by precinct with the 2020 census population: counts equal an
 * independent point-in-polygon count (turf, first containing precinct), rates equal count / population ×
 * 100,000 per year, and with `--suppress 11` no count 1..10 appears anywhere in the output and the LP audit
 * (HiGHS) finds no hidden cell that the published numbers pin inside 1..10.
 */
import { readFileSync } from 'node:fs';
import { booleanPointInPolygon } from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import highsLoader from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditRelease, type LpSolver, ReleaseBuilder } from '../../src/analysis/privacy/disclosure-audit';
import { createNodeConnector, readFileBytes } from '../../src/data/engine-node';
import { importIncidents } from '../../src/data/import-incidents';
import { arrowRows } from '../../src/data/rows';
import { runCliJson } from '../support/cli';
import { sharedDataAvailable, sharedDataPath } from '../support/shared-data';

const NYPD = 'NYPD_Shooting_Incident_Data__Historic_.csv';
const PRECINCTS = 'nyc_police_precincts_2019.geojson';
const POPULATION = 'nyc_precinct_2020pop.csv';

interface Output {
  rows: {
    area: string;
    period: string;
    count: number | null;
    countText: string;
    rate: number | null;
    smoothedRate: number | null;
    unreliable: boolean;
    suppressed: boolean;
  }[];
  totals: { kind: string; key: string; count: number | null; countText: string; suppressed: boolean }[];
  population: { unmatchedAreas: string[]; unusedIds: string[] };
  droppedPeriods: string[];
}

describe.runIf(sharedDataAvailable(NYPD, PRECINCTS, POPULATION))('aggregate on NYPD by precinct', () => {
  /** Distinct incidents per precinct and year (2018, 2019), counted with turf. */
  const expected = new Map<string, number>();
  const population = new Map<string, number>();
  const args = (extra: string[]) => [
    'aggregate',
    '--input',
    sharedDataPath(NYPD),
    '--areas',
    sharedDataPath(PRECINCTS),
    '--area-id',
    'precinct',
    '--population',
    sharedDataPath(POPULATION),
    '--population-id',
    'precinct',
    '--population-column',
    'P1_001N',
    ...extra,
  ];

  beforeAll(async () => {
    const fc = JSON.parse(readFileSync(sharedDataPath(PRECINCTS), 'utf8')) as FeatureCollection<
      Polygon | MultiPolygon
    >;
    const db = await createNodeConnector();
    await importIncidents(db, { name: NYPD, bytes: readFileBytes(sharedDataPath(NYPD)) }, { table: 'n' });
    const rows = arrowRows(
      await db.query(
        "SELECT incident_id, any_value(lon) AS lon, any_value(lat) AS lat, year(min(occurred_date)) AS y FROM n WHERE occurred_date BETWEEN DATE '2018-01-01' AND DATE '2019-12-31' GROUP BY incident_id",
      ),
    );
    await db.close();
    for (const r of rows) {
      const hit = fc.features.find((f) => booleanPointInPolygon([Number(r.lon), Number(r.lat)], f));
      if (!hit) continue;
      const key = `${hit.properties?.precinct}|${r.y}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const [header, ...lines] = readFileSync(sharedDataPath(POPULATION), 'utf8').trim().split('\n');
    const cols = header!.split(',');
    for (const line of lines) {
      const cells = line.split(',');
      population.set(cells[cols.indexOf('precinct')]!, Number(cells[cols.indexOf('P1_001N')]));
    }
  }, 300_000);

  it('2019: counts equal turf, rates equal count / population × 100,000', async () => {
    const out = await runCliJson<Output>(args(['--from', '2019-01-01', '--to', '2019-12-31']));
    expect(out.rows).toHaveLength(77);
    expect(out.population.unmatchedAreas).toEqual([]);
    expect(out.population.unusedIds).toEqual([]);
    let total = 0;
    for (const r of out.rows) {
      const count = expected.get(`${r.area}|2019`) ?? 0;
      total += count;
      expect([r.area, r.count]).toEqual([r.area, count]);
      const pop = population.get(r.area)!;
      expect(r.rate).not.toBeNull();
      expect(Math.abs(r.rate! - (count / pop) * 100_000)).toBeLessThan(1e-9 * Math.max(1, r.rate!));
      expect(r.unreliable).toBe(count < 12);
    }
    expect(total).toBeGreaterThan(700);
    expect(out.totals.find((t) => t.kind === 'all')!.count).toBe(total);
  }, 300_000);

  it('--suppress 11 --by year: no count 1..10 anywhere, and the LP audit pins no hidden cell', async () => {
    const out = await runCliJson<Output>(
      args(['--from', '2018-01-01', '--to', '2019-12-31', '--by', 'year', '--suppress', '11']),
    );
    expect(out.droppedPeriods).toEqual([]);
    const shown: number[] = [];
    for (const r of out.rows) {
      if (r.count !== null) shown.push(r.count);
      if (r.suppressed) expect([r.count, r.rate, r.smoothedRate]).toEqual([null, null, null]);
      else expect(r.count).toBe(expected.get(`${r.area}|${r.period}`) ?? 0);
      expect(r.countText).not.toMatch(/^(?:[1-9]|10)$/);
    }
    for (const t of out.totals) if (t.count !== null) shown.push(t.count);
    expect(shown.filter((v) => v >= 1 && v <= 10)).toEqual([]);
    const hidden = out.rows.filter((r) => r.suppressed);
    expect(hidden.length).toBeGreaterThan(20);

    // Everything published, with the true counts: inner cells, precinct totals, year totals, grand total.
    const b = new ReleaseBuilder();
    const areas = [...new Set(out.rows.map((r) => r.area))];
    const years = ['2018', '2019'];
    const cell = new Map<string, number>();
    for (const r of out.rows) {
      cell.set(
        `${r.area}|${r.period}`,
        b.cell(expected.get(`${r.area}|${r.period}`) ?? 0, r.suppressed, `${r.area} ${r.period}`),
      );
    }
    const totalOf = (kind: string, key: string) => out.totals.find((t) => t.kind === kind && t.key === key)!;
    const areaCells = areas.map((a) => {
      const t = totalOf('area', a);
      const value = years.reduce((s, y) => s + (expected.get(`${a}|${y}`) ?? 0), 0);
      if (t.count !== null) expect(t.count).toBe(value);
      const id = b.cell(value, t.suppressed, `${a} total`);
      b.sum(
        years.map((y) => cell.get(`${a}|${y}`)!),
        id,
      );
      return id;
    });
    const yearCells = years.map((y) => {
      const t = totalOf('period', y);
      const id = b.cell(t.count!, t.suppressed, `${y} total`);
      b.sum(
        areas.map((a) => cell.get(`${a}|${y}`)!),
        id,
      );
      return id;
    });
    const grand = b.cell(totalOf('all', 'all').count!, false, 'grand total');
    b.sum(areaCells, grand);
    b.sum(yearCells, grand);
    const solver = (await highsLoader()) as unknown as LpSolver;
    const audit = auditRelease(b.release, 11, solver);
    expect(audit.inconsistent).toBe(0);
    expect(audit.cells.length).toBeGreaterThan(20);
    expect(audit.pinned).toEqual([]);
  }, 300_000);
});
