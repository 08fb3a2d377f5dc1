/**
 * Start-up: start the engine in its worker, load the demo city (or keep the user's data), and apply the
 * view state of the URL, reporting every rejected parameter.
 */

import { t } from 'i18next';
import type { ArchiveManifest } from '../data/archive/manifest';
import type { Connector } from '../data/connector';
import { ImportError } from '../data/loaders/sniff';
import { setPolygonAssigner } from '../geo/polygon-assigner';
import { useAppStore } from '../state/app-store';
import { freeImportKey } from '../state/archive-key';
import { useArchiveStore } from '../state/archive-store';
import {
  attachBoundaries,
  type Dataset,
  type DatasetKey,
  loadDataset,
  USER_DATASET_KEYS,
} from '../state/datasets';
import { datasetCells, datasetPoints, setCellAssigner, viewCellResolution } from '../state/h3-cells';
import { linkSetsPublish, storedPublishMode } from '../state/publish-setting';
import { decodeUrlState } from '../state/url-state';
import { loadDemoArchive, showDemoFirstScreen } from './demo-archive';
import { DEMO_ASSETS } from './demo-assets';
import { workerCellAssigner, workerPolygonAssigner } from './geo-worker-client';
import { loadStage } from './i18n/load-stage';
import { errorText } from './i18n/use-message';
import { keepImport, restoreKeptData, startKeeping } from './keep-data';
import { announceLinkWaiting, areasInBoundaries, checkLinkedValues, linkDataLoaded } from './link-waits';

/** Starts the app: engine, demo data, URL state. */
export async function boot(): Promise<void> {
  setCellAssigner(workerCellAssigner);
  setPolygonAssigner(workerPolygonAssigner);
  const store = useAppStore.getState();
  // Read before the app writes its own view into the address bar.
  const hasLink = window.location.search.length > 1 || window.location.hash.length > 1;
  // A long link carries its bulky parameters in the fragment, which never reaches the server.
  const decoded = decodeUrlState(window.location.search, window.location.hash);
  for (const notice of decoded.notices) store.notify('error', t('boot:linkNotice', { notice }));
  if (!linkSetsPublish(window.location.search))
    decoded.state.publish = storedPublishMode(globalThis.localStorage ?? null);
  // An archive link draws its first screen from the archive's summaries while the engine starts; the
  // archive claims a dataset key of its own, which the kept data restored below leaves alone.
  const archiveOpening = decoded.state.archive
    ? import('./archive-open').then((m) => {
        void m.openArchiveUrl(decoded.state.archive!, decoded.state);
      })
    : null;
  if (!decoded.state.archive) store.replaceView(decoded.state.dataset, decoded.state);
  store.setProgress({ label: t('boot:engine'), fraction: 0 });
  // The demo's first screen is drawn from its archive's summaries while the engine starts, unless the link
  // opens an archive: that archive's first screen is the one to show.
  const demoFiles = fetchDemoFiles(!decoded.state.archive);
  demoFiles.catch(() => {});
  let db: Connector;
  try {
    // The engine itself was started as the scripts began to run (`engine-start.ts`); its client is loaded
    // beside the first screen, not before it.
    const { createBrowserConnector, loadParquetDecoder } = await import('../data/engine-browser');
    // The demo's partitions are Parquet: the decoder loads beside the engine, not after it.
    loadParquetDecoder().catch(() => {});
    db = await createBrowserConnector((f) =>
      store.setProgress({ label: t('boot:engine'), fraction: f * 0.4 }),
    );
  } catch (error) {
    store.setEngineError(t('boot:engineError', { message: (error as Error).message }));
    store.setProgress(null);
    return;
  }
  store.setEngine(db);
  performance.mark('cvi:engine-ready');
  await loadDemo(db, demoFiles);
  performance.mark('cvi:demo-loaded');
  await archiveOpening?.catch(() => {});
  await restoreKeptData(db, hasLink && !decoded.state.archive ? decoded.state : null);
  startKeeping();
  if (decoded.state.archive) return;
  if (!useAppStore.getState().datasets[decoded.state.dataset]) announceLinkWaiting(decoded.state.dataset);
  else if (hasLink) checkLinkedValues(decoded.state.dataset);
}

