/**
 * The `hotspots`, `emerging` and `nearrepeat` commands on the real NYPD shooting data (Bronx study area for
 * the grids), checked against independent computations on the same inputs:
 * - Gi*: the closed-form formula of METHODS.md evaluated directly on the command's counts with k-ring
 *   neighbours rebuilt from h3-js `gridDisk`, and the R-verified `getisOrdGiStar` on the same counts;
 * - counts: the Bronx incidents counted by an independent engine query and turf point-in-polygon;
 * - Knox: observed pair counts by a brute-force O(n²) loop over the incidents read with an independent query.
 */
import { readFileSync } from 'node:fs';
import { booleanPointInPolygon } from '@turf/turf';
import { gridDisk } from 'h3-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { benjaminiHochberg } from '../../src/analysis/hotspots/benjamini-hochberg';
import { getisOrdGiStar } from '../../src/analysis/hotspots/getis-ord-gi-star';
import { mannKendall } from '../../src/analysis/hotspots/mann-kendall';
import { haversineMetres } from '../../src/analysis/nearrepeat/close-pairs';
import { readFileBytes } from '../../src/data/engine-node';
import { importIncidents } from '../../src/data/import-incidents';
import { arrowRows } from '../../src/data/rows';
import { runCliJson } from '../support/cli';
import { sharedEngine } from '../support/engine';
import { sharedDataAvailable, sharedDataPath } from '../support/shared-data';

const CSV = 'NYPD_Shooting_Incident_Data__Historic_.csv';
const BOROUGHS = 'nyc_boroughs.geojson';

interface HotspotsJson {
  counted: number;
  excluded: number;
  fdr: boolean;
  cells: {
    h3: string;
    count: number;
    z: number;
    p: number;
    q: number;
    class: number;
    neighborTotal: number;
  }[];
}

interface EmergingJson {
  slices: string[];
  cells: {
    h3: string;
    pattern: number;
    z: number[];
    counts: number[];
    trend: { tau: number; s: number; z: number; p: number };
  }[];
}

interface KnoxJson {
  incidents: number;
  rows: string[];
  columns: string[];
  observed: number[][];
  expected: number[][];
  ratio: number[][];
  p: number[][];
  sentence: string;
}

