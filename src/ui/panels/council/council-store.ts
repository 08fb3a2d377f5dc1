/** What the council view shows: the map measure, the area whose profile is open, the small-multiple order. */
import { create } from 'zustand';

/** What the choropleth colours: counts per year, crude rates or Empirical Bayes rates. */
export type ChoroplethMeasure = 'count' | 'rate' | 'smoothed';

/** Orders of the small multiples. */
export type MultiplesOrder = 'rate' | 'count' | 'change';

/** State of the council view. */
export interface CouncilState {
  measure: ChoroplethMeasure;
  /** Whether the map colours the areas (always, in publish mode). */
  choropleth: boolean;
  /** Id of the area whose profile is open, or null. */
  profile: string | null;
  order: MultiplesOrder;
  populationDialog: boolean;
  set(patch: Partial<Omit<CouncilState, 'set'>>): void;
}

/** The store hook. */
export const useCouncilStore = create<CouncilState>((set) => ({
  measure: 'count',
  choropleth: false,
  profile: null,
  order: 'count',
  populationDialog: false,
  set: (patch) => set(patch),
}));
