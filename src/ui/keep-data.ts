/**
 * Keeps what the user loaded across reloads and closed tabs (see `src/state/saved-data.ts`): an imported file
 * when its import succeeds, a dataset's boundaries whenever they change, and every dataset's view state a
 * moment after it changes; at start-up, restores all of it with progress. A refused save (storage full, private
 * window) is reported and loses nothing: the data stays loaded for this visit.
 */

import i18next from 'i18next';
import type { Connector } from '../data/connector';
import type { ImportSource } from '../data/import-incidents';
import { useAppStore } from '../state/app-store';
import { useArchiveStore } from '../state/archive-store';
import { attachBoundaries, type Dataset, type DatasetKey, loadDataset } from '../state/datasets';
import {
  forgetDataset,
  forgetSavedData,
  loadSavedData,
  type SavedBoundaries,
  SavedDataError,
  type SavedImportOptions,
  saveBoundaries,
  saveDataset,
  savedDataAvailable,
  saveViews,
} from '../state/saved-data';
import { decodeUrlState, encodeUrlState, type UrlViewState } from '../state/url-state';
import { loadStage } from './i18n/load-stage';
import { errorText } from './i18n/use-message';

/** False after "forget": nothing is written again until the next file is loaded. */
let keeping = true;

/** Each failure is told once: a full storage would otherwise raise a notice at every change of the view. */
const reported = new Set<string>();

function report(error: unknown): void {
  const message =
    error instanceof SavedDataError
      ? i18next.t('datafiles:keepFailed', { message: error.message })
      : i18next.t('datafiles:saveFailed', { message: (error as Error).message });
  if (reported.has(message)) return;
  reported.add(message);
  useAppStore.getState().notify('error', message);
}

/** Keeps an imported file with the choices that read it (called once its import succeeded). */
export async function keepImport(dataset: Dataset, file: Blob, options: SavedImportOptions): Promise<void> {
  if (!savedDataAvailable()) return;
  keeping = true;
  try {
    await saveDataset({
      key: dataset.key,
      label: dataset.label,
      file,
      fileName: dataset.label,
      options: { preset: options.preset, mapping: options.mapping, dateFormat: options.dateFormat },
      boundaries: null,
      savedAt: new Date().toISOString(),
    });
  } catch (error) {
    report(error);
  }
}

function boundaryRecord(dataset: Dataset): SavedBoundaries | null {
  const b = dataset.boundaries;
  if (!b) return null;
  return {
    name: b.layer.name,
    text: JSON.stringify({ type: 'FeatureCollection', features: b.layer.features }),
    idProperty: b.idProperty,
    nameProperty: b.nameProperty,
  };
}

/**
 * Starts saving changes of the store: boundaries changed on a loaded dataset (not those that came with its
 * load), removed datasets, and the view state (throttled). Returns the unsubscribe function.
 */
export function startKeeping(delayMs = 400): () => void {
  if (!savedDataAvailable()) return () => {};
  const seen = new Map<string, { loadId: number; boundaries: unknown }>();
  for (const [key, d] of Object.entries(useAppStore.getState().datasets) as [string, Dataset][])
    seen.set(key, { loadId: d.loadId, boundaries: d.boundaries });
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastViews = '';
  const writeViews = () => {
    timer = null;
    const s = useAppStore.getState();
    const views: Record<string, string> = {};
    for (const key of Object.keys(s.datasets)) {
      const view = s.views[key as DatasetKey];
      if (view) views[key] = encodeUrlState(view);
    }
    const text = JSON.stringify([views, s.active]);
    if (text === lastViews || !keeping) return;
    lastViews = text;
    saveViews({ views, active: s.active }).catch(report);
  };
  return useAppStore.subscribe((s, prev) => {
    for (const [key, dataset] of Object.entries(s.datasets) as [string, Dataset][]) {
      const before = seen.get(key);
      seen.set(key, { loadId: dataset.loadId, boundaries: dataset.boundaries });
      if (!keeping || !before || before.loadId !== dataset.loadId) continue;
      if (before.boundaries !== dataset.boundaries)
        saveBoundaries(key, boundaryRecord(dataset), dataset.label).catch(report);
    }
    for (const key of [...seen.keys()]) {
      if (s.datasets[key as DatasetKey]) continue;
      seen.delete(key);
      if (keeping) forgetDataset(key).catch(report);
    }
    if ((s.views !== prev.views || s.active !== prev.active) && !timer)
      timer = setTimeout(writeViews, delayMs);
  });
}

/** Deletes everything kept on this device; saving resumes with the next file loaded. */
export async function forgetKeptData(): Promise<void> {
  keeping = false;
  await forgetSavedData();
}

/**
 * Restores the kept datasets into the engine with their boundaries and views. A view in the opening link wins
 * over the kept one for its dataset; without a link, the dataset shown last is shown again. Returns the keys
 * restored.
 */
export async function restoreKeptData(db: Connector, link: UrlViewState | null): Promise<DatasetKey[]> {
  if (!savedDataAvailable()) return [];
  const store = useAppStore.getState();
  let saved: Awaited<ReturnType<typeof loadSavedData>>;
  try {
    saved = await loadSavedData();
  } catch (error) {
    report(error);
    return [];
  }
  // An archive opened from the link holds its own key: what is kept under that key stays kept, unrestored.
  const claimed = await (useArchiveStore.getState().claim ?? Promise.resolve(null));
  const restored: DatasetKey[] = [];
  const total = saved.datasets.length;
  for (const [i, record] of saved.datasets.entries()) {
    const key = record.key as DatasetKey;
    if (key === claimed) continue;
    const label = i18next.t('datafiles:restoring', { name: record.label });
    try {
      let dataset: Dataset | undefined;
      if (record.file) {
        store.setProgress({ label, fraction: i / total });
        const source: ImportSource = { name: record.fileName, blob: record.file };
        dataset = await loadDataset(db, key, source, {
          label: record.label,
          synthetic: false,
          ...record.options,
          onProgress: (stage, f) =>
            store.setProgress({
              label: i18next.t('datafiles:restoringStage', { name: record.label, stage: loadStage(stage) }),
              fraction: (i + f * 0.9) / total,
            }),
        });
      } else {
        dataset = useAppStore.getState().datasets[key];
      }
      if (!dataset) continue;
      if (record.boundaries) {
        store.setProgress({
          label: i18next.t('datafiles:restoringPlacing', {
            name: record.label,
            boundaries: record.boundaries.name,
          }),
          fraction: 0.95,
        });
        dataset = {
          ...dataset,
          boundaries: await attachBoundaries(db, dataset, record.boundaries.name, record.boundaries.text, {
            idProperty: record.boundaries.idProperty,
            nameProperty: record.boundaries.nameProperty,
          }),
        };
      }
      store.setDataset(dataset);
      restored.push(key);
    } catch (error) {
      store.notify(
        'error',
        i18next.t('datafiles:restoreFailed', { name: record.label, message: errorText(error) }),
      );
    }
  }
  store.setProgress(null);
  const views = saved.views;
  if (views) {
    for (const [key, text] of Object.entries(views.views)) {
      if ((link && link.dataset === key) || key === claimed) continue;
      if (!useAppStore.getState().datasets[key as DatasetKey]) continue;
      store.replaceView(key as DatasetKey, { ...decodeUrlState(text).state, dataset: key as DatasetKey });
    }
  }
  // The archive opened from the link stays on screen.
  if (claimed) return restored;
  const active = (link?.dataset ?? views?.active) as DatasetKey | undefined;
  if (active && useAppStore.getState().datasets[active]) store.setActive(active);
  return restored;
}
