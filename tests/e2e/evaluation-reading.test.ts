/**
 * End-to-end test of the evaluation's readability on the demo city: the computed plain reading for a
 * program with no published outcomes, terms explained inline and in the glossary, the chart at the
 * panel's width and full width on demand, with every axis label and line inside the drawing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { seriousAxeViolations } from './axe';
import { ARTIFACTS, type E2eContext, openDemo, waitForIdle } from './browser';

/** Boxes of the chart's axis labels and lines, and the svg and plot sizes, as the browser lays them out. */
async function chartGeometry(page: Page, scope: string) {
  return page.$eval(`${scope} [data-testid="program-chart"]`, (svg) => {
    const s = svg as SVGSVGElement;
    const rect = s.querySelector('clipPath rect') as SVGRectElement;
    const plot = {
      x: rect.x.baseVal.value,
      y: rect.y.baseVal.value,
      width: rect.width.baseVal.value,
      height: rect.height.baseVal.value,
    };
    return {
      width: s.width.baseVal.value,
      height: s.height.baseVal.value,
      plot,
      labels: [...s.querySelectorAll('text.axis')].map((t) => {
        const b = (t as SVGGraphicsElement).getBBox();
        return { text: t.textContent, x: b.x, y: b.y, width: b.width, height: b.height };
      }),
      lines: [...s.querySelectorAll('g path')].map((p) => {
        const b = (p as SVGGraphicsElement).getBBox();
        return { x: b.x, y: b.y, width: b.width, height: b.height };
      }),
    };
  });
}

function assertInside(g: Awaited<ReturnType<typeof chartGeometry>>, what: string) {
  assert.ok(g.labels.length >= 4, `${what}: only ${g.labels.length} labels`);
  for (const l of g.labels) {
    assert.ok(
      l.x >= 0 && l.y >= 0 && l.x + l.width <= g.width + 0.5 && l.y + l.height <= g.height + 0.5,
      `${what}: label "${l.text}" at ${JSON.stringify(l)} outside ${g.width}×${g.height}`,
    );
  }
  for (const b of g.lines.filter((x) => x.width > 0)) {
    assert.ok(
      b.x >= g.plot.x - 0.5 &&
        b.y >= g.plot.y - 0.5 &&
        b.x + b.width <= g.plot.x + g.plot.width + 0.5 &&
        b.y + b.height <= g.plot.y + g.plot.height + 0.5,
      `${what}: a line ${JSON.stringify(b)} leaves the plot ${JSON.stringify(g.plot)}`,
    );
  }
}

