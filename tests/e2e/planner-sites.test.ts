/**
 * End-to-end: candidate sites the user places. On the demo city, two clicks on the map in "place candidate
 * sites" mode put sites on two planted hot spots that no program covers (H4 and E1, data/demo/truth.json);
 * the planner run with "my sites" suggests exactly those two, explains them, draws them, and one is kept as
 * a draft program. The sites are in the link, and a visit without the link finds them again (kept view).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { ARTIFACTS, type E2eContext, openDemo, pollUntil, waitForIdle } from './browser';

const CAMERA = { lon: -95.273, lat: 38.9515, zoom: 11.5 };
const truth = JSON.parse(readFileSync('data/demo/truth.json', 'utf8')) as {
  hotspots: { id: string; centre: [number, number] }[];
};
const centre = (id: string) => truth.hotspots.find((h) => h.id === id)!.centre;

/** Page position of a longitude/latitude on the map, by the Web Mercator formula at the link's camera. */
async function pagePoint(page: Page, [lon, lat]: [number, number]): Promise<{ x: number; y: number }> {
  const box = (await page.locator('canvas.maplibregl-canvas').boundingBox())!;
  const scale = 512 * 2 ** CAMERA.zoom;
  const mx = (x: number) => ((x + 180) / 360) * scale;
  const my = (y: number) =>
    ((1 - Math.log(Math.tan(Math.PI / 4 + (y * Math.PI) / 360)) / Math.PI) / 2) * scale;
  return {
    x: box.x + box.width / 2 + (mx(lon) - mx(CAMERA.lon)),
    y: box.y + box.height / 2 + (my(lat) - my(CAMERA.lat)),
  };
}

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

