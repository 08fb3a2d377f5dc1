/**
 * End-to-end: a program evaluation read in Spanish. Opened with `lang=es` on the demo city, program A's
 * evaluation: the plain-language reading (verdict, which design to trust, every design with its reasons)
 * and the guardrails must read in Spanish, with none of the English sentences the reading and the
 * guardrails write in English; switching to English writes the same reading in English. Screenshot in
 * tests/artifacts/spanish-reading.png.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ARTIFACTS, type E2eContext, openDemo, waitForIdle } from './browser';

/** Fragments of the English reading and guardrails (catalogue `en/reading.json`, `en/guardrail.json`). */
const ENGLISH = [
  'relative to the comparison areas',
  'in the catchment',
  'after launch',
  'before launch',
  'trust the',
  'most here',
  'set aside',
  'side by side',
  'the designs disagree',
  'it compares the catchment',
  'it has no comparison areas',
  'not computed',
  'of data before launch',
  'from launch on',
  'fewest incidents',
  'pre-trend test',
  'no autocorrelation',
  'synthetic control fit',
  'wdd control had',
  'ring does not overlap',
  'incidents',
  '95% ci',
  'net of the control',
  'at launch the level',
  'the trend after launch',
  'the total of its synthetic control',
];

describe('Spanish program evaluation', { timeout: 600_000 }, () => {
  let ctx: E2eContext;
  before(async () => {
    ctx = await openDemo('/?lang=es');
  });
  after(async () => {
    await ctx?.close();
  });

  it('writes the reading and the guardrails in Spanish, and in English after switching', async () => {
    const page = ctx.page;
    await page.selectOption('[data-testid="program-select"]', 'program-a');
    await page.waitForSelector('[data-testid="program-panel"][data-state="ready"]', { timeout: 180_000 });
    await page.waitForSelector('[data-testid="evaluation-reading"]', { timeout: 60_000 });
    await waitForIdle(page);
    await page.click('[data-testid="evaluation-reading"] details summary');
    const reading = page.locator('[data-testid="evaluation-reading"]');
    const guardrails = page.locator('[data-testid="program-guardrails"]');
    const estimates = page.locator('[data-testid="program-evaluation"] ul.readings');
    const text = [await reading.textContent(), await guardrails.textContent(), await estimates.textContent()]
      .join('\n')
      .toLowerCase();
    const found = ENGLISH.filter((phrase) => text.includes(phrase));
    assert.deepEqual(found, [], text);
    for (const phrase of [
      'frente a las áreas de comparación',
      'en la zona de influencia',
      'después del inicio',
      'conviene confiar sobre todo en',
      'diferencia en diferencias',
      'ic 95%',
      'de datos antes del inicio',
      'desde el inicio',
      'incidentes',
    ])
      assert.ok(text.includes(phrase), `missing "${phrase}" in ${text}`);
    // Every design of the reading is listed with its status.
    assert.equal(await page.locator('[data-testid="evaluation-reading"] .reading-designs li').count(), 5);
    await reading.screenshot({ path: join(ARTIFACTS, 'spanish-reading.png') });
    await guardrails.screenshot({ path: join(ARTIFACTS, 'spanish-guardrails.png') });
    await estimates.screenshot({ path: join(ARTIFACTS, 'spanish-estimate-readings.png') });

    await page.click('[data-testid="lang-en"]');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    const english = (
      (await page.locator('[data-testid="evaluation-reading-headline"]').textContent()) ?? ''
    ).toLowerCase();
    assert.match(english, /relative to the comparison areas, incidents in the catchment fell after launch/);
    assert.deepEqual(ctx.consoleErrors, []);
  });

  it('writes the Networks card’s estimator names and guardrails in Spanish', async () => {
    const page = ctx.page;
    await page.click('[data-testid="lang-es"]');
    await page.waitForFunction(() => document.documentElement.lang === 'es');
    await page.selectOption('[data-testid="network-program"]', 'demo-network');
    await page.click('[data-testid="network-run"]');
    await page.waitForSelector('[data-testid="network-result"]', { timeout: 180_000 });
    await waitForIdle(page);
    const result = page.locator('[data-testid="network-result"]');
    const text = ((await result.textContent()) ?? '').toLowerCase();
    for (const phrase of [
      'two-way fixed effects',
      'extended two-way',
      'every cohort',
      'joint test',
      'estimates agree',
      'estimates disagree',
      "pooled estimate's weight",
      'robust standard errors',
      'clustered by unit',
      'set aside',
    ])
      assert.ok(!text.includes(phrase), `English "${phrase}" in ${text}`);
    for (const phrase of [
      'efectos fijos bidireccionales (estimación combinada)',
      'prueba conjunta',
      'agrupados por unidad',
    ])
      assert.ok(text.includes(phrase), `missing "${phrase}" in ${text}`);
    await result.screenshot({ path: join(ARTIFACTS, 'spanish-network-result.png') });
    assert.deepEqual(ctx.consoleErrors, []);
  });
});
