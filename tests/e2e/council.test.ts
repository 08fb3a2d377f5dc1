/**
 * The council view on the demo city: the choropleth and its table against an independent point-in-polygon
 * count (turf) and the neighborhoods' populations, the population dialog with unmatched ids listed, a
 * neighborhood profile, the small multiples, publish mode (no count 1..k−1 on screen, remembered and in
 * the link) and adding a boundary file of a different size that carries populations (no crash).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { seriousAxeViolations } from './axe';
import { ARTIFACTS, type E2eContext, openDemo, overlayDrawnShareAbove, waitForIdle } from './browser';

const hoods = JSON.parse(
  readFileSync('data/demo/neighborhoods.geojson', 'utf8'),
) as FeatureCollection<Polygon>;

/** Distinct demo incidents per neighborhood name (first containing polygon), counted with turf. */
function countsByName(): Map<string, number> {
  const lines = readFileSync('data/demo/incidents.csv', 'utf8').trim().split('\n').slice(1);
  const seen = new Set<string>();
  const out = new Map<string, number>(hoods.features.map((f) => [String(f.properties!.name), 0]));
  for (const line of lines) {
    const [incident, , , lat, lon] = line.split(',');
    if (seen.has(incident!)) continue;
    seen.add(incident!);
    const hit = hoods.features.find((f) => booleanPointInPolygon([Number(lon), Number(lat)], f));
    if (hit) out.set(String(hit.properties!.name), out.get(String(hit.properties!.name))! + 1);
  }
  return out;
}

async function tableRows(ctx: E2eContext): Promise<string[][]> {
  return ctx.page.$$eval('[data-testid="area-table"] tbody tr', (rows) =>
    rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')),
  );
}

