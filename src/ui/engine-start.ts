/**
 * Starts the engine (DuckDB-WASM's worker, and the download and compilation of its WebAssembly) as the
 * app's scripts begin to run: the entry module imports this module first, so the engine starts before the
 * map and chart libraries evaluate and React renders the first screen, and runs beside them. The app's
 * start-up (`boot.ts`) picks up the same engine when it asks for it.
 */
import { startBrowserEngine } from '../data/engine-browser-start';

startBrowserEngine().catch(() => {
  // The app's start-up reports the failure when it asks for the engine.
});
