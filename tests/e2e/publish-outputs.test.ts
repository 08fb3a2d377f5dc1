/**
 * End-to-end: publish mode holds in every output of the demo city, in headless Chromium with no network.
 * With fatal incidents of one year (many neighborhoods have 1..10), the brief of a neighborhood with a
 * hidden count and of the city is printed to PDF: pdftotext finds no whole number 1..10 outside the
 * footer's date, the "<11" labels and the suppression notice; the areas GeoJSON carries exactly the CSV's
 * cells, with no value 1..10; the map PNG is drawn with no incident layer and no legend ramp, and no chart
 * export is offered.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { seriousAxeViolations } from './axe';
import { ARTIFACTS, type E2eContext, openDemo, overlayDrawnShareAbove, waitForIdle } from './browser';

const K = 11;

async function download(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid="${testId}"]`)]);
  const path = join(ARTIFACTS, `publish-${file.suggestedFilename()}`);
  await file.saveAs(path);
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

/** Whole numbers 1..K−1 in the text, with context; the footer line (today's date) is left out. */
function smallNumbers(text: string): string[] {
  const body = text
    .split('\n')
    .filter((line) => !/Made with CVI Atlas on/.test(line))
    .join('\n');
  const out: string[] = [];
  for (const m of body.matchAll(/\d[\d,]*(?:\.\d+)?/g)) {
    if (m[0].includes('.')) continue;
    const v = Number(m[0].replace(/,/g, ''));
    if (v >= 1 && v < K) out.push(JSON.stringify(body.slice(Math.max(0, m.index! - 40), m.index! + 10)));
  }
  return out;
}

async function printBrief(page: Page, name: string): Promise<string> {
  await page.click('[data-testid="open-brief"]');
  await page.waitForSelector('[data-testid="brief"] img', { timeout: 30_000 });
  await page.emulateMedia({ media: 'print' });
  const pdfPath = join(ARTIFACTS, `${name}.pdf`);
  writeFileSync(
    pdfPath,
    await page.pdf({ format: 'Letter', printBackground: true, preferCSSPageSize: true }),
  );
  await page.emulateMedia({ media: 'screen' });
  assert.match(execFileSync('pdfinfo', [pdfPath]).toString(), /Pages:\s+1\n/);
  execFileSync('pdftoppm', ['-png', '-r', '90', '-singlefile', pdfPath, join(ARTIFACTS, name)]);
  return execFileSync('pdftotext', ['-layout', pdfPath, '-']).toString();
}

async function closeBrief(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid="brief"]', { state: 'detached' });
}

