/**
 * State of the hotspot views: the latest Gi* and emerging hot spot results for the current filter and the
 * clicked cell. The analyst's settings (H3 resolution, ring size k, FDR, time slice) are part of the view
 * state (`UrlViewState.hotspot`), so links carry them.
 */
import { create } from 'zustand';

/** Gi* result as the map and panel show it (columns in `cells` order). */
export interface HotspotView {
  cells: string[];
  counts: Float64Array;
  z: Float64Array;
  p: Float64Array;
  q: Float64Array;
  classes: Int8Array;
  neighborSum: Float64Array;
  counted: number;
  excluded: number;
  fdr: boolean;
  resolution: number;
  k: number;
  unit: 'incidents' | 'victims';
  /** Milliseconds the worker spent on assignment and statistics. */
  millis: number;
}

/** Emerging hot spot result as the map and panel show it. */
export interface EmergingView {
  cells: string[];
  pattern: Int8Array;
  sliceLabels: string[];
  /** Gi* z per slice, one array per slice in cell order. */
  zBySlice: Float64Array[];
  trendTau: Float64Array;
  trendZ: Float64Array;
  trendP: Float64Array;
  resolution: number;
}

/** The hotspot results. */
export interface HotspotState {
  hotspot: HotspotView | null;
  emerging: EmergingView | null;
  /** Clicked cell (H3 index) or null. */
  selected: string | null;
  /** Id of the boundary feature under the last click on a cell (a click inspects; it does not select it). */
  areaBelow: string | null;
  /** Where the study area came from, e.g. "city limit (city.geojson)". */
  studyArea: string | null;
  error: string | null;
  set(patch: Partial<Omit<HotspotState, 'set'>>): void;
}

/** The hotspot store hook. */
export const useHotspotStore = create<HotspotState>((set) => ({
  hotspot: null,
  emerging: null,
  selected: null,
  areaBelow: null,
  studyArea: null,
  error: null,
  set: (patch) => set(patch),
}));
