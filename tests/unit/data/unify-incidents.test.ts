import { beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src/analysis/random';
import type { Connector } from '../../../src/data/connector';
import { arrowRows } from '../../../src/data/rows';
import { CANONICAL_COLUMNS } from '../../../src/data/schema';
import { unifyIncidentPlaceTimeQuery } from '../../../src/data/sql/import-queries';
import { quoteIdentifier, quoteLiteral } from '../../../src/data/sql/quote';
import { sharedEngine } from '../../support/engine';

let db: Connector;
beforeAll(async () => {
  db = await sharedEngine();
});

const COMPARED = ['occurred_at', 'hour', 'lon', 'lat', 'precinct', 'district', 'location_type'] as const;

describe('unifying the place and time of an incident', () => {
  it('finds exactly the incidents whose rows carry two different non-empty values (brute force, 20 seeds)', async () => {
    const cols = CANONICAL_COLUMNS.map((c) => `${quoteIdentifier(c.name)} ${c.sqlType}`).join(', ');
    for (let seed = 1; seed <= 20; seed++) {
      const random = seededRandom(seed);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
      // Few values per column and many NULLs, so that ties, all-NULL incidents and single differences occur.
      const rows = Array.from({ length: 300 }, (_, i) => ({
        row_id: i + 1,
        incident_id: `I${Math.floor(random() * 90)}`,
        occurred_at: pick([null, '2020-01-01 10:00:00', '2020-01-01 11:00:00']),
        hour: pick([null, 10, 11]),
        lon: pick([null, -73.9, -73.91]),
        lat: pick([null, 40.7, 40.71]),
        precinct: pick([null, '40', '41']),
        district: pick([null, 'BRONX', 'QUEENS']),
        location_type: pick([null, 'STREET', 'PARK']),
      }));
      // Most incidents agree on every column except for NULLs: keep the first row's values, blank some.
      const first = new Map<string, (typeof rows)[number]>();
      for (const r of rows) {
        const f = first.get(r.incident_id);
        if (!f) first.set(r.incident_id, r);
        else if (random() < 0.8)
          for (const c of COMPARED) (r as Record<string, unknown>)[c] = random() < 0.2 ? null : f[c];
      }
      const sql = (v: unknown) =>
        v === null ? 'NULL' : typeof v === 'number' ? String(v) : quoteLiteral(String(v));
      await db.query(`CREATE OR REPLACE TABLE unify_t (${cols})`);
      await db.query(`INSERT INTO unify_t (row_id, incident_id, occurred_at, hour, lon, lat, precinct, district, location_type)
        VALUES ${rows.map((r) => `(${[r.row_id, r.incident_id, r.occurred_at, r.hour, r.lon, r.lat, r.precinct, r.district, r.location_type].map(sql).join(', ')})`).join(', ')}`);
      await db.query(unifyIncidentPlaceTimeQuery('unify_t', 'unify_conflicts'));
      const found = arrowRows(await db.query('SELECT incident_id FROM unify_conflicts ORDER BY 1')).map((r) =>
        String(r.incident_id),
      );
      const byIncident = new Map<string, (typeof rows)[number][]>();
      for (const r of rows) byIncident.set(r.incident_id, [...(byIncident.get(r.incident_id) ?? []), r]);
      const expected = [...byIncident]
        .filter(
          ([, rs]) =>
            rs.length > 1 &&
            COMPARED.some((c) => new Set(rs.map((r) => r[c]).filter((v) => v !== null)).size > 1),
        )
        .map(([k]) => k)
        .sort();
      expect(found).toEqual(expected);
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(byIncident.size);
    }
  });
});
