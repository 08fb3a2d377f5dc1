/**
 * The built app runs under its Content-Security-Policy (no `unsafe-eval`): DuckDB-WASM, its worker, maplibre
 * and deck.gl still work, and script payloads planted in every field a user can load — URL parameters,
 * incident values, column names and file names — never run and never reach the network.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ARTIFACTS, type E2eContext, openApp, overlayDrawnShare, waitForIdle } from './browser';

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

  it('the page carries a policy without unsafe-eval, and the engine, map and layers run under it', async () => {
    const policy = await ctx.page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    assert.ok(policy);
    assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'/);
    assert.doesNotMatch(policy, /'unsafe-eval'/);
    assert.ok((await overlayDrawnShare(ctx.page)) > 0, 'deck.gl draws');
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
});
