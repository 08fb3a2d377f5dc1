/**
 * The optional base maps: a style served by a local server is used (with the app's boundaries on top); a
 * style that cannot be loaded gives a notice and the offline map stays. A PMTiles file chosen on this
 * computer is drawn with no network; a file that is not PMTiles gives a notice and the offline map stays.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { fullTilePolygonMvt, singleTilePmtiles } from '../support/pmtiles-fixture';
import {
  ARTIFACTS,
  basemapPixel,
  type E2eContext,
  openApp,
  openDemo,
  pollUntil,
  waitForIdle,
} from './browser';

/** A style whose background works and whose one tile source fails (500). */
function remoteStyle(base: string) {
  return {
    version: 8,
    sources: { streets: { type: 'vector', tiles: [`${base}/tiles/{z}/{x}/{y}.pbf`], maxzoom: 14 } },
    layers: [
      { id: 'remote-background', type: 'background', paint: { 'background-color': '#0b3d91' } },
      { id: 'streets', type: 'line', source: 'streets', 'source-layer': 'roads' },
    ],
  };
}

/** Waits until a notice matching `pattern` is shown and returns its text. */
async function noticeMatching(ctx: E2eContext, pattern: RegExp): Promise<string> {
  const texts = await pollUntil(
    () => ctx.page.$$eval('[data-testid="notice"]', (els) => els.map((e) => e.textContent ?? '')),
    (all) => all.some((t) => pattern.test(t)),
  );
  const found = texts.find((t) => pattern.test(t));
  assert.ok(found, `no notice matched ${pattern}; shown: ${JSON.stringify(texts)}`);
  return found;
}

describe('remote base map style', () => {
  let ctx: E2eContext;
  let styleServer: ReturnType<typeof createServer>;
  let styleUrl = '';

  before(async () => {
    styleServer = createServer((req, res) => {
      if (req.url === '/style.json') {
        res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
        res.end(JSON.stringify(remoteStyle(styleUrl)));
      } else if (req.url?.startsWith('/tiles/')) {
        // maplibre treats a 404 tile as "no tile here" (sparse tile sets) and stays silent; a 500 is a failure.
        res.writeHead(500, { 'access-control-allow-origin': '*' }).end('tile server broken');
      } else {
        res.writeHead(404, { 'access-control-allow-origin': '*' }).end('missing');
      }
    });
    await new Promise<void>((ok) => styleServer.listen(0, '127.0.0.1', () => ok()));
    const address = styleServer.address();
    styleUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    ctx = await openApp('/');
    await waitForIdle(ctx.page);
  });
  after(async () => {
    await ctx?.close();
    await new Promise<void>((ok) => styleServer.close(() => ok()));
  });

  it('uses a reachable style, reports its missing tiles, and falls back to offline for a broken one', async () => {
    const offline = await basemapPixel(ctx.page);
    const isBlue = (rgba: string) => {
      const [r, , b] = rgba.split(',').map(Number) as [number, number, number];
      return r < 40 && b > 120;
    };
    await ctx.page.click('details.base-map summary');
    await ctx.page.fill('[data-testid="base-style-url"]', `${styleUrl}/style.json`);
    await ctx.page.click('details.base-map button[type="submit"]');
    const remote = await pollUntil(() => basemapPixel(ctx.page), isBlue);
    assert.ok(isBlue(remote), `the remote style's background should show, got ${remote}`);
    await ctx.page.screenshot({ path: `${ARTIFACTS}/remote-style.png` });
    await noticeMatching(ctx, /Base map: some tiles or resources from source "streets" could not be loaded/);

    await ctx.page.fill('[data-testid="base-style-url"]', `${styleUrl}/nothing-here.json`);
    await ctx.page.click('details.base-map button[type="submit"]');
    await noticeMatching(ctx, /Base map: .*404.*Showing the offline map instead/);
    assert.equal(
      await pollUntil(
        () => basemapPixel(ctx.page),
        (v) => v === offline,
      ),
      offline,
    );
  });
});

describe('PMTiles base map from a local file', () => {
  let ctx: E2eContext;
  before(async () => {
    ctx = await openDemo();
  });
  after(async () => {
    await ctx?.close();
  });

  it("draws the archive's water layer under the data, and refuses a file that is not PMTiles", async () => {
    const offline = await basemapPixel(ctx.page);
    // One over-zoomed tile whose 'water' polygon covers the world: the corner pixel turns water blue.
    const archive = singleTilePmtiles(fullTilePolygonMvt('water'), 1, { vector_layers: [{ id: 'water' }] });
    await ctx.page.click('details.base-map summary');
    await ctx.page.setInputFiles('[data-testid="base-pmtiles"]', {
      name: 'city extract.pmtiles',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(archive),
    });
    const water = '199,217,234,255';
    assert.equal(
      await pollUntil(
        () => basemapPixel(ctx.page),
        (v) => v === water,
      ),
      water,
    );
    assert.match((await ctx.page.textContent('details.base-map summary'))!, /city extract\.pmtiles/);
    await ctx.page.screenshot({ path: `${ARTIFACTS}/pmtiles-base.png` });
    assert.deepEqual(ctx.external, []);

    await ctx.page.setInputFiles('[data-testid="base-pmtiles"]', {
      name: 'not-tiles.pmtiles',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from('incident_id,date\n1,2024-01-01\n'),
    });
    await noticeMatching(
      ctx,
      /Base map: "not-tiles\.pmtiles" is not a PMTiles archive .*Showing the offline map instead/,
    );
    assert.equal(
      await pollUntil(
        () => basemapPixel(ctx.page),
        (v) => v === offline,
      ),
      offline,
    );
  });
});
