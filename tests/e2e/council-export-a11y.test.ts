/**
 * End-to-end: exports (map PNG with base map and legend, chart SVG/PNG, areas GeoJSON), the printable
 * one-page brief rendered to PDF, the keyboard time brush and area selection, the Spanish interface, and
 * axe-core on every screen visited (no serious or critical violation), in headless Chromium with no
 * network.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { COUNT_RAMP } from '../../src/map/layers/color-ramps';
import { seriousAxeViolations } from './axe';
import { ARTIFACTS, type E2eContext, headline, openDemo, pollUntil, waitForIdle } from './browser';

/** Base map background of the demo style (#f4f3ef). */
const BACKGROUND: [number, number, number] = [244, 243, 239];
/** Darkest step of the count ramp (legend end). */
const RAMP_END = COUNT_RAMP[COUNT_RAMP.length - 1]!;

async function download(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid="${testId}"]`)]);
  const path = join(ARTIFACTS, file.suggestedFilename());
  await file.saveAs(path);
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

/** Decodes a PNG in the page and measures it (the browser is the PNG decoder). */
async function measurePng(page: Page, png: Buffer) {
  return page.evaluate(
    async ({ base64, background, rampEnd }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = document.createElement('canvas');
      canvas.width = bitmap.width;
      canvas.height = bitmap.height;
      const g = canvas.getContext('2d')!;
      g.drawImage(bitmap, 0, 0);
      const px = g.getImageData(0, 0, canvas.width, canvas.height).data;
      // No helper functions inside: the test runner's transpiler would wrap them in a name helper the page lacks.
      let base = 0;
      let data = 0;
      let white = 0;
      let rampEndBottomLeft = 0;
      for (let i = 0; i < px.length; i += 4) {
        const x = (i / 4) % canvas.width;
        const y = Math.floor(i / 4 / canvas.width);
        const r = px[i]!;
        const gr = px[i + 1]!;
        const bl = px[i + 2]!;
        if (
          Math.abs(r - background[0]) <= 3 &&
          Math.abs(gr - background[1]) <= 3 &&
          Math.abs(bl - background[2]) <= 3
        )
          base++;
        // Count colours (cividis): its yellow end, or its navy end; the base map has neither.
        if ((r > 150 && r - bl > 60) || (r < 90 && bl - r > 30)) data++;
        if (r === 255 && gr === 255 && bl === 255) white++;
        if (
          x < canvas.width * 0.45 &&
          y > canvas.height * 0.6 &&
          Math.abs(r - rampEnd[0]) <= 12 &&
          Math.abs(gr - rampEnd[1]) <= 12 &&
          Math.abs(bl - rampEnd[2]) <= 12
        )
          rampEndBottomLeft++;
      }
      const n = px.length / 4;
      return {
        width: canvas.width,
        height: canvas.height,
        base: base / n,
        data: data / n,
        white: white / n,
        rampEndBottomLeft,
      };
    },
    { base64: png.toString('base64'), background: BACKGROUND, rampEnd: RAMP_END },
  );
}

describe('council view: exports, brief, keyboard, Spanish, axe', () => {
  let ctx: E2eContext;
  before(async () => {
    // Larkspur (N12) selected and a demo program chosen, so the brief has an area and estimates.
    ctx = await openDemo('/?program=program-a&area=N12');
    await ctx.page.waitForSelector('[data-testid="program-panel"][data-state="ready"]', { timeout: 120_000 });
  });
  after(async () => {
    await ctx?.close();
  });

  it('the main screen has no serious or critical axe violation', async () => {
    assert.deepEqual(await seriousAxeViolations(ctx.page), []);
  });

  it('exports the map as a PNG with its base map, data layer and legend', async () => {
    const file = await download(ctx.page, 'export-map-png');
    assert.match(file.name, /^cvi-atlas-map-.*\.png$/);
    const m = await measurePng(ctx.page, file.bytes);
    const canvasWidth = await ctx.page.$eval(
      'canvas.maplibregl-canvas',
      (c) => (c as HTMLCanvasElement).width,
    );
    assert.equal(m.width, canvasWidth);
    // The base map's background shows around the city, hexagons (yellow to navy) inside it, and the
    // legend's darkest ramp colour in its corner: a blank WebGL read-back would give none of them.
    assert.ok(m.base > 0.05, `base-map background share ${m.base}`);
    assert.ok(m.data > 0.05, `data (hexagon) share ${m.data}`);
    assert.ok(m.rampEndBottomLeft > 50, `legend ramp pixels ${m.rampEndBottomLeft}`);
    assert.ok(m.white < 0.5, `white share ${m.white}`);
  });

  it('exports each chart as SVG and PNG', async () => {
    const svg = (await download(ctx.page, 'export-monthly-svg')).bytes.toString('utf8');
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.match(svg, /<title>Incidents per month · Jan 2015 to Dec 2024<\/title>/);
    const months = await ctx.page.$$eval('[data-testid="time-histogram"] g.bar', (g) => g.length);
    assert.equal(months, 120);
    // Two bars (all, fatal) per month, styles inlined so the file stands alone.
    assert.equal((svg.match(/<rect [^>]*style="fill:/g) ?? []).length, 2 * months);
    const png = await measurePng(ctx.page, (await download(ctx.page, 'export-hour-weekday-png')).bytes);
    const svgWidth = await ctx.page.$eval('[data-testid="hour-weekday"]', (s) =>
      Number(s.getAttribute('width')),
    );
    assert.equal(png.width, 2 * svgWidth);
    assert.ok(png.data > 0.1, `matrix cells drawn: ${png.data}`);
  });

  it('exports the areas as GeoJSON with the counts the app shows', async () => {
    const file = await download(ctx.page, 'export-areas-geojson');
    const fc = JSON.parse(file.bytes.toString('utf8'));
    assert.equal(fc.type, 'FeatureCollection');
    const rows = await ctx.page.$$eval('[data-testid="area-table"] tbody tr', (r) => r.length);
    assert.equal(fc.features.length, rows);
    const larkspur = fc.features.find((f: { properties: { id: string } }) => f.properties.id === 'N12');
    // The headline counts the selected area (Larkspur): the same number must be in the file.
    assert.equal(larkspur.properties.count, (await headline(ctx.page)).incidents);
    assert.equal(larkspur.geometry.type, 'Polygon');
    const p = larkspur.properties;
    assert.ok(Math.abs(p.rate_per_100k_year - (p.count / p.population / 10) * 100_000) < 1e-9);
  });

  it('prints a one-page brief with the area, its figures and the program estimates', async () => {
    const page = ctx.page;
    await page.click('[data-testid="open-brief"]');
    await page.waitForSelector('[data-testid="brief"] img', { timeout: 30_000 });
    await page.waitForSelector('[data-testid="brief-program"]');
    assert.deepEqual(await seriousAxeViolations(page), []);
    const count = (await page.textContent('[data-testid="brief-count"]'))!;
    assert.equal(Number(count.replace(/[^0-9]/g, '')), (await headline(page)).incidents);
    await page.emulateMedia({ media: 'print' });
    const pdfPath = join(ARTIFACTS, 'brief.pdf');
    writeFileSync(
      pdfPath,
      await page.pdf({ format: 'Letter', printBackground: true, preferCSSPageSize: true }),
    );
    await page.emulateMedia({ media: 'screen' });
    const info = execFileSync('pdfinfo', [pdfPath]).toString();
    assert.match(info, /Pages:\s+1\n/);
    execFileSync('pdftoppm', ['-png', '-r', '90', '-singlefile', pdfPath, join(ARTIFACTS, 'brief')]);
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-']).toString();
    assert.match(text, /Larkspur/);
    assert.ok(text.includes(count), `PDF lacks the count "${count}"`);
    assert.match(text, /per 100,000 per year/);
    assert.match(text, /Pre\/post rate ratio\s+\d\.\d\d×\s+95% CI \d\.\d\d–\d\.\d\d/);
    assert.match(text, /Data and methods/);
    assert.match(text, /Counts are shown exactly/);
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="brief"]', { state: 'detached' });
  });

  it('moves and resizes the time brush with the keyboard, with a visible focus', async () => {
    const page = ctx.page;
    await page.focus('[data-testid="time-brush"]');
    const outline = await page.$eval('[data-testid="time-brush"]', (e) => getComputedStyle(e).outlineStyle);
    assert.notEqual(outline, 'none');
    const time = () => page.evaluate(() => new URLSearchParams(location.search).get('time'));
    await page.keyboard.press('ArrowLeft');
    assert.equal(await pollUntil(time, (t) => t === '2024-01..2024-12'), '2024-01..2024-12');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await pollUntil(time, (t) => t === '2023-12..2024-11'), '2023-12..2024-11');
    await page.keyboard.press('Shift+ArrowLeft');
    assert.equal(await pollUntil(time, (t) => t === '2023-12..2024-10'), '2023-12..2024-10');
    await waitForIdle(page);
    const valuetext = await page.getAttribute('[data-testid="time-brush"]', 'aria-valuetext');
    assert.equal(valuetext, 'Selected Dec 2023 to Oct 2024');
    await page.keyboard.press('Escape');
    assert.equal(await pollUntil(time, (t) => t === null), null);
    await waitForIdle(page);
  });

  it('selects an area from the keyboard', async () => {
    const page = ctx.page;
    const button = page.locator('[data-testid="area-table"] button', { hasText: 'Stonegate' });
    await button.focus();
    await page.keyboard.press('Enter');
    const areas = () => page.evaluate(() => new URLSearchParams(location.search).getAll('area').join(','));
    const selected = await pollUntil(areas, (a) => a.split(',').length === 2);
    assert.equal(selected.split(',').length, 2);
    assert.equal(await button.getAttribute('aria-pressed'), 'true');
    await page.keyboard.press('Enter');
    assert.equal(await pollUntil(areas, (a) => a === 'N12'), 'N12');
    await waitForIdle(page);
  });

  it('switches to Spanish, keeps it in the link and on this computer, and stays axe-clean', async () => {
    const page = ctx.page;
    await page.click('[data-testid="lang-es"]');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('lang') === 'es');
    assert.equal(await page.getAttribute('html', 'lang'), 'es');
    assert.equal(await page.evaluate(() => localStorage.getItem('cvi-atlas.language')), 'es');
    await waitForIdle(page);
    // The header, the left panels, the map and the charts (the program workbench on the right is not yet
    // translated beyond its chart).
    const text = (await page.$$eval(
      '.app > header, .app > aside.left, .app > main, .app aside.right .areas',
      (els) => els.map((e) => e.textContent).join(' '),
    )) as string;
    for (const word of [
      'Filtros',
      'Capas',
      'Incidentes por mes',
      'Hora × día de la semana',
      'Guardar el mapa',
    ])
      assert.ok(text!.includes(word), `missing "${word}"`);
    for (const word of ['Filters', 'Layers', 'per month', 'Save map', 'Draw an area'])
      assert.ok(!text!.includes(word), `English left: "${word}"`);
    assert.match((await page.textContent('[data-testid="headline"]'))!, /incidentes/);
    await page.screenshot({ path: join(ARTIFACTS, 'spanish.png') });
    assert.deepEqual(await seriousAxeViolations(page), []);
    // Reopened without lang in the link, the remembered language is used.
    await page.goto(`${ctx.server.url}/`);
    await waitForIdle(page);
    assert.equal(await page.getAttribute('html', 'lang'), 'es');
    assert.match((await page.textContent('[data-testid="headline"]'))!, /víctimas/);
    assert.deepEqual(ctx.consoleErrors, []);
    assert.deepEqual(ctx.external, []);
  });
});
