/**
 * The browser's geometry: H3 cells and point-in-polygon computed in a Web Worker, so large datasets do not
 * freeze the page. Coordinates are copied to the worker; results are transferred back.
 */
import type { CellAssigner } from '../geo/h3-assign';
import type { PolygonAssigner } from '../geo/polygon-assigner';
import type { GeoWorkerRequest, GeoWorkerResponse } from './geo.worker';

type Ok = Extract<GeoWorkerResponse, { ok: true }>;

let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, (response: GeoWorkerResponse) => void>();

/** Distributive Omit: keeps each request variant's own fields. */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

function ask(request: WithoutId<GeoWorkerRequest>): Promise<Ok> {
  if (!worker) {
    worker = new Worker(new URL('./geo.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<GeoWorkerResponse>) => {
      pending.get(event.data.id)?.(event.data);
      pending.delete(event.data.id);
    };
  }
  const id = ++nextId;
  const w = worker;
  return new Promise((resolve, reject) => {
    pending.set(id, (response) => {
      if (response.ok) resolve(response);
      else reject(new Error(response.message));
    });
    w.postMessage({ ...request, id });
  });
}

/** H3 cells of every point, computed in the worker. */
export const workerCellAssigner: CellAssigner = async (lon, lat, resolution) => {
  const response = await ask({ kind: 'cells', lon, lat, resolution });
  if (response.kind !== 'cells') throw new Error('the geometry worker answered the wrong request');
  return { cells: response.cells, cellOfRow: response.cellOfRow };
};

/** The polygon of every point, computed in the worker. */
export const workerPolygonAssigner: PolygonAssigner = async (lon, lat, polygons) => {
  const response = await ask({ kind: 'polygons', lon, lat, polygons: [...polygons] });
  if (response.kind !== 'polygons') throw new Error('the geometry worker answered the wrong request');
  return response.polygonOfRow;
};
