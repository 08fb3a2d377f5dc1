/**
 * The archive part of `npm run bench` (`--archive-sizes 10000000`): publishes the generated CSV of that many
 * incidents as an archive with summaries (`npm run cli -- publish`, cached under `bench-results/`, with the time and memory the
 * publishing took), serves it from a second local server (another origin, answering `Range`, recording every
 * request with the bytes sent), opens it in the built app by URL and measures
 * - the first screen: from navigation until the first frame in which the archive's summaries are on the map
 *   (the `cvi:archive-first-screen` mark has been set, the map has drawn and the hexagon overlay has pixels);
 * - a one-year drill-down: a fresh page with a link to one year (`time=YYYY-01..YYYY-12`), from navigation
 *   until every view is ready, and the bytes the server sent for partitions against the bytes of all of them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { ArchiveManifest } from '../src/data/archive/manifest';
import { startStaticServer } from '../tests/support/static-server';
import { BENCH_OUT, generatedCsv } from './bench-generated-csv';

/** What publishing the archive took (`/usr/bin/time -v` on `npm run cli -- publish`). */
export interface PublishCost {
  wallS: number;
  userS: number;
  systemS: number;
  maxRssGB: number;
  partitionBytes: number;
  summaryBytes: number;
  firstScreenBytes: number;
  csvBytes: number;
}

/** A page's new tab, given by the caller (so that it shares its init script). */
type NewPage = (browser: Browser) => Promise<Page>;

function seconds(text: string, label: string): number {
  const m = new RegExp(`${label}: ([\\d:.]+)`).exec(text);
  if (!m) return Number.NaN;
  return m[1]!.split(':').reduce((s, part) => s * 60 + Number(part), 0);
}

/**
 * The archive of the generated `incidents` CSV, published once with `npm run cli -- publish --summaries` into
 * `bench-results/archive-<n>/` (written to a scratch folder first, so an interrupted run leaves nothing to reuse).
 */
export async function generatedArchive(
  incidents: number,
): Promise<{ dir: string; manifest: ArchiveManifest; publish: PublishCost }> {
  const dir = join(BENCH_OUT, `archive-${incidents}`);
  const costFile = join(BENCH_OUT, `archive-${incidents}.publish.json`);
  if (!existsSync(join(dir, 'manifest.json')) || !existsSync(costFile)) {
    const csv = await generatedCsv(incidents);
    const scratch = `${dir}.partial`;
    rmSync(scratch, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
    console.log(`Publishing ${csv} as an archive (this takes minutes at 10M incidents)`);
    const run = spawnSync(
      '/usr/bin/time',
      [
        '-v',
        process.execPath,
        '--import',
        'tsx',
        'src/cli/main.ts',
        'publish',
        '--input',
        csv,
        '--out',
        scratch,
        '--summaries',
      ],
      { env: { ...process.env, TZ: 'UTC' }, encoding: 'utf8', maxBuffer: 1 << 26 },
    );
    if (run.status !== 0) throw new Error(`publish failed (${run.status}): ${run.stderr.slice(-2000)}`);
    renameSync(scratch, dir);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as ArchiveManifest;
    const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr);
    const cost: PublishCost = {
      wallS: seconds(run.stderr, 'Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)'),
      userS: seconds(run.stderr, 'User time \\(seconds\\)'),
      systemS: seconds(run.stderr, 'System time \\(seconds\\)'),
      maxRssGB: rss ? Math.round((Number(rss[1]) / 2 ** 20) * 100) / 100 : Number.NaN,
      partitionBytes: manifest.partitions.reduce((s, p) => s + p.bytes, 0),
      summaryBytes: (manifest.summaries?.tables ?? []).reduce((s, t) => s + t.bytes, 0),
      firstScreenBytes: manifest.summaries?.firstScreen?.bytes ?? 0,
      csvBytes: statSync(csv).size,
    };
    writeFileSync(costFile, `${JSON.stringify(cost, null, 2)}\n`);
  }
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as ArchiveManifest;
  const publish = JSON.parse(readFileSync(costFile, 'utf8')) as PublishCost;
  return { dir, manifest, publish };
}

/**
 * In the page, from navigation: when the manifest and the first screen's summaries had arrived, when they were
 * read (`cvi:archive-first-screen`), the map's first frame with data, and the first animation frame after both
 * in which the hexagon overlay has pixels.
 */
