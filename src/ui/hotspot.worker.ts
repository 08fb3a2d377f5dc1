/**
 * Web Worker for the hotspot views: keeps the current H3 study grid and runs Gi* (and, when asked, the
 * emerging hot spot analysis) for each new set of filtered incidents, off the main thread.
 */

import type { StudyArea } from '../geo/h3-study-grid';
import {
  buildHotspotGrid,
  emergingAnalysis,
  type HotspotGrid,
  hotspotAnalysis,
  type SliceUnit,
} from '../state/hotspot-pipeline';
import type { EmergingView, HotspotView } from '../state/hotspot-store';

/** A request: the grid (sent when its key is new to the worker) and the points to analyse. */
export interface HotspotWorkerRequest {
  id: number;
  gridKey: string;
  grid?: { area: StudyArea; resolution: number; k: number; lon: Float64Array; lat: Float64Array };
  points: { lon: Float64Array; lat: Float64Array; month: Int32Array; day: Int32Array };
  fdr: boolean;
  emerging: { slice: SliceUnit; fromMonth: number; toMonth: number } | null;
}

/** The answer to a request. */
export type HotspotWorkerResponse =
  | {
      id: number;
      ok: true;
      millis: number;
      hotspot: Omit<HotspotView, 'fdr' | 'unit' | 'millis'>;
      emerging: Omit<EmergingView, 'cells' | 'resolution'> | null;
      emergingError: string | null;
    }
  | { id: number; ok: false; needGrid?: boolean; message: string };

let current: { key: string; grid: HotspotGrid } | null = null;

self.onmessage = (event: MessageEvent<HotspotWorkerRequest>) => {
  const req = event.data;
  try {
    if (req.grid) {
      const g = req.grid;
      current = { key: req.gridKey, grid: buildHotspotGrid(g.area, g.resolution, g.k, g) };
    }
    if (!current || current.key !== req.gridKey) {
      self.postMessage({ id: req.id, ok: false, needGrid: true, message: 'grid not loaded' });
      return;
    }
    const t0 = performance.now();
    const r = hotspotAnalysis(current.grid, req.points, { fdr: req.fdr });
    let emerging = null;
    let emergingError: string | null = null;
    if (req.emerging) {
      let e: ReturnType<typeof emergingAnalysis> | null = null;
      try {
        e = emergingAnalysis(current.grid, req.points, { ...req.emerging, fdr: req.fdr });
      } catch (error) {
        emergingError = (error as Error).message;
      }
      if (e)
        emerging = {
          pattern: e.result.pattern,
          sliceLabels: e.sliceLabels,
          zBySlice: [...e.result.zBySlice],
          trendTau: e.result.trendTau,
          trendZ: e.result.trendZ,
          trendP: e.result.trendP,
        };
    }
    const response: HotspotWorkerResponse = {
      id: req.id,
      ok: true,
      millis: performance.now() - t0,
      emergingError,
      hotspot: {
        cells: [...r.cells],
        counts: r.counts,
        z: r.z,
        p: r.p,
        q: r.q,
        classes: r.classes,
        neighborSum: r.neighborSum,
        counted: r.counted,
        excluded: r.excluded,
        resolution: r.resolution,
        k: r.k,
      },
      emerging,
    };
    self.postMessage(response);
  } catch (error) {
    self.postMessage({ id: req.id, ok: false, message: (error as Error).message });
  }
};
