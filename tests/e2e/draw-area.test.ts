/**
 * Drawing an area on the map (terra-draw) filters every view to it; the headline then equals an independent
 * point-in-polygon count (turf) of the demo incidents inside the polygon the URL carries.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { booleanPointInPolygon, polygon } from '@turf/turf';
import { decodeUrlState } from '../../src/state/url-state';
import { ARTIFACTS, type E2eContext, headline, openDemo, waitForIdle } from './browser';

/** Distinct incidents (and victims) of data/demo/incidents.csv inside a ring, counted with turf. */
function countInside(ring: [number, number][]): { incidents: number; victims: number } {
  const shape = polygon([ring]);
  const lines = readFileSync('data/demo/incidents.csv', 'utf8').trim().split('\n').slice(1);
  const incidents = new Set<string>();
  let victims = 0;
  for (const line of lines) {
    const [incident, , , lat, lon] = line.split(',');
    if (booleanPointInPolygon([Number(lon), Number(lat)], shape)) {
      incidents.add(incident!);
      victims++;
    }
  }
  return { incidents: incidents.size, victims };
}

describe('drawn area', () => {
  let ctx: E2eContext;
  before(async () => {
    ctx = await openDemo();
  });
  after(async () => {
    await ctx?.close();
  });

  it('filters the views to the drawn polygon', async () => {
    const all = await headline(ctx.page);
    const box = (await ctx.page.locator('[data-testid="map"]').boundingBox())!;
    await ctx.page.click('text=Draw an area');
    await ctx.page.waitForTimeout(1000);
    const corners: [number, number][] = [
      [0.35, 0.3],
      [0.65, 0.3],
      [0.65, 0.7],
      [0.35, 0.7],
    ];
    for (const [fx, fy] of corners) {
      await ctx.page.mouse.click(box.x + box.width * fx, box.y + box.height * fy);
      await ctx.page.waitForTimeout(300);
    }
    await ctx.page.mouse.click(box.x + box.width * corners[0]![0], box.y + box.height * corners[0]![1]);
    await ctx.page.waitForFunction(() => window.location.search.includes('polygon='), null, {
      timeout: 30_000,
    });
    await waitForIdle(ctx.page);
    const shown = await headline(ctx.page);
    const { state } = decodeUrlState(await ctx.page.evaluate(() => window.location.search));
    assert.ok(state.areas.polygon && state.areas.polygon.length >= 5);
    assert.deepEqual(state.areas.ids, [], 'clicks that draw must not select neighborhoods');
    const expected = countInside(state.areas.polygon);
    assert.ok(expected.incidents > 0 && expected.incidents < all.incidents);
    assert.deepEqual([shown.incidents, shown.victims], [expected.incidents, expected.victims]);
    await ctx.page.screenshot({ path: `${ARTIFACTS}/drawn-area.png` });
  });
});
