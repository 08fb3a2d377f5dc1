/** What the planner shows on the map: suggested sites, uncovered incidents, outside hot spots, hot now. */
import { create } from 'zustand';
import type { PlanHotSpot, SiteSuggestion } from '../state/planning-pipeline';

/** Planner map state (null parts are not drawn). */
export interface PlannerMapState {
  suggestions: SiteSuggestion[];
  uncovered: { lon: Float64Array; lat: Float64Array } | null;
  outsideHotSpots: PlanHotSpot[];
  hotNow: { cells: string[]; boost: number[] } | null;
  /** Show uncovered incidents and outside hot spots. */
  uncoveredMode: boolean;
  /** True while the user places candidate sites (map clicks then add sites, not select areas). */
  placing: boolean;
  set(patch: Partial<Omit<PlannerMapState, 'set'>>): void;
}

/** The store hook. */
export const usePlannerMap = create<PlannerMapState>((set) => ({
  suggestions: [],
  uncovered: null,
  outsideHotSpots: [],
  hotNow: null,
  uncoveredMode: false,
  placing: false,
  set: (patch) => set(patch),
}));
