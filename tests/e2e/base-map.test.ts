/**
 * The optional remote base map: a style served by a local server is used (with the app's boundaries on
 * top); a style that cannot be loaded gives a notice and the offline map stays.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { ARTIFACTS, basemapPixel, type E2eContext, openApp, pollUntil, waitForIdle } from './browser';

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

  it('uses a reachable style and keeps the offline one as fallback for a broken one', async () => {
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

    await ctx.page.fill('[data-testid="base-style-url"]', `${styleUrl}/nothing-here.json`);
    await ctx.page.click('details.base-map button[type="submit"]');
    const notice = await ctx.page.waitForSelector('[data-testid="notice"]', { timeout: 30_000 });
    assert.match((await notice.textContent())!, /Base map: .*404.*Showing the offline map instead/);
    assert.equal(
      await pollUntil(
        () => basemapPixel(ctx.page),
        (v) => v === offline,
      ),
      offline,
    );
  });
});
