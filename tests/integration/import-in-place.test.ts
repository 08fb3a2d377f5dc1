/**
 * A file read in place by the engine in Node (`openFileBlob`, as the browser reads a chosen file) imports to
 * the same table and report as the same file copied into the engine, on both of the importer's paths for
 * delimited text (read into memory, and read from the file by each scan into a compressed split table).
 */
import { describe, expect, it } from 'vitest';
import type { Connector } from '../../src/data/connector';
import { createNodeConnector, openFileBlob, readFileBytes } from '../../src/data/engine-node';
import { importIncidents } from '../../src/data/import-incidents';
import { arrowRows } from '../../src/data/rows';
import { sharedDataAvailable, sharedDataPath } from '../support/shared-data';

const NYPD = 'NYPD_Shooting_Incident_Data__Historic_.csv';
const TODAY = '2026-12-06';

/** Rows of `a` missing from `b` (with multiplicity). */
async function missing(db: Connector, a: string, b: string): Promise<number> {
  const sql = `SELECT count(*) AS n FROM (SELECT * FROM "${a}" EXCEPT ALL SELECT * FROM "${b}")`;
  return Number(arrowRows(await db.query(sql))[0]!.n);
}

describe.runIf(sharedDataAvailable(NYPD))('importing a file read in place (Node)', () => {
  it('gives the same table and report as the file copied into the engine, on both paths', async () => {
    const db = await createNodeConnector();
    try {
      const path = sharedDataPath(NYPD);
      const copied = await importIncidents(
        db,
        { name: NYPD, bytes: readFileBytes(path) },
        { table: 'copied', today: TODAY },
      );
      // In memory, then forced onto the path of files too large for memory.
      for (const [table, uncompressedScratchMaxRows] of [
        ['in_place', undefined],
        ['in_place_streamed', 0],
      ] as const) {
        const inPlace = await importIncidents(
          db,
          { name: NYPD, blob: await openFileBlob(path) },
          { table, today: TODAY, uncompressedScratchMaxRows },
        );
        expect(inPlace.report).toEqual(copied.report);
        expect(await missing(db, 'copied', table)).toBe(0);
        expect(await missing(db, table, 'copied')).toBe(0);
      }
      expect(copied.report.victims).toBe(29_744);
    } finally {
      await db.close();
    }
  });
});
