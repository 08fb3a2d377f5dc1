/// <reference lib="webworker" />
/** Geometry work kept off the main thread: the H3 cell of every incident. */
import { assignCells } from '../geo/h3-assign';

/** A request to the worker. */
export interface GeoWorkerRequest {
  id: number;
  lon: Float64Array;
  lat: Float64Array;
  resolution: number;
}

/** The worker's answer. */
export type GeoWorkerResponse =
  | { id: number; ok: true; cells: string[]; cellOfRow: Int32Array }
  | { id: number; ok: false; message: string };

self.onmessage = async (event: MessageEvent<GeoWorkerRequest>) => {
  const { id, lon, lat, resolution } = event.data;
  try {
    const { cells, cellOfRow } = await assignCells(lon, lat, resolution);
    const response: GeoWorkerResponse = { id, ok: true, cells, cellOfRow };
    (self as unknown as Worker).postMessage(response, [cellOfRow.buffer]);
  } catch (error) {
    const response: GeoWorkerResponse = { id, ok: false, message: (error as Error).message };
    (self as unknown as Worker).postMessage(response);
  }
};
