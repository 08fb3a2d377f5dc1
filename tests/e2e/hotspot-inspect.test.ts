/**
 * A click on a hotspot cell inspects it (its numbers in the hotspot panel) and does not select the area under
 * it; selecting that area is a separate button, and only then do the counts change.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { ARTIFACTS, type E2eContext, headline, openDemo, overlayPixelsNear, waitForIdle } from './browser';

const DEMO_TRUTH = JSON.parse(readFileSync('data/demo/truth.json', 'utf8')).measured as { incidents: number };

describe('clicking a statistics layer inspects', () => {
  let ctx: E2eContext;
  before(async () => {
    ctx = await openDemo('/?layers=boundaries,hotspots');
  });
  after(async () => {
    await ctx?.close();
  });

  it('opens the cell and leaves the area selection and the counts alone', async () => {
    const { page } = ctx;
    await page.waitForSelector('[data-testid="hotspot-panel"][data-busy="false"]', { timeout: 120_000 });
    await page.waitForFunction(
      () => /cells \(res/.test(document.querySelector('[data-testid="hotspot-status"]')?.textContent ?? ''),
      undefined,
      { timeout: 120_000 },
    );
    await page.waitForTimeout(500);
    // A cell in the hot spot 99% class, inside a demo neighbourhood.
    const hot = await overlayPixelsNear(page, [215, 48, 39]);
    assert.ok(hot.count > 500, `hot pixels: ${hot.count}`);
    await page.mouse.click(hot.x, hot.y);
    await page.waitForSelector('[data-testid="hotspot-cell"]', { timeout: 10_000 });
    assert.match((await page.textContent('[data-testid="hotspot-cell"]'))!, /Hot spot, 99% confidence/);
    await page.waitForTimeout(800);
    await waitForIdle(page);
    assert.equal(await page.locator('.clear-areas').count(), 0, 'no area was selected');
    assert.doesNotMatch(await page.evaluate(() => window.location.search), /area=/);
    assert.equal((await headline(page)).incidents, DEMO_TRUTH.incidents, 'the counts did not change');

    // Selecting the area under the cell is its own action.
    const select = page.locator('[data-testid="select-area-below"]');
    assert.match((await select.textContent())!, /^Select /);
    await page.locator('[data-testid="hotspot-cell"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}/hotspot-inspect.png` });
    await select.click();
    await waitForIdle(page);
    await page.waitForSelector('.clear-areas', { timeout: 10_000 });
    assert.match(await page.evaluate(() => window.location.search), /area=N\d\d/);
    const selected = (await headline(page)).incidents;
    assert.ok(selected > 0 && selected < DEMO_TRUTH.incidents, `selected area headline ${selected}`);
  });
});
