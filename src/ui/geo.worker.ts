/// <reference lib="webworker" />
/** Geometry work kept off the main thread: the H3 cell of every incident, and the polygon each one is in. */
import { assignCells } from '../geo/h3-assign';
import { type PolygonFeature, pointInPolygons } from '../geo/point-in-polygons';

/** A request to the worker. */
export type GeoWorkerRequest =
  | { id: number; kind: 'cells'; lon: Float64Array; lat: Float64Array; resolution: number }
  | { id: number; kind: 'polygons'; lon: Float64Array; lat: Float64Array; polygons: PolygonFeature[] };

/** The worker's answer. */
export type GeoWorkerResponse =
  | { id: number; ok: true; kind: 'cells'; cells: string[]; cellOfRow: Int32Array }
  | { id: number; ok: true; kind: 'polygons'; polygonOfRow: Int32Array }
  | { id: number; ok: false; message: string };

function reply(response: GeoWorkerResponse, transfer: Transferable[] = []): void {
  (self as unknown as Worker).postMessage(response, transfer);
}

self.onmessage = async (event: MessageEvent<GeoWorkerRequest>) => {
  const request = event.data;
  try {
    if (request.kind === 'cells') {
      const { cells, cellOfRow } = await assignCells(request.lon, request.lat, request.resolution);
      reply({ id: request.id, ok: true, kind: 'cells', cells, cellOfRow }, [cellOfRow.buffer]);
    } else {
      const polygonOfRow = pointInPolygons(request.lon, request.lat, request.polygons);
      reply({ id: request.id, ok: true, kind: 'polygons', polygonOfRow }, [polygonOfRow.buffer]);
    }
  } catch (error) {
    reply({ id: request.id, ok: false, message: (error as Error).message });
  }
};
