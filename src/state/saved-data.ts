/**
 * What this browser keeps between visits, in IndexedDB: each imported dataset as its original file with the
 * import choices that read it (so a restore re-imports exactly what was loaded), the boundary layer of each
 * dataset as its GeoJSON text with the id and name properties chosen, and each dataset's view state (filters,
 * drawn area, layers: the same text a link holds) with the dataset last shown.
 *
 * The original file rather than the engine's table is kept because it is the one thing the import always
 * reproduces: the canonical table, its report and its month axis follow from it and stay consistent with the
 * code that reads it. Nothing here leaves the machine; {@link forgetSavedData} deletes all of it.
 *
 * Every write waits for its transaction to commit, so a tab killed after a save still finds the data. A
 * write refused for lack of space throws {@link SavedDataError} with `quota: true`.
 */

import type { ImportOptions } from '../data/import-incidents';

/** The import choices a file was read with (a preset, a column mapping, a date format). */
export type SavedImportOptions = Pick<ImportOptions, 'preset' | 'mapping' | 'dateFormat'>;

/** A boundary layer as the user loaded it. */
export interface SavedBoundaries {
  name: string;
  text: string;
  idProperty: string;
  nameProperty: string;
}

/** One dataset as kept in the browser. */
export interface SavedDataset {
  /** The dataset key (`user`, `user2`, … or `demo` for boundaries added to the demo city). */
  key: string;
  label: string;
  /** The original incident file; null for the demo city, which the app ships. */
  file: Blob | null;
  fileName: string;
  options: SavedImportOptions;
  boundaries: SavedBoundaries | null;
  /** ISO time of the save. */
  savedAt: string;
}

/** Each dataset's view state as link text, and the dataset shown last. */
export interface SavedViews {
  views: Record<string, string>;
  active: string;
}

/** Everything kept, as read at start-up. */
export interface SavedData {
  datasets: SavedDataset[];
  views: SavedViews | null;
}

/** A failed read or write of the browser's storage; `quota` when the browser refused it for lack of space. */
export class SavedDataError extends Error {
  constructor(
    message: string,
    readonly quota: boolean,
  ) {
    super(message);
    this.name = 'SavedDataError';
  }
}

const DB_NAME = 'cvi-atlas';
const DB_VERSION = 1;
const DATASETS = 'datasets';
const SETTINGS = 'settings';
const VIEWS_KEY = 'views';

function storageError(error: DOMException | Error | null, what: string): SavedDataError {
  const quota = error?.name === 'QuotaExceededError';
  const reason = quota
    ? "the browser's storage for this page is full"
    : (error?.message ?? 'the browser refused the storage request');
  return new SavedDataError(`${what}: ${reason}`, quota);
}

/** Whether this browser offers IndexedDB at all (private windows of some browsers do not). */
export function savedDataAvailable(): boolean {
  return typeof indexedDB !== 'undefined';
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (!savedDataAvailable()) {
      reject(new SavedDataError('This browser keeps no data for pages (IndexedDB is unavailable)', false));
      return;
    }
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(DATASETS)) db.createObjectStore(DATASETS, { keyPath: 'key' });
      if (!db.objectStoreNames.contains(SETTINGS)) db.createObjectStore(SETTINGS);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(storageError(request.error, 'The saved data could not be opened'));
    request.onblocked = () =>
      reject(
        new SavedDataError('The saved data is in use by another tab of this app; close it and retry', false),
      );
  });
}

/** Runs `work` in one transaction and resolves once it has committed (durably, not just queued). */
async function transact<T>(
  stores: string[],
  mode: IDBTransactionMode,
  what: string,
  work: (tx: IDBTransaction) => IDBRequest<T> | undefined,
): Promise<T | undefined> {
  const db = await open();
  try {
    return await new Promise<T | undefined>((resolve, reject) => {
      let tx: IDBTransaction;
      try {
        tx = db.transaction(stores, mode, { durability: 'strict' });
      } catch (error) {
        reject(storageError(error as Error, what));
        return;
      }
      let request: IDBRequest<T> | undefined;
      try {
        request = work(tx);
      } catch (error) {
        tx.abort();
        reject(storageError(error as Error, what));
        return;
      }
      tx.oncomplete = () => resolve(request?.result);
      tx.onerror = () => reject(storageError(tx.error ?? request?.error ?? null, what));
      tx.onabort = () => reject(storageError(tx.error ?? request?.error ?? null, what));
    });
  } finally {
    db.close();
  }
}

