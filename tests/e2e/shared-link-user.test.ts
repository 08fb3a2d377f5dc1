/**
 * A link about the user's own data: once the file and then the boundaries are loaded, the link's selected
 * area comes back (and counts), the "load it" notice goes, and each step says what is still missing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ARTIFACTS, type E2eContext, headline, openDemo, waitForIdle } from './browser';

const USER_CSV = [
  'id,date,latitude,longitude',
  '1,2022-01-05,38.95,-95.25',
  '2,2022-02-05,38.951,-95.251',
  '3,2023-03-05,38.96,-95.26',
  '4,2023-04-05,38.92,-95.30',
  '5,2023-05-05,38.93,-95.29',
].join('\n');

/** West (two incidents of USER_CSV) and East (three) halves. */
const HALVES = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    ['West', -95.35, -95.27],
    ['East', -95.27, -95.2],
  ].map(([id, w, e]) => ({
    type: 'Feature',
    properties: { id, name: `${id} side` },
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

describe('a shared link on the user’s own data', () => {
  let ctx: E2eContext;
  before(async () => {
    ctx = await openDemo('/?dataset=user&area=West&area=Nowhere');
  });
  after(async () => {
    await ctx?.close();
  });

  it('restores the selected area once the file and its boundaries are loaded', async () => {
    const { page } = ctx;
    const notices = () => page.$$eval('[data-testid="notice"]', (n) => n.map((x) => x.textContent ?? ''));
    assert.ok(
      (await notices()).some((t) => /file of your own; load it and then the boundary file/.test(t)),
      'the link says what it waits for',
    );
    await page.setInputFiles('[data-testid="incident-file"]', {
      name: 'mine.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(USER_CSV),
    });
    await page.waitForSelector('[data-testid="import-report"]', { timeout: 60_000 });
    await waitForIdle(page);
    let texts = await notices();
    assert.ok(!texts.some((t) => /file of your own/.test(t)), 'the "load it" notice is gone');
    assert.ok(
      texts.some((t) => /This link selects areas "Nowhere", "West": add the boundary file/.test(t)),
      texts.join(' | '),
    );

    await page.setInputFiles('[data-testid="boundary-file"]', {
      name: 'halves.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(HALVES),
    });
    await page.waitForSelector('.clear-areas', { timeout: 60_000 });
    await waitForIdle(page);
    assert.equal((await page.textContent('.clear-areas'))!.trim(), 'Clear 1 selected area');
    assert.equal((await headline(page)).incidents, 2, 'the headline counts the West side only');
    assert.match(await page.evaluate(() => window.location.search), /dataset=user.*area=West/);
    texts = await notices();
    assert.ok(!texts.some((t) => /This link selects/.test(t)));
    assert.ok(texts.some((t) => /Area "Nowhere" of the view is not in "halves.geojson"/.test(t)));
    await page.screenshot({ path: `${ARTIFACTS}/shared-link-restored.png` });
  });
});

describe('link values the data does not have', () => {
  it('names an unknown area and attribute value and leaves them out', async () => {
    const ctx = await openDemo('/?area=N01&area=N99&attr.victim_sex=Q');
    try {
      const texts = await ctx.page.$$eval('[data-testid="notice"]', (n) => n.map((x) => x.textContent ?? ''));
      assert.ok(
        texts.some((t) => /Area "N99" of the view is not in/.test(t)),
        texts.join(' | '),
      );
      assert.ok(texts.some((t) => /attr\.victim_sex "Q" is not a value of this column/.test(t)));
      const search = await ctx.page.evaluate(() => window.location.search);
      assert.match(search, /area=N01/);
      assert.doesNotMatch(search, /N99|victim_sex/);
      assert.equal((await ctx.page.textContent('.clear-areas'))!.trim(), 'Clear 1 selected area');
    } finally {
      await ctx.close();
    }
  });
});