describe('evaluation reading and chart (demo city)', () => {
  let ctx: E2eContext;
  before(async () => {
    ctx = await openDemo('/?program=program-a');
    await waitForIdle(ctx.page);
    await ctx.page.waitForSelector('[data-testid="program-panel"][data-state="ready"]', { timeout: 120_000 });
  });
  after(async () => {
    await ctx?.close();
  });

  it('gives a synthetic program without published outcomes a computed plain reading', async () => {
    const page = ctx.page;
    // the demo programs carry no published outcomes: no evidence card, yet a reading
    assert.equal(await page.$('[data-testid="program-evidence"]'), null);
    const reading = await page.$('[data-testid="evaluation-reading"]');
    assert.ok(reading, 'no reading card');
    const preferred = await reading.getAttribute('data-preferred');
    assert.ok(preferred === 'did' || preferred === 'synth', `preferred ${preferred}`);
    const headline = (await page.textContent('[data-testid="evaluation-reading-headline"]'))!;
    assert.match(headline, /^Relative to the comparison areas, incidents in the catchment fell after launch/);
    const text = (await reading.textContent())!;
    assert.match(text, /Trust the (difference-in-differences|synthetic control) most here/);
    await page.click('[data-testid="evaluation-reading"] summary');
    const statuses = await page.$$eval('[data-testid="evaluation-reading"] li[data-status]', (li) =>
      li.map((l) => l.getAttribute('data-status')),
    );
    assert.equal(statuses.length, 5, statuses.join(','));
    // a tall window so the whole panel is on screen (the side panel scrolls otherwise)
    await page.setViewportSize({ width: 1400, height: 3200 });
    const panel = await page.$('[data-testid="program-panel"]');
    await panel!.screenshot({ path: `${ARTIFACTS}/evaluation-reading-panel.png` });
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  it('explains the terms inline and in the glossary', async () => {
    const page = ctx.page;
    const titles = await page.$$eval('[data-testid="program-panel"] abbr.term', (as) =>
      as.map((a) => `${a.textContent}=${a.getAttribute('title')}`),
    );
    for (const term of ['DiD', 'WDD', 'ITS', '95% CI']) {
      assert.ok(
        titles.some((t) => t.startsWith(`${term}=`) && t.length > term.length + 40),
        `no inline explanation of ${term} in ${titles.length} terms`,
      );
    }
    await page.click('[data-testid="program-glossary"] summary');
    const glossary = (await page.textContent('[data-testid="program-glossary"]'))!;
    for (const term of [
      'RMSPE',
      'IRR',
      'Ljung-Box',
      'Rate ratio',
      'CI (confidence interval)',
      'WDD',
      'Placebo p',
    ])
      assert.ok(glossary.includes(term), `glossary lacks ${term}`);
    assert.deepEqual(await seriousAxeViolations(ctx.page), []);
  });

  it('draws the chart at the panel width with every label and line inside, and full width on demand', async () => {
    const page = ctx.page;
    const small = await chartGeometry(page, '.program-chart-card > figure');
    assert.ok(small.width >= 270, `panel chart only ${small.width} px wide`);
    assert.ok(small.height >= 180, `panel chart only ${small.height} px tall`);
    assertInside(small, 'panel chart');
    await page.click('[data-testid="program-chart-expand"]');
    await page.waitForSelector('[data-testid="program-chart-dialog"][open] [data-testid="program-chart"]');
    const wide = await chartGeometry(page, '[data-testid="program-chart-dialog"]');
    assert.ok(wide.width >= 1000, `full-width chart only ${wide.width} px wide (viewport 1400)`);
    assertInside(wide, 'full-width chart');
    await page.screenshot({ path: `${ARTIFACTS}/evaluation-chart-full-width.png` });
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="program-chart-dialog"]:not([open])', { state: 'attached' });
    assert.deepEqual(ctx.external, []);
  });
});

describe('orientation on the map (demo city)', () => {
  let ctx: E2eContext;
  before(async () => {
    ctx = await openDemo('/');
  });
  after(async () => {
    await ctx?.close();
  });

  const zoom = (page: Page) =>
    page.evaluate(() => Number(new URLSearchParams(location.search).get('zoom') ?? 'NaN'));
  /** The link's zoom once the camera has stopped moving (unchanged over three checks, 1.5 s). */
  const settledZoom = async (page: Page) => {
    let last = Number.NaN;
    let same = 0;
    for (let i = 0; i < 60; i++) {
      await page.waitForTimeout(500);
      const now = await zoom(page);
      same = now === last ? same + 1 : 0;
      if (same === 3) return now;
      last = now;
    }
    throw new Error(`the camera did not settle (zoom ${last})`);
  };
  /** Clears the selection (a second click on the selected first row) and zooms the map out by three levels. */
  const clearAndZoomOut = async (page: Page) => {
    await page.click('[data-testid="area-table"] tbody tr >> nth=0');
    await waitForIdle(page);
    await page.focus('.maplibregl-canvas');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Minus');
    const settled = await settledZoom(page);
    const areas = await page.evaluate(() => new URLSearchParams(location.search).get('area'));
    assert.equal(areas, null, 'no area is selected before the next selection');
    return settled;
  };

  it('selecting an area in the table zooms the map to it, even during a scroll zoom', async () => {
    const page = ctx.page;
    // the city is fitted on load and that camera is written to the link
    await page.waitForFunction(() => new URLSearchParams(location.search).has('zoom'), undefined, {
      timeout: 20_000,
    });
    const cityZoom = await zoom(page);
    // a selection made while a scroll zoom is still easing: the scroll's end must not cancel the fit
    await page.mouse.move(700, 400);
    await page.mouse.wheel(0, -200);
    await page.waitForTimeout(30);
    await page.click('[data-testid="area-table"] tbody tr >> nth=0');
    await page.waitForFunction(
      (z) => Number(new URLSearchParams(location.search).get('zoom')) > z + 1.5,
      cityZoom,
      { timeout: 20_000 },
    );
    const areaZoom = await zoom(page);
    assert.ok(areaZoom > cityZoom + 1.5, `zoom ${cityZoom} -> ${areaZoom}`);
    await waitForIdle(page);
    await page.screenshot({ path: `${ARTIFACTS}/area-zoomed.png` });
  });

  it('a wheel turned just before the selection, still held back by the map, does not cut the fit short', async () => {
    const page = ctx.page;
    const cityZoom = await clearAndZoomOut(page);
    // the map holds a lone wheel event back up to 40 ms; here the selection comes within the same task
    await page.evaluate(() => {
      const canvas = document.querySelector('.maplibregl-canvas') as HTMLElement;
      canvas.dispatchEvent(
        new WheelEvent('wheel', {
          deltaY: -200,
          clientX: 700,
          clientY: 400,
          bubbles: true,
          cancelable: true,
        }),
      );
      (document.querySelector('[data-testid="area-table"] tbody tr') as HTMLElement).click();
    });
    await page.waitForFunction(
      (z) => Number(new URLSearchParams(location.search).get('zoom')) > z + 1.5,
      cityZoom,
      { timeout: 20_000 },
    );
    const areaZoom = await settledZoom(page);
    assert.ok(areaZoom > cityZoom + 1.5, `zoom ${cityZoom} -> ${areaZoom}`);
  });

  it('a wheel turned after the selection takes the camera over from the fit', async () => {
    const page = ctx.page;
    await clearAndZoomOut(page);
    await page.click('[data-testid="area-table"] tbody tr >> nth=0');
    const fitted = await settledZoom(page);
    await clearAndZoomOut(page);
    const fitsBefore = await page.$eval('.maplibregl-map', (m) =>
      Number((m as HTMLElement).dataset.fits ?? 0),
    );
    await page.click('[data-testid="area-table"] tbody tr >> nth=0');
    // the fit has begun (on a busy machine the selection's effect can come later than any fixed wait)
    await page.waitForFunction((n) => {
      const map = document.querySelector('.maplibregl-map') as HTMLElement;
      return Number(map.dataset.fits ?? 0) > n;
    }, fitsBefore);
    await page.mouse.move(700, 400);
    await page.mouse.wheel(0, 600); // zoom out while the fit is under way
    const after = await settledZoom(page);
    assert.ok(after < fitted - 0.2, `fit to ${fitted}, then a wheel out: ${after}`);
  });

  it('stacks hexagon counts, Gi* and emerging hot spots in distinct palettes', async () => {
    const page = ctx.page;
    await page.click('[data-testid="area-table"] tbody tr >> nth=0'); // clear the selection
    await waitForIdle(page);
    await page.click('[data-testid="layer-hotspots"]');
    await page.click('[data-testid="layer-emerging"]');
    await page.waitForSelector('[data-testid="hotspot-panel"][data-busy="false"]', { timeout: 120_000 });
    await waitForIdle(page);
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `${ARTIFACTS}/stacked-layers.png` });
  });

  it('the mapping dialog guesses date_ and Case Number and shows the geometry column last, cut', async () => {
    const page = ctx.page;
    const geom = 'POINT (-95.23 38.95) and a long tail of well-known text to make it long';
    const rows = [
      `"${geom}",JA100001,01/03/2017 10:15:00 PM,001XX N STATE ST,38.95,-95.23`,
      `"${geom}",JA100002,03/14/2017 01:00:00 AM,002XX W LAKE ST,38.96,-95.24`,
    ];
    await page.setInputFiles('[data-testid="incident-file"]', {
      name: 'city-export.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`the_geom,Case Number,date_,Block,Latitude,Longitude\n${rows.join('\n')}\n`),
    });
    const dialog = await page.waitForSelector('[role="dialog"][aria-labelledby="mapping-title"]');
    const selected = await dialog.$$eval('select', (ss) => ss.map((s) => (s as HTMLSelectElement).value));
    assert.ok(selected.includes('date_'), `selected ${selected.join(',')}`);
    assert.ok(selected.includes('Case Number'), `selected ${selected.join(',')}`);
    const headers = await dialog.$$eval('.preview th', (th) => th.map((t) => t.textContent));
    assert.equal(headers.at(-1), 'the_geom');
    assert.equal(headers[0], 'Case Number');
    const cell = await dialog.$eval('.preview tbody tr td:last-child', (td) => td.textContent ?? '');
    assert.ok(cell.endsWith('…') && cell.length <= 32, cell);
    await dialog.screenshot({ path: `${ARTIFACTS}/mapping-dialog.png` });
    assert.deepEqual(await seriousAxeViolations(ctx.page), []);
    await page.click('[role="dialog"] button:has-text("Cancel")');
  });
});
