/**
 * The built app runs under its Content-Security-Policy (no `unsafe-eval`): DuckDB-WASM, its worker, maplibre
 * and deck.gl still work, and script payloads planted in every field a user can load — URL parameters,
 * incident values, column names and file names, boundary property names and values (council panel, map
 * tooltips, property chooser, population dialog), a population CSV's header and ids, imported program names
 * and planner drafts named after hostile areas — never run, never become elements, and never reach the
 * network.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { FeatureCollection } from 'geojson';
import { ARTIFACTS, type E2eContext, openApp, overlayDrawnShareAbove, waitForIdle } from './browser';

/** Doubles quotes for a CSV field. */
const csvField = (text: string) => `"${text.replace(/"/g, '""')}"`;

const PAYLOAD = '<img src=x onerror="window.__pwned=1;alert(1)"><script>window.__pwned=2</script>';
const JS_URL = 'javascript:window.__pwned=3';

describe('Content-Security-Policy and planted payloads', () => {
  let ctx: E2eContext;
  const dialogs: string[] = [];

  before(async () => {
    const q = encodeURIComponent(PAYLOAD);
    ctx = await openApp(`/?program=${q}&area=${q}&attr.${q}=${q}&style=${encodeURIComponent(JS_URL)}`);
    ctx.page.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    await waitForIdle(ctx.page);
    await ctx.page.waitForSelector('body[data-map-ready="true"]', { timeout: 120_000 });
  });

  after(async () => {
    await ctx?.close();
  });

  /** No payload ran, opened a dialog, became an element, or sent a request. */
  async function nothingRan(where: string): Promise<void> {
    assert.equal(
      await ctx.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
      undefined,
      where,
    );
    assert.deepEqual(dialogs, [], where);
    assert.deepEqual(ctx.external, [], where);
    assert.equal(await ctx.page.locator('img[src="x"], script:has-text("__pwned")').count(), 0, where);
    assert.equal(await ctx.page.locator('[data-testid="view-error"]').count(), 0, `${where}: no view broke`);
  }

  it('the page carries a policy without unsafe-eval, and the engine, map and layers run under it', async () => {
    const policy = await ctx.page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    assert.ok(policy);
    assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'/);
    assert.doesNotMatch(policy, /'unsafe-eval'/);
    assert.ok((await overlayDrawnShareAbove(ctx.page, 0)) > 0, 'deck.gl draws');
    await ctx.page.screenshot({ path: `${ARTIFACTS}/csp-demo.png` });
  });

  it('payloads in incident values, column names and the file name stay text', async () => {
    const name = PAYLOAD.replace(/,/g, ' ');
    const csv = [
      `incident_id,date,latitude,longitude,"${name.replace(/"/g, '""')}"`,
      `"${PAYLOAD.replace(/"/g, '""')}",2024-05-01,40.80,-73.92,"${PAYLOAD.replace(/"/g, '""')}"`,
      `a2,2024-05-02,40.81,-73.91,x`,
      `a3,2024-06-03,40.82,-73.90,y`,
    ].join('\n');
    await ctx.page.setInputFiles('[data-testid="incident-file"]', {
      name: `${name}.csv`,
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await ctx.page.waitForSelector('text=Every row could be used', { timeout: 120_000 });
    await ctx.page.click('button:has-text("Close")');
    await ctx.page.waitForTimeout(2000);
    await ctx.page.screenshot({ path: `${ARTIFACTS}/csp-payloads.png` });
    assert.equal(
      await ctx.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
      undefined,
    );
    assert.deepEqual(dialogs, []);
    assert.deepEqual(ctx.external, []);
  });

  it('boundary property names and values stay text: council panel, tooltips, property chooser', async () => {
    await ctx.page.click('[data-testid="dataset-demo"]');
    await waitForIdle(ctx.page);
    const hoods = JSON.parse(readFileSync('data/demo/neighborhoods.geojson', 'utf8')) as FeatureCollection;
    const hostile: FeatureCollection = {
      type: 'FeatureCollection',
      features: hoods.features.map((f, i) => ({
        ...f,
        properties: {
          id: `${PAYLOAD}${i}`,
          name: `${PAYLOAD} ${f.properties!.name}`,
          [PAYLOAD]: PAYLOAD,
          [`residents ${PAYLOAD}`]: 10_000 + 100 * i,
        },
      })),
    };
    await ctx.page.setInputFiles('[data-testid="boundary-file"]', {
      name: `${PAYLOAD}.geojson`,
      mimeType: 'application/geo+json',
      buffer: Buffer.from(JSON.stringify(hostile)),
    });
    await ctx.page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="area-table"] tbody tr').length === n,
      hostile.features.length,
      { timeout: 60_000 },
    );
    await waitForIdle(ctx.page);
    const table = (await ctx.page.textContent('[data-testid="council-panel"]'))!;
    assert.ok(table.includes(`${PAYLOAD} Millbrook`), 'area names shown as written');
    // The property chooser lists the hostile property names as options.
    const options = await ctx.page.$$eval('[data-testid="council-panel"] option', (o) =>
      o.map((x) => x.textContent ?? ''),
    );
    assert.ok(
      options.some((o) => o.includes(`residents ${PAYLOAD}`)),
      options.join(' | '),
    );
    // Colour the map by area and hover it: the tooltip shows the name as text.
    await ctx.page.check('[data-testid="choropleth-toggle"]').catch(() => {});
    await ctx.page.uncheck('[data-testid="layer-hexagons"]');
    await waitForIdle(ctx.page);
    const box = (await ctx.page.locator('[data-testid="map"]').boundingBox())!;
    for (const [fx, fy] of [
      [0.5, 0.5],
      [0.4, 0.4],
      [0.6, 0.6],
    ] as const) {
      await ctx.page.mouse.move(box.x + box.width * fx, box.y + box.height * fy);
      await ctx.page.waitForTimeout(400);
    }
    const tooltip = await ctx.page.locator('.deck-tooltip').textContent();
    assert.ok(tooltip?.includes(PAYLOAD), `tooltip: ${tooltip}`);
    await ctx.page.screenshot({ path: `${ARTIFACTS}/csp-boundaries.png` });
    await nothingRan('boundaries');

    // The population dialog: a property with a hostile name, then a CSV with a hostile header and ids.
    await ctx.page.click('[data-testid="population-open"]');
    await ctx.page.check('[data-testid="population-dialog"] input[type="radio"] >> nth=1');
    await ctx.page.selectOption('[data-testid="population-dialog"] select', {
      label: `residents ${PAYLOAD}`,
    });
    await ctx.page.click('[data-testid="population-apply"]');
    assert.match((await ctx.page.textContent('[data-testid="population-result"]'))!, /25 of 25 areas/);
    const csv = [
      `${csvField(`id ${PAYLOAD}`)},${csvField(`people ${PAYLOAD}`)}`,
      ...hostile.features.slice(0, 20).map((f, i) => `${csvField(String(f.properties!.id))},${5000 + i}`),
      `${csvField(`${PAYLOAD}unmatched`)},7`,
    ].join('\n');
    await ctx.page.check('[data-testid="population-dialog"] input[type="radio"] >> nth=0');
    await ctx.page.setInputFiles('[data-testid="population-file"]', {
      name: `${PAYLOAD}.csv`,
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await ctx.page.selectOption('[data-testid="population-id"]', `id ${PAYLOAD}`);
    await ctx.page.selectOption('[data-testid="population-column"]', `people ${PAYLOAD}`);
    await ctx.page.click('[data-testid="population-apply"]');
    const result = (await ctx.page.textContent('[data-testid="population-result"]'))!;
    assert.match(result, /20 of 25 areas have a population/);
    assert.ok(result.includes(`${PAYLOAD}unmatched`), result);
    await ctx.page.screenshot({ path: `${ARTIFACTS}/csp-population.png` });
    await nothingRan('population');
  });

  it('program names stay text: an imported program, and planner drafts named after hostile areas', async () => {
    const ring: [number, number][] = Array.from({ length: 25 }, (_, i) => {
      const a = (2 * Math.PI * i) / 24;
      return [-95.2315 + 0.01 * Math.cos(a), 38.9554 + 0.008 * Math.sin(a)];
    });
    ring[24] = ring[0]!;
    const programs = {
      schema: 'cvi-atlas-programs/1',
      programs: [
        {
          id: 'planted-program',
          name: PAYLOAD,
          model: 'other',
          modelDetail: PAYLOAD,
          city: PAYLOAD,
          launch: '2020-01-01',
          catchment: { type: 'geometry', geometry: { type: 'Polygon', coordinates: [ring] } },
          notes: PAYLOAD,
          sources: [{ id: PAYLOAD, citation: PAYLOAD, url: JS_URL }],
          publishedOutcomes: [{ outcome: PAYLOAD, figure: PAYLOAD, source: PAYLOAD }],
          origin: 'user',
        },
      ],
    };
    await ctx.page.setInputFiles('[data-testid="program-import"]', {
      name: `${PAYLOAD}.json`,
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(programs)),
    });
    await ctx.page.waitForFunction(
      () =>
        [...document.querySelectorAll('[data-testid="program-select"] option')].some(
          (o) => (o as HTMLOptionElement).value === 'planted-program',
        ),
      null,
      { timeout: 30_000 },
    );
    await ctx.page.selectOption('[data-testid="program-select"]', 'planted-program');
    await ctx.page.waitForSelector('[data-testid="program-card"]', { timeout: 60_000 });
    await waitForIdle(ctx.page);
    await ctx.page.waitForTimeout(3000);
    const card = (await ctx.page.textContent('[data-testid="program-card"]'))!;
    assert.ok(card.includes(PAYLOAD), card.slice(0, 300));
    const links = await ctx.page.$$eval('a[href]', (a) => a.map((x) => x.getAttribute('href') ?? ''));
    assert.deepEqual(
      links.filter((h) => /^\s*javascript:/i.test(h)),
      [],
      'a javascript: URL never becomes a link',
    );
    await ctx.page.screenshot({ path: `${ARTIFACTS}/csp-program.png` });
    await nothingRan('imported program');

    await ctx.page.waitForSelector('[data-testid="planner-run"]:not([disabled])', { timeout: 60_000 });
    await ctx.page.click('[data-testid="planner-run"]');
    await ctx.page.waitForSelector('[data-testid="planner-site"]', { timeout: 120_000 });
    const sites = (await ctx.page.textContent('[data-testid="planner-result"]'))!;
    assert.ok(sites.includes(PAYLOAD), 'suggested sites name the hostile areas as text');
    await ctx.page.click('[data-testid="planner-keep"] >> nth=0');
    const draft = await ctx.page.$$eval('[data-testid="program-select"] option', (o) =>
      o.map((x) => x.textContent ?? '').find((t) => t.startsWith('Draft site 1')),
    );
    assert.ok(draft?.includes(PAYLOAD), `draft named after its area: ${draft}`);
    await ctx.page.screenshot({ path: `${ARTIFACTS}/csp-planner.png` });
    await nothingRan('planner draft');
  });

  it('the network card: hostile unit and site names in a program table and panel file are read as data', async () => {
    const units = Array.from({ length: 10 }, (_, i) => `${PAYLOAD}u${i}`);
    const panel = [
      'unit,period,count',
      ...units.flatMap((u, i) =>
        Array.from({ length: 11 }, (_, y) => `${csvField(u)},${2010 + y},${5 + ((i * 7 + y * 3) % 11)}`),
      ),
    ].join('\n');
    const table = [
      'precinct,launch,name',
      ...units.slice(0, 3).map((u) => `${csvField(u)},2015-01-01,${csvField(PAYLOAD)}`),
    ].join('\n');
    await ctx.page.selectOption('[data-testid="network-program"]', 'cure-violence-new-york');
    const inputs = ctx.page.locator('[data-testid="network-panel"] input[type="file"]');
    await inputs
      .nth(0)
      .setInputFiles({ name: 'panel.csv', mimeType: 'text/csv', buffer: Buffer.from(panel) });
    await inputs
      .nth(1)
      .setInputFiles({ name: `${PAYLOAD}.csv`, mimeType: 'text/csv', buffer: Buffer.from(table) });
    await ctx.page.click('[data-testid="network-run"]');
    await ctx.page.waitForFunction(
      () => !document.querySelector('[data-testid="network-run"]')?.textContent?.includes('Evaluating'),
      null,
      { timeout: 120_000 },
    );
    await ctx.page.waitForTimeout(1000);
    // The hostile unit names were read as data: three of the ten units form the 2015 cohort.
    await ctx.page.waitForSelector('[data-testid="network-result"]');
    const card = (await ctx.page.textContent('[data-testid="network-panel"]'))!;
    assert.match(card, /2015 \(3\)/);
    await ctx.page
      .locator('[data-testid="network-panel"]')
      .screenshot({ path: `${ARTIFACTS}/csp-network.png` });
    await nothingRan('network card');
  });
});
