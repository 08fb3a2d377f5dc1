/** Statements about the engine itself rather than the data: session set-up and memory use. */

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

/** Memory the engine reports in use, in MB (one row, column `mb`). */
export function engineMemoryQuery(): string {
  return 'SELECT sum(memory_usage_bytes) / 1e6 AS mb FROM duckdb_memory()';
}

/** Memory held by tables, in bytes (one row, column `b`). */
export function tableMemoryQuery(): string {
  return "SELECT sum(memory_usage_bytes) AS b FROM duckdb_memory() WHERE tag = 'IN_MEMORY_TABLE'";
}
