/**
 * Loaded data survives a reload and a closed tab: the imported file, its boundaries and its view come back
 * (same headline, same areas), "Forget data on this device" deletes them, and a full storage quota is reported
 * while the data stays loaded.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { ARTIFACTS, type E2eContext, headline, openDemo, waitForIdle } from './browser';

const USER_CSV = [
  'id,date,latitude,longitude,fatal',
  '1,2022-01-05,38.95,-95.25,N',
  '2,2022-02-05,38.951,-95.251,Y',
  '3,2023-03-05,38.96,-95.26,N',
  '4,2023-04-05,38.92,-95.30,N',
  '5,2023-05-05,38.93,-95.29,Y',
].join('\n');

/** Two halves (west, east) of the user file's extent. */
const HALVES = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    ['West', -95.35, -95.27],
    ['East', -95.27, -95.2],
  ].map(([name, w, e]) => ({
    type: 'Feature',
    properties: { code: name, label: `${name} side` },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [w, 38.9],
          [e, 38.9],
          [e, 39.0],
          [w, 39.0],
          [w, 38.9],
        ],
      ],
    },
  })),
});

async function areaRows(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid="area-table"] tbody tr', (rows) =>
    rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent).join(' ')),
  );
}

async function waitForUser(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="dataset-user"]', { timeout: 120_000 });
  await waitForIdle(page);
  await page.waitForSelector('[data-testid="area-table"]', { timeout: 60_000 });
}

describe('data kept on this device', () => {
  let ctx: E2eContext;
  let page: Page;
  before(async () => {
    ctx = await openDemo();
    page = ctx.page;
  });
  after(async () => {
    await ctx?.close();
  });

  it('restores the file, its boundaries and its filters after a reload', async () => {
    await page.setInputFiles('[data-testid="incident-file"]', {
      name: 'mine.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(USER_CSV),
    });
    await page.waitForSelector('[data-testid="import-report"]', { timeout: 60_000 });
    await waitForIdle(page);
    assert.equal((await headline(page)).incidents, 5);
    await page.setInputFiles('[data-testid="boundary-file"]', {
      name: 'halves.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(HALVES),
    });
    await page.waitForFunction(
      () => document.querySelector('[data-testid="area-table"]')?.textContent?.includes('West side'),
      null,
      { timeout: 60_000 },
    );
    await page.check('input[name="fatal"] >> nth=1');
    await waitForIdle(page);
    assert.equal((await headline(page)).incidents, 2);
    const areas = await areaRows(page);
    // Let the throttled view save run.
    await page.waitForTimeout(1500);

    await page.reload();
    await waitForUser(page);
    assert.equal((await headline(page)).incidents, 2, 'same filtered headline after the reload');
    assert.deepEqual(await areaRows(page), areas, 'same boundaries and counts after the reload');
    assert.ok(await page.isChecked('input[name="fatal"] >> nth=1'));
    assert.ok(await page.isVisible('[data-testid="dataset-demo"]'), 'the demo is still there too');
    await page.screenshot({ path: `${ARTIFACTS}/kept-data-restored.png` });
  });

  it('restores them in a new tab opened without a link after the first was killed', async () => {
    const fresh = await page.context().newPage();
    await page.close({ runBeforeUnload: false });
    page = fresh;
    ctx.page = fresh;
    await page.goto(`${ctx.server.url}/`);
    await waitForUser(page);
    assert.equal((await headline(page)).incidents, 2, 'the user file comes back with its filter');
    assert.match((await page.textContent('[data-testid="area-table"]'))!, /West side/);
  });

  it('forgets everything on request', async () => {
    await page.click('[data-testid="forget-data"]');
    await page.click('[data-testid="forget-confirm"]');
    await page.waitForSelector('text=The data kept on this device was deleted', { timeout: 10_000 });
    await page.goto(`${ctx.server.url}/`);
    await waitForIdle(page);
    await page.waitForSelector('body[data-map-ready="true"]', { timeout: 120_000 });
    assert.equal(await page.locator('[data-testid="dataset-user"]').count(), 0);
  });

  it('reports a full storage quota and keeps the file loaded', async () => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: ctx.server.url, quotaSize: 64 });
    await page.setInputFiles('[data-testid="incident-file"]', {
      name: 'mine.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(USER_CSV),
    });
    await page.waitForSelector('[data-testid="import-report"]', { timeout: 60_000 });
    await waitForIdle(page);
    const notice = page.locator('[data-testid="notice"]', {
      hasText: '"mine.csv" could not be kept on this device',
    });
    await notice.waitFor({ timeout: 20_000 });
    assert.match((await notice.textContent())!, /storage for this page is full/);
    assert.equal((await headline(page)).incidents, 5, 'the file stays loaded');
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: ctx.server.url });
  });
});
