/**
 * Several files side by side: a second file is loaded next to the first (never over it, even with one usable
 * row), the datasets are listed with their totals, each keeps its own view, and one can be removed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ARTIFACTS, type E2eContext, headline, openDemo, waitForIdle } from './browser';

const FIRST = [
  'id,date,latitude,longitude,fatal',
  '1,2022-01-05,38.95,-95.25,N',
  '2,2022-02-05,38.951,-95.251,Y',
  '3,2023-03-05,38.96,-95.26,N',
  '4,2023-04-05,38.92,-95.30,N',
].join('\n');
/** One usable row and one without a date. */
const SECOND = ['id,date,latitude,longitude', '9,2021-06-01,38.94,-95.27', '10,,38.94,-95.27'].join('\n');

async function load(ctx: E2eContext, name: string, text: string): Promise<void> {
  await ctx.page.setInputFiles('[data-testid="incident-file"]', {
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from(text),
  });
  await ctx.page.waitForSelector(`[data-testid="import-report"] >> text=${name}`, { timeout: 60_000 });
  await waitForIdle(ctx.page);
}

describe('several datasets side by side', () => {
  let ctx: E2eContext;
  before(async () => {
    ctx = await openDemo();
  });
  after(async () => {
    await ctx?.close();
  });

  it('keeps the first file when a second is loaded, each with its own view, and removes one on request', async () => {
    const { page } = ctx;
    await load(ctx, 'first.csv', FIRST);
    assert.equal((await headline(page)).incidents, 4);
    await page.check('input[name="fatal"] >> nth=1');
    await waitForIdle(page);
    assert.equal((await headline(page)).incidents, 1);

    await load(ctx, 'second.csv', SECOND);
    assert.equal((await headline(page)).incidents, 1, 'the second file: its one usable row');
    assert.match(await page.evaluate(() => window.location.search), /dataset=user2/);
    const tabs = await page.$$eval('header nav button', (b) => b.map((x) => x.textContent));
    assert.deepEqual(tabs, ['Demo City (synthetic)', 'first.csv', 'second.csv']);

    const rows = await page.$$eval('[data-testid="dataset-list"] tbody tr', (tr) =>
      tr.map((r) => [...r.querySelectorAll('td')].slice(0, 3).map((td) => td.firstChild?.textContent)),
    );
    assert.deepEqual(rows.slice(1), [
      ['first.csv', '4', '4'],
      ['second.csv', '1', '1'],
    ]);
    await page.locator('[data-testid="dataset-list"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}/several-datasets.png` });

    await page.click('[data-testid="dataset-user"]');
    await waitForIdle(page);
    assert.equal((await headline(page)).incidents, 1, 'the first file comes back with its fatal filter');
    assert.ok(await page.isChecked('input[name="fatal"] >> nth=1'));

    await page.click('[data-testid="remove-user2"]');
    await page.waitForSelector('[data-testid="dataset-user2"]', { state: 'detached', timeout: 10_000 });
    await waitForIdle(page);
    assert.equal(await page.locator('[data-testid="dataset-user"]').count(), 1, 'the first file stays');
    assert.equal((await headline(page)).incidents, 1);
  });
});
