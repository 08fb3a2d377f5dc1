/** Reference answers from native DuckDB (`@duckdb/node-api`), independent of the app's DuckDB-WASM engine. */
import { DuckDBInstance } from '@duckdb/node-api';

/** A row with its BIGINT values as numbers, so rows from both engines compare equal. */
export function plainRow(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]));
}

/** The rows of `sql` run in a fresh in-memory native DuckDB, as {@link plainRow}s. */
export async function nativeRows(sql: string, threads = 2): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
  const connection = await instance.connect();
  try {
    return (await connection.runAndReadAll(sql)).getRowObjectsJS().map(plainRow);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