describe('the planner among sites the user places', () => {
  let ctx: E2eContext;
  before(async () => {
    ctx = await openDemo(`/?zoom=${CAMERA.zoom}&lat=${CAMERA.lat}&lon=${CAMERA.lon}`);
    // Hexagon counts would sit under the markers; switch them off so the pixels counted are the planner's.
    await ctx.page.click('[data-testid="layer-hexagons"]');
    await waitForIdle(ctx.page);
  });
  after(async () => {
    await ctx?.close();
  });

  it('places two sites by clicking the map, suggests and explains them, keeps one as a draft', async () => {
    const page = ctx.page;
    const orange: [number, number, number] = [230, 97, 1];
    assert.ok((await pixelsNear(page, orange)) < 20, 'no marker before placing');
    await page.waitForSelector('[data-testid="planner-place"]:not([disabled])', { timeout: 60_000 });
    await page.click('[data-testid="planner-place"]');
    for (const id of ['H4', 'E1']) {
      const p = await pagePoint(page, centre(id));
      await page.mouse.click(p.x, p.y);
      await page.waitForTimeout(300);
    }
    await page.click('[data-testid="planner-place"]');
    await page.screenshot({ path: `${ARTIFACTS}/planner-placing.png` });
    const listed = page.locator('[data-testid="planner-placed-site"]');
    assert.equal(await listed.count(), 2);
    // The clicked positions are within a few metres of the hot spot centres (a pixel is ≈ 40 m at zoom 11.5).
    // The address bar is written a moment after a change.
    const url = await pollUntil(
      async () => new URL(page.url()),
      (u) => u.searchParams.getAll('site').length === 2,
      5_000,
    );
    const sites = url.searchParams.getAll('site').map((s) => s.split(',').map(Number));
    assert.equal(sites.length, 2);
    for (const [k, id] of ['H4', 'E1'].entries()) {
      const [lon, lat] = centre(id);
      assert.ok(Math.abs(sites[k]![0]! - lon) < 0.0006 && Math.abs(sites[k]![1]! - lat) < 0.0006, `${id}`);
    }
    // No area was selected by those clicks.
    assert.equal(url.searchParams.getAll('area').length, 0);
    await listed.nth(0).locator('input').fill('Community centre');
    await page.waitForTimeout(300);
    const markers = await pixelsNear(page, orange);
    assert.ok(markers > 60, `marker pixels: ${markers}`);

    await page.selectOption('[data-testid="planner-candidates"]', 'sites');
    await page.fill('[data-testid="planner-k"]', '3');
    await page.waitForSelector('[data-testid="planner-run"]:not([disabled])', { timeout: 60_000 });
    await page.click('[data-testid="planner-run"]');
    await page.waitForSelector('[data-testid="planner-site"]', { timeout: 120_000 });
    const items = page.locator('[data-testid="planner-site"]');
    assert.equal(await items.count(), 2);
    const texts = await items.allTextContents();
    assert.ok(texts.some((t) => t.startsWith('Community centre (your site): +')));
    assert.ok(texts.some((t) => t.startsWith('Site 2 (your site): +')));
    for (const t of texts) {
      assert.match(t, /\+\d+, of them \d+ fatal \(\d+ victims\); \d+ Gi\* hot spot cells/);
      assert.match(t, /nearest program (Eastside|Westside|Southeast) [\w ]+ at [\d.]+ km/);
      assert.match(t, /touches [A-Z]\w+/);
    }
    const solver = (await page.textContent('[data-testid="planner-solver"]'))!;
    assert.match(solver, /over your 2 placed sites/);
    assert.match(solver, /Exact optimum \(HiGHS, [\d.]+ s\)/);
    await page.waitForTimeout(800);
    const circles = await pixelsNear(page, [49, 54, 149]);
    assert.ok(circles > 300, `coverage circle pixels: ${circles}`);
    await page.screenshot({ path: `${ARTIFACTS}/planner-placed-sites.png` });

    await page.click('[data-testid="planner-keep"] >> nth=0');
    await page.waitForSelector('text=Kept as draft program', { timeout: 10_000 });
    const stored = await page.evaluate(() => window.localStorage.getItem('cvi-atlas.programs.v1') ?? '');
    assert.match(stored, /"id":"draft-place-9\d{6}w-38\d{5}n"/);
    const registry = (await page.textContent('aside.right'))!;
    assert.match(registry, /Draft site 1: (Community centre|Site 2)/);
    await page.waitForTimeout(500);
    assert.ok((await pixelsNear(page, [0, 109, 44])) > 50, 'the kept site is outlined in green');
    await page.screenshot({ path: `${ARTIFACTS}/planner-placed-kept.png` });
    assert.deepEqual(ctx.external, []);
  });

  it('finds the placed sites again on a visit without the link (kept view)', async () => {
    const page = ctx.page;
    // The view is kept a moment after it changes.
    await page.waitForTimeout(1500);
    const kept = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const open = indexedDB.open('cvi-atlas');
          open.onsuccess = () => {
            const db = open.result;
            const names = [...db.objectStoreNames];
            const tx = db.transaction(names, 'readonly');
            const out: Record<string, unknown> = {};
            let left = names.length;
            for (const n of names) {
              const req = tx.objectStore(n).getAll();
              req.onsuccess = () => {
                out[n] = req.result;
                if (--left === 0) resolve(JSON.stringify(out).slice(0, 2000));
              };
            }
          };
          open.onerror = () => resolve('no db');
        }),
    );
    assert.match(kept, /site=-95\.250\d\d%2C38\.98\d+%2CCommunity\+centre&site=-95\.29\d+%2C38\.91\d+/);
    await page.goto(new URL('/', page.url()).toString());
    await waitForIdle(page);
    await page.waitForSelector('[data-testid="planner-placed-site"]', { timeout: 60_000 });
    const names = await page
      .locator('[data-testid="planner-placed-site"] input')
      .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    assert.deepEqual(names, ['Community centre', '']);
    assert.equal(new URL(page.url()).searchParams.getAll('site').length, 2);
  });
});
