/**
 * The start of the browser engine: DuckDB-WASM's worker, the download and compilation of its WebAssembly,
 * and the session's settings, once per page. The entry module starts it before anything else runs
 * (`ui/engine-start.ts`); `engine-browser.ts`, loaded later, wraps the started engine as the connector.
 */
import {
  AsyncDuckDB,
  type AsyncDuckDBConnection,
  type DuckDBBundles,
  selectBundle,
  VoidLogger,
} from '@duckdb/duckdb-wasm';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import { SESSION_SETUP_SQL } from './sql/engine-queries';

const BUNDLES: DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
};

/** A started engine: the database in its worker and the one connection the app uses. */
export interface StartedEngine {
  db: AsyncDuckDB;
  conn: AsyncDuckDBConnection;
  worker: Worker;
}

let started: Promise<StartedEngine> | null = null;
let downloaded = 0;
const listeners = new Set<(fraction: number) => void>();

/**
 * Starts the engine, or returns the start already under way. `onProgress` receives the fraction 0..1 of the
 * WebAssembly downloaded, at once with the fraction reached so far, then as it grows.
 */
export function startBrowserEngine(onProgress?: (fraction: number) => void): Promise<StartedEngine> {
  if (onProgress) {
    listeners.add(onProgress);
    if (downloaded > 0) onProgress(downloaded);
  }
  started ??= start((f) => {
    downloaded = f;
    for (const listener of listeners) listener(f);
  });
  const forget = () => {
    if (onProgress) listeners.delete(onProgress);
  };
  started.then(forget, forget);
  return started;
}

/** Closes the started engine and ends its worker; a later start begins anew. */
export async function stopBrowserEngine(): Promise<void> {
  const engine = await started?.catch(() => null);
  started = null;
  downloaded = 0;
  if (!engine) return;
  await engine.conn.close();
  await engine.db.terminate();
  engine.worker.terminate();
}

async function start(onProgress: (fraction: number) => void): Promise<StartedEngine> {
  const bundle = await selectBundle(BUNDLES);
  // Marks on the page's performance timeline, for profiling the start (`scripts/profile-demo-start.ts`).
  performance.mark('cvi:engine-worker-created');
  const worker = new Worker(bundle.mainWorker!);
  const db = new AsyncDuckDB(new VoidLogger(), worker);
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker, (p) => {
    if (p.bytesTotal > 0) onProgress(Math.min(1, p.bytesLoaded / p.bytesTotal));
  });
  performance.mark('cvi:engine-wasm-instantiated');
  await db.open({});
  const conn = await db.connect();
  for (const sql of SESSION_SETUP_SQL) await conn.query(sql);
  performance.mark('cvi:engine-session-ready');
  return { db, conn, worker };
}
