/**
 * End-to-end: the hotspot (Gi*) and emerging hot spot layers on the demo city, and the near-repeat panel
 * run in its worker, in headless Chromium with no network.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { ARTIFACTS, type E2eContext, openApp, pollUntil, waitForIdle } from './browser';

/** Pixels of the deck.gl canvas close to a colour (±12 per channel, alpha > 100), and the first one. */
async function pixelsNear(
  page: Page,
  rgb: [number, number, number],
): Promise<{ count: number; x: number; y: number }> {
  return page.evaluate((target) => {
    const canvases = [...document.querySelectorAll('canvas')].filter(
      (c) => !c.classList.contains('maplibregl-canvas'),
    );
    const deck = canvases[0];
    if (!deck) return { count: -1, x: -1, y: -1 };
    const copy = document.createElement('canvas');
    copy.width = deck.width;
    copy.height = deck.height;
    const g = copy.getContext('2d')!;
    g.drawImage(deck, 0, 0);
    const px = g.getImageData(0, 0, copy.width, copy.height).data;
    let count = 0;
    let first = -1;
    for (let i = 0; i < px.length; i += 4) {
      if (
        px[i + 3]! > 100 &&
        Math.abs(px[i]! - target[0]) <= 12 &&
        Math.abs(px[i + 1]! - target[1]) <= 12 &&
        Math.abs(px[i + 2]! - target[2]) <= 12
      ) {
        count++;
        if (first < 0 && (i / 4) % copy.width > 20) first = i / 4;
      }
    }
    const rect = deck.getBoundingClientRect();
    const scale = rect.width / copy.width;
    return {
      count,
      x: first < 0 ? -1 : rect.left + ((first % copy.width) + 2) * scale,
      y: first < 0 ? -1 : rect.top + (Math.floor(first / copy.width) + 2) * scale,
    };
  }, rgb);
}

async function waitForHotspots(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="hotspot-panel"][data-busy="false"]', { timeout: 120_000 });
  await page.waitForFunction(
    () => /cells \(res/.test(document.querySelector('[data-testid="hotspot-status"]')?.textContent ?? ''),
    undefined,
    { timeout: 120_000 },
  );
  await page.waitForTimeout(500);
}

describe('hotspots and near repeat on the demo city', () => {
  let ctx: E2eContext;
  before(async () => {
    ctx = await openApp('/');
    await waitForIdle(ctx.page);
    await ctx.page.waitForSelector('body[data-map-ready="true"]', { timeout: 120_000 });
    // Hexagon counts use reds too; switch them off so the pixels counted are the hotspot layer's.
    await ctx.page.click('[data-testid="layer-hexagons"]');
    await waitForIdle(ctx.page);
    await ctx.page.waitForTimeout(500);
  });
  after(async () => {
    await ctx?.close();
  });

  it('draws hot cells when the Gi* layer is switched on, and explains a clicked cell', async () => {
    const hot99: [number, number, number] = [215, 48, 39];
    const before = await pixelsNear(ctx.page, hot99);
    await ctx.page.click('[data-testid="layer-hotspots"]');
    await waitForHotspots(ctx.page);
    const status = (await ctx.page.textContent('[data-testid="hotspot-status"]'))!;
    assert.match(status, /cells \(res 9, k = 1\) over the city limit/);
    const afterOn = await pixelsNear(ctx.page, hot99);
    await ctx.page.screenshot({ path: `${ARTIFACTS}/hotspots-gi.png` });
    // The six persistent hotspots and E1/F1 cover dozens of res-9 cells: thousands of 99% pixels.
    assert.ok(before.count >= 0 && before.count < 200, `hot pixels before: ${before.count}`);
    assert.ok(afterOn.count > 2000, `hot pixels after: ${afterOn.count}`);
    await ctx.page.mouse.click(afterOn.x, afterOn.y);
    await ctx.page.waitForSelector('[data-testid="hotspot-cell"]', { timeout: 10_000 });
    const cell = (await ctx.page.textContent('[data-testid="hotspot-cell"]'))!;
    assert.match(cell, /Hot spot, 99% confidence/);
    assert.match(cell, /z = \d+\.\d\d, p [<=] [\d.]+, q [<=] [\d.]+/);
    assert.match(cell, /with its neighbours/);
  });

  it('shows emerging hot spots with a legend and a sparkline for the clicked cell', async () => {
    await ctx.page.click('[data-testid="layer-hotspots"]');
    await ctx.page.click('[data-testid="layer-emerging"]');
    await waitForHotspots(ctx.page);
    await ctx.page.waitForSelector('[aria-label="Emerging hot spot legend"] li', { timeout: 60_000 });
    const legend = (await ctx.page.textContent('[aria-label="Emerging hot spot legend"]'))!;
    assert.match(legend, /Persistent hot spot/);
    assert.match(legend, /Consecutive hot spot/);
    // Persistent hot spot colour [222, 45, 38].
    const persistent = await pixelsNear(ctx.page, [222, 45, 38]);
    assert.ok(persistent.count > 500, `persistent pixels: ${persistent.count}`);
    await ctx.page.mouse.click(persistent.x, persistent.y);
    await ctx.page.waitForSelector('[data-testid="sparkline"] path', { timeout: 10_000 });
    const d = await ctx.page.getAttribute('[data-testid="sparkline"] path', 'd');
    // Ten yearly slices: one move and nine line segments.
    assert.equal((d ?? '').split(/[ML]/).filter((s) => s.trim()).length, 10);
    await ctx.page.screenshot({ path: `${ARTIFACTS}/hotspots-emerging.png` });
  });

  it('runs the near-repeat test in a worker and shows the table and the sentence', async () => {
    await ctx.page.fill('[data-testid="knox-permutations"]', '19');
    await ctx.page.click('[data-testid="knox-run"]');
    await ctx.page.waitForSelector('[data-testid="knox-sentence"]', { timeout: 120_000 });
    const sentence = (await ctx.page.textContent('[data-testid="knox-sentence"]'))!;
    assert.match(sentence, /^Within 200 m and 14 days of a shooting, another shooting was/);
    const header = await ctx.page.$$eval('[data-testid="knox-table"] thead th', (th) =>
      th.map((t) => t.textContent),
    );
    assert.deepEqual(header, ['distance \\ time', '0–7 days', '8–14 days', '15–21 days', '22–28 days']);
    const rows = await ctx.page.$$eval('[data-testid="knox-table"] tbody th', (th) =>
      th.map((t) => t.textContent),
    );
    assert.deepEqual(rows, ['same location', '1–100 m', '101–200 m', '201–300 m', '301–400 m']);
    await ctx.page.locator('[data-testid="nearrepeat-panel"]').scrollIntoViewIfNeeded();
    await ctx.page.screenshot({ path: `${ARTIFACTS}/nearrepeat.png` });
  });
});

