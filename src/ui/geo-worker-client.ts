/** The browser's cell assigner: H3 cells computed in a Web Worker, so large datasets do not freeze the page. */
import type { CellAssigner } from '../geo/h3-assign';
import type { GeoWorkerRequest, GeoWorkerResponse } from './geo.worker';

let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, (response: GeoWorkerResponse) => void>();

/** Computes cells in the worker (the coordinates are copied to it; the result is transferred back). */
export const workerCellAssigner: CellAssigner = (lon, lat, resolution) => {
  if (!worker) {
    worker = new Worker(new URL('./geo.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<GeoWorkerResponse>) => {
      pending.get(event.data.id)?.(event.data);
      pending.delete(event.data.id);
    };
  }
  const request: GeoWorkerRequest = { id: ++nextId, lon, lat, resolution };
  const w = worker;
  return new Promise((resolve, reject) => {
    pending.set(request.id, (response) => {
      if (response.ok) resolve({ cells: response.cells, cellOfRow: response.cellOfRow });
      else reject(new Error(response.message));
    });
    w.postMessage(request);
  });
};
