/**
 * Opening an archive as the user dataset: the manifest and the first screen's summaries at once (no engine
 * needed), then, when the engine is ready, the partitions the view's time range needs. A brush into years
 * not loaded fetches them. Cancelling or a failed request leaves everything loaded before as it was.
 */
import i18next from 'i18next';
import type { ArchiveManifest, ArchivePartition, FirstScreen } from '../data/archive/manifest';
import { parseManifest, partitionsFor } from '../data/archive/manifest';
import {
  ArchiveCancelled,
  type ArchiveLocation,
  archiveFileUrl,
  describeFetchFailure,
  loadArchive,
  redactUrl,
  urlArchiveLocation,
} from '../data/archive/open-archive';
import type { Connector } from '../data/connector';
import type { ImportReport } from '../data/import-incidents';
import { ImportError } from '../data/loaders/sniff';
import { loadH3 } from '../geo/h3-loader';
import { useAppStore } from '../state/app-store';
import { previewCubes } from '../state/archive-preview';
import { useArchiveStore } from '../state/archive-store';
import { type Dataset, describeDataset, monthIndex } from '../state/datasets';

const TABLE = 'incidents_user';

function manifestReport(name: string, m: ArchiveManifest): ImportReport {
  return {
    source: { name, format: 'parquet', columns: m.columns.map((c) => c.name) },
    preset: 'generic',
    presetName: i18next.t('datafiles:archiveOf', { sources: m.sources.map((s) => s.name).join(', ') }),
    mapping: { date: 'occurred_at', lat: 'lat', lon: 'lon' },
    attributes: m.columns.filter((c) => c.name.startsWith('attr:')).map((c) => c.name.slice(5)),
    dateFormat: '',
    rowsRead: m.counts.victims,
    victims: m.counts.victims,
    incidents: m.counts.incidents,
    fatalVictims: m.counts.fatalVictims,
    fatalIncidents: m.counts.fatalIncidents,
    firstDate: m.firstDate,
    lastDate: m.lastDate,
    bbox: m.bbox,
    recoveredFromStatePlane: 0,
    withoutTime: 0,
    rejected: [],
    rejectedTotal: 0,
    notes: [],
  };
}

function previewDataset(name: string, m: ArchiveManifest): Dataset {
  const firstMonth = `${m.firstDate.slice(0, 7)}-01`;
  return {
    key: 'user',
    label: name,
    synthetic: false,
    loadId: -1,
    table: TABLE,
    report: manifestReport(name, m),
    firstMonth,
    monthCount: monthIndex(firstMonth, m.lastDate.slice(0, 7)) + 1,
    boundaries: null,
    categories: {},
  };
}

function label(url: string): string {
  const clean = redactUrl(url)
    .replace(/\?…$/, '')
    .replace(/\/manifest\.json$/, '');
  return clean.replace(/\/$/, '').split('/').pop() || clean;
}

let controller: AbortController | null = null;
let location: ArchiveLocation | null = null;

/**
 * Opens the archive at `url`: draws its first screen from the summaries, then loads the partitions the
 * user view's time range needs as soon as the engine is ready.
 */
