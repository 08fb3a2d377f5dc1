/**
 * The app's one store: the engine, the datasets, each dataset's own view state (what a shared link holds),
 * import progress and the notices shown to the user.
 */
import { create } from 'zustand';
import type { Connector } from '../data/connector';
import type { ImportReport } from '../data/import-incidents';
import type { Dataset, DatasetKey } from './datasets';
import { DATASET_KEYS, defaultUrlViewState, type UrlViewState } from './url-state';

/** A message for the user. */
export interface Notice {
  id: number;
  kind: 'error' | 'info';
  text: string;
}

/** Import or start-up progress. */
export interface Progress {
  label: string;
  fraction: number;
}

/**
 * The base map under the data when it is not the offline map (null): a remote maplibre style URL (a user
 * setting kept in this browser), or a PMTiles file chosen on this computer (kept until the page reloads,
 * since a browser does not let a page reopen a file by itself).
 */
export type BaseMapSource = { kind: 'style'; url: string } | { kind: 'pmtiles'; file: File } | null;

/** Everything the app holds. */
export interface AppState {
  engine: Connector | null;
  engineError: string | null;
  progress: Progress | null;
  datasets: Partial<Record<DatasetKey, Dataset>>;
  active: DatasetKey;
  views: Record<DatasetKey, UrlViewState>;
  notices: Notice[];
  /** The report of the last import attempt (success), shown in the report panel. */
  report: ImportReport | null;
  reportOpen: boolean;
  baseMap: BaseMapSource;
  /** True while the user draws an area (map clicks then belong to the drawing, not to area selection). */
  drawing: boolean;

  setEngine(engine: Connector): void;
  setEngineError(message: string): void;
  setProgress(progress: Progress | null): void;
  setDataset(dataset: Dataset): void;
  /** Unloads a dataset from the app (its view returns to the default; the demo city is shown if it was active). */
  removeDataset(key: DatasetKey): void;
  setActive(key: DatasetKey): void;
  /** Changes the active dataset's view state. */
  updateView(patch: Partial<UrlViewState>): void;
  replaceView(key: DatasetKey, view: UrlViewState): void;
  notify(kind: Notice['kind'], text: string): void;
  dismiss(id: number): void;
  showReport(report: ImportReport | null, open?: boolean): void;
  setBaseMap(source: BaseMapSource): void;
}

const BASE_STYLE_KEY = 'cvi-atlas:base-style-url';

function storedBaseMap(): BaseMapSource {
  try {
    const url = globalThis.localStorage?.getItem(BASE_STYLE_KEY);
    return url ? { kind: 'style', url } : null;
  } catch {
    return null;
  }
}

let noticeId = 0;

/** The store hook. */
export const useAppStore = create<AppState>((set) => ({
  engine: null,
  engineError: null,
  progress: null,
  datasets: {},
  active: 'demo',
  views: Object.fromEntries(
    DATASET_KEYS.map((key) => [key, { ...defaultUrlViewState(), dataset: key }]),
  ) as Record<DatasetKey, UrlViewState>,
  notices: [],
  report: null,
  reportOpen: false,
  baseMap: storedBaseMap(),
  drawing: false,

  setEngine: (engine) => set({ engine }),
  setEngineError: (engineError) => set({ engineError }),
  setProgress: (progress) => set({ progress }),
  setDataset: (dataset) => set((s) => ({ datasets: { ...s.datasets, [dataset.key]: dataset } })),
  setActive: (active) => set({ active }),
  removeDataset: (key) =>
    set((s) => {
      const datasets = { ...s.datasets };
      delete datasets[key];
      return {
        datasets,
        views: { ...s.views, [key]: { ...defaultUrlViewState(), dataset: key } },
        active: s.active === key ? 'demo' : s.active,
      };
    }),
  updateView: (patch) =>
    set((s) => ({ views: { ...s.views, [s.active]: { ...s.views[s.active], ...patch } } })),
  replaceView: (key, view) => set((s) => ({ views: { ...s.views, [key]: view } })),
  notify: (kind, text) => set((s) => ({ notices: [...s.notices.slice(-4), { id: ++noticeId, kind, text }] })),
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  showReport: (report, open = true) => set({ report, reportOpen: open && report !== null }),
  setBaseMap: (baseMap) => {
    try {
      if (baseMap?.kind === 'style') globalThis.localStorage?.setItem(BASE_STYLE_KEY, baseMap.url);
      else globalThis.localStorage?.removeItem(BASE_STYLE_KEY);
    } catch {
      // Private windows may refuse storage; the setting then lasts for this visit.
    }
    set({ baseMap });
  },
}));
