/**
 * Opening the NYPD archive by URL from another origin: the first screen (headline, histogram, hexagons) is
 * drawn from the summaries before any partition is fetched; then the partitions load and the counts equal the
 * single-file load; a one-year link fetches one partition; a missing partition or a server without CORS
 * headers gives a message naming the URL while the first screen stays.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ArchiveManifest } from '../../src/data/archive/manifest';
import { sharedDataAvailable, sharedDataPath } from '../support/shared-data';
import { type StaticServer, startStaticServer } from '../support/static-server';
import {
  ARTIFACTS,
  type E2eContext,
  headline,
  openApp,
  overlayDrawnShare,
  pollUntil,
  waitForIdle,
} from './browser';

const NYPD = 'NYPD_Shooting_Incident_Data__Historic_.csv';

describe('an archive opened by URL', { skip: !sharedDataAvailable(NYPD) }, () => {
  let dir: string;
  let manifest: ArchiveManifest;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cvi-e2e-archive-'));
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/main.ts',
        'publish',
        '--input',
        sharedDataPath(NYPD),
        '--out',
        join(dir, 'nypd'),
        '--summaries',
      ],
      { env: { ...process.env, TZ: 'UTC' }, encoding: 'utf8' },
    );
    assert.equal(run.status, 0, run.stderr);
    manifest = JSON.parse(readFileSync(join(dir, 'nypd/manifest.json'), 'utf8')) as ArchiveManifest;
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(server: StaticServer, query = ''): Promise<E2eContext> {
    return openApp(`/?archive=${encodeURIComponent(`${server.url}nypd/`)}${query}`);
  }

  it('draws the first screen from the summaries before any partition, then loads them all', async () => {
    const server = await startStaticServer(dir, { gate: /\/incidents\// });
    const ctx = await open(server);
    try {
      const { page } = ctx;
      await page.waitForSelector('.app[data-archive-preview="true"]', { timeout: 60_000 });
      await page.waitForSelector('body[data-map-ready="true"]', { timeout: 120_000 });
      const first = await headline(page);
      assert.equal(first.incidents, manifest.counts.incidents);
      assert.equal(first.victims, manifest.counts.victims);
      const drawn = await pollUntil(
        () => overlayDrawnShare(page),
        (v) => v > 0.01,
        60_000,
      );
      assert.ok(drawn > 0.01, `hexagons drawn from the summaries (${drawn})`);
      await page.waitForSelector('svg', { timeout: 30_000 });
      await page.screenshot({ path: join(ARTIFACTS, 'archive-first-screen.png') });
      assert.deepEqual(
        server.requests.filter((r) => r.path.includes('/incidents/')).map((r) => r.path),
        [],
        'no partition fetched before the first screen',
      );
      assert.ok(server.requests.some((r) => r.path === '/nypd/summaries/first-screen.json'));

      server.openGate();
      await page.waitForSelector('.app:not([data-archive-preview])', { timeout: 240_000 });
      await waitForIdle(page, 240_000);
      const loaded = await headline(page);
      assert.deepEqual(
        [loaded.incidents, loaded.victims],
        [manifest.counts.incidents, manifest.counts.victims],
      );
      assert.match(
        (await page.textContent('[data-testid="archive-status"]')) ?? '',
        /19 of 19 partitions loaded/,
      );
      const partitions = server.requests.filter((r) => r.path.includes('/incidents/'));
      assert.equal(partitions.length, 19);
      await page.screenshot({ path: join(ARTIFACTS, 'archive-loaded.png') });
      assert.deepEqual(ctx.external, []);
    } finally {
      await ctx.close();
      await server.close();
    }
  });

  it('a one-year link fetches only that year’s partition', async () => {
    const server = await startStaticServer(dir);
    const ctx = await open(server, '&dataset=user&time=2020-01..2020-12');
    try {
      const { page } = ctx;
      await page.waitForSelector('.app:not([data-archive-preview])[data-ready="true"]', { timeout: 240_000 });
      await waitForIdle(page, 240_000);
      const y2020 = manifest.partitions.find((p) => p.values.year === 2020)!;
      assert.equal((await headline(page)).incidents, y2020.incidents);
      const fetched = server.requests.filter((r) => r.path.includes('/incidents/'));
      assert.deepEqual(
        fetched.map((r) => r.path),
        ['/nypd/incidents/year=2020/part-0.parquet'],
      );
      const total = manifest.partitions.reduce((s, p) => s + p.bytes, 0);
      const bytes = fetched.reduce((s, r) => s + r.bytes, 0);
      assert.ok(bytes <= 0.15 * total, `${bytes} of ${total} bytes`);
    } finally {
      await ctx.close();
      await server.close();
    }
  });

  it('a missing partition and a server without CORS are named; the first screen stays', async () => {
    const file = join(dir, 'nypd/incidents/year=2015/part-0.parquet');
    renameSync(file, `${file}.away`);
    const server = await startStaticServer(dir);
    const ctx = await open(server);
    try {
      const { page } = ctx;
      const notice = await page.waitForSelector('[data-testid="notice"]:has-text("year=2015")', {
        timeout: 240_000,
      });
      const text = (await notice.textContent()) ?? '';
      assert.match(text, /nypd\/incidents\/year=2015\/part-0\.parquet was not found \(HTTP 404\)/);
      assert.match(text, /What was loaded before stays/);
      assert.equal((await headline(page)).incidents, manifest.counts.incidents);
      await page.screenshot({ path: join(ARTIFACTS, 'archive-missing-partition.png') });
    } finally {
      renameSync(`${file}.away`, file);
      await ctx.close();
      await server.close();
    }
    const noCors = await startStaticServer(dir, { cors: false });
    const ctx2 = await open(noCors);
    try {
      const notice = await ctx2.page.waitForSelector('[data-testid="notice"]:has-text("CORS")', {
        timeout: 120_000,
      });
      assert.match((await notice.textContent()) ?? '', /nypd\/manifest\.json could not be fetched/);
    } finally {
      await ctx2.close();
      await noCors.close();
    }
  });
});
