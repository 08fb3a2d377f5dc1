/**
 * The brush indexes answer exactly what the engine answers for the same filter: for random month ranges the
 * prefix-cube sums of the headline, hour × weekday and area views equal direct queries on the raw table.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/analysis/random';
import { assignAreas } from '../../src/data/area-assignment';
import type { Connector } from '../../src/data/connector';
import { readFileBytes } from '../../src/data/engine-node';
import { importIncidents } from '../../src/data/import-incidents';
import { incidentPoints } from '../../src/data/incident-points';
import { parseBoundaries } from '../../src/data/loaders/boundaries';
import { arrowRows } from '../../src/data/rows';
import { headlineQuery } from '../../src/data/sql/count-queries';
import { type IncidentFilter, incidentFilterSql } from '../../src/data/sql/incident-filter';
import { measureCubes, unitCube } from '../../src/state/cubes';
import { monthLabel } from '../../src/state/datasets';
import { cubeRange } from '../../src/state/prefix-cube';
import { monthEnd } from '../../src/state/view-filter';
import { sharedEngine } from '../support/engine';
import { repoRoot } from '../support/shared-data';

const FIRST = '2015-01-01';
const MONTHS = 120;
let db: Connector;

beforeAll(async () => {
  db = await sharedEngine();
  const bytes = readFileBytes(path.join(repoRoot, 'data/demo/incidents.csv'));
  await importIncidents(db, { name: 'incidents.csv', bytes }, { table: 'demo' });
  const layer = parseBoundaries(
    'n',
    readFileSync(path.join(repoRoot, 'data/demo/neighborhoods.geojson'), 'utf8'),
  );
  await assignAreas(db, await incidentPoints(db, 'demo'), layer.features, 'demo_areas');
});

function ranges(seed: number, n: number): [number, number][] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => {
    const a = Math.floor(random() * MONTHS);
    const b = Math.floor(random() * MONTHS);
    return [Math.min(a, b), Math.max(a, b)];
  });
}

function withMonths(filter: IncidentFilter, [a, b]: [number, number]): IncidentFilter {
  return { ...filter, from: `${monthLabel(FIRST, a)}-01`, to: monthEnd(monthLabel(FIRST, b)) };
}

describe('brush indexes equal direct engine queries', () => {
  const filter: IncidentFilter = { attrs: { victim_sex: ['M'] }, fatal: 'nonfatal' };

  it('headline: incidents, victims and fatal counts for any month range', async () => {
    const cubes = await measureCubes(db, 'demo', FIRST, MONTHS, { kind: 'none' }, 1, filter);
    for (const range of ranges(1, 12)) {
      const [row] = arrowRows(await db.query(headlineQuery('demo', withMonths(filter, range))));
      const at = (c: Parameters<typeof cubeRange>[0]) => cubeRange(c, range[0], range[1])[0];
      expect([
        at(cubes.incidents),
        at(cubes.victims),
        at(cubes.fatalIncidents),
        at(cubes.fatalVictims),
      ]).toEqual([
        Number(row!.incidents),
        Number(row!.victims),
        Number(row!.fatal_incidents),
        Number(row!.fatal_victims),
      ]);
    }
  });

  it('hour × weekday and areas: every bin, in both units', async () => {
    const matrix = await measureCubes(db, 'demo', FIRST, MONTHS, { kind: 'hourWeekday' }, 169, filter);
    const areas = await measureCubes(
      db,
      'demo',
      FIRST,
      MONTHS,
      { kind: 'rowTable', table: 'demo_areas', column: 'area' },
      25,
      filter,
    );
    for (const range of ranges(2, 6)) {
      const where = incidentFilterSql(withMonths(filter, range));
      const byCell = arrowRows(
        await db.query(
          `SELECT (CAST(weekday AS INTEGER) - 1) * 24 + CAST(hour AS INTEGER) AS b, count(DISTINCT incident_id) AS k, count(*) AS v FROM demo AS i WHERE ${where} GROUP BY 1`,
        ),
      );
      const expectedK = new Float64Array(169);
      const expectedV = new Float64Array(169);
      for (const r of byCell) {
        expectedK[Number(r.b)] = Number(r.k);
        expectedV[Number(r.b)] = Number(r.v);
      }
      expect(Array.from(cubeRange(unitCube(matrix, 'incidents'), range[0], range[1]))).toEqual(
        Array.from(expectedK),
      );
      expect(Array.from(cubeRange(unitCube(matrix, 'victims'), range[0], range[1]))).toEqual(
        Array.from(expectedV),
      );

      const byArea = arrowRows(
        await db.query(
          `SELECT a.area AS b, count(DISTINCT i.incident_id) AS k FROM demo AS i JOIN demo_areas AS a USING (row_id) WHERE ${where} GROUP BY 1`,
        ),
      );
      const expectedArea = new Float64Array(25);
      for (const r of byArea) expectedArea[Number(r.b)] = Number(r.k);
      expect(Array.from(cubeRange(unitCube(areas, 'incidents'), range[0], range[1]))).toEqual(
        Array.from(expectedArea),
      );
    }
  });
});
