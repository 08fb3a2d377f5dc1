/**
 * Archives on screen: the one opened by the user (its manifest, the dataset key it claimed, which partitions
 * the engine holds, what is still being fetched) and, per dataset key, the first screen drawn from an
 * archive's summaries (the opened archive's and the demo city's) until the engine holds the data.
 */
import { create } from 'zustand';
import type { ArchiveManifest } from '../data/archive/manifest';
import type { PreviewCubes } from './archive-preview';
import type { Dataset, DatasetKey } from './datasets';

/** A first screen drawn from summaries. */
export interface ArchivePreviewEntry {
  preview: PreviewCubes;
  /** A dataset description built from the manifest alone, for the map and charts of the first screen. */
  dataset: Dataset;
  /**
   * True when the summaries describe exactly the rows the engine holds (every partition loaded): the first
   * screen then stays in place of the live views that are still being computed, with the same numbers.
   */
  complete: boolean;
}

/** State of the opened archive. */
export interface ArchiveState {
  /** The archive's URL or folder name as the user gave it (never shown with its query string). */
  source: string | null;
  /** The dataset key the opened archive loads into; kept-data restore and imports leave it alone. */
  key: DatasetKey | null;
  /** Resolves once the opened archive has claimed its key (null when no archive is being opened). */
  claim: Promise<DatasetKey | null> | null;
  manifest: ArchiveManifest | null;
  /** First screens by dataset key. */
  previews: Partial<Record<DatasetKey, ArchivePreviewEntry>>;
  /** Partition paths the engine holds. */
  loaded: string[];
  /** Partition paths being fetched now. */
  loading: string[];
  bytesFetched: number;
  /** Bytes of the partitions requested so far. */
  bytesWanted: number;
  cancel: (() => void) | null;
  set(patch: Partial<ArchiveState>): void;
  /** Sets (or, with null, removes) the first screen of a dataset key. */
  setPreview(key: DatasetKey, entry: ArchivePreviewEntry | null): void;
}

/** The archive store. */
export const useArchiveStore = create<ArchiveState>((set) => ({
  source: null,
  key: null,
  claim: null,
  manifest: null,
  previews: {},
  loaded: [],
  loading: [],
  bytesFetched: 0,
  bytesWanted: 0,
  cancel: null,
  set: (patch) => set(patch),
  setPreview: (key, entry) =>
    set((s) => {
      const previews = { ...s.previews };
      if (entry) previews[key] = entry;
      else delete previews[key];
      return { previews };
    }),
}));