describe('council view', () => {
  let ctx: E2eContext;
  const expected = countsByName();
  before(async () => {
    ctx = await openDemo();
  });
  after(async () => {
    await ctx?.close();
  });

  it('colours the neighborhoods; counts equal turf and rates equal count / population / 10 years × 100,000', async () => {
    await ctx.page.getByLabel('H3 hexagon counts').uncheck();
    await ctx.page.check('[data-testid="choropleth-toggle"]');
    await ctx.page.waitForSelector('[data-testid="choropleth-legend"]');
    await waitForIdle(ctx.page);
    const rows = await tableRows(ctx);
    assert.equal(rows.length, 25);
    for (const [name, count, rate] of rows) {
      const f = hoods.features.find((x) => x.properties!.name === name)!;
      const n = expected.get(name!)!;
      assert.equal(Number(count!.replace(/,/g, '')), n, `count of ${name}`);
      const r = (n / Number(f.properties!.population) / 10) * 100_000;
      assert.equal(rate, r.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
    }
    await ctx.page.check('input[name="choropleth-measure"][value="smoothed"]');
    await waitForIdle(ctx.page);
    const share = await overlayDrawnShareAbove(ctx.page, 0.2);
    assert.ok(share > 0.2, `only ${(share * 100).toFixed(1)}% of the overlay is drawn`);
    const legend = (await ctx.page.textContent('[data-testid="choropleth-legend"]'))!;
    assert.match(legend, /Smoothed rate per 100,000 residents per year/);
    assert.match(legend, /unreliable/);
    await ctx.page.screenshot({ path: `${ARTIFACTS}/council-choropleth.png` });
  });

  it('the legend stays fixed while brushing', async () => {
    const before = await ctx.page.textContent('[data-testid="choropleth-legend"]');
    const box = (await ctx.page.locator('[data-testid="time-histogram"]').boundingBox())!;
    const y = box.y + box.height / 2;
    await ctx.page.mouse.move(box.x + box.width * 0.5, y);
    await ctx.page.mouse.down();
    await ctx.page.mouse.move(box.x + box.width * 0.56, y, { steps: 4 });
    await ctx.page.mouse.up();
    await waitForIdle(ctx.page);
    assert.match(await ctx.page.evaluate(() => window.location.search), /time=/);
    assert.equal(await ctx.page.textContent('[data-testid="choropleth-legend"]'), before);
  });

  it('joins a population CSV by id and lists what did not match', async () => {
    const ids = hoods.features.map((f) => String(f.properties!.id));
    const csv = [
      'hood,residents',
      ...ids.slice(0, 20).map((id, i) => `${id},${10_000 + i * 1000}`),
      'N99,5000',
    ].join('\n');
    await ctx.page.click('[data-testid="population-open"]');
    await ctx.page.setInputFiles('[data-testid="population-file"]', {
      name: 'residents.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await ctx.page.selectOption('[data-testid="population-id"]', 'hood');
    await ctx.page.selectOption('[data-testid="population-column"]', 'residents');
    await ctx.page.click('[data-testid="population-apply"]');
    const result = (await ctx.page.textContent('[data-testid="population-result"]'))!;
    assert.match(result, /20 of 25 areas have a population/);
    for (const id of ids.slice(20)) assert.ok(result.includes(id), `unmatched ${id} listed`);
    assert.match(result, /match no area \(1\): N99/);
    await ctx.page.screenshot({ path: `${ARTIFACTS}/council-population.png` });
    // Back to the file's own population for the rest of the suite.
    await ctx.page.check('[data-testid="population-dialog"] input[type="radio"] >> nth=1');
    await ctx.page.click('[data-testid="population-apply"]');
    assert.match((await ctx.page.textContent('[data-testid="population-result"]'))!, /25 of 25 areas/);
  });

  it('opens a neighborhood profile with rank, share, year-on-year rate ratio and programs', async () => {
    await ctx.page.click('[data-testid="area-table"] tbody tr >> nth=0');
    await ctx.page.waitForSelector('[data-testid="area-profile"]');
    await waitForIdle(ctx.page);
    const profile = (await ctx.page.textContent('[data-testid="area-profile"]'))!;
    assert.match(profile, /Rank\s*\d+ of 25 by smoothed rate/);
    assert.match(profile, /Share of the city\s*\d+\.\d%/);
    assert.match((await ctx.page.textContent('[data-testid="profile-ratio"]'))!, /×.*95% CI \d/);
    assert.ok((await ctx.page.locator('[data-testid="area-profile"] svg[role="img"]').count()) >= 2);
    await ctx.page
      .locator('[data-testid="area-profile"]')
      .screenshot({ path: `${ARTIFACTS}/council-profile.png` });
    // Millbrook is crossed by two of the demo programs' catchments (checked with turf on data/demo/programs.json).
    await ctx.page.click('[data-testid="area-table"] tbody tr:has-text("Millbrook")');
    await ctx.page.waitForFunction(() =>
      document.querySelector('[data-testid="area-profile"] h2')?.textContent?.includes('Millbrook'),
    );
    await ctx.page.waitForFunction(() =>
      document
        .querySelector('[data-testid="profile-programs"]')
        ?.textContent?.includes('Westside Youth Partnership'),
    );
    assert.match(
      (await ctx.page.textContent('[data-testid="profile-programs"]'))!,
      /Eastside Street Outreach/,
    );
    assert.deepEqual(await seriousAxeViolations(ctx.page), []);
  });

  it('shows every neighborhood as a small multiple, sortable by change', async () => {
    await ctx.page.selectOption('[data-testid="multiples-order"]', 'change');
    const shown = await ctx.page.$$eval('[data-testid="small-multiples"] li', (items) =>
      items.map((li) => li.querySelector('.muted')?.textContent ?? ''),
    );
    assert.equal(shown.length, 25);
    const values = shown.map((t) => Number(t.replace('%', '')));
    for (let i = 1; i < values.length; i++)
      assert.ok(values[i - 1]! >= values[i]!, `order at ${i}: ${shown}`);
    await ctx.page
      .locator('[data-testid="small-multiples"]')
      .screenshot({ path: `${ARTIFACTS}/council-multiples.png` });
    assert.deepEqual(await seriousAxeViolations(ctx.page), []);
  });

  it('publish mode: no count 1..10 on screen, coarsened brush, remembered and in the link', async () => {
    await ctx.page.check('[data-testid="publish-toggle"]');
    await ctx.page.waitForSelector('[data-testid="published-headline"]');
    await waitForIdle(ctx.page);
    assert.match(await ctx.page.evaluate(() => window.location.search), /publish=on/);
    assert.match(
      (await ctx.page.textContent('[data-testid="publish-reasons"]'))!,
      /The time brush spans several years/,
    );
    // Fatal incidents in one year: small counts per neighborhood.
    await ctx.page.getByLabel('fatal', { exact: true }).check();
    await ctx.page.click('[data-testid="published-months"] button:has-text("2020")');
    await waitForIdle(ctx.page);
    assert.match(await ctx.page.evaluate(() => window.location.search), /time=2020-01..2020-12/);
    const cells = await ctx.page.$$eval('[data-testid="area-table"] td[data-status]', (tds) =>
      tds.map((td) => td.textContent ?? ''),
    );
    assert.equal(cells.length, 25);
    const numbers = [
      ...cells,
      (await ctx.page.textContent('[data-testid="published-count"]'))!,
      (await ctx.page.textContent('[data-testid="published-fatal"]'))!,
      (await ctx.page.textContent('[data-testid="profile-count"]'))!,
    ];
    for (const text of numbers)
      assert.doesNotMatch(text, /^\s*(?:[1-9]|10)\s*$/, `small count "${text}" on screen`);
    assert.ok(
      cells.some((t) => t === '<11'),
      `some small count is hidden: ${cells}`,
    );
    assert.equal(await ctx.page.locator('[data-testid="time-histogram"]').count(), 0);
    assert.ok(await ctx.page.locator('[data-testid="published-months"]').isVisible());
    await ctx.page.screenshot({ path: `${ARTIFACTS}/council-publish.png` });
    assert.deepEqual(await seriousAxeViolations(ctx.page), []);
    // The CSV export of the table on screen obeys the same rules.
    const [download] = await Promise.all([
      ctx.page.waitForEvent('download'),
      ctx.page.click('[data-testid="export-csv"]'),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8')
      .trim()
      .split('\n');
    assert.equal(csv[0], 'area,name,period,count,rate_per_100k_year,smoothed_rate,unreliable,suppressed');
    const counts = csv.slice(1).map((line) => line.split(',')[3]!);
    assert.ok(counts.includes('<11'), 'small counts are exported as <11');
    assert.deepEqual(
      counts.filter((c) => /^(?:[1-9]|10)$/.test(c)),
      [],
      'no count 1..10 in the export',
    );

    await ctx.page.goto(`${ctx.server.url}/`);
    await waitForIdle(ctx.page);
    assert.ok(
      await ctx.page.locator('[data-testid="published-headline"]').isVisible(),
      'remembered after reload',
    );
    assert.equal(await ctx.page.isChecked('[data-testid="publish-toggle"]'), true);
    await ctx.page.goto(`${ctx.server.url}/?publish=off`);
    await waitForIdle(ctx.page);
    assert.equal(await ctx.page.isChecked('[data-testid="publish-toggle"]'), false, 'the link wins');
    await ctx.page.uncheck('[data-testid="publish-toggle"]').catch(() => {});
  });

  it('adding a smaller boundary file that carries population does not break the page', async () => {
    const subset: FeatureCollection = {
      type: 'FeatureCollection',
      features: hoods.features.slice(0, 10).map((f: Feature) => ({ ...f, properties: { ...f.properties } })),
    };
    await ctx.page.setInputFiles('[data-testid="boundary-file"]', {
      name: 'ten.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(JSON.stringify(subset)),
    });
    await ctx.page.waitForFunction(
      () => document.querySelectorAll('[data-testid="area-table"] tbody tr').length === 10,
      null,
      { timeout: 60_000 },
    );
    await waitForIdle(ctx.page);
    assert.deepEqual(
      ctx.consoleErrors.filter((e) => /areas but populations|has \d+ areas/.test(e)),
      [],
    );
    const rows = await tableRows(ctx);
    assert.equal(rows.length, 10);
    assert.ok(
      rows.every((r) => r.length === 4 && r[2] !== '—'),
      'rates computed from the new file',
    );
  });
});
