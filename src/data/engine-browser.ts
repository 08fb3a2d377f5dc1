/**
 * The browser runtime of the engine: DuckDB-WASM in a Web Worker, its wasm and worker files served by the
 * app itself (no CDN), and Parquet decoded by parquet-wasm (DuckDB-WASM's own Parquet reader would be
 * downloaded from the internet).
 */
import { DuckDBDataProtocol } from '@duckdb/duckdb-wasm';
import type { Table } from 'apache-arrow';
import parquetWasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import type { Connector, SqlParam } from './connector';
import { startBrowserEngine, stopBrowserEngine } from './engine-browser-start';
import { type ByteSource, type RowGroupOptions, readRowGroups } from './parquet-row-groups';

type ParquetWasm = typeof import('parquet-wasm/esm');
let parquetReady: Promise<ParquetWasm> | null = null;

/**
 * Loads the Parquet decoder (parquet-wasm and its WebAssembly) once per page. The app calls it as it starts,
 * so the decoder is ready when the demo's partitions arrive instead of being fetched with the first one.
 */
export function loadParquetDecoder(): Promise<ParquetWasm> {
  parquetReady ??= import('parquet-wasm/esm')
    .then(async (m) => {
      await m.default({ module_or_path: parquetWasmUrl });
      return m;
    })
    .catch((error: unknown) => {
      // A failed load (a dropped connection) is tried again by the next caller.
      parquetReady = null;
      throw error;
    });
  return parquetReady;
}

/**
 * DuckDB-WASM in a Web Worker as the connector. The engine is started once per page, usually before this
 * module is loaded (`engine-browser-start.ts`); `onProgress` receives a fraction
 * 0..1 of the wasm download.
 */
export async function createBrowserConnector(onProgress?: (fraction: number) => void): Promise<Connector> {
  const { db, conn } = await startBrowserEngine(onProgress);
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
    async *parquetRowGroups(file: Blob | ByteSource, options?: RowGroupOptions) {
      const parquet = await loadParquetDecoder();
      // parquet-wasm uses only `size` and `slice(start, end).arrayBuffer()` of the handle.
      yield* readRowGroups(await parquet.ParquetFile.fromFile(file as Blob), options);
    },
    async close() {
      await stopBrowserEngine();
    },
  };
}
