/**
 * Reading an archive requests the next partitions while one is read into the engine: at most
 * PARTITIONS_AHEAD files and BYTES_AHEAD bytes ahead, rows still appended in the manifest's partition order whatever order the
 * files arrive in, and a partition that fails while it waits its turn fails the load with its own error,
 * leaving the table loaded before as it was. The demo archive (`data/demo/archive/`, ten yearly partitions)
 * is read through a location whose downloads the test releases by hand.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { folderArchiveLocation } from '../../src/data/archive/folder-location';
import { parseManifest } from '../../src/data/archive/manifest';
import {
  type ArchiveLocation,
  BYTES_AHEAD,
  loadArchive,
  PARTITIONS_AHEAD,
} from '../../src/data/archive/open-archive';
import type { Connector } from '../../src/data/connector';
import { createNodeConnector } from '../../src/data/engine-node';
import { arrowRows } from '../../src/data/rows';
import { repoRoot } from '../support/shared-data';

const folder = folderArchiveLocation(path.join(repoRoot, 'data/demo/archive'));

/** A location whose partition downloads wait until the test releases (or fails) them, by path. */
function heldLocation() {
  const requested: string[] = [];
  const waiting = new Map<string, { release(): void; fail(error: Error): void }>();
  const location: ArchiveLocation = {
    name: 'held demo archive',
    readText: (p) => folder.readText(p),
    readBlob(p) {
      requested.push(p);
      return new Promise<Blob>((ok, no) => {
        waiting.set(p, { release: () => ok(folder.readBlob(p)), fail: no });
      });
    },
  };
  return { location, requested, waiting };
}

/** Lets pending promise callbacks (and the engine's work they start) run. */
const settle = () => new Promise((r) => setTimeout(r, 50));

let db: Connector;
beforeAll(async () => {
  db = await createNodeConnector();
});
afterAll(async () => {
  await db.close();
});

describe('partitions requested ahead', () => {
  it('asks for at most PARTITIONS_AHEAD files beyond the one being read, and keeps the manifest order', async () => {
    const manifest = parseManifest(await folder.readText('manifest.json'), 'demo manifest');
    const paths = manifest.partitions.map((p) => p.path);
    expect(paths.length).toBeGreaterThan(PARTITIONS_AHEAD + 1);

    // Reference: every file served at once, in order.
    await loadArchive(db, folder, { table: 'in_order', manifest });
    const reference = arrowRows(await db.query('SELECT row_id FROM in_order')).map((r) => Number(r.row_id));

    const { location, requested, waiting } = heldLocation();
    const loading = loadArchive(db, location, { table: 'held', manifest });
    await settle();
    // Nothing has arrived yet: the first file and the next PARTITIONS_AHEAD are on their way, no more.
    expect(requested).toEqual(paths.slice(0, PARTITIONS_AHEAD + 1));
    // The files arrive last first: the rows must still go in partition by partition, in the manifest's order.
    for (const p of [...requested].reverse()) {
      waiting.get(p)!.release();
      await settle();
    }
    // Each partition read asks for one more file, until all were asked for, each once.
    for (let i = PARTITIONS_AHEAD + 1; i < paths.length; i++) {
      await vi.waitFor(() => expect(waiting.has(paths[i]!)).toBe(true), { timeout: 30_000 });
      waiting.get(paths[i]!)!.release();
    }
    const load = await loading;
    expect(requested).toEqual(paths);
    expect(load.partitions.length).toBe(paths.length);
    const rows = arrowRows(await db.query('SELECT row_id FROM held')).map((r) => Number(r.row_id));
    expect(rows.length).toBe(manifest.counts.victims);
    expect(rows).toEqual(reference);
  });

  it('requests fewer files ahead when they would hold more than BYTES_AHEAD', async () => {
    const manifest = parseManifest(await folder.readText('manifest.json'), 'demo manifest');
    // As if each partition were 40% of the byte limit: two files ahead fit, three do not.
    const partitions = manifest.partitions.map((p) => ({ ...p, bytes: Math.ceil(BYTES_AHEAD * 0.4) }));
    const paths = partitions.map((p) => p.path);
    const { location, requested, waiting } = heldLocation();
    const loading = loadArchive(db, location, { table: 'large', manifest, partitions });
    await settle();
    expect(requested).toEqual(paths.slice(0, 3));
    for (let i = 0; i < paths.length; i++) {
      waiting.get(paths[i]!)!.release();
      // Once partition i is read, the load asks for partition i + 3, and none beyond while i + 1 is held.
      const expected = paths.slice(0, Math.min(paths.length, i + 4));
      await vi.waitFor(() => expect(requested.length).toBe(expected.length), { timeout: 30_000 });
      expect(requested).toEqual(expected);
    }
    expect((await loading).partitions.length).toBe(paths.length);
  });

  it('fails with the error of a partition that failed while waiting, and keeps the table loaded before', async () => {
    const manifest = parseManifest(await folder.readText('manifest.json'), 'demo manifest');
    const paths = manifest.partitions.map((p) => p.path);
    await db.query('CREATE OR REPLACE TABLE kept AS SELECT 42 AS answer');
    const { location, waiting } = heldLocation();
    const loading = loadArchive(db, location, { table: 'kept', manifest });
    const outcome = loading.then(
      () => null,
      (error: Error) => error,
    );
    await settle();
    // The fourth file fails before its turn; the first three arrive after it.
    waiting.get(paths[3]!)!.fail(new Error(`${paths[3]} answered HTTP 503`));
    for (const p of paths.slice(0, 3)) {
      waiting.get(p)!.release();
      await settle();
    }
    const error = await outcome;
    expect(error?.message).toBe(`${paths[3]} answered HTTP 503`);
    expect(arrowRows(await db.query('SELECT answer FROM kept'))).toEqual([{ answer: 42 }]);
  });
});
