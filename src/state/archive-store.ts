/**
 * The archive the user dataset is opened from: its manifest, the first screen's cubes, which partitions the
 * engine holds, and what is still being fetched.
 */
import { create } from 'zustand';
import type { ArchiveManifest } from '../data/archive/manifest';
import type { PreviewCubes } from './archive-preview';
import type { Dataset } from './datasets';

/** State of the opened archive. */
export interface ArchiveState {
  /** The archive's URL or folder name as the user gave it (never shown with its query string). */
  source: string | null;
  manifest: ArchiveManifest | null;
  preview: PreviewCubes | null;
  /** A dataset description built from the manifest alone, for the map and charts of the first screen. */
  previewDataset: Dataset | null;
  /** Partition paths the engine holds. */
  loaded: string[];
  /** Partition paths being fetched now. */
  loading: string[];
  bytesFetched: number;
  /** Bytes of the partitions requested so far. */
  bytesWanted: number;
  cancel: (() => void) | null;
  set(patch: Partial<ArchiveState>): void;
}

/** The archive store. */
export const useArchiveStore = create<ArchiveState>((set) => ({
  source: null,
  manifest: null,
  preview: null,
  previewDataset: null,
  loaded: [],
  loading: [],
  bytesFetched: 0,
  bytesWanted: 0,
  cancel: null,
  set: (patch) => set(patch),
}));
