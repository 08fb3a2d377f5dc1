/**
 * An archive opened from a local folder (the Archive panel's directory picker) and from a link lands under a
 * dataset key of its own: a file loaded before, and kept on this device, stays under its key with its numbers,
 * and comes back after a reload that opens the archive's link with `dataset=user` (the kept file's key).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { ArchiveManifest } from '../../src/data/archive/manifest';
import { type StaticServer, startStaticServer } from '../support/static-server';
import { ARTIFACTS, type E2eContext, headline, openDemo, waitForIdle } from './browser';

const USER_CSV = [
  'id,date,latitude,longitude,fatal',
  '1,2022-01-05,38.95,-95.25,N',
  '2,2022-02-05,38.951,-95.251,Y',
  '3,2023-03-05,38.96,-95.26,N',
  '4,2023-04-05,38.92,-95.30,N',
  '5,2023-05-05,38.93,-95.29,Y',
].join('\n');

/** Eleven incidents over three years (three partitions), two of them with a second victim. */
const ARCHIVE_CSV = [
  'id,date,latitude,longitude,fatal',
  ...[
    ['a1', '2019-03-01', 38.97, -95.24, 'N'],
    ['a2', '2019-06-11', 38.971, -95.241, 'Y'],
    ['a2', '2019-06-11', 38.971, -95.241, 'N'],
    ['a3', '2019-11-30', 38.94, -95.22, 'N'],
    ['a4', '2020-01-02', 38.95, -95.27, 'N'],
    ['a5', '2020-05-05', 38.93, -95.28, 'Y'],
    ['a6', '2020-08-19', 38.96, -95.23, 'N'],
    ['a6', '2020-08-19', 38.96, -95.23, 'N'],
    ['a7', '2021-02-14', 38.92, -95.26, 'N'],
    ['a8', '2021-04-01', 38.95, -95.25, 'N'],
    ['a9', '2021-07-04', 38.98, -95.29, 'Y'],
    ['a10', '2021-09-09', 38.94, -95.3, 'N'],
    ['a11', '2021-12-24', 38.97, -95.21, 'N'],
  ].map((r) => r.join(',')),
].join('\n');

async function datasetCount(page: Page, key: string): Promise<number> {
  await page.click(`[data-testid="dataset-${key}"]`);
  await waitForIdle(page);
  return (await headline(page)).incidents;
}

describe('archives from a folder and from links, beside kept files', () => {
  let dir: string;
  let manifest: ArchiveManifest;
  let ctx: E2eContext | undefined;
  let server: StaticServer | undefined;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'cvi-e2e-archive-folder-'));
    writeFileSync(join(dir, 'small.csv'), ARCHIVE_CSV);
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/main.ts',
        'publish',
        '--input',
        join(dir, 'small.csv'),
        '--out',
        join(dir, 'small-archive'),
        '--summaries',
      ],
      { env: { ...process.env, TZ: 'UTC' }, encoding: 'utf8' },
    );
    assert.equal(run.status, 0, run.stderr);
    manifest = JSON.parse(readFileSync(join(dir, 'small-archive/manifest.json'), 'utf8')) as ArchiveManifest;
    assert.equal(manifest.partitions.length, 3);
  });

  after(async () => {
    await ctx?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('opens a local folder next to a kept file, which stays under its key', async () => {
    ctx = await openDemo();
    const { page } = ctx;
    await page.setInputFiles('[data-testid="incident-file"]', {
      name: 'mine.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(USER_CSV),
    });
    await page.waitForSelector('[data-testid="dataset-user"]', { timeout: 120_000 });
    await waitForIdle(page);
    assert.equal((await headline(page)).incidents, 5);

    await page.setInputFiles('[data-testid="archive-folder"]', join(dir, 'small-archive'));
    await page.waitForSelector('[data-testid="dataset-user2"]', { timeout: 120_000 });
    await page.waitForFunction(
      () => document.querySelector('[data-testid="archive-status"]')?.textContent?.startsWith('3 of 3'),
      null,
      { timeout: 60_000 },
    );
    await waitForIdle(page);
    assert.equal((await headline(page)).incidents, manifest.counts.incidents);
    assert.equal((await headline(page)).victims, manifest.counts.victims);
    assert.equal(await page.textContent('[data-testid="dataset-user2"]'), 'small-archive');
    assert.match((await page.textContent('[data-testid="archive-status"]'))!, /3 of 3 partitions loaded/);
    await page.screenshot({ path: join(ARTIFACTS, 'archive-folder.png') });
    assert.equal(await datasetCount(page, 'user'), 5, 'the kept file is unchanged');
    assert.deepEqual(ctx.external, []);
  });

  it('after a reload, a link to the archive with the kept file’s key claims another key', async () => {
    const { page } = ctx!;
    server = await startStaticServer(dir);
    const url = new URL(page.url());
    await page.goto(
      `${url.origin}/?archive=${encodeURIComponent(`${server.url}small-archive/`)}&dataset=user`,
    );
    await page.waitForSelector('[data-testid="dataset-user2"]', { timeout: 120_000 });
    await page.waitForSelector('[data-testid="dataset-user"]', { timeout: 120_000 });
    await waitForIdle(page);
    const active = await page.$eval('[data-testid="dataset-user2"]', (b) => b.classList.contains('on'));
    assert.equal(active, true, 'the archive of the link is shown');
    assert.equal((await headline(page)).incidents, manifest.counts.incidents);
    assert.equal(await datasetCount(page, 'user'), 5, 'the kept file is restored under its own key');
    assert.equal(await page.textContent('[data-testid="dataset-user"]'), 'mine.csv');
    assert.equal(await datasetCount(page, 'user2'), manifest.counts.incidents);
    assert.ok(page.url().includes('dataset=user2'), `the link now names the archive's key: ${page.url()}`);
  });
});