describe('hotspots follow the time brush of a shared link', () => {
  it('counts only the brushed year (2020) on the grid', async () => {
    const truth = JSON.parse(readFileSync('data/demo/truth.json', 'utf8')).measured.byYear as {
      year: number;
      incidents: number;
    }[];
    const ctx = await openApp('/?time=2020-01..2020-12&layers=boundaries,hotspots');
    try {
      await waitForIdle(ctx.page);
      await waitForHotspots(ctx.page);
      const status = (await ctx.page.textContent('[data-testid="hotspot-status"]'))!;
      const counted = Number(/^([\d,]+) incidents on/.exec(status)![1]!.replace(/,/g, ''));
      // Every demo incident lies inside the city limit, so the grid holds exactly the year's incidents.
      assert.equal(counted, truth.find((y) => y.year === 2020)!.incidents);
      assert.match(status, /0 incidents outside left out/);
    } finally {
      await ctx.close();
    }
  });
});

describe('hotspot settings travel in the link', () => {
  it('opens with the linked resolution, k and FDR, and writes a changed k back to the URL', async () => {
    const ctx = await openApp('/?layers=boundaries,hotspots&hotspot.res=8&hotspot.k=2&hotspot.fdr=off');
    try {
      await waitForIdle(ctx.page);
      await waitForHotspots(ctx.page);
      const status = (await ctx.page.textContent('[data-testid="hotspot-status"]'))!;
      assert.match(status, /cells \(res 8, k = 2\)/);
      assert.match(status, /Classes by raw p\./);
      assert.equal(await ctx.page.inputValue('[data-testid="hotspot-res"]'), '8');
      assert.equal(await ctx.page.isChecked('[data-testid="hotspot-fdr"]'), false);
      await ctx.page.selectOption('[data-testid="hotspot-k"]', '3');
      const url = await pollUntil(
        () => ctx.page.evaluate(() => window.location.search),
        (search) => search.includes('hotspot.k=3'),
      );
      assert.match(url, /hotspot\.res=8&hotspot\.k=3&hotspot\.fdr=off/);
      await waitForHotspots(ctx.page);
      assert.match((await ctx.page.textContent('[data-testid="hotspot-status"]'))!, /k = 3\)/);
    } finally {
      await ctx.close();
    }
  });
});