describe('publish mode in every output', () => {
  let ctx: E2eContext;
  before(async () => {
    ctx = await openDemo(`/?publish=on&k=${K}&fatal=fatal&time=2020-01..2020-12`);
    await ctx.page.waitForSelector('[data-testid="published-headline"]');
    await waitForIdle(ctx.page);
  });
  after(async () => {
    await ctx?.close();
  });

  it('the screen: areas only on the map, no incident legend, no chart export, small counts as "<11"', async () => {
    const page = ctx.page;
    const cells = await page.$$eval('[data-testid="area-table"] td[data-status]', (tds) =>
      tds.map((td) => td.textContent ?? ''),
    );
    assert.equal(cells.length, 25);
    assert.ok(cells.includes(`<${K}`), `a small count is hidden: ${cells}`);
    assert.deepEqual(
      cells.filter((c) => /^\s*(?:[1-9]|10)\s*$/.test(c)),
      [],
    );
    assert.equal(await page.locator('[data-testid="map-legend"]').count(), 0);
    assert.equal(
      await page
        .locator('[data-testid$="-svg"], [data-testid$="-png"]:not([data-testid="export-map-png"])')
        .count(),
      0,
    );
    assert.ok((await overlayDrawnShareAbove(page, 0.2)) > 0.2, 'the choropleth is drawn');
    const description = (await page.textContent('[data-testid="map-description"]'))!;
    assert.deepEqual(smallNumbers(description), []);
    await page.screenshot({ path: join(ARTIFACTS, 'publish-screen.png') });
    assert.deepEqual(await seriousAxeViolations(ctx.page), []);
  });

  it('the map PNG: the choropleth and base map, nothing finer', async () => {
    const file = await download(ctx.page, 'export-map-png');
    const m = await ctx.page.evaluate(async (base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = document.createElement('canvas');
      canvas.width = bitmap.width;
      canvas.height = bitmap.height;
      const g = canvas.getContext('2d')!;
      g.drawImage(bitmap, 0, 0);
      const px = g.getImageData(0, 0, canvas.width, canvas.height).data;
      const colours = new Set<number>();
      for (let i = 0; i < px.length; i += 4) colours.add((px[i]! << 16) | (px[i + 1]! << 8) | px[i + 2]!);
      return { width: canvas.width, colours: colours.size };
    }, file.bytes.toString('base64'));
    assert.ok(m.width > 400);
    assert.ok(m.colours > 20, `the image has ${m.colours} colours`);
  });

  it('the areas GeoJSON carries the CSV cells and statuses, no value 1..10', async () => {
    const page = ctx.page;
    const csv = (await download(page, 'export-csv')).bytes.toString('utf8').trim().split('\n').slice(1);
    const fc = JSON.parse((await download(page, 'export-areas-geojson')).bytes.toString('utf8'));
    assert.equal(fc.features.length, 25);
    assert.equal(fc.k, K);
    const small: string[] = [];
    const walk = (v: unknown, path: string): void => {
      if (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v < K) small.push(path);
      else if (typeof v === 'string' && /^\d+$/.test(v) && Number(v) >= 1 && Number(v) < K) small.push(path);
      else if (v && typeof v === 'object' && !Array.isArray(v))
        for (const [key, x] of Object.entries(v)) walk(x, `${path}.${key}`);
      else if (Array.isArray(v))
        v.forEach((x, i) => {
          walk(x, `${path}[${i}]`);
        });
    };
    for (const f of fc.features) walk(f.properties, f.properties.id);
    walk(fc.city_totals, 'city_totals');
    assert.deepEqual(small, []);
    const byId = new Map(
      fc.features.map((f: { properties: Record<string, unknown> }) => [f.properties.id, f.properties]),
    );
    let hidden = 0;
    let checked = 0;
    for (const line of csv) {
      const [area, , period, count, , , , suppressed] = line.split(',');
      if (area === '(total)') continue;
      const p = byId.get(area) as Record<string, unknown>;
      const suffix = period === 'all periods' ? '_total' : `_${period}`;
      assert.equal(p[`count_text${suffix}`], count, `${area} ${period}`);
      assert.equal(p[`suppressed${suffix}`], suppressed === 'yes');
      if (suppressed === 'yes') {
        hidden++;
        assert.equal(p[`count${suffix}`], null);
      }
      checked++;
    }
    assert.ok(checked >= 25 * 10, `${checked} cells compared`);
    assert.ok(hidden > 0);
    assert.ok(
      fc.features.some(
        (f: { properties: Record<string, unknown> }) => f.properties.count_text_2020 === `<${K}`,
      ),
    );
  });

  it('the brief of a neighborhood with a small count, printed: no count 1..10, "<11", the notice', async () => {
    const page = ctx.page;
    await page.click(`[data-testid="area-table"] tbody tr:has(td[data-status="primary"]) >> nth=0`);
    await page.waitForSelector('[data-testid="area-profile"]');
    const name = (await page.textContent('[data-testid="area-profile"] h2'))!.replace('×', '').trim();
    const text = await printBrief(page, 'publish-brief-area');
    assert.ok(text.includes(name), `the brief names ${name}`);
    assert.equal((await page.textContent('[data-testid="brief-count"]'))!.trim(), `<${K} incidents`);
    assert.match(text, new RegExp(`<${K} incidents`));
    assert.match(text, /withheld/);
    assert.deepEqual(smallNumbers(text), []);
    const flat = text.replace(/\s+/g, ' ');
    assert.match(
      flat,
      new RegExp(`Publish mode \\(k = ${K}\\): counts below ${K} other than zero are shown as “<${K}”`),
    );
    assert.match(flat, /Every figure on this page comes from the published tables/);
    assert.doesNotMatch(flat, /Pre\/post rate ratio/);
    await closeBrief(page);
  });

  it('the brief of the city, printed: published totals only', async () => {
    const page = ctx.page;
    await page.click('[data-testid="area-profile"] h2 button');
    const published = (await page.textContent('[data-testid="published-count"]'))!.trim();
    const text = await printBrief(page, 'publish-brief-city');
    assert.equal((await page.textContent('[data-testid="brief-count"]'))!.trim(), `${published} incidents`);
    assert.match(text, /Whole area/);
    assert.deepEqual(smallNumbers(text), []);
    assert.match(text.replace(/\s+/g, ' '), /counts below 11 other than zero/);
    await closeBrief(page);
    assert.deepEqual(ctx.consoleErrors, []);
    assert.deepEqual(ctx.external, []);
  });
});