async function archiveFirstScreenTimes(): Promise<Record<string, number>> {
  const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN;
  const drawn = () => {
    const deck = [...document.querySelectorAll('canvas')].find(
      (c) => !c.classList.contains('maplibregl-canvas'),
    );
    if (!deck || deck.width === 0) return false;
    const copy = document.createElement('canvas');
    copy.width = deck.width;
    copy.height = deck.height;
    const g = copy.getContext('2d')!;
    g.drawImage(deck, 0, 0);
    const px = g.getImageData(0, 0, copy.width, copy.height).data;
    let n = 0;
    for (let i = 3; i < px.length; i += 4) if (px[i]! > 0) n++;
    return n / (px.length / 4) > 0.01;
  };
  for (;;) {
    await new Promise((r) => requestAnimationFrame(r));
    const ready =
      performance.getEntriesByName('cvi:archive-first-screen').length > 0 &&
      document.body.dataset.mapReady === 'true';
    if (ready && drawn()) break;
  }
  const fetched = (file: string) =>
    (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((e) =>
      e.name.endsWith(file),
    )?.responseEnd ?? Number.NaN;
  return {
    firstScreenDrawn: performance.now(),
    manifestFetched: fetched('/manifest.json'),
    firstScreenJsonFetched: fetched('/first-screen.json'),
    summariesRead: at('cvi:archive-first-screen'),
    firstMapFrame: at('cvi:first-map-frame'),
    engineReady: at('cvi:engine-ready'),
  };
}

async function headlineIncidents(page: Page): Promise<number> {
  return Number(((await page.textContent('[data-testid="incidents"]')) ?? '').replace(/[^0-9]/g, ''));
}

/**
 * Opens the archive of `incidents` generated incidents from `appUrl` (the built app) `runs` times for the
 * first screen and once per drill-down; returns the figures (times in ms from navigation).
 */
export async function archiveBenchmarks(
  browser: Browser,
  newPage: NewPage,
  appUrl: string,
  incidents: number,
  runs: number,
  drillYear = 2020,
): Promise<Record<string, unknown>> {
  const { dir, manifest, publish } = await generatedArchive(incidents);
  const server = await startStaticServer(resolve(dir, '..'));
  const archiveUrl = `${server.url}${dir.split('/').pop()}/`;
  const link = (query = '') => `${appUrl}/?archive=${encodeURIComponent(archiveUrl)}${query}`;
  const partitionBytes = manifest.partitions.reduce((s, p) => s + p.bytes, 0);
  const out: Record<string, unknown> = {
    publish,
    partitions: manifest.partitions.length,
    victims: manifest.counts.victims,
  };
  try {
    const firstScreens: Record<string, number>[] = [];
    for (let i = 0; i < runs; i++) {
      server.requests.length = 0;
      const page = await newPage(browser);
      try {
        await page.goto(link());
        const times = await page.evaluate(archiveFirstScreenTimes);
        const shown = await headlineIncidents(page);
        if (shown !== manifest.counts.incidents)
          throw new Error(
            `first screen shows ${shown} incidents, the archive holds ${manifest.counts.incidents}`,
          );
        const partitionRequests = server.requests.filter((r) => r.path.includes('/incidents/')).length;
        firstScreens.push({ ...times, partitionRequestsBefore: partitionRequests });
        console.log(`Archive ${incidents}: first screen`, times);
        if (i === 0)
          await page.screenshot({ path: join(BENCH_OUT, `bench-archive-${incidents}-first-screen.png`) });
      } finally {
        await page.context().close();
      }
    }
    const sorted = (k: string) => firstScreens.map((s) => s[k]!).sort((a, b) => a - b);
    out.firstScreenDrawnMs = sorted('firstScreenDrawn');
    out.summariesReadMs = sorted('summariesRead');
    out.firstMapFrameMs = sorted('firstMapFrame');
    out.manifestFetchedMs = sorted('manifestFetched');
    out.firstScreenJsonFetchedMs = sorted('firstScreenJsonFetched');
    out.partitionRequestsBeforeFirstScreen = firstScreens.map((s) => s.partitionRequestsBefore);

    server.requests.length = 0;
    const year = manifest.partitions.find((p) => p.values.year === drillYear);
    if (!year) throw new Error(`the archive has no ${drillYear} partition`);
    const page = await newPage(browser);
    try {
      const t0 = Date.now();
      await page.goto(link(`&dataset=user&time=${drillYear}-01..${drillYear}-12`));
      await page.waitForSelector('.app:not([data-archive-preview])[data-ready="true"]', { timeout: 600_000 });
      await page.waitForSelector('.app[data-ready="true"][data-pending="false"]', { timeout: 600_000 });
      const readyMs = Date.now() - t0;
      const shown = await headlineIncidents(page);
      const partitionsFetched = server.requests.filter((r) => r.path.includes('/incidents/'));
      const fetchedBytes = partitionsFetched.reduce((s, r) => s + r.bytes, 0);
      const allBytes = server.requests.reduce((s, r) => s + r.bytes, 0);
      out.drillDown = {
        year: drillYear,
        readyMs,
        headlineIncidents: shown,
        partitionIncidents: year.incidents,
        partitionPaths: [...new Set(partitionsFetched.map((r) => r.path))],
        partitionRequests: partitionsFetched.length,
        partitionBytesFetched: fetchedBytes,
        partitionBytesTotal: partitionBytes,
        shareOfPartitionBytes: Math.round((fetchedBytes / partitionBytes) * 10_000) / 10_000,
        allBytesFetched: allBytes,
        shareOfArchiveBytes:
          Math.round(
            (allBytes / (partitionBytes + publish.summaryBytes + publish.firstScreenBytes)) * 10_000,
          ) / 10_000,
        firstScreenJsonBytes: publish.firstScreenBytes,
      };
      console.log(`Archive ${incidents}: one-year drill-down`, out.drillDown);
      await page.screenshot({ path: join(BENCH_OUT, `bench-archive-${incidents}-drill-down.png`) });
    } finally {
      await page.context().close();
    }
  } finally {
    await server.close();
  }
  return out;
}
