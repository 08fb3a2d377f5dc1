/**
 * The demo city's first screen is drawn from its archive's summaries before the engine is ready: the engine's
 * WebAssembly is held back until the first screen is checked (headline equal to the manifest's counts,
 * histogram, hour × weekday matrix, hexagons drawn, no partition requested). Released, the engine reads the
 * partitions and the live views show the same numbers and bars, with the headline never blank or different
 * in between and the map's camera unchanged; boundaries and programs are there once live.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { ArchiveManifest } from '../../src/data/archive/manifest';
import { ARTIFACTS, headline, openApp, overlayDrawnShare, pollUntil, waitForIdle } from './browser';

const manifest = JSON.parse(readFileSync('data/demo/archive/manifest.json', 'utf8')) as ArchiveManifest;

describe('the demo city from its archive', () => {
  it('draws the first screen from the summaries before the engine, then turns live with the same numbers', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const requests: string[] = [];
    const ctx = await openApp('/', undefined, async (page) => {
      page.on('request', (r) => requests.push(new URL(r.url()).pathname));
      await page.route(/\.wasm$/, async (route) => {
        await gate;
        await route.continue();
      });
    });
    const { page } = ctx;
    try {
      await page.waitForSelector('.app[data-archive-preview="true"]', { timeout: 60_000 });
      await page.waitForSelector('body[data-map-ready="true"]', { timeout: 120_000 });
      const first = await headline(page);
      assert.equal(first.incidents, manifest.counts.incidents);
      assert.equal(first.victims, manifest.counts.victims);
      const drawn = await pollUntil(
        () => overlayDrawnShare(page),
        (v) => v > 0.01,
        60_000,
      );
      assert.ok(drawn > 0.01, `hexagons drawn from the summaries (${drawn})`);
      const bars = () =>
        page.$$eval('[data-testid="time-histogram"] rect.total', (rs) =>
          rs.map((r) => `${r.getAttribute('y')}:${r.getAttribute('height')}`),
        );
      const cells = () =>
        page.$$eval('[data-testid="hour-weekday"] rect', (rs) =>
          rs.map((r) => `${r.getAttribute('fill') ?? ''}${r.querySelector('title')?.textContent ?? ''}`),
        );
      const firstBars = await bars();
      const firstCells = await cells();
      assert.equal(firstBars.length, 120, 'ten years of months');
      assert.ok(firstCells.length >= 7 * 24, `hour × weekday cells (${firstCells.length})`);
      await page.waitForTimeout(1500);
      const engineReady = await page.evaluate(
        () => performance.getEntriesByName('cvi:engine-ready').length > 0,
      );
      assert.equal(engineReady, false, 'the engine is held back');
      assert.deepEqual(
        requests.filter((p) => p.endsWith('.parquet')),
        [],
        'no partition requested before the engine',
      );
      await page.screenshot({ path: join(ARTIFACTS, 'demo-first-screen-summaries.png') });
      const camera = await page.evaluate(
        () =>
          (
            window as unknown as {
              cviAtlas: { store: { getState(): { views: { demo: { view: unknown } } } } };
            }
          ).cviAtlas.store.getState().views.demo.view,
      );

      // Every headline shown from here until the live views are idle.
      // (A string: tsx would wrap a named function for Node, which the page does not have.)
      await page.evaluate(`(() => {
        const seen = new Set();
        window.seenHeadlines = seen;
        function sample() {
          seen.add(['incidents', 'victims', 'fatal']
            .map((id) => document.querySelector('[data-testid="' + id + '"]')?.textContent ?? '(none)')
            .join('|'));
          requestAnimationFrame(sample);
        }
        sample();
      })()`);
      release();
      await page.waitForFunction(() => performance.getEntriesByName('cvi:demo-loaded').length > 0, null, {
        timeout: 120_000,
      });
      await page.waitForSelector('.app:not([data-archive-preview])', { timeout: 60_000 });
      await waitForIdle(page);
      const live = await headline(page);
      assert.deepEqual(live, first, 'live headline equals the summary-drawn one');
      assert.deepEqual(await bars(), firstBars, 'live histogram equals the summary-drawn one');
      assert.deepEqual(await cells(), firstCells, 'live hour × weekday matrix equals the summary-drawn one');
      const seen = await page.evaluate(() => [
        ...(window as unknown as { seenHeadlines: Set<string> }).seenHeadlines,
      ]);
      assert.equal(seen.length, 1, `one headline throughout: ${seen.join(' / ')}`);
      const liveCamera = await page.evaluate(
        () =>
          (
            window as unknown as {
              cviAtlas: { store: { getState(): { views: { demo: { view: unknown } } } } };
            }
          ).cviAtlas.store.getState().views.demo.view,
      );
      assert.deepEqual(liveCamera, camera, 'the map did not move');
      assert.ok(
        requests.filter((p) => p.endsWith('.parquet')).length >= manifest.partitions.length,
        'the partitions were read',
      );
      const state = await page.evaluate(() => {
        const s = (
          window as unknown as {
            cviAtlas: {
              store: {
                getState(): {
                  datasets: {
                    demo?: { boundaries: { layer: { features: unknown[] } } | null; synthetic: boolean };
                  };
                };
              };
            };
          }
        ).cviAtlas.store.getState();
        return {
          features: s.datasets.demo?.boundaries?.layer.features.length ?? 0,
          synthetic: s.datasets.demo?.synthetic ?? false,
        };
      });
      assert.ok(state.features > 0, 'neighborhoods attached');
      assert.equal(state.synthetic, true);
      await page.screenshot({ path: join(ARTIFACTS, 'demo-live.png') });
      assert.deepEqual(ctx.external, []);
    } finally {
      await ctx.close();
    }
  });
});
