/**
 * The demo city ships as an archive served by the app itself (`data/demo/archive/`, written by
 * `npm run demo:generate`). Its first screen is drawn from the summaries while the engine starts; once the
 * engine is ready the partitions are read and the live views take over with the same numbers.
 */
import { t } from 'i18next';
import { type FirstScreen, parseManifest } from '../data/archive/manifest';
import { urlMapArchiveLocation } from '../data/archive/mapped-location';
import { loadArchive } from '../data/archive/open-archive';
import type { Connector } from '../data/connector';
import { loadH3 } from '../geo/h3-loader';
import { manifestDataset } from '../state/archive-dataset';
import { previewCubes } from '../state/archive-preview';
import { useArchiveStore } from '../state/archive-store';
import { type Dataset, describeDataset } from '../state/datasets';

const PREFIX = '../../data/demo/archive/';
const files = import.meta.glob('../../data/demo/archive/**/*', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** The demo archive's files: path relative to the archive's root → URL served by the app. */
export const DEMO_ARCHIVE_URLS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(files).map(([k, url]) => [k.slice(PREFIX.length), url]),
);

const location = () => urlMapArchiveLocation('demo-city archive', DEMO_ARCHIVE_URLS);

/**
 * Reads the demo archive's manifest and, unless `draw` is false, its first screen and draws it; resolves with
 * the manifest.
 */
export async function showDemoFirstScreen(draw = true) {
  const where = location();
  if (!draw) return parseManifest(await where.readText('manifest.json'), 'demo-city archive manifest.json');
  // The summaries' usual path is fetched beside the manifest (one round trip instead of two).
  const usual = 'summaries/first-screen.json';
  const early = DEMO_ARCHIVE_URLS[usual] ? where.readText(usual) : null;
  early?.catch(() => {});
  const h3 = loadH3();
  const manifest = parseManifest(await where.readText('manifest.json'), 'demo-city archive manifest.json');
  const path = manifest.summaries?.firstScreen?.path;
  if (path) {
    const [text] = await Promise.all([path === usual && early ? early : where.readText(path), h3]);
    const dataset = manifestDataset('demo', t('boot:demoLabel'), manifest, true);
    useArchiveStore.getState().setPreview('demo', {
      preview: previewCubes(JSON.parse(text) as FirstScreen),
      dataset,
      complete: true,
    });
    performance.mark('cvi:demo-first-screen');
  }
  return manifest;
}

/** Reads every partition of the demo archive into the engine as the demo dataset (without boundaries). */
export async function loadDemoArchive(
  db: Connector,
  manifest: Awaited<ReturnType<typeof showDemoFirstScreen>>,
): Promise<Dataset> {
  const table = 'incidents_demo';
  const { report } = await loadArchive(db, location(), { table, manifest });
  return describeDataset(db, 'demo', table, report, { label: t('boot:demoLabel'), synthetic: true });
}
