/**
 * The Node runtime of the engine: DuckDB-WASM's blocking bundle, in-process. Used by tests, the command line
 * and benchmarks, so they run the very same database build and SQL as the browser.
 */
import { accessSync, constants, openAsBlob, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  createDuckDB,
  type DuckDBBindings,
  DuckDBDataProtocol,
  NODE_RUNTIME,
  VoidLogger,
} from '@duckdb/duckdb-wasm/blocking';
import type { Table } from 'apache-arrow';
import { ParquetFile } from 'parquet-wasm/node';
import type { Connector, SqlParam } from './connector';
import { type ByteSource, type RowGroupOptions, readRowGroups } from './parquet-row-groups';
import { SESSION_SETUP_SQL } from './sql/engine-queries';

const require = createRequire(import.meta.url);

/** The paths of the Blobs made by {@link openFileBlob}, so the engine can read those files in place. */
const blobPaths = new WeakMap<Blob, string>();

/**
 * A file on disk as a Blob, like a file chosen in the browser: the engine reads it in place
 * (`registerFileHandle`) rather than from a copy of the whole file in its memory.
 * @throws Error when the path is not a regular file.
 */
export async function openFileBlob(path: string): Promise<Blob> {
  assertRegularFile(path);
  const blob = await openAsBlob(path);
  blobPaths.set(blob, path);
  return blob;
}

/** Starts DuckDB-WASM in this Node process and returns a connector to it. */
export async function createNodeConnector(): Promise<Connector> {
  const bundles = {
    mvp: {
      mainModule: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm'),
      mainWorker: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-mvp.worker.cjs'),
    },
    eh: {
      mainModule: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'),
      mainWorker: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-eh.worker.cjs'),
    },
  };
  const db: DuckDBBindings = await createDuckDB(bundles, new VoidLogger(), NODE_RUNTIME);
  await db.instantiate(() => {});
  db.open({});
  const conn = db.connect();
  for (const sql of SESSION_SETUP_SQL) conn.query(sql);

  return {
    runtime: 'node',
    async query(sql: string, params?: readonly SqlParam[]): Promise<Table> {
      if (!params || params.length === 0) return conn.query(sql);
      const statement = conn.prepare(sql);
      try {
        return statement.query(...params);
      } finally {
        statement.close();
      }
    },
    async registerFile(name: string, bytes: Uint8Array) {
      db.registerFileBuffer(name, bytes);
    },
    async registerFileHandle(name: string, file: Blob) {
      const path = blobPaths.get(file);
      if (path && engineCanOpen(path)) db.registerFileURL(name, path, DuckDBDataProtocol.NODE_FS, false);
      else db.registerFileBuffer(name, new Uint8Array(await file.arrayBuffer()));
    },
    async dropFile(name: string) {
      db.dropFile(name);
    },
    async insertArrowIpc(table: string, ipc: Uint8Array, options?: { append?: boolean }) {
      conn.insertArrowFromIPCStream(ipc, { name: table, create: !options?.append });
    },
    async *parquetRowGroups(file: Blob | ByteSource, options?: RowGroupOptions) {
      // parquet-wasm uses only `size` and `slice(start, end).arrayBuffer()` of the handle.
      yield* readRowGroups(await ParquetFile.fromFile(file as Blob), options);
    },
    async close() {
      conn.close();
      db.reset();
    },
  };
}

/**
 * Whether DuckDB-WASM's Node runtime can open `path` in place: it opens every file for reading and writing
 * (it never writes to an input), so a file the user may only read is copied into the engine instead.
 */
function engineCanOpen(path: string): boolean {
  try {
    accessSync(path, constants.R_OK | constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Reads a file from disk as bytes (Node only). */
export function readFileBytes(path: string): Uint8Array {
  assertRegularFile(path);
  const buffer = readFileSync(path);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/**
 * Refuses anything but a regular file (a named pipe would block the read forever, a device never ends).
 * @throws Error naming what the path is.
 */
export function assertRegularFile(path: string): void {
  const stat = statSync(path);
  if (stat.isFile()) return;
  const kind = stat.isFIFO()
    ? 'a named pipe'
    : stat.isDirectory()
      ? 'a folder'
      : stat.isSocket()
        ? 'a socket'
        : 'a device';
  throw new Error(`${path} is ${kind}, not a regular file; save the data to a file and give that file.`);
}
