/**
 * Switching between the demo city and a user file keeps each one's view state; boundary names that contain
 * HTML are shown as text, never as markup.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { type E2eContext, headline, openApp, openDemo, waitForIdle } from './browser';

const DEMO_TRUTH = JSON.parse(readFileSync('data/demo/truth.json', 'utf8')).measured as { incidents: number };

const USER_CSV = [
  'id,date,latitude,longitude',
  '1,2022-01-05,38.95,-95.25',
  '2,2022-02-05,38.951,-95.251',
  '3,2023-03-05,38.96,-95.26',
].join('\n');

const HOSTILE_BOUNDARIES = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { id: 'x1', name: '<img src=x onerror="window.__pwned=1">Harbor' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [-95.3, 38.9],
            [-95.2, 38.9],
            [-95.2, 39.0],
            [-95.3, 39.0],
            [-95.3, 38.9],
          ],
        ],
      },
    },
  ],
});

describe('datasets and labels', () => {
  let ctx: E2eContext;
  before(async () => {
    ctx = await openApp('/');
    await waitForIdle(ctx.page);
  });
  after(async () => {
    await ctx?.close();
  });

  it('keeps each dataset its own filters when switching', async () => {
    await ctx.page.check('input[name="fatal"] >> nth=1');
    await waitForIdle(ctx.page);
    const demoFatal = await headline(ctx.page);
    assert.ok(demoFatal.incidents < DEMO_TRUTH.incidents);

    await ctx.page.setInputFiles('[data-testid="incident-file"]', {
      name: 'mine.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(USER_CSV),
    });
    await ctx.page.waitForSelector('[data-testid="import-report"]', { timeout: 60_000 });
    await waitForIdle(ctx.page);
    assert.equal((await headline(ctx.page)).incidents, 3, 'the user file starts unfiltered');
    assert.match(await ctx.page.evaluate(() => window.location.search), /dataset=user/);

    await ctx.page.click('[data-testid="dataset-demo"]');
    await waitForIdle(ctx.page);
    assert.deepEqual(await headline(ctx.page), demoFatal, 'the demo comes back with its fatal filter');
    assert.match(await ctx.page.evaluate(() => window.location.search), /fatal=fatal/);
    assert.doesNotMatch(await ctx.page.evaluate(() => window.location.search), /dataset=user/);
  });

  it('shows HTML in boundary names as text', async () => {
    await ctx.page.setInputFiles('[data-testid="boundary-file"]', {
      name: 'areas.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(HOSTILE_BOUNDARIES),
    });
    await ctx.page.waitForFunction(
      () => document.querySelector('[data-testid="area-table"]')?.textContent?.includes('Harbor'),
      null,
      {
        timeout: 60_000,
      },
    );
    const table = await ctx.page.textContent('[data-testid="area-table"]');
    assert.match(table!, /<img src=x onerror="window.__pwned=1">Harbor/);
    assert.equal(await ctx.page.locator('.map-label img, [data-testid="area-table"] img').count(), 0);
    assert.equal(
      await ctx.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
      undefined,
    );
  });
});

describe('drag and drop anywhere on the page', () => {
  let ctx: E2eContext;
  before(async () => {
    ctx = await openDemo();
  });
  after(async () => {
    await ctx?.close();
  });

  /** Drags a file over the map and drops it there, as a file manager would. */
  async function dropOnMap(name: string, type: string, text: string): Promise<void> {
    const dataTransfer = await ctx.page.evaluateHandle(
      ([n, t, body]) => {
        const dt = new DataTransfer();
        dt.items.add(new File([body!], n!, { type: t! }));
        return dt;
      },
      [name, type, text],
    );
    await ctx.page.dispatchEvent('canvas.maplibregl-canvas', 'dragenter', { dataTransfer });
    await ctx.page.waitForSelector('[data-testid="drop-overlay"]', { timeout: 5_000 });
    await ctx.page.dispatchEvent('canvas.maplibregl-canvas', 'drop', { dataTransfer });
  }

  it('loads a dropped CSV as incidents, then a dropped polygon GeoJSON as boundaries', async () => {
    await dropOnMap('dropped.csv', 'text/csv', USER_CSV);
    await ctx.page.waitForSelector('[data-testid="import-report"]', { timeout: 60_000 });
    await waitForIdle(ctx.page);
    assert.equal((await headline(ctx.page)).incidents, 3);
    assert.equal(await ctx.page.locator('[data-testid="drop-overlay"]').count(), 0);

    // The name says nothing; the polygons inside make it a boundary file.
    await dropOnMap('layer.json', 'application/json', HOSTILE_BOUNDARIES);
    await ctx.page.waitForFunction(
      () => document.querySelector('[data-testid="area-table"]')?.textContent?.includes('Harbor'),
      null,
      { timeout: 60_000 },
    );
    assert.equal((await headline(ctx.page)).incidents, 3, 'the incidents stay loaded');
  });
});
