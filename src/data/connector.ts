/**
 * The seam between CVI Atlas and its one database engine, DuckDB-WASM.
 *
 * The browser runs DuckDB-WASM in a Web Worker (`engine-browser.ts`); Node (tests, command line, benchmarks)
 * runs the same DuckDB-WASM build in-process (`engine-node.ts`). Everything above this interface issues the
 * same SQL text, so the app and the command line compute identical numbers.
 */
import type { Table } from 'apache-arrow';

/** A value bound to a `?` placeholder of a prepared statement. */
export type SqlParam = string | number | boolean | null | bigint;

/** What the rest of the product may ask of the database engine. */
export interface Connector {
  /** Runs one SQL statement (optionally prepared with `?` parameters) and returns its Arrow result. */
  query(sql: string, params?: readonly SqlParam[]): Promise<Table>;
  /** Makes bytes readable by SQL under a virtual file name (e.g. for `read_csv`). */
  registerFile(name: string, bytes: Uint8Array): Promise<void>;
  /** Makes a browser `File` readable by SQL without copying it into memory first (browser only). */
  registerFileHandle?(name: string, file: Blob): Promise<void>;
  /** Forgets a registered file. */
  dropFile(name: string): Promise<void>;
  /** Creates `table` from an Arrow IPC stream, or appends to it with `append`. */
  insertArrowIpc(table: string, ipc: Uint8Array, options?: { append?: boolean }): Promise<void>;
  /**
   * Decodes a Parquet file one row group at a time, each as an Arrow IPC stream, so a large file is never
   * decoded whole (DuckDB-WASM's own Parquet reader would be downloaded from the internet).
   */
  parquetRowGroups(file: Blob): AsyncIterable<Uint8Array>;
  /** Which runtime this connector runs in, for benchmark reports. */
  readonly runtime: 'node' | 'browser';
  /** Releases the engine. */
  close(): Promise<void>;
}

/**
 * Statements run right after connecting.
 *
 * DuckDB-WASM downloads Parquet, JSON and ICU extensions from the internet on first use by default and hangs
 * offline; turning autoloading off makes a missing extension fail at once with a clear error instead.
 *
 * Tables live in a compressed in-memory catalog rather than DuckDB's default uncompressed one: the canonical
 * incident table takes about 7× less memory (200 MB → 28 MB for 1.27M rows, measured in Node), which is what
 * lets ten million incidents fit in the 4 GB a 32-bit WebAssembly heap can address. Aggregations read it as
 * fast as before; writing it costs some import time (`docs/PERFORMANCE.md`).
 */
export const SESSION_SETUP_SQL = [
  'SET autoinstall_known_extensions = false',
  'SET autoload_known_extensions = false',
  "ATTACH ':memory:' AS atlas (COMPRESS)",
  'USE atlas',
] as const;
