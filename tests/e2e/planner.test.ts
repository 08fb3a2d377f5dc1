/**
 * End-to-end: the deployment planner on the demo city in headless Chromium with no network. It suggests
 * five sites, draws them on the map, and keeps one as a draft program that then appears in the registry.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { seriousAxeViolations } from './axe';
import { ARTIFACTS, type E2eContext, openDemo, waitForIdle } from './browser';

/** Pixels of the deck.gl canvas within ±14 per channel of a colour (alpha > 100). */
async function pixelsNear(page: Page, rgb: [number, number, number]): Promise<number> {
  return page.evaluate((target) => {
    const deck = [...document.querySelectorAll('canvas')].find(
      (c) => !c.classList.contains('maplibregl-canvas'),
    );
    if (!deck) return -1;
    const copy = document.createElement('canvas');
    copy.width = deck.width;
    copy.height = deck.height;
    const g = copy.getContext('2d')!;
    g.drawImage(deck, 0, 0);
    const px = g.getImageData(0, 0, copy.width, copy.height).data;
    let count = 0;
    for (let i = 0; i < px.length; i += 4)
      if (
        px[i + 3]! > 100 &&
        Math.abs(px[i]! - target[0]) <= 14 &&
        Math.abs(px[i + 1]! - target[1]) <= 14 &&
        Math.abs(px[i + 2]! - target[2]) <= 14
      )
        count++;
    return count;
  }, rgb);
}

describe('deployment planner on the demo city', () => {
  let ctx: E2eContext;
  before(async () => {
    ctx = await openDemo('/');
    // Hexagon counts would sit under the circles; switch them off so the pixels counted are the planner's.
    await ctx.page.click('[data-testid="layer-hexagons"]');
    await waitForIdle(ctx.page);
  });
  after(async () => {
    await ctx?.close();
  });

  it('suggests sites, draws them on the map and keeps one as a draft program', async () => {
    const page = ctx.page;
    const siteBlue: [number, number, number] = [49, 54, 149];
    const before = await pixelsNear(page, siteBlue);
    await page.waitForSelector('[data-testid="planner-run"]:not([disabled])', { timeout: 60_000 });
    await page.click('[data-testid="planner-run"]');
    await page.waitForSelector('[data-testid="planner-site"]', { timeout: 120_000 });
    assert.equal(await page.locator('[data-testid="planner-site"]').count(), 5);
    const result = (await page.textContent('[data-testid="planner-result"]'))!;
    assert.match(result, /Inside a catchment: [\d.]+% of incidents, [\d.]+% of fatal incidents/);
    assert.match(result, /nearest program (Eastside|Westside|Southeast)/);
    const solver = (await page.textContent('[data-testid="planner-solver"]'))!;
    assert.match(solver, /Exact optimum \(HiGHS, [\d.]+ s\): [\d.,]+; greedy is [\d.]+% below it/);
    const hotNow = (await page.textContent('[data-testid="planner-hot-now"]'))!;
    assert.match(hotNow, /within \d+ m and \d+ days of an incident/);
    await page.waitForTimeout(800);
    const drawn = await pixelsNear(page, siteBlue);
    assert.ok(before >= 0 && before < 50, `site-coloured pixels before: ${before}`);
    assert.ok(drawn > 300, `site-coloured pixels after: ${drawn}`);

    await page.click('[data-testid="planner-keep"] >> nth=0');
    await page.waitForSelector('text=Kept as draft program', { timeout: 10_000 });
    await page.waitForTimeout(500);
    const keptGreen = await pixelsNear(page, [0, 109, 44]);
    assert.ok(keptGreen > 50, `kept-site outline pixels: ${keptGreen}`);
    const stored = await page.evaluate(() => window.localStorage.getItem('cvi-atlas.programs.v1') ?? '');
    assert.match(stored, /"id":"draft-site-8/);
    const registry = (await page.textContent('aside.right'))!;
    assert.match(registry, /Draft site 1/);
    await page.screenshot({ path: `${ARTIFACTS}/planner-sites.png` });
    assert.deepEqual(ctx.external, []);
    assert.deepEqual(await seriousAxeViolations(ctx.page), []);
  });

  it('shows uncovered incidents and outside hot spots, and the backtest', async () => {
    const page = ctx.page;
    await page.click('[data-testid="planner-uncovered-mode"]');
    await page.waitForTimeout(800);
    // Uncovered incidents are drawn in purple [84, 39, 143].
    const purple = await pixelsNear(page, [84, 39, 143]);
    assert.ok(purple > 500, `uncovered-incident pixels: ${purple}`);
    await page.click('[data-testid="planner-backtest"]');
    await page.waitForSelector('[data-testid="planner-backtest-result"]', { timeout: 180_000 });
    const text = (await page.textContent('[data-testid="planner-backtest-result"]'))!;
    assert.match(text, /Hot now/);
    assert.match(text, /Last year's counts/);
    assert.match(text, /Top 1\.0 % of cells/);
    await page.locator('[data-testid="planner-backtest-result"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}/planner-uncovered-backtest.png` });
    assert.deepEqual(await seriousAxeViolations(ctx.page), []);
  });
});
