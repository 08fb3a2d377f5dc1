/**
 * End-to-end: why something could not be computed, read in Spanish. With `lang=es` on the demo: the
 * synthetic state's city shows the convex-hull guardrail in Spanish; a city program run without its panel
 * file, and then with a panel file that repeats a row, says why in Spanish (naming the file, row, unit and
 * period), with none of the English sentences. Screenshots in tests/artifacts/spanish-failures-*.png.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ARTIFACTS, type E2eContext, openDemo } from './browser';

describe('Spanish failure reasons', { timeout: 600_000 }, () => {
  let ctx: E2eContext;
  before(async () => {
    ctx = await openDemo('/?lang=es');
  });
  after(async () => {
    await ctx?.close();
  });

  it('writes the convex-hull note of the synthetic state city in Spanish', async () => {
    const page = ctx.page;
    await page.selectOption('[data-testid="network-program"]', 'demo-riverside-bay');
    await page.click('[data-testid="network-run"]');
    await page.waitForSelector('[data-testid="city-result"]', { timeout: 180_000 });
    const text = (await page.textContent('[data-testid="panel-guardrails"]')) ?? '';
    assert.match(text, /queda fuera de la envolvente convexa de los donantes/);
    assert.doesNotMatch(text, /convex hull|every donor|pre-launch/);
    const guardrails = page.locator('[data-testid="panel-guardrails"]');
    await guardrails.scrollIntoViewIfNeeded();
    await guardrails.screenshot({ path: `${ARTIFACTS}/spanish-failures-hull.png` });
  });

  it('says in Spanish that a city program needs its panel file, and which row of it is repeated', async () => {
    const page = ctx.page;
    await page.selectOption('[data-testid="network-program"]', 'advance-peace-richmond');
    await page.click('[data-testid="network-run"]');
    const alert = page.locator('[data-testid="network-panel"] [role="alert"]');
    await alert.waitFor({ timeout: 60_000 });
    assert.equal(
      await alert.textContent(),
      'Advance Peace Richmond (Peacemaker Fellowship) necesita un archivo de panel',
    );
    // the file picker speaks the page's language, not the browser's ("Choose File", "No file chosen")
    const picker = page.locator('[data-testid="network-panel"] .file-input').first();
    assert.equal(await picker.locator('.file-input-button').textContent(), 'Elegir un archivo');
    assert.equal(await picker.locator('.file-input-name').textContent(), 'ningún archivo elegido');
    const csv = 'city,year,count,population\nRichmond,2008,10,100000\nRichmond,2008,11,100000\n';
    await page
      .locator('[data-testid="network-panel"] input[type="file"]')
      .first()
      .setInputFiles({ name: 'repetido.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.click('[data-testid="network-run"]');
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="network-panel"] [role="alert"]')
          ?.textContent?.includes('repetido'),
      undefined,
      { timeout: 60_000 },
    );
    assert.equal(
      await alert.textContent(),
      '«repetido.csv»: fila 2: la unidad «Richmond» aparece dos veces en el periodo 2008',
    );
    assert.equal(await picker.locator('.file-input-name').textContent(), 'repetido.csv');
    const panel = await page.$('[data-testid="network-panel"]');
    await panel!.screenshot({ path: `${ARTIFACTS}/spanish-failures-row.png` });
  });
});
