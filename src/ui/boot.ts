/**
 * Start-up: start the engine in its worker, load the demo city (or keep the user's data), and apply the
 * view state of the URL, reporting every rejected parameter.
 */

import type { Connector } from '../data/connector';
import { createBrowserConnector } from '../data/engine-browser';
import { ImportError } from '../data/loaders/sniff';
import { setPolygonAssigner } from '../geo/polygon-assigner';
import { useAppStore } from '../state/app-store';
import { useArchiveStore } from '../state/archive-store';
import { attachBoundaries, type Dataset, type DatasetKey, loadDataset } from '../state/datasets';
import { setCellAssigner } from '../state/h3-cells';
import { decodeUrlState, defaultUrlViewState } from '../state/url-state';
import { DEMO_ASSETS } from './demo-assets';
import { workerCellAssigner, workerPolygonAssigner } from './geo-worker-client';

/** Starts the app: engine, demo data, URL state. */
export async function boot(): Promise<void> {
  setCellAssigner(workerCellAssigner);
  setPolygonAssigner(workerPolygonAssigner);
  const store = useAppStore.getState();
  const decoded = decodeUrlState(window.location.search);
  for (const notice of decoded.notices)
    store.notify('error', `Link: ${notice}. The default was used instead.`);
  store.replaceView(decoded.state.dataset, decoded.state);
  // An archive link draws its first screen from the archive's summaries while the engine starts.
  if (decoded.state.archive) {
    store.replaceView('user', { ...decoded.state, dataset: 'user' });
    void import('./archive-open').then((m) => m.openArchiveUrl(decoded.state.archive!));
  }
  store.setProgress({ label: 'Starting the database engine', fraction: 0 });
  // The demo files download while the engine starts.
  const demoFiles = fetchDemoFiles();
  demoFiles.catch(() => {});
  let db: Connector;
  try {
    db = await createBrowserConnector((f) =>
      store.setProgress({ label: 'Starting the database engine', fraction: f * 0.4 }),
    );
  } catch (error) {
    store.setEngineError(`The database engine could not start: ${(error as Error).message}`);
    store.setProgress(null);
    return;
  }
  store.setEngine(db);
  performance.mark('cvi:engine-ready');
  await loadDemo(db, demoFiles);
  performance.mark('cvi:demo-loaded');
  if (decoded.state.dataset === 'user' && !decoded.state.archive) {
    store.notify(
      'info',
      'This link refers to a file of your own; load it to see the same view. Showing the demo city meanwhile.',
    );
  }
}

interface DemoFiles {
  incidents: Uint8Array;
  neighborhoods: string;
}

async function fetchDemoFiles(): Promise<DemoFiles> {
  const [incidents, neighborhoods] = await Promise.all([
    fetch(DEMO_ASSETS.incidents).then((r) => r.arrayBuffer()),
    fetch(DEMO_ASSETS.neighborhoods).then((r) => r.text()),
  ]);
  return { incidents: new Uint8Array(incidents), neighborhoods };
}

/** Loads the synthetic demo city with its neighborhoods. */
export async function loadDemo(db: Connector, files: Promise<DemoFiles> = fetchDemoFiles()): Promise<void> {
  const store = useAppStore.getState();
  try {
    store.setProgress({ label: 'Loading the demo city', fraction: 0.45 });
    const { incidents: bytes, neighborhoods } = await files;
    const dataset = await loadDataset(
      db,
      'demo',
      { name: 'demo-city-incidents.csv', bytes },
      {
        label: 'Demo City (synthetic)',
        synthetic: true,
        onProgress: (stage, f) =>
          store.setProgress({ label: `Demo city: ${stage}`, fraction: 0.45 + f * 0.45 }),
      },
    );
    dataset.boundaries = await attachBoundaries(db, dataset, 'Demo City neighborhoods', neighborhoods, {
      idProperty: 'id',
      nameProperty: 'name',
    });
    store.setDataset(dataset);
    // An archive opened from the link stays on screen; the demo is one click away.
    if (!useArchiveStore.getState().source) useAppStore.setState({ active: 'demo' });
  } catch (error) {
    store.notify('error', `The demo city could not be loaded: ${(error as Error).message}`);
  } finally {
    store.setProgress(null);
  }
}

/** Imports a user file as the user dataset; on failure the loaded data and views stay as they were. */
export async function importUserFile(
  file: File,
  options: Partial<Parameters<typeof loadDataset>[3]> = {},
): Promise<Dataset | null> {
  const store = useAppStore.getState();
  const db = store.engine;
  if (!db) return null;
  try {
    const dataset = await loadDataset(
      db,
      'user',
      { name: file.name, blob: file },
      {
        label: file.name,
        synthetic: false,
        ...options,
        onProgress: (stage, f) => store.setProgress({ label: `${file.name}: ${stage}`, fraction: f }),
      },
    );
    // A new file starts from a clean view: the previous file's filters, areas and camera would not fit it. The
    // first file after opening a shared link keeps the link's view.
    if (store.datasets.user) store.replaceView('user', { ...defaultUrlViewState(), dataset: 'user' });
    store.setDataset(dataset);
    useAppStore.setState({ active: 'user' });
    store.showReport(dataset.report, true);
    return dataset;
  } catch (error) {
    const message =
      error instanceof ImportError
        ? error.message
        : `"${file.name}" could not be loaded: ${(error as Error).message}`;
    store.notify('error', `${message} Your data and views are unchanged.`);
    return null;
  } finally {
    store.setProgress(null);
  }
}

/** Adds a boundary file to the active dataset. */
export async function addBoundaries(file: File, key: DatasetKey): Promise<void> {
  const store = useAppStore.getState();
  const db = store.engine;
  const dataset = store.datasets[key];
  if (!db || !dataset) return;
  try {
    store.setProgress({ label: `Placing incidents in ${file.name}`, fraction: 0.5 });
    const boundaries = await attachBoundaries(db, dataset, file.name, await file.text());
    store.setDataset({ ...dataset, boundaries });
    store.updateView({ areas: { ids: [], polygon: store.views[key].areas.polygon } });
  } catch (error) {
    store.notify('error', `${(error as Error).message} The boundaries already loaded are unchanged.`);
  } finally {
    store.setProgress(null);
  }
}
