/**
 * The browser runtime of the engine: DuckDB-WASM in a Web Worker, its wasm and worker files served by the
 * app itself (no CDN), and Parquet decoded by parquet-wasm (DuckDB-WASM's own Parquet reader would be
 * downloaded from the internet).
 */
import {
  AsyncDuckDB,
  type AsyncDuckDBConnection,
  type DuckDBBundles,
  DuckDBDataProtocol,
  selectBundle,
  VoidLogger,
} from '@duckdb/duckdb-wasm';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import type { Table } from 'apache-arrow';
import parquetWasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import type { Connector, SqlParam } from './connector';
import { readRowGroups } from './parquet-row-groups';
import { SESSION_SETUP_SQL } from './sql/engine-queries';

const BUNDLES: DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
};

/** Starts DuckDB-WASM in a Web Worker. `onProgress` receives a fraction 0..1 of the wasm download. */
export async function createBrowserConnector(onProgress?: (fraction: number) => void): Promise<Connector> {
  const bundle = await selectBundle(BUNDLES);
  const worker = new Worker(bundle.mainWorker!);
  const db = new AsyncDuckDB(new VoidLogger(), worker);
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker, (p) => {
    if (onProgress && p.bytesTotal > 0) onProgress(Math.min(1, p.bytesLoaded / p.bytesTotal));
  });
  await db.open({});
  const conn: AsyncDuckDBConnection = await db.connect();
  for (const sql of SESSION_SETUP_SQL) await conn.query(sql);
  let parquetReady: Promise<typeof import('parquet-wasm/esm')> | null = null;

  return {
    runtime: 'browser',
    async query(sql: string, params?: readonly SqlParam[]): Promise<Table> {
      if (!params || params.length === 0) return conn.query(sql);
      const statement = await conn.prepare(sql);
      try {
        return await statement.query(...params);
      } finally {
        await statement.close();
      }
    },
    async registerFile(name: string, bytes: Uint8Array) {
      await db.registerFileBuffer(name, bytes);
    },
    async registerFileHandle(name: string, file: Blob) {
      await db.registerFileHandle(name, file, DuckDBDataProtocol.BROWSER_FILEREADER, true);
    },
    async dropFile(name: string) {
      await db.dropFile(name);
    },
    async insertArrowIpc(table: string, ipc: Uint8Array, options?: { append?: boolean }) {
      await conn.insertArrowFromIPCStream(ipc, { name: table, create: !options?.append });
    },
    async *parquetRowGroups(file: Blob) {
      parquetReady ??= import('parquet-wasm/esm').then(async (m) => {
        await m.default({ module_or_path: parquetWasmUrl });
        return m;
      });
      const parquet = await parquetReady;
      yield* readRowGroups(await parquet.ParquetFile.fromFile(file));
    },
    async close() {
      await conn.close();
      await db.terminate();
      worker.terminate();
    },
  };
}
