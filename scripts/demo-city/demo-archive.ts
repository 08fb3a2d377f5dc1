/**
 * The demo city as an archive (`docs/ARCHIVE.md`): its incidents published with summaries and a month ×
 * neighborhood table, written to `data/demo/archive/` and served by the app, which draws the demo's first
 * screen from the summaries before the engine has started. Every byte is a function of the demo's CSV and
 * neighborhoods (fixed creation time, fixed Parquet writer properties), so `npm run demo:generate` reproduces it.
 */

import { folderArchiveWriter } from '../../src/data/archive/node-writer';
import type { ArchiveWriter } from '../../src/data/archive/publish';
import { publishArchive } from '../../src/data/archive/publish';
import { createNodeConnector } from '../../src/data/engine-node';
import { importIncidents } from '../../src/data/import-incidents';
import { parseBoundaries } from '../../src/data/loaders/boundaries';

/** The source name the demo's incidents are published under (as the app named the file it loaded). */
export const DEMO_SOURCE_NAME = 'demo-city-incidents.csv';
/** The manifest's creation time: fixed, so the archive is reproducible. */
export const DEMO_ARCHIVE_CREATED_AT = '2025-01-01T00:00:00.000Z';

/** Files of the archive, path relative to its root → bytes. */
export async function demoArchiveFiles(incidentsCsv: string, neighborhoodsGeojson: string) {
  const files = new Map<string, Uint8Array>();
  const parquet = folderArchiveWriter('').parquet;
  const writer: ArchiveWriter = {
    async write(path, bytes) {
      files.set(path, bytes);
    },
    parquet,
  };
  const db = await createNodeConnector();
  try {
    const bytes = new TextEncoder().encode(incidentsCsv);
    const { report } = await importIncidents(db, { name: DEMO_SOURCE_NAME, bytes }, { table: 'demo' });
    await publishArchive(
      db,
      {
        table: 'demo',
        sources: [{ name: DEMO_SOURCE_NAME, bytes: bytes.length, rowIdShift: 0, report }],
        partition: 'year',
        summaries: true,
        boundaries: [
          { layer: parseBoundaries('neighborhoods.geojson', neighborhoodsGeojson), idProperty: 'id' },
        ],
        createdAt: DEMO_ARCHIVE_CREATED_AT,
      },
      writer,
    );
  } finally {
    await db.close();
  }
  return files;
}
