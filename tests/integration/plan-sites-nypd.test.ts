/**
 * `plan --candidates` on the real NYPD shootings of 2023–2024, with five public places in New York City as
 * the only candidates (coordinates read off a map, to about 50 m: they stand for "a place a team could work
 * from", nothing more). The command reads the Parquet file; the reference reads it with native DuckDB
 * (`@duckdb/node-api`), keeps one point per INCIDENT_KEY (its earliest victim row; rows without latitude and
 * longitude placed from their State Plane feet with proj4), measures with turf's distance, and enumerates the
 * greedy picks and the optimum over every pair of places here.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { distance } from '@turf/turf';
import proj4 from 'proj4';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, runCliJson } from '../support/cli';
import { sharedDataAvailable, sharedDataPath } from '../support/shared-data';

const NYPD = 'nypd_shootings_raw_2006-2024.parquet';
const RADIUS = 500;

const PLACES = [
  { name: 'Brownsville Recreation Center', lon: -73.9083, lat: 40.6597 },
  { name: 'Saint Mary’s Park', lon: -73.9155, lat: 40.8105 },
  { name: 'Marcus Garvey Park', lon: -73.9442, lat: 40.8044 },
  { name: 'Restoration Plaza', lon: -73.944, lat: 40.6797 },
  { name: 'Rufus King Park', lon: -73.8032, lat: 40.7023 },
];

interface PlanJson {
  coverage: { overall: Record<'incidents' | 'fatal' | 'victims', { total: number }> };
  candidates: { mode: string; count: number; userSites: number; resolution: number | null };
  sites: {
    rank: number;
    source: string;
    name?: string;
    centre: { lat: number; lon: number; h3?: string };
    newlyCovered: number;
    newlyCoveredFatal: number;
    newlyCoveredVictims: number;
  }[];
  greedy: { coveredWeight: number };
  exact: { status: string; objective: number; picks: string[] };
}

interface Incident {
  key: string;
  fatal: boolean;
  victims: number;
}

describe.runIf(sharedDataAvailable(NYPD))('plan among given places on NYPD shootings 2023–2024', () => {
  let candidates = '';
  let plan: PlanJson;
  let total = 0;
  const covered: Set<string>[] = [];
  const incidents = new Map<string, Incident>();
  let borderline = 0;

  beforeAll(async () => {
    candidates = path.join(mkdtempSync(path.join(tmpdir(), 'cvi-sites-')), 'places.geojson');
    writeFileSync(
      candidates,
      JSON.stringify({
        type: 'FeatureCollection',
        features: PLACES.map((p) => ({
          type: 'Feature',
          properties: { name: p.name },
          geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
        })),
      }),
    );
    plan = await runCliJson<PlanJson>([
      'plan',
      '--input',
      sharedDataPath(NYPD),
      '--since',
      '2023-01-01',
      '--to',
      '2024-12-31',
      '--k',
      '2',
      '--radius-m',
      String(RADIUS),
      '--candidates',
      candidates,
      '--candidate-name',
      'name',
      '--exact',
    ]);

    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    const file = sharedDataPath(NYPD).replaceAll("'", "''");
    // Every victim row, earliest first; a row without latitude/longitude is placed from its New York
    // State Plane feet (EPSG:2263) with proj4, as the import does.
    const rows = (await (
      await conn.runAndReadAll(`SELECT CAST(INCIDENT_KEY AS VARCHAR) AS key, CAST(OCCUR_DATE AS DATE)::VARCHAR AS d,
          TRY_CAST(Latitude AS DOUBLE) AS lat, TRY_CAST(Longitude AS DOUBLE) AS lon,
          TRY_CAST(replace(CAST(X_COORD_CD AS VARCHAR), ',', '') AS DOUBLE) AS x,
          TRY_CAST(replace(CAST(Y_COORD_CD AS VARCHAR), ',', '') AS DOUBLE) AS y,
          lower(CAST(STATISTICAL_MURDER_FLAG AS VARCHAR)) IN ('true', 'y') AS fatal
        FROM read_parquet('${file}', file_row_number = true)
        ORDER BY OCCUR_DATE, OCCUR_TIME, file_row_number`)
    ).getRowObjects()) as {
      key: string;
      d: string;
      lat: number | null;
      lon: number | null;
      x: number | null;
      y: number | null;
      fatal: boolean;
    }[];
    conn.closeSync();
    const nyFeet =
      '+proj=lcc +lat_1=41.03333333333333 +lat_2=40.66666666666666 +lat_0=40.16666666666666 +lon_0=-74 +x_0=300000.0000000001 +y_0=0 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=us-ft +no_defs';
    const first = new Map<string, { d: string; lon: number; lat: number; fatal: boolean; victims: number }>();
    for (const r of rows) {
      let lon = r.lon;
      let lat = r.lat;
      if ((lon === null || lat === null) && r.x !== null && r.y !== null)
        [lon, lat] = proj4(nyFeet, 'WGS84', [r.x, r.y]) as [number, number];
      if (lon === null || lat === null) continue;
      const e = first.get(r.key);
      if (e) {
        e.victims++;
        e.fatal ||= r.fatal;
      } else first.set(r.key, { d: r.d, lon, lat, fatal: r.fatal, victims: 1 });
    }
    for (const [key, e] of first) {
      if (e.d < '2023-01-01' || e.d > '2024-12-31') continue;
      incidents.set(key, { key, fatal: e.fatal, victims: e.victims });
    }
    total = incidents.size;
    for (const p of PLACES) {
      const set = new Set<string>();
      for (const key of incidents.keys()) {
        const e = first.get(key)!;
        const m = distance([p.lon, p.lat], [e.lon, e.lat], { units: 'meters' });
        if (Math.abs(m - RADIUS) < 0.01) borderline++;
        if (m <= RADIUS) set.add(key);
      }
      covered.push(set);
    }
  }, 300_000);

  it('counts the same incidents and victims as DuckDB, and the places are the candidates', () => {
    expect(borderline).toBe(0);
    expect(plan.coverage.overall.incidents.total).toBe(total);
    expect(plan.coverage.overall.victims.total).toBe(
      [...incidents.values()].reduce((a, i) => a + i.victims, 0),
    );
    expect(plan.candidates).toEqual({ mode: 'sites', count: 5, userSites: 5, resolution: null });
    expect(covered.every((s) => s.size > 0)).toBe(true);
  });

  it('greedy picks and their newly covered counts equal a brute-force greedy over the places', () => {
    const union = (picks: number[]) => new Set(picks.flatMap((j) => [...covered[j]!]));
    const picks: number[] = [];
    for (let round = 0; round < 2; round++) {
      const base = union(picks).size;
      let best = -1;
      for (let j = 0; j < PLACES.length; j++)
        if (best < 0 || union([...picks, j]).size - base > union([...picks, best]).size - base) best = j;
      picks.push(best);
    }
    expect(plan.sites.map((s) => s.name)).toEqual(picks.map((j) => PLACES[j]!.name));
    const seen = new Set<string>();
    plan.sites.forEach((s, r) => {
      const fresh = [...covered[picks[r]!]!].filter((k) => !seen.has(k));
      for (const k of fresh) seen.add(k);
      expect(s.source).toBe('site');
      expect(s.centre.h3).toBeUndefined();
      expect(s.newlyCovered).toBe(fresh.length);
      expect(s.newlyCoveredFatal).toBe(fresh.filter((k) => incidents.get(k)!.fatal).length);
      expect(s.newlyCoveredVictims).toBe(fresh.reduce((a, k) => a + incidents.get(k)!.victims, 0));
    });
    expect(plan.greedy.coveredWeight).toBe(seen.size);
  });

  it('the exact optimum equals the best of every pair of places', () => {
    let best = 0;
    for (let a = 0; a < PLACES.length; a++)
      for (let b = a + 1; b < PLACES.length; b++)
        best = Math.max(best, new Set([...covered[a]!, ...covered[b]!]).size);
    expect(plan.exact.status).toBe('optimal');
    expect(plan.exact.objective).toBe(best);
    const chosen = plan.exact.picks.map((name) => PLACES.findIndex((p) => p.name === name));
    expect(new Set(chosen.flatMap((j) => [...covered[j]!])).size).toBe(best);
  });

  it('rejects a site mode without candidates and a repeated name', async () => {
    const noSites = await runCli([
      'plan',
      '--input',
      sharedDataPath(NYPD),
      '--since',
      '2024-01-01',
      '--candidates-mode',
      'both',
    ]);
    expect(noSites.code).toBe(2);
    expect(noSites.stderr).toMatch(/--candidates-mode both needs --candidates GEOJSON/);
    const twice = path.join(path.dirname(candidates), 'twice.geojson');
    const point = (name: string) => ({
      type: 'Feature',
      properties: { name },
      geometry: { type: 'Point', coordinates: [-73.9, 40.7] },
    });
    writeFileSync(twice, JSON.stringify({ type: 'FeatureCollection', features: [point('a'), point('a')] }));
    const dup = await runCli([
      'plan',
      '--input',
      sharedDataPath(NYPD),
      '--since',
      '2024-01-01',
      '--candidates',
      twice,
      '--candidate-name',
      'name',
    ]);
    expect(dup.code).toBe(2);
    expect(dup.stderr).toMatch(/--candidates features 0 and 1 have the same name "a"/);
  }, 120_000);
});