describe.runIf(sharedDataAvailable(CSV, BOROUGHS))('hotspot commands on NYPD shootings (Bronx)', () => {
  const input = sharedDataPath(CSV);
  const area = sharedDataPath(BOROUGHS);
  let hot: HotspotsJson;
  let bronxIncidents: number;
  let allIncidents: number;

  beforeAll(async () => {
    hot = await runCliJson<HotspotsJson>([
      'hotspots',
      '--input',
      input,
      '--study-area',
      area,
      '--study-where',
      'BoroCode=2',
      '--h3-res',
      '9',
      '--k',
      '1',
    ]);
    // Independent count: one point per incident (first victim row), turf point-in-polygon on the Bronx.
    const db = await sharedEngine();
    await importIncidents(db, { name: CSV, bytes: readFileBytes(input) }, { table: 'nypd' });
    const rows = arrowRows(
      await db.query(
        `SELECT lon, lat FROM nypd WHERE lon IS NOT NULL QUALIFY row_number() OVER (PARTITION BY incident_id ORDER BY row_id) = 1`,
      ),
    );
    const fc = JSON.parse(readFileSync(area, 'utf8')) as {
      features: { properties: { BoroCode: number }; geometry: Parameters<typeof booleanPointInPolygon>[1] }[];
    };
    const bronx = fc.features.find((f) => String(f.properties.BoroCode) === '2')!;
    allIncidents = rows.length;
    bronxIncidents = rows.filter((r) =>
      booleanPointInPolygon([Number(r.lon), Number(r.lat)], bronx.geometry, { ignoreBoundary: false }),
    ).length;
  }, 120_000);

  it('counts every Bronx incident once and reports the others as excluded', () => {
    // Exact: the same points, an independent point-in-polygon test.
    expect(hot.counted).toBe(bronxIncidents);
    expect(hot.counted + hot.excluded).toBe(allIncidents);
    expect(hot.cells.reduce((s, c) => s + c.count, 0)).toBe(bronxIncidents);
    // Zero cells are part of the study grid (a Bronx res-9 grid has far more cells than shooting cells).
    expect(hot.cells.filter((c) => c.count === 0).length).toBeGreaterThan(100);
  });

  it('gives the Gi* of the closed-form formula and of the R-verified module on the same counts', () => {
    const n = hot.cells.length;
    const index = new Map(hot.cells.map((c, i) => [c.h3, i]));
    const x = Float64Array.from(hot.cells, (c) => c.count);
    const nbOf = hot.cells.map((c) =>
      gridDisk(c.h3, 1)
        .map((h) => index.get(h))
        .filter((j): j is number => j !== undefined)
        .sort((a, b) => a - b),
    );
    const mean = x.reduce((s, v) => s + v, 0) / n;
    const s = Math.sqrt(x.reduce((t, v) => t + v * v, 0) / n - mean * mean);
    let maxDiff = 0;
    for (let i = 0; i < n; i++) {
      const nb = nbOf[i]!;
      const w = nb.length;
      const sum = nb.reduce((t, j) => t + x[j]!, 0);
      const z = (sum - mean * w) / (s * Math.sqrt((n * w - w * w) / (n - 1)));
      maxDiff = Math.max(maxDiff, Math.abs(z - hot.cells[i]!.z));
      expect(hot.cells[i]!.neighborTotal).toBe(sum);
    }
    // Tolerance 1e-9: the same formula in a different summation order.
    expect(maxDiff).toBeLessThan(1e-9);

    const offsets = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + nbOf[i]!.length;
    const gi = getisOrdGiStar(x, { offsets, neighbors: Int32Array.from(nbOf.flat()) });
    const q = benjaminiHochberg(gi.p);
    for (let i = 0; i < n; i++) {
      expect(hot.cells[i]!.z).toBe(gi.z[i]);
      expect(hot.cells[i]!.p).toBe(gi.p[i]);
      expect(hot.cells[i]!.q).toBe(q[i]);
      // Class rule of METHODS.md with FDR on: 99/95/90 % by q.
      const cell = hot.cells[i]!;
      const level = cell.q <= 0.01 ? 3 : cell.q <= 0.05 ? 2 : cell.q <= 0.1 ? 1 : 0;
      expect(cell.class).toBe(level === 0 ? 0 : cell.z > 0 ? level : -level);
    }
    expect(hot.cells.some((c) => c.class === 3)).toBe(true);
  });

  it('emerging: per-slice z equal Gi* on that slice counts, trends equal Mann-Kendall of the z series', async () => {
    const em = await runCliJson<EmergingJson>([
      'emerging',
      '--input',
      input,
      '--study-area',
      area,
      '--study-where',
      'BoroCode=2',
      '--h3-res',
      '8',
      '--k',
      '1',
      '--slice',
      'year',
      '--from',
      '2015-01-01',
      '--to',
      '2024-12-31',
    ]);
    expect(em.slices).toEqual([
      '2015',
      '2016',
      '2017',
      '2018',
      '2019',
      '2020',
      '2021',
      '2022',
      '2023',
      '2024',
    ]);
    const n = em.cells.length;
    const index = new Map(em.cells.map((c, i) => [c.h3, i]));
    const nb = em.cells.map((c) =>
      gridDisk(c.h3, 1)
        .map((h) => index.get(h))
        .filter((j): j is number => j !== undefined)
        .sort((a, b) => a - b),
    );
    const offsets = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + nb[i]!.length;
    const neighbors = { offsets, neighbors: Int32Array.from(nb.flat()) };
    for (let s = 0; s < em.slices.length; s++) {
      const gi = getisOrdGiStar(
        Float64Array.from(em.cells, (c) => c.counts[s]!),
        neighbors,
      );
      for (let i = 0; i < n; i++) expect(em.cells[i]!.z[s]).toBe(gi.z[i]);
    }
    for (const c of em.cells) {
      const mk = mannKendall(c.z);
      expect(c.trend.s).toBe(mk.s);
      expect(c.trend.p).toBe(mk.p);
    }
  }, 120_000);

  it('nearrepeat: observed Knox counts equal a brute-force O(n²) pair count on the same incidents', async () => {
    const knox = await runCliJson<KnoxJson>([
      'nearrepeat',
      '--input',
      input,
      '--permutations',
      '19',
      '--seed',
      '3',
    ]);
    const db = await sharedEngine();
    const rows = arrowRows(
      await db.query(
        `SELECT lon, lat, CAST(occurred_date - DATE '1970-01-01' AS INTEGER) AS day FROM nypd
         WHERE lon IS NOT NULL
         QUALIFY row_number() OVER (PARTITION BY incident_id ORDER BY row_id) = 1`,
      ),
    );
    const n = rows.length;
    expect(knox.incidents).toBe(n);
    const lon = rows.map((r) => Number(r.lon));
    const lat = rows.map((r) => Number(r.lat));
    const day = rows.map((r) => Number(r.day));
    const space = [100, 200, 300, 400];
    const time = [7, 14, 21, 28];
    const brute = Array.from({ length: 5 }, () => [0, 0, 0, 0]);
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) {
        const dt = Math.abs(day[a]! - day[b]!);
        if (dt > 28) continue;
        const d = haversineMetres(lon[a]!, lat[a]!, lon[b]!, lat[b]!);
        if (d > 400) continue;
        const row = d === 0 ? 0 : 1 + space.findIndex((s) => d <= s);
        const col = time.findIndex((t) => dt <= t);
        brute[row]![col]!++;
      }
    }
    expect(knox.observed).toEqual(brute);
    expect(knox.rows).toEqual(['same location', '1–100 m', '101–200 m', '201–300 m', '301–400 m']);
    expect(knox.columns).toEqual(['0–7 days', '8–14 days', '15–21 days', '22–28 days']);
    expect(knox.sentence).toMatch(/^Within 200 m and 14 days of a shooting/);
    // Brute force has real content: NYPD shootings repeat at the same address within weeks.
    expect(brute[0]![0]!).toBeGreaterThan(10);
  }, 180_000);
});
