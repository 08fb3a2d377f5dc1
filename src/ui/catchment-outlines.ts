/** The outlines the map draws for the selected program (catchment, comparison areas, displacement ring). */
import type { FeatureCollection } from 'geojson';
import { create } from 'zustand';

/** Outlines and their identity (the map style is rebuilt when the key changes). */
export interface CatchmentOutlinesState {
  outlines: FeatureCollection | null;
  key: string;
  setOutlines(outlines: FeatureCollection | null, key: string): void;
}

/** The store hook; kept apart from the programs registry so the map does not load it. */
export const useCatchmentOutlines = create<CatchmentOutlinesState>((set) => ({
  outlines: null,
  key: '',
  setOutlines: (outlines, key) => set({ outlines, key }),
}));