interface DemoFiles {
  manifest: ArchiveManifest;
  neighborhoods: Promise<string>;
}

async function fetchDemoFiles(draw = true): Promise<DemoFiles> {
  const neighborhoods = fetch(DEMO_ASSETS.neighborhoods).then((r) => r.text());
  neighborhoods.catch(() => {});
  return { manifest: await showDemoFirstScreen(draw), neighborhoods };
}

/** Loads the synthetic demo city from its archive, with its neighborhoods. */
export async function loadDemo(db: Connector, files: Promise<DemoFiles> = fetchDemoFiles()): Promise<void> {
  const store = useAppStore.getState();
  try {
    store.setProgress({ label: t('boot:demo'), fraction: 0.45 });
    const { manifest, neighborhoods } = await files;
    const dataset = await loadDemoArchive(db, manifest);
    store.setProgress({ label: t('boot:demo'), fraction: 0.9 });
    // The hexagons of the view on screen are computed beside the neighborhoods' areas (both from the
    // incidents' coordinates, read once) rather than after the dashboard has turned live.
    const resolution = viewCellResolution(useAppStore.getState().views.demo);
    if (resolution !== null) datasetCells(db, dataset, resolution).catch(() => {});
    dataset.boundaries = await attachBoundaries(
      db,
      dataset,
      t('boot:demoNeighborhoods'),
      await neighborhoods,
      {
        idProperty: 'id',
        nameProperty: 'name',
      },
      datasetPoints(db, dataset),
    );
    store.setDataset(dataset);
    // An archive opened from the link stays on screen; the demo is one click away.
    if (!useArchiveStore.getState().source) useAppStore.setState({ active: 'demo' });
  } catch (error) {
    store.notify('error', t('boot:demoError', { message: (error as Error).message }));
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
  // A new file goes next to those loaded: none is replaced without the user removing it.
  const key = freeImportKey(store.datasets, useArchiveStore.getState().key);
  if (!key) {
    store.notify(
      'error',
      `"${file.name}" was not loaded: ${USER_DATASET_KEYS.length} files are loaded already. Remove one (× on its tab) to make room; nothing was replaced.`,
    );
    return null;
  }
  try {
    const dataset = await loadDataset(
      db,
      key,
      { name: file.name, blob: file },
      {
        label: file.name,
        synthetic: false,
        ...options,
        onProgress: (stage, f) =>
          store.setProgress({
            label: t('datafiles:fileStage', { name: file.name, stage: loadStage(stage) }),
            fraction: f,
          }),
      },
    );
    // The view kept under a free key is the default one, or the view of a shared link waiting for this file.
    store.setDataset(dataset);
    useAppStore.setState({ active: key });
    store.showReport(dataset.report, true);
    linkDataLoaded(key);
    await keepImport(dataset, file, options);
    return dataset;
  } catch (error) {
    const message =
      error instanceof ImportError
        ? errorText(error)
        : t('boot:fileError', { name: file.name, message: (error as Error).message });
    store.notify('error', t('boot:unchanged', { message }));
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
    store.setProgress({ label: t('boot:placing', { name: file.name }), fraction: 0.5 });
    const boundaries = await attachBoundaries(db, dataset, file.name, await file.text());
    const view = useAppStore.getState().views[key];
    const ids = areasInBoundaries(view.areas.ids, boundaries, file.name);
    store.setDataset({ ...dataset, boundaries });
    store.replaceView(key, { ...view, areas: { ...view.areas, ids } });
  } catch (error) {
    store.notify('error', t('boot:boundariesUnchanged', { message: errorText(error) }));
  } finally {
    store.setProgress(null);
  }
}
