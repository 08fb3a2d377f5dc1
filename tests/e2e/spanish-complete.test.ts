/**
 * End-to-end: the Spanish interface is complete on the screens added last. Opened with `lang=es` on the demo
 * city: a program evaluation, the deployment planner with suggested sites, the networks card with a demo
 * evaluation, the council view with a neighborhood profile, then publish mode. After each step the page's
 * visible text (innerText: what a reader sees) must contain none of a list of English interface phrases, and
 * must contain the Spanish ones. Screenshots in tests/artifacts/spanish-*.png.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { seriousAxeViolations } from './axe';
import { ARTIFACTS, type E2eContext, openDemo, waitForIdle } from './browser';

/**
 * Phrases of the interface's own English (labels, headings, buttons, notes). Text composed by the statistics
 * modules (reading sentences, guardrails, estimator names) is checked in spanish-evaluation.test.ts.
 */
const ENGLISH = [
  'Deployment planner',
  'Suggest sites',
  'Suggested sites',
  'Keep as draft program',
  'Hot now',
  'days of an incident',
  'Knox bands with',
  'Networks & city panels',
  'Evaluate',
  'Map colours',
  'colour the areas by',
  'Download the table',
  'Population:',
  'Every area by year',
  'sort by',
  'Share of the city',
  'Programs whose catchment',
  'Publish mode',
  'hide counts below',
  'in the areas',
  'all years',
  'not published',
  'suppressed',
  'What this says',
  'What the terms mean',
  'Guardrails',
  'Published evidence',
  'New program',
  'Full width',
  'Forget data on this device',
  'Archive',
  'Open',
  'Try again',
  'Click an area',
  'per year',
  'Counting',
  'Planted effect',
  'Synthetic program',
];

/** The rendered text of the page, lower-cased (headings are upper-cased by CSS). */
async function visibleText(page: Page): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a reader sees.
  return (await page.evaluate(() => document.body.innerText)).toLowerCase();
}

/** Each English phrase found, with the text around it. */
function englishIn(text: string): string[] {
  return ENGLISH.flatMap((phrase) => {
    const m = new RegExp(`(^|[^\\p{L}])${phrase.toLowerCase()}([^\\p{L}]|$)`, 'u').exec(text);
    return m ? [`${phrase}: …${text.slice(Math.max(0, m.index - 60), m.index + phrase.length + 60)}…`] : [];
  });
}

function assertShows(text: string, phrases: string[]): void {
  for (const phrase of phrases) assert.ok(text.includes(phrase.toLowerCase()), `missing "${phrase}"`);
}

describe('Spanish interface, complete', { timeout: 900_000 }, () => {
  let ctx: E2eContext;
  before(async () => {
    ctx = await openDemo('/?lang=es');
  });
  after(async () => {
    await ctx?.close();
  });

  it('shows program cards, planner and networks in Spanish', async () => {
    const page = ctx.page;
    assert.equal(await page.getAttribute('html', 'lang'), 'es');
    await page.selectOption('[data-testid="program-select"]', 'program-b');
    await page.waitForSelector('[data-testid="program-panel"][data-state="ready"]', { timeout: 180_000 });
    await page.waitForSelector('[data-testid="program-evaluation"]', { timeout: 60_000 });
    await page.waitForSelector('[data-testid="planner-run"]:not([disabled])', { timeout: 60_000 });
    await page.click('[data-testid="planner-run"]');
    await page.waitForSelector('[data-testid="planner-site"]', { timeout: 180_000 });
    await page.selectOption('[data-testid="network-program"]', 'demo-network');
    await page.click('[data-testid="network-run"]');
    await page.waitForSelector('[data-testid="network-result"]', { timeout: 180_000 });
    await waitForIdle(page);
    const text = await visibleText(page);
    assertShows(text, [
      'Planificador de despliegue',
      'Sitios sugeridos',
      'Guardar como programa borrador',
      'Redes y paneles de ciudades',
      'Errores estándar',
      'Qué dice esto',
      'Salvaguardas',
      'Colores del mapa',
      'Cada área por año',
      'Efecto plantado: ninguno',
    ]);
    assert.deepEqual(englishIn(text), []);
    await page.screenshot({ path: join(ARTIFACTS, 'spanish-panels.png'), fullPage: true });
    await page
      .locator('[data-testid="planner-panel"]')
      .screenshot({ path: join(ARTIFACTS, 'spanish-planner.png') });
    await page
      .locator('[data-testid="network-panel"]')
      .screenshot({ path: join(ARTIFACTS, 'spanish-network.png') });
    await page
      .locator('[data-testid="program-evaluation"]')
      .screenshot({ path: join(ARTIFACTS, 'spanish-program.png') });
    assert.deepEqual(await seriousAxeViolations(ctx.page), []);
  });

  it('shows the council view, a profile and publish mode in Spanish', async () => {
    const page = ctx.page;
    await page.check('[data-testid="choropleth-toggle"]');
    await page.waitForSelector('[data-testid="choropleth-legend"]');
    await page.click('[data-testid="area-table"] tbody tr >> nth=0');
    await page.waitForSelector('[data-testid="area-profile"]');
    await waitForIdle(page);
    let text = await visibleText(page);
    assertShows(text, ['Proporción de la ciudad', 'Posición', 'Tasa por 100,000 habitantes al año']);
    assert.deepEqual(englishIn(text), []);
    await page
      .locator('[data-testid="area-profile"]')
      .screenshot({ path: join(ARTIFACTS, 'spanish-profile.png') });

    await page.check('[data-testid="publish-toggle"]');
    await page.waitForSelector('[data-testid="published-headline"]');
    await waitForIdle(page);
    text = await visibleText(page);
    assertShows(text, ['Modo de publicación', 'en las áreas', 'todos los años']);
    assert.match(
      text,
      /los puntos calientes, la repetición cercana y la evaluación de programas están desactivados/,
    );
    assert.deepEqual(englishIn(text), []);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(ARTIFACTS, 'spanish-publish.png') });
    await page
      .locator('[data-testid="council-panel"]')
      .screenshot({ path: join(ARTIFACTS, 'spanish-council.png') });
    await page.uncheck('[data-testid="publish-toggle"]');
    assert.deepEqual(ctx.consoleErrors, []);
    assert.deepEqual(ctx.external, []);
    assert.deepEqual(await seriousAxeViolations(ctx.page), []);
  });
});
