/**
 * End-to-end tests of the built app in headless Debian Chromium: offline start on the demo city, drawn map
 * pixels, brushing against the engine's own numbers, shareable links, importing real data and a bad file.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { createNodeConnector, readFileBytes } from '../../src/data/engine-node';
import { importIncidents } from '../../src/data/import-incidents';
import { arrowRows } from '../../src/data/rows';
import { headlineQuery } from '../../src/data/sql/count-queries';
import { decodeUrlState } from '../../src/state/url-state';
import { viewFilter } from '../../src/state/view-filter';
import { sharedDataAvailable, sharedDataPath } from '../support/shared-data';
import {
  ARTIFACTS,
  type E2eContext,
  headline,
  openApp,
  openDemo,
  overlayDrawnShareAbove,
  waitForIdle,
} from './browser';

const NYPD = 'NYPD_Shooting_Incident_Data__Historic_.csv';
const NYPD_PARQUET = 'nypd_shootings_raw_2006-2024.parquet';
/** Totals measured by the demo generator on its own output (data/demo/truth.json). */
const DEMO_TRUTH = JSON.parse(readFileSync('data/demo/truth.json', 'utf8')).measured as {
  incidents: number;
  victims: number;
};

describe('dashboard on the demo city', () => {
  let ctx: E2eContext;
  before(async () => {
    ctx = await openDemo();
  });
  after(async () => {
    await ctx?.close();
  });

  it('starts offline: no request leaves the machine and the synthetic label is shown', async () => {
    assert.deepEqual(ctx.external, []);
    assert.match((await ctx.page.textContent('header'))!, /Synthetic demo data/);
    const h = await headline(ctx.page);
    assert.deepEqual([h.incidents, h.victims], [DEMO_TRUTH.incidents, DEMO_TRUTH.victims]);
    await ctx.page.screenshot({ path: `${ARTIFACTS}/demo-start.png` });
  });

  it('draws data on the map canvas (pixels, not just a canvas)', async () => {
    const share = await overlayDrawnShareAbove(ctx.page, 0.05);
    assert.ok(share > 0.05, `only ${(share * 100).toFixed(2)}% of the map's overlay pixels are drawn`);
  });

  it('a time brush updates the headline to the engine numbers and the URL; the URL reproduces them', async () => {
    const box = (await ctx.page.locator('[data-testid="time-histogram"]').boundingBox())!;
    const y = box.y + box.height / 2;
    await ctx.page.mouse.move(box.x + box.width * 0.3, y);
    await ctx.page.mouse.down();
    for (let i = 1; i <= 10; i++) await ctx.page.mouse.move(box.x + box.width * (0.3 + i * 0.03), y);
    await ctx.page.mouse.up();
    await waitForIdle(ctx.page);
    await ctx.page.waitForFunction(() => window.location.search.includes('time='));
    const search = await ctx.page.evaluate(() => window.location.search);
    const shown = await headline(ctx.page);
    assert.ok(shown.incidents < DEMO_TRUTH.incidents && shown.incidents > 0);

    const { state, notices } = decodeUrlState(search);
    assert.deepEqual(notices, []);
    assert.ok(state.time);
    const db = await createNodeConnector();
    await importIncidents(
      db,
      { name: 'incidents.csv', bytes: readFileBytes('data/demo/incidents.csv') },
      { table: 'demo' },
    );
    const [row] = arrowRows(await db.query(headlineQuery('demo', viewFilter(state, null))));
    await db.close();
    assert.deepEqual(
      [shown.incidents, shown.victims, shown.fatal],
      [Number(row!.incidents), Number(row!.victims), Number(row!.fatal_victims)],
    );
    await ctx.page.screenshot({ path: `${ARTIFACTS}/demo-brushed.png` });

    const second = await openApp(`/${search}`);
    try {
      await waitForIdle(second.page);
      assert.deepEqual(await headline(second.page), shown);
    } finally {
      await second.close();
    }
  });

  it('a malformed file shows its error and leaves the loaded data in place', async () => {
    const before = await headline(ctx.page);
    await ctx.page.setInputFiles('[data-testid="incident-file"]', {
      name: 'budget.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('department,amount,year\nparks,100,2020\n'),
    });
    const notice = await ctx.page.waitForSelector('[data-testid="notice"]', { timeout: 60_000 });
    assert.match((await notice.textContent())!, /does not look like incident data.*unchanged/);
    await waitForIdle(ctx.page);
    assert.deepEqual(await headline(ctx.page), before);
    await ctx.page.screenshot({ path: `${ARTIFACTS}/bad-file.png` });
  });
});

/** Opens the app, loads `file` from ../shared/data through the file input, runs `check`, and asserts offline. */
async function withImported(file: string, check: (ctx: E2eContext) => Promise<void>): Promise<void> {
  const ctx = await openApp('/');
  try {
    await waitForIdle(ctx.page);
    await ctx.page.setInputFiles('[data-testid="incident-file"]', sharedDataPath(file));
    await ctx.page.waitForSelector('[data-testid="import-report"]', { timeout: 120_000 });
    await waitForIdle(ctx.page);
    await check(ctx);
    assert.deepEqual(ctx.external, []);
  } finally {
    await ctx.close();
  }
}

describe('importing the real NYPD file', {
  skip: !sharedDataAvailable(NYPD, NYPD_PARQUET) && 'shared data missing',
}, () => {
  it('shows 23,298 incidents and 29,744 victims', async () => {
    await withImported(NYPD, async (ctx) => {
      await ctx.page.waitForFunction(
        () => document.querySelector('[data-testid="incidents"]')?.textContent === '23,298',
        null,
        { timeout: 60_000 },
      );
      const h = await headline(ctx.page);
      assert.deepEqual([h.incidents, h.victims], [23_298, 29_744]);
      assert.match(
        (await ctx.page.textContent('[data-testid="import-report"]'))!,
        /97 rows without latitude\/longitude were placed/,
      );
      await ctx.page.screenshot({ path: `${ARTIFACTS}/nypd-import.png` });
    });
  });

  it('reads the Parquet copy row group by row group to the same totals', async () => {
    await withImported(NYPD_PARQUET, async (ctx) => {
      const h = await headline(ctx.page);
      assert.deepEqual([h.incidents, h.victims], [23_298, 29_744]);
    });
  });
});
