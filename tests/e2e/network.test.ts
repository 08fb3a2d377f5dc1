/**
 * End-to-end test of the networks and city-level panel on the demo: the demo network's estimates, event
 * study and cohort charts, and the synthetic state's treated city against its synthetic control with the
 * placebo band; each chart has its table as text alternative. Screenshots go to tests/artifacts.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { seriousAxeViolations } from './axe';
import { ARTIFACTS, type E2eContext, openDemo } from './browser';

const truth = JSON.parse(readFileSync('data/demo/panels-truth.json', 'utf8'));

describe('networks and city panels (demo)', () => {
  let ctx: E2eContext;
  before(async () => {
    ctx = await openDemo();
  });
  after(async () => {
    await ctx?.close();
  });

  it('evaluates the demo network: pooled and robust estimates, event study, cohorts', async () => {
    const page = ctx.page;
    await page.selectOption('[data-testid="network-program"]', 'demo-network');
    await page.click('[data-testid="network-run"]');
    await page.waitForSelector('[data-testid="network-result"]', { timeout: 120_000 });
    const rows = await page.$$eval('[data-testid="network-estimates"] tr', (rs) =>
      rs.map((r) => (r.textContent ?? '').replace(/\s+/g, ' ')),
    );
    assert.equal(rows.length, 2);
    assert.match(rows[0]!, /Two-way fixed effects/);
    assert.match(rows[1]!, /Extended two-way fixed effects/);
    const robust = Number(/([0-9.]+)×/.exec(rows[1]!)![1]);
    assert.ok(
      Math.abs(robust - truth.network.overall) < 0.05,
      `robust ${robust} vs planted ${truth.network.overall}`,
    );
    assert.equal(await page.$$eval('[data-testid="network-event-study"] circle', (c) => c.length), 10);
    assert.equal(await page.$$eval('[data-testid="network-cohorts"] circle', (c) => c.length), 3);
    assert.ok(await page.$('[data-testid="network-event-study"] details table'));
    assert.match((await page.textContent('[data-testid="panel-guardrails"]')) ?? '', /disagree/);
    const panel = await page.$('[data-testid="network-panel"]');
    await panel!.screenshot({ path: `${ARTIFACTS}/network-demo-panel.png` });
    await page.screenshot({ path: `${ARTIFACTS}/network-demo.png` });
    assert.deepEqual(await seriousAxeViolations(ctx.page), []);
  });

  it('evaluates the synthetic state city against its synthetic control with a placebo band', async () => {
    const page = ctx.page;
    await page.selectOption('[data-testid="network-program"]', 'demo-riverside-bay');
    await page.click('[data-testid="network-run"]');
    await page.waitForSelector('[data-testid="city-result"]', { timeout: 180_000 });
    const paths = await page.$$eval('[data-testid="synth-band-chart"] path', (ps) =>
      ps.map((p) => (p.getAttribute('d') ?? '').length),
    );
    assert.equal(paths.length, 3);
    assert.ok(
      paths.every((n) => n > 100),
      `path lengths ${paths.join(',')}`,
    );
    const text = (await page.textContent('[data-testid="city-estimates"]')) ?? '';
    assert.match(text, /Synthetic control/);
    assert.match((await page.textContent('[data-testid="panel-guardrails"]')) ?? '', /convex hull/);
    const panel = await page.$('[data-testid="network-panel"]');
    await panel!.screenshot({ path: `${ARTIFACTS}/network-state-panel.png` });
    assert.deepEqual(ctx.external, []);
    assert.deepEqual(ctx.consoleErrors, []);
    assert.deepEqual(await seriousAxeViolations(ctx.page), []);
  });
});