export async function openArchiveUrl(url: string): Promise<void> {
  const app = useAppStore.getState();
  const archive = useArchiveStore.getState();
  controller?.abort();
  controller = new AbortController();
  const signal = controller.signal;
  location = urlArchiveLocation(url, {
    signal,
    onFetched: (path, bytes) => {
      if (path.startsWith('incidents/'))
        useArchiveStore.setState((s) => ({ bytesFetched: s.bytesFetched + bytes }));
    },
  });
  archive.set({ source: url, loaded: [], loading: [], bytesFetched: 0, bytesWanted: 0 });
  try {
    const manifest = parseManifest(
      await location.readText('manifest.json'),
      `${redactUrl(url)} manifest.json`,
    );
    const name = label(url);
    let preview = null;
    if (manifest.summaries?.firstScreen) {
      const [text] = await Promise.all([location.readText(manifest.summaries.firstScreen.path), loadH3()]);
      preview = previewCubes(JSON.parse(text) as FirstScreen);
    }
    archive.set({ manifest, preview, previewDataset: previewDataset(name, manifest) });
    const view = app.views.user;
    app.replaceView('user', { ...view, dataset: 'user', archive: redactUrl(url) === url ? url : null });
    useAppStore.setState({ active: 'user' });
    performance.mark('cvi:archive-first-screen');
  } catch (error) {
    app.notify('error', errorText(error, url));
    return;
  }
  const db = await engineReady();
  if (db) await ensurePartitions(db);
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

function errorText(error: unknown, url: string): string {
  if (error instanceof ImportError) return error.message;
  return describeFetchFailure(url, { error });
}

let running: Promise<void> | null = null;

/**
 * Loads the partitions the user view's time range needs that the engine does not hold yet (every partition
 * without a time brush). Runs one load at a time; a later call waits for the current one.
 */
export async function ensurePartitions(db: Connector): Promise<void> {
  while (running) await running;
  const { manifest, loaded, source } = useArchiveStore.getState();
  if (!manifest || !location || !source) return;
  const time = useAppStore.getState().views.user.time;
  const wanted = partitionsFor(manifest, time ? { from: `${time.from}-01`, to: `${time.to}-31` } : {}).filter(
    (p) => !loaded.includes(p.path),
  );
  if (wanted.length === 0) return;
  running = loadPartitions(db, manifest, wanted).finally(() => {
    running = null;
  });
  await running;
}

async function loadPartitions(db: Connector, manifest: ArchiveManifest, wanted: ArchivePartition[]) {
  const app = useAppStore.getState();
  const archive = useArchiveStore.getState();
  const signal = controller!.signal;
  const previous = app.datasets.user;
  const append = archive.loaded.length > 0 && previous?.table === TABLE;
  archive.set({
    loading: wanted.map((p) => p.path),
    bytesWanted: archive.bytesWanted + wanted.reduce((s, p) => s + p.bytes, 0),
    cancel: () => controller?.abort(),
  });
  try {
    const result = await loadArchive(db, location!, {
      table: TABLE,
      manifest,
      partitions: wanted,
      append,
      signal,
    });
    const loaded = [...useArchiveStore.getState().loaded, ...wanted.map((p) => p.path)];
    const partial = loaded.length < manifest.partitions.length;
    const report = { ...result.report };
    if (partial) {
      report.notes = [
        ...report.notes,
        i18next.t('datafiles:archivePartial', { loaded: loaded.length, total: manifest.partitions.length }),
      ];
    }
    const name = useArchiveStore.getState().previewDataset?.label ?? i18next.t('datafiles:archive');
    const dataset = await describeDataset(db, 'user', TABLE, report, { label: name, synthetic: false });
    // The month axis stays the archive's whole range, so every year can be brushed.
    const full = useArchiveStore.getState().previewDataset;
    if (full) {
      dataset.firstMonth = full.firstMonth;
      dataset.monthCount = full.monthCount;
    }
    useArchiveStore.setState({ loaded, loading: [], cancel: null });
    app.setDataset(dataset);
    app.showReport(report, false);
    performance.mark('cvi:archive-loaded');
  } catch (error) {
    useArchiveStore.setState({ loading: [], cancel: null });
    if (error instanceof ArchiveCancelled) {
      app.notify('info', i18next.t('datafiles:archiveCancelled'));
      controller = new AbortController();
      location = urlArchiveLocation(useArchiveStore.getState().source!, {
        signal: controller.signal,
        onFetched: (path, bytes) => {
          if (path.startsWith('incidents/'))
            useArchiveStore.setState((s) => ({ bytesFetched: s.bytesFetched + bytes }));
        },
      });
    } else {
      app.notify(
        'error',
        i18next.t('datafiles:archiveFailed', {
          message: errorText(error, archiveFileUrl(useArchiveStore.getState().source!, 'manifest.json')),
        }),
      );
    }
  }
}
