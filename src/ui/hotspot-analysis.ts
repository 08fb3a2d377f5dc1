/**
 * The hotspot views' data: study area and grid points per dataset, the filtered incidents from the engine
 * (time brush included, debounced while brushing), and Gi* / emerging hot spots computed in a Web Worker
 * (assignment and statistics take 50–150 ms for the demo city at resolution 9, too long for the main
 * thread while brushing). Results go to the hotspot store, where the map layers and the panel read them.
 */
import i18next from 'i18next';
import { useEffect, useState } from 'react';
import cityUrl from '../../data/demo/city.geojson?url';
import type { Connector } from '../data/connector';
import { loadH3 } from '../geo/h3-loader';
import type { StudyArea } from '../geo/h3-study-grid';
import type { Dataset } from '../state/datasets';
import {
  convexHullStudyArea,
  type HotspotPoints,
  loadHotspotPoints,
  monthNumber,
} from '../state/hotspot-pipeline';
import { useHotspotStore } from '../state/hotspot-store';
import type { UrlViewState } from '../state/url-state';
import { viewFilter } from '../state/view-filter';
import type { HotspotWorkerRequest, HotspotWorkerResponse } from './hotspot.worker';
import { useCoordinated } from './use-coordinated';

interface StudyAreaChoice {
  area: StudyArea;
  label: string;
}

const gridPointsCache = new WeakMap<Dataset, Map<string, Promise<HotspotPoints>>>();
const areaCache = new WeakMap<Dataset, Promise<StudyAreaChoice>>();

function gridPoints(db: Connector, dataset: Dataset, unit: 'incidents' | 'victims'): Promise<HotspotPoints> {
  let byUnit = gridPointsCache.get(dataset);
  if (!byUnit) {
    byUnit = new Map();
    gridPointsCache.set(dataset, byUnit);
  }
  let p = byUnit.get(unit);
  if (!p) {
    p = loadHotspotPoints(db, dataset.table, { unit });
    byUnit.set(unit, p);
  }
  return p;
}

/**
 * The study area of a dataset: the demo city's limit; else the boundary layer loaded with the data; else
 * the convex hull of the incidents pushed 50 m outwards.
 */
export function datasetStudyArea(db: Connector, dataset: Dataset): Promise<StudyAreaChoice> {
  let p = areaCache.get(dataset);
  if (!p) {
    p = (async (): Promise<StudyAreaChoice> => {
      if (dataset.key === 'demo' && dataset.synthetic) {
        const response = await fetch(cityUrl);
        return { area: (await response.json()) as StudyArea, label: 'the city limit (city.geojson)' };
      }
      if (dataset.boundaries) {
        return {
          area: dataset.boundaries.layer.features as StudyArea,
          label: `the boundary layer ${dataset.boundaries.layer.name}`,
        };
      }
      const pts = await gridPoints(db, dataset, 'incidents');
      return {
        area: convexHullStudyArea(pts.lon, pts.lat),
        label: 'the convex hull of the incidents (+50 m)',
      };
    })();
    areaCache.set(dataset, p);
  }
  return p;
}

let worker: Worker | null = null;
let workerGridKey: string | null = null;
let nextId = 0;
const pending = new Map<number, (r: HotspotWorkerResponse) => void>();

function post(request: HotspotWorkerRequest): Promise<HotspotWorkerResponse> {
  if (!worker) {
    worker = new Worker(new URL('./hotspot.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<HotspotWorkerResponse>) => {
      const resolve = pending.get(event.data.id);
      pending.delete(event.data.id);
      resolve?.(event.data);
    };
  }
  const w = worker;
  return new Promise((resolve) => {
    pending.set(request.id, resolve);
    w.postMessage(request);
  });
}

/** A value that follows `value` after it has been still for `ms` milliseconds. */
function useDebounced<T>(value: T, ms: number): T {
  const [still, setStill] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setStill(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return still;
}

/**
 * Runs the hotspot analysis for the active dataset and view whenever the hotspot or emerging layer is on
 * and the filter or settings change; returns whether a computation is in flight.
 */
export function useHotspotAnalysis(
  db: Connector | null,
  dataset: Dataset | null,
  view: UrlViewState,
): boolean {
  const { resolution, k, fdr, slice } = view.hotspot;
  const showHot = view.layers.includes('hotspots');
  const showEmerging = view.layers.includes('emerging');
  const unit = view.unit;
  const filter = viewFilter(view, null, ['areas']);
  const key =
    db && dataset && (showHot || showEmerging)
      ? JSON.stringify([dataset.table, dataset.loadId, resolution, k, fdr, slice, showEmerging, unit, filter])
      : null;
  const debounced = useDebounced(key, 250);
  const result = useCoordinated('hotspots', debounced, async () => {
    const ds = dataset!;
    // The map draws the result's cells with h3-js outlines.
    await loadH3();
    const [study, all, points] = await Promise.all([
      datasetStudyArea(db!, ds),
      gridPoints(db!, ds, unit),
      loadHotspotPoints(db!, ds.table, { unit, filter }),
    ]);
    const gridKey = `${ds.table}#${ds.loadId}|${unit}|${resolution}|${k}`;
    const first = monthNumber(ds.firstMonth);
    const request = (withGrid: boolean): HotspotWorkerRequest => ({
      id: ++nextId,
      gridKey,
      grid: withGrid ? { area: study.area, resolution, k, lon: all.lon, lat: all.lat } : undefined,
      points,
      fdr,
      emerging: showEmerging
        ? {
            slice,
            fromMonth: filter.from ? monthNumber(filter.from) : first,
            toMonth: filter.to ? monthNumber(filter.to) : first + ds.monthCount - 1,
          }
        : null,
    });
    let response = await post(request(workerGridKey !== gridKey));
    workerGridKey = gridKey;
    if (!response.ok && response.needGrid) response = await post(request(true));
    if (!response.ok) throw new Error(response.message);
    return { response, study: study.label, unit, fdr };
  });

  const setState = useHotspotStore((s) => s.set);
  useEffect(() => {
    if (result.error) setState({ error: result.error });
    const v = result.value;
    if (!v?.response.ok) return;
    const h = v.response.hotspot;
    const e = v.response.emerging;
    setState({
      error: v.response.emergingError
        ? i18next.t('hotspots:emergingError', { error: v.response.emergingError })
        : null,
      studyArea: v.study,
      hotspot: { ...h, fdr: v.fdr, unit: v.unit, millis: v.response.millis },
      emerging: e ? { ...e, cells: h.cells, resolution: h.resolution } : null,
    });
  }, [result.value, result.error, setState]);
  return result.pending || key !== debounced;
}
