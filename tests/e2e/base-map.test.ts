/**
 * The optional remote base map: a style served by a local server is used (with the app's boundaries on
 * top); a style that cannot be loaded gives a notice and the offline map stays.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { ARTIFACTS, type E2eContext, openApp, waitForIdle } from './browser';

const STYLE = {
  version: 8,
  sources: {},
  layers: [{ id: 'remote-background', type: 'background', paint: { 'background-color': '#0b3d91' } }],
};

describe('remote base map style', () => {
  let ctx: E2eContext;
  let styleServer: ReturnType<typeof createServer>;
  let styleUrl = '';

  before(async () => {
    styleServer = createServer((req, res) => {
      if (req.url === '/style.json') {
        res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
        res.end(JSON.stringify(STYLE));
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

  /** The colour of the maplibre canvas at its top-left corner (the background there). */
  async function cornerColour(): Promise<number[]> {
    return ctx.page.evaluate(() => {
      const canvas = document.querySelector('canvas.maplibregl-canvas') as HTMLCanvasElement;
      const copy = document.createElement('canvas');
      copy.width = canvas.width;
      copy.height = canvas.height;
      const g = copy.getContext('2d')!;
      g.drawImage(canvas, 0, 0);
      return [...g.getImageData(2, 2, 1, 1).data];
    });
  }

  it('uses a reachable style and keeps the offline one as fallback for a broken one', async () => {
    const offline = await cornerColour();
    await ctx.page.click('details.base-map summary');
    await ctx.page.fill('[data-testid="base-style-url"]', `${styleUrl}/style.json`);
    await ctx.page.click('details.base-map button[type="submit"]');
    await ctx.page.waitForFunction(
      () => {
        const canvas = document.querySelector('canvas.maplibregl-canvas') as HTMLCanvasElement;
        const copy = document.createElement('canvas');
        copy.width = canvas.width;
        copy.height = canvas.height;
        const g = copy.getContext('2d')!;
        g.drawImage(canvas, 0, 0);
        const [r, , b] = g.getImageData(2, 2, 1, 1).data;
        return r! < 40 && b! > 120;
      },
      null,
      { timeout: 30_000 },
    );
    assert.notDeepEqual(await cornerColour(), offline);
    await ctx.page.screenshot({ path: `${ARTIFACTS}/remote-style.png` });

    await ctx.page.fill('[data-testid="base-style-url"]', `${styleUrl}/nothing-here.json`);
    await ctx.page.click('details.base-map button[type="submit"]');
    const notice = await ctx.page.waitForSelector('[data-testid="notice"]', { timeout: 30_000 });
    assert.match((await notice.textContent())!, /Base map: .*404.*Showing the offline map instead/);
    await ctx.page.waitForFunction(
      (expected) => {
        const canvas = document.querySelector('canvas.maplibregl-canvas') as HTMLCanvasElement;
        const copy = document.createElement('canvas');
        copy.width = canvas.width;
        copy.height = canvas.height;
        const g = copy.getContext('2d')!;
        g.drawImage(canvas, 0, 0);
        return [...g.getImageData(2, 2, 1, 1).data].join() === expected;
      },
      offline.join(),
      { timeout: 30_000 },
    );
  });
});
