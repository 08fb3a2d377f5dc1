/**
 * Opening an archive, from a URL or a local folder: the manifest and the first screen's summaries at once
 * (no engine needed), then, when the engine is ready, the partitions the view's time range needs. The
 * archive claims a dataset key of its own (the link's `dataset=` when it is a free user key, otherwise the
 * first free one): it never takes the place of a loaded or kept dataset. A brush into years not loaded
 * fetches them. Cancelling or a failed request leaves everything loaded before as it was.
 */
import i18next from 'i18next';
import type { ArchiveManifest, ArchivePartition, FirstScreen } from '../data/archive/manifest';
import { parseManifest, partitionsFor } from '../data/archive/manifest';
import { type FolderFile, folderFilesArchiveLocation } from '../data/archive/mapped-location';
import {
  ArchiveCancelled,
  type ArchiveLocation,
  describeFetchFailure,
  loadArchive,
  redactUrl,
  urlArchiveLocation,
} from '../data/archive/open-archive';
import type { Connector } from '../data/connector';
import { ImportError } from '../data/loaders/sniff';
import { loadH3 } from '../geo/h3-loader';
import { useAppStore } from '../state/app-store';
import { manifestDataset } from '../state/archive-dataset';
import { chooseArchiveKey } from '../state/archive-key';
import { previewCubes } from '../state/archive-preview';
import { useArchiveStore } from '../state/archive-store';
import { type DatasetKey, describeDataset } from '../state/datasets';
import { savedDatasetKeys } from '../state/saved-data';
import type { UrlViewState } from '../state/url-state';
import { errorText as dataErrorText, messageText } from './i18n/use-message';

/** Where the opened archive's files come from, remade after a cancel (a fresh abort signal). */
interface ArchiveSource {
  /** The URL or folder name, as shown. */
  source: string;
  /** A URL a link may carry (null for a folder or a URL with secrets in its query). */
  linkable: string | null;
  label: string;
  locate(signal: AbortSignal, onFetched: (path: string, bytes: number) => void): ArchiveLocation;
}

function label(url: string): string {
  const clean = redactUrl(url)
    .replace(/\?…$/, '')
    .replace(/\/manifest\.json$/, '');
  return clean.replace(/\/$/, '').split('/').pop() || clean;
}

let controller: AbortController | null = null;
let location: ArchiveLocation | null = null;
let current: ArchiveSource | null = null;

const countFetched = (path: string, bytes: number) => {
  if (path.startsWith('incidents/'))
    useArchiveStore.setState((s) => ({ bytesFetched: s.bytesFetched + bytes }));
};

function relocate(): AbortSignal {
  controller = new AbortController();
  location = current!.locate(controller.signal, countFetched);
  return controller.signal;
}

/** Keys of the datasets kept on this device (none when storage cannot be read). */
async function keptKeys(): Promise<DatasetKey[]> {
  try {
    return (await savedDatasetKeys()) as DatasetKey[];
  } catch {
    return [];
  }
}

/**
 * The key the archive loads into: never one holding a loaded or kept dataset. The previous archive's key is
 * free again while its partitions are not loaded.
 */
async function claimKey(linked: DatasetKey | null): Promise<DatasetKey | null> {
  const taken = new Set<DatasetKey>(await keptKeys());
  for (const k of Object.keys(useAppStore.getState().datasets) as DatasetKey[]) taken.add(k);
  return chooseArchiveKey(linked, taken);
}

/**
 * Opens the archive at `url`: draws its first screen from the summaries, then loads the partitions its
 * view's time range needs as soon as the engine is ready. `link`: the view of the link that named it.
 */
export function openArchiveUrl(url: string, link?: UrlViewState): Promise<void> {
  return openArchive(
    {
      source: url,
      linkable: redactUrl(url) === url ? url : null,
      label: label(url),
      locate: (signal, onFetched) => urlArchiveLocation(url, { signal, onFetched }),
    },
    link,
  );
}

/** Opens the archive in a folder the user chose (files with their `webkitRelativePath`). */
export function openArchiveFolder(files: Iterable<FolderFile>): Promise<void> {
  const list = [...files];
  let name: string;
  try {
    name = folderFilesArchiveLocation(list).name;
  } catch (error) {
    useAppStore.getState().notify('error', dataErrorText(error));
    return Promise.resolve();
  }
  return openArchive({
    source: name,
    linkable: null,
    label: name,
    locate: (_signal, onFetched) => folderFilesArchiveLocation(list, onFetched),
  });
}