/** Keeps a dataset (replacing what was kept under its key). */
export async function saveDataset(dataset: SavedDataset): Promise<void> {
  await transact([DATASETS], 'readwrite', `"${dataset.label}" could not be kept on this device`, (tx) =>
    tx.objectStore(DATASETS).put(dataset),
  );
}

/**
 * Sets the boundary layer kept with a dataset. The demo city has no saved record of its own until it gets
 * boundaries; one is then created with no file.
 */
export async function saveBoundaries(
  key: string,
  boundaries: SavedBoundaries | null,
  demoLabel = 'Demo city',
): Promise<void> {
  const what = `The boundaries "${boundaries?.name ?? ''}" could not be kept on this device`;
  const current = (await transact<SavedDataset>([DATASETS], 'readonly', what, (tx) =>
    tx.objectStore(DATASETS).get(key),
  )) as SavedDataset | undefined;
  if (!current && key !== 'demo') return;
  const next: SavedDataset = current
    ? { ...current, boundaries }
    : { key, label: demoLabel, file: null, fileName: '', options: {}, boundaries, savedAt: '' };
  await transact([DATASETS], 'readwrite', what, (tx) =>
    tx.objectStore(DATASETS).put({ ...next, savedAt: new Date().toISOString() }),
  );
}

/** Removes one dataset. */
export async function forgetDataset(key: string): Promise<void> {
  await transact([DATASETS], 'readwrite', 'The saved dataset could not be removed', (tx) =>
    tx.objectStore(DATASETS).delete(key),
  );
}

/** Keeps the view state of each dataset and the one shown. */
export async function saveViews(views: SavedViews): Promise<void> {
  await transact([SETTINGS], 'readwrite', 'The view could not be kept on this device', (tx) =>
    tx.objectStore(SETTINGS).put(views, VIEWS_KEY),
  );
}

/** Reads everything kept (empty when nothing is). */
export async function loadSavedData(): Promise<SavedData> {
  const what = 'The data kept on this device could not be read';
  const datasets = ((await transact<SavedDataset[]>([DATASETS], 'readonly', what, (tx) =>
    tx.objectStore(DATASETS).getAll(),
  )) ?? []) as SavedDataset[];
  const views = ((await transact<SavedViews>([SETTINGS], 'readonly', what, (tx) =>
    tx.objectStore(SETTINGS).get(VIEWS_KEY),
  )) ?? null) as SavedViews | null;
  // Datasets in the order they were first loaded: user, user2, user3, …
  datasets.sort((a, b) => a.key.localeCompare(b.key, 'en', { numeric: true }));
  return { datasets, views };
}

/** Deletes everything this app keeps in this browser. */
export async function forgetSavedData(): Promise<void> {
  await transact([DATASETS, SETTINGS], 'readwrite', 'The saved data could not be deleted', (tx) => {
    tx.objectStore(DATASETS).clear();
    return tx.objectStore(SETTINGS).clear();
  });
}

/** Bytes this page uses in the browser's storage, and the browser's limit for it, when the browser says. */
export async function storageUse(): Promise<{ usage: number; quota: number } | null> {
  const estimate = await globalThis.navigator?.storage?.estimate?.();
  if (!estimate || estimate.usage === undefined || estimate.quota === undefined) return null;
  return { usage: estimate.usage, quota: estimate.quota };
}

/** The keys of the datasets kept on this device (empty when nothing is kept or storage is unavailable). */
export async function savedDatasetKeys(): Promise<string[]> {
  if (!savedDataAvailable()) return [];
  const keys = await transact<IDBValidKey[]>(
    [DATASETS],
    'readonly',
    'The kept data could not be read',
    (tx) => tx.objectStore(DATASETS).getAllKeys(),
  );
  return (keys ?? []).map(String);
}
