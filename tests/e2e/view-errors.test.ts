/**
 * One view's error never takes the app down: boundaries carrying populations for a different number of areas
 * than the active layer, and a view whose data is broken, leave the rest of the dashboard working, with the
 * failed view's message in its place and a retry.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { ARTIFACTS, type E2eContext, headline, openDemo, waitForIdle } from './browser';

const DEMO_TRUTH = JSON.parse(readFileSync('data/demo/truth.json', 'utf8')).measured as { incidents: number };

/** The demo city's extent cut into four quadrants, each with a population (4 areas against the demo's 25). */
function quadrants(): string {
  const [w, s, e, n] = [-95.33, 38.9, -95.17, 39.0];
  const mx = (w + e) / 2;
  const my = (s + n) / 2;
  const box = (x0: number, y0: number, x1: number, y1: number) => [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ];
  const cells = [
    ['SW', box(w, s, mx, my)],
    ['SE', box(mx, s, e, my)],
    ['NW', box(w, my, mx, n)],
    ['NE', box(mx, my, e, n)],
  ] as const;
  return JSON.stringify({
    type: 'FeatureCollection',
    features: cells.map(([id, coordinates], i) => ({
      type: 'Feature',
      properties: { id, name: `Quadrant ${id}`, population: 50_000 + i * 1000 },
      geometry: { type: 'Polygon', coordinates },
    })),
  });
}

/** Replaces the active dataset's filter values in the store; returns the previous ones. */
async function setCategories(page: Page, categories: unknown): Promise<unknown> {
  return page.evaluate((next) => {
    type Store = {
      getState(): { active: string; datasets: Record<string, Record<string, unknown>> };
      setState(patch: object): void;
    };
    const store = (window as unknown as { cviAtlas: { store: Store } }).cviAtlas.store;
    const s = store.getState();
    const dataset = s.datasets[s.active]!;
    store.setState({ datasets: { ...s.datasets, [s.active]: { ...dataset, categories: next } } });
    return dataset.categories;
  }, categories);
}

describe('a failing view stays in its place', () => {
  let ctx: E2eContext;
  before(async () => {
    ctx = await openDemo();
  });
  after(async () => {
    await ctx?.close();
  });

  it('adding boundaries with populations for another number of areas keeps the page up', async () => {
    assert.equal((await headline(ctx.page)).incidents, DEMO_TRUTH.incidents);
    await ctx.page.setInputFiles('[data-testid="boundary-file"]', {
      name: 'quadrants.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(quadrants()),
    });
    await ctx.page.waitForFunction(
      () => document.querySelector('[data-testid="area-table"]')?.textContent?.includes('Quadrant NE'),
      null,
      { timeout: 60_000 },
    );
    await waitForIdle(ctx.page);
    assert.ok(await ctx.page.isVisible('header h1'), 'the app is still mounted');
    assert.equal((await headline(ctx.page)).incidents, DEMO_TRUTH.incidents);
    const rows = await ctx.page.$$eval('[data-testid="area-table"] tbody tr', (r) => r.length);
    assert.equal(rows, 4);
    // The four quadrants cover the whole city: their counts add up to the headline.
    const counts = await ctx.page.$$eval('[data-testid="area-table"] tbody tr td:nth-child(2)', (td) =>
      td.map((t) => Number((t.textContent ?? '').replace(/[^0-9]/g, ''))),
    );
    assert.equal(
      counts.reduce((a, b) => a + b, 0),
      DEMO_TRUTH.incidents,
    );
  });

  it('shows a broken view’s message in place with a retry, and the rest keeps working', async () => {
    // Corrupt the filter panel's data only (through the diagnostics handle the app installs).
    const saved = await setCategories(ctx.page, { victim_sex: 7 });
    const error = ctx.page.locator('[data-testid="view-error"][data-view="Filters"]');
    await error.waitFor({ timeout: 10_000 });
    assert.match((await error.textContent())!, /This view could not be shown: .*map is not a function/);
    assert.ok(await ctx.page.isVisible('[data-testid="map"]'), 'the map is still there');
    await ctx.page.locator('[data-testid="view-error"]').first().scrollIntoViewIfNeeded();
    await ctx.page.screenshot({ path: `${ARTIFACTS}/view-error.png` });

    // The rest works: a time brush still changes the headline.
    const box = (await ctx.page.locator('[data-testid="time-histogram"]').boundingBox())!;
    const y = box.y + box.height / 2;
    await ctx.page.mouse.move(box.x + box.width * 0.3, y);
    await ctx.page.mouse.down();
    await ctx.page.mouse.move(box.x + box.width * 0.6, y, { steps: 8 });
    await ctx.page.mouse.up();
    await waitForIdle(ctx.page);
    const brushed = (await headline(ctx.page)).incidents;
    assert.ok(brushed > 0 && brushed < DEMO_TRUTH.incidents, `brushed headline ${brushed}`);

    // Retry with the data still broken shows the error again; with the data repaired, the panel comes back.
    await ctx.page.click('[data-testid="view-error"][data-view="Filters"] [data-testid="view-retry"]');
    await error.waitFor({ timeout: 10_000 });
    await setCategories(ctx.page, saved);
    await ctx.page.click('[data-testid="view-error"][data-view="Filters"] [data-testid="view-retry"]');
    await ctx.page.waitForSelector('input[name="fatal"]', { timeout: 10_000 });
    assert.equal(await ctx.page.locator('[data-testid="view-error"]').count(), 0);
  });
});