async function openArchive(from: ArchiveSource, link?: UrlViewState): Promise<void> {
  const app = useAppStore.getState();
  const archive = useArchiveStore.getState();
  controller?.abort();
  const previous = archive.key;
  if (previous && !app.datasets[previous]) archive.setPreview(previous, null);
  current = from;
  const signal = relocate();
  const claim = claimKey(link?.dataset ?? null);
  archive.set({
    source: from.source,
    key: null,
    claim,
    manifest: null,
    loaded: [],
    loading: [],
    bytesFetched: 0,
    bytesWanted: 0,
  });
  let key: DatasetKey | null;
  try {
    const [manifest, claimed] = await Promise.all([
      location!
        .readText('manifest.json')
        .then((text) => parseManifest(text, `${location!.name} manifest.json`)),
      claim,
    ]);
    key = claimed;
    if (!key) {
      app.notify(
        'error',
        `The archive ${from.label} was not opened: every dataset slot holds a loaded or kept file. Remove one (× on its tab) to make room; nothing was replaced.`,
      );
      archive.set({ source: null, manifest: null });
      return;
    }
    let preview = null;
    if (manifest.summaries?.firstScreen) {
      const [text] = await Promise.all([location!.readText(manifest.summaries.firstScreen.path), loadH3()]);
      preview = previewCubes(JSON.parse(text) as FirstScreen);
    }
    if (signal.aborted) return;
    archive.set({ manifest, key });
    const dataset = manifestDataset(key, from.label, manifest);
    if (preview) archive.setPreview(key, { preview, dataset, complete: false });
    const view = link ?? useAppStore.getState().views[key];
    app.replaceView(key, { ...view, dataset: key, archive: from.linkable });
    useAppStore.setState({ active: key });
    performance.mark('cvi:archive-first-screen');
  } catch (error) {
    if (!signal.aborted) app.notify('error', errorText(error, from.source));
    return;
  }
  const db = await engineReady();
  if (db && !signal.aborted) await ensurePartitions(db);
}

function engineReady(): Promise<Connector | null> {
  const { engine, engineError } = useAppStore.getState();
  if (engine || engineError) return Promise.resolve(engine);
  return new Promise((resolve) => {
    const stop = useAppStore.subscribe((s) => {
      if (s.engine || s.engineError) {
        stop();
        resolve(s.engine);
      }
    });
  });
}

function errorText(error: unknown, source: string): string {
  if (error instanceof ImportError) return dataErrorText(error);
  return messageText(describeFetchFailure(source, { error }));
}

let running: Promise<void> | null = null;

/**
 * Loads the partitions the archive view's time range needs that the engine does not hold yet (every
 * partition without a time brush). Runs one load at a time; a later call waits for the current one.
 */
export async function ensurePartitions(db: Connector): Promise<void> {
  while (running) await running;
  const { manifest, loaded, source, key } = useArchiveStore.getState();
  if (!manifest || !location || !source || !key) return;
  const time = useAppStore.getState().views[key].time;
  const wanted = partitionsFor(manifest, time ? { from: `${time.from}-01`, to: `${time.to}-31` } : {}).filter(
    (p) => !loaded.includes(p.path),
  );
  if (wanted.length === 0) return;
  running = loadPartitions(db, key, manifest, wanted).finally(() => {
    running = null;
  });
  await running;
}

async function loadPartitions(
  db: Connector,
  key: DatasetKey,
  manifest: ArchiveManifest,
  wanted: ArchivePartition[],
) {
  const app = useAppStore.getState();
  const archive = useArchiveStore.getState();
  const signal = controller!.signal;
  const table = `incidents_${key}`;
  const append = archive.loaded.length > 0 && app.datasets[key]?.table === table;
  archive.set({
    loading: wanted.map((p) => p.path),
    bytesWanted: archive.bytesWanted + wanted.reduce((s, p) => s + p.bytes, 0),
    cancel: () => controller?.abort(),
  });
  try {
    const result = await loadArchive(db, location!, { table, manifest, partitions: wanted, append, signal });
    const loaded = [...useArchiveStore.getState().loaded, ...wanted.map((p) => p.path)];
    const partial = loaded.length < manifest.partitions.length;
    const report = { ...result.report };
    if (partial) {
      report.notes = [
        ...report.notes,
        i18next.t('datafiles:archivePartial', { loaded: loaded.length, total: manifest.partitions.length }),
      ];
    }
    const entry = useArchiveStore.getState().previews[key];
    const name = entry?.dataset.label ?? current?.label ?? i18next.t('datafiles:archive');
    const dataset = await describeDataset(db, key, table, report, { label: name, synthetic: false });
    // The month axis stays the archive's whole range, so every year can be brushed.
    if (entry) {
      dataset.firstMonth = entry.dataset.firstMonth;
      dataset.monthCount = entry.dataset.monthCount;
      useArchiveStore.getState().setPreview(key, { ...entry, complete: !partial });
    }
    useArchiveStore.setState({ loaded, loading: [], cancel: null });
    app.setDataset(dataset);
    app.showReport(report, false);
    performance.mark('cvi:archive-loaded');
  } catch (error) {
    useArchiveStore.setState({ loading: [], cancel: null });
    if (error instanceof ArchiveCancelled) {
      app.notify('info', i18next.t('datafiles:archiveCancelled'));
      relocate();
    } else {
      app.notify(
        'error',
        i18next.t('datafiles:archiveFailed', { message: errorText(error, current?.source ?? '') }),
      );
    }
  }
}
