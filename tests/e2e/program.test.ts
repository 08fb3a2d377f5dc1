/**
 * End-to-end test of the program-evaluation workbench on the demo city: choosing a program from the
 * URL and from the list, the chart drawn, estimates with intervals and guardrails shown, recomputation
 * when a filter changes, Roca's plain "no chart", and programs kept across a reload (a corrupt stored
 * value is set aside with a notice).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { sharedDataAvailable, sharedDataPath } from '../support/shared-data';
import { seriousAxeViolations } from './axe';
import { ARTIFACTS, type E2eContext, openApp, waitForIdle } from './browser';

async function waitForEvaluation(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="program-panel"][data-state="ready"]', { timeout: 120_000 });
}

async function estimates(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid="program-estimates"] tr', (rows) =>
    rows.map((r) => (r.textContent ?? '').replace(/\s+/g, ' ').trim()),
  );
}

describe('program evaluation workbench (demo city)', () => {
  let ctx: E2eContext;
  before(async () => {
    ctx = await openApp('/?program=program-a');
    await waitForIdle(ctx.page);
    await waitForEvaluation(ctx.page);
  });
  after(async () => {
    await ctx?.close();
  });

  it('opens the program named in the link and draws its chart', async () => {
    const page = ctx.page;
    assert.equal(
      await page.$eval('[data-testid="program-select"]', (s) => (s as HTMLSelectElement).value),
      'program-a',
    );
    const paths = await page.$$eval('[data-testid="program-chart"] path', (ps) =>
      ps.map((p) => (p.getAttribute('d') ?? '').length),
    );
    // all, fatal, non-fatal, comparison and the ITS counterfactual: five non-empty paths
    assert.equal(paths.filter((n) => n > 100).length, 5, `path lengths ${paths.join(',')}`);
    assert.ok(await page.$('[data-testid="program-launch"]'));
    await page.screenshot({ path: `${ARTIFACTS}/program-a.png` });
    const panel = await page.$('[data-testid="program-panel"]');
    await panel!.screenshot({ path: `${ARTIFACTS}/program-a-panel.png` });
    assert.deepEqual(ctx.external, []);
  });

  it('shows every estimate with a 95% CI (placebo rank for the synthetic control) and the guardrails', async () => {
    const rows = await estimates(ctx.page);
    const labels = rows.map((r) => r.split(/\d/)[0]!.trim());
    for (const label of [
      'Pre/post rate ratio',
      'Weighted displacement difference (events)',
      'ITS level change at launch',
      'Difference-in-differences IRR',
      'Synthetic control: post total ratio',
    ]) {
      assert.ok(
        labels.some((l) => l.startsWith(label)),
        `missing ${label} in ${labels.join(' | ')}`,
      );
    }
    const did = rows.find((r) => r.startsWith('Difference-in-differences IRR'))!;
    assert.match(did, /\d\.\d\d×\s*95% CI \d\.\d\d–\d\.\d\d/);
    const guardrails = await ctx.page.$$eval('[data-testid="program-guardrails"] li', (li) => li.length);
    assert.ok(guardrails >= 6, `only ${guardrails} guardrails`);
    assert.match(
      (await ctx.page.textContent('[data-testid="program-guardrails"]'))!,
      /54 months of data before launch/,
    );
    // Event study: years 5 before .. 5 after launch (2015-01 .. 2024-12 around 2019-07), reference year −1.
    const years = await ctx.page.$$eval('[data-testid="program-event-study"] tr', (rows) =>
      rows.map((r) => (r.textContent ?? '').replace(/\s+/g, ' ').trim()),
    );
    assert.equal(years.length, 11, years.join(' | '));
    assert.match(years[4]!, /^1 before\s*reference$/);
    assert.match(years[5]!, /^year 0\s*\d\.\d\d×\s*95% CI/);
    assert.deepEqual(await seriousAxeViolations(ctx.page), []);
  });

  it('switching program updates the URL and the estimates', async () => {
    const page = ctx.page;
    const before = await estimates(page);
    await page.selectOption('[data-testid="program-select"]', 'program-b');
    await page.waitForFunction(() => location.search.includes('program=program-b'));
    await waitForEvaluation(page);
    await page.waitForFunction(
      (old) =>
        [...document.querySelectorAll('[data-testid="program-estimates"] tr')]
          .map((r) => (r.textContent ?? '').replace(/\s+/g, ' ').trim())
          .join('|') !== old,
      before.join('|'),
    );
    assert.match(
      (await page.textContent('[data-testid="program-guardrails"]'))!,
      /60 months of data before launch/,
    );
    await page.screenshot({ path: `${ARTIFACTS}/program-b.png` });
  });

  it('recomputes when a filter changes (fatal only)', async () => {
    const page = ctx.page;
    const before = await estimates(page);
    await page.check('input[name="fatal"] >> nth=1');
    await waitForIdle(page);
    await page.waitForFunction(
      (old) =>
        document.querySelector('[data-testid="program-panel"]')?.getAttribute('data-state') === 'ready' &&
        [...document.querySelectorAll('[data-testid="program-estimates"] tr')]
          .map((r) => (r.textContent ?? '').replace(/\s+/g, ' ').trim())
          .join('|') !== old,
      before.join('|'),
      { timeout: 120_000 },
    );
    await page.check('input[name="fatal"] >> nth=0');
    await waitForIdle(page);
    await waitForEvaluation(page);
  });

  it('Roca: says plainly that place-based counts do not measure it, and draws no chart', async () => {
    const page = ctx.page;
    await page.selectOption('[data-testid="program-select"]', 'roca-baltimore');
    await page.waitForSelector('[data-testid="program-unavailable"]');
    assert.match(
      (await page.textContent('[data-testid="program-unavailable"]'))!,
      /do not measure this program/,
    );
    assert.equal(await page.$('[data-testid="program-chart"]'), null);
    assert.match((await page.textContent('[data-testid="program-evidence"]'))!, /84%/);
  });

  it('keeps a program added from circles around sites across a reload', async () => {
    const page = ctx.page;
    await page.click('text=New program…');
    await page.fill('[data-testid="program-form"] >> input >> nth=0', 'Test site program');
    await page.fill('[data-testid="program-form"] input[type="date"]', '2020-06-01');
    await page.check('[data-testid="program-form"] input[type="radio"] >> nth=2');
    await page.fill(
      '[data-testid="program-form"] input[placeholder="lon, lat; lon, lat"]',
      '-95.2315, 38.9554',
    );
    await page.click('text=Save program');
    await page.waitForFunction(() => location.search.includes('program=test-site-program'));
    await waitForEvaluation(page);
    await page.reload();
    await waitForIdle(page);
    await waitForEvaluation(page);
    assert.equal(
      await page.$eval('[data-testid="program-select"]', (s) => (s as HTMLSelectElement).value),
      'test-site-program',
    );
    await page.screenshot({ path: `${ARTIFACTS}/program-user.png` });
  });

  it('imports a workspace file; a bad file is rejected with its errors and changes nothing', async () => {
    const page = ctx.page;
    const options = () =>
      page.$$eval('[data-testid="program-select"] option', (o) =>
        o.map((x) => (x as HTMLOptionElement).value),
      );
    const before = await options();
    const bad = JSON.stringify({ schema: 'cvi-atlas-programs/1', programs: [{ id: 'Bad Id', name: '' }] });
    await page.setInputFiles('[data-testid="program-import"]', {
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from(bad),
    });
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="notice"]')].some((n) =>
        /Nothing was imported/.test(n.textContent ?? ''),
      ),
    );
    assert.deepEqual(await options(), before);
    // In Spanish the same file's problems are written in Spanish, the paths as they are in the file.
    await page.click('[data-testid="lang-es"]');
    await page.setInputFiles('[data-testid="program-import"]', {
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from(bad),
    });
    const spanish = await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="notice"]')]
        .map((n) => n.textContent ?? '')
        .find((text) => /No se importó nada/.test(text)),
    );
    const notice = String(await spanish.jsonValue());
    assert.match(notice, /programs\[0\] \(Bad Id\): id: debe tener de 1 a 64 letras minúsculas/);
    assert.match(notice, /programs\[0\] \(Bad Id\): name: debe ser un texto no vacío/);
    assert.doesNotMatch(notice, /must be/);
    await page.screenshot({ path: `${ARTIFACTS}/program-import-es.png` });
    await page.click('[data-testid="lang-en"]');
    assert.deepEqual(await options(), before);
    const good = JSON.stringify({
      schema: 'cvi-atlas-programs/1',
      programs: [
        {
          id: 'imported-one',
          name: 'Imported one',
          model: 'hospital-based',
          city: 'Demo City',
          launch: '2021-01-01',
          catchment: { type: 'boundary', property: 'id', values: ['N12'] },
          comparison: { ids: ['N03', 'N07'] },
          sources: [],
          publishedOutcomes: [],
        },
      ],
    });
    await page.setInputFiles('[data-testid="program-import"]', {
      name: 'good.json',
      mimeType: 'application/json',
      buffer: Buffer.from(good),
    });
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="program-select"] option')].some(
        (o) => (o as HTMLOptionElement).value === 'imported-one',
      ),
    );
    await page.selectOption('[data-testid="program-select"]', 'imported-one');
    await waitForEvaluation(page);
    assert.match(
      (await page.textContent('[data-testid="program-panel"]'))!,
      /Hospital-based violence intervention/,
    );
  });

  it('edits a shipped program: the edited copy replaces it, keeps its catchment, and survives a reload', async () => {
    const page = ctx.page;
    await page.selectOption('[data-testid="program-select"]', 'program-a');
    await waitForEvaluation(page);
    await page.click('text=Edit…');
    await page.fill('[data-testid="program-form"] >> input >> nth=0', 'Eastside Street Outreach (edited)');
    await page.fill('[data-testid="program-form"] input[type="date"]', '2019-01-01');
    await page.click('text=Save program');
    await page.waitForFunction(() =>
      /48 months of data before launch/.test(
        document.querySelector('[data-testid="program-guardrails"]')?.textContent ?? '',
      ),
    );
    await page.reload();
    await waitForIdle(page);
    await waitForEvaluation(page);
    assert.match(
      (await page.textContent('[data-testid="program-card"]'))!,
      /\(edited\)[\s\S]*launched 2019-01-01/,
    );
    assert.match(
      (await page.textContent('[data-testid="program-guardrails"]'))!,
      /48 months of data before launch/,
    );
    const names = await page.$$eval('[data-testid="program-select"] option', (o) =>
      o.map((x) => x.textContent),
    );
    assert.equal(names.filter((n) => /Eastside Street Outreach/.test(n ?? '')).length, 1);
  });

  it('a corrupt stored value gives a notice, is kept aside, and the app still works', async () => {
    const page = ctx.page;
    await page.evaluate(() => localStorage.setItem('cvi-atlas.programs.v1', '{not json'));
    await page.goto(page.url().replace(/\?.*$/, '?program=program-c'));
    await waitForIdle(page);
    await waitForEvaluation(page);
    const notices = await page.$$eval('[data-testid="notice"]', (n) => n.map((x) => x.textContent ?? ''));
    assert.ok(
      notices.some((t) => /set aside/.test(t)),
      notices.join(' | '),
    );
    assert.equal(
      await page.evaluate(() => localStorage.getItem('cvi-atlas.programs.v1.corrupt')),
      '{not json',
    );
  });
});

const NYPD = 'NYPD_Shooting_Incident_Data__Historic_.csv';
const PRECINCTS = 'nyc_police_precincts_2019.geojson';

describe('SOS South Bronx on the real NYPD file with precinct boundaries', {
  skip: !sharedDataAvailable(NYPD, PRECINCTS) && 'shared data missing',
}, () => {
  it('resolves precincts 40 and 42, evaluates, and sets the published -63% beside the design on screen', async () => {
    const ctx = await openApp('/', { width: 1400, height: 2600 });
    try {
      const page = ctx.page;
      await waitForIdle(page);
      await page.setInputFiles('[data-testid="incident-file"]', sharedDataPath(NYPD));
      await page.waitForSelector('[data-testid="import-report"]', { timeout: 120_000 });
      await waitForIdle(page);
      await page.setInputFiles('[data-testid="boundary-file"]', sharedDataPath(PRECINCTS));
      await page.waitForSelector('[data-testid="area-table"]', { timeout: 120_000 });
      await page.selectOption('[data-testid="program-select"]', 'sos-south-bronx');
      await waitForEvaluation(page);
      const text = (await page.textContent('[data-testid="program-panel"]'))!;
      assert.match(text, /precinct 40, 42/);
      assert.match(text, /84 months of data before launch/);
      assert.match(text, /Only the launch year is documented/);
      const evidence = (await page.textContent('[data-testid="program-evidence"]'))!;
      assert.match(evidence, /−63%\s*shooting victimizations/);
      assert.match(
        evidence,
        /Design: published program area vs one matched comparison area, before\/after; here pre\/post, WDD, ITS, DiD vs 10 comparison units/,
      );
      const rows = await estimates(page);
      assert.ok(
        rows.some((r) => /^Difference-in-differences IRR\d\.\d\d×\s*95% CI/.test(r)),
        rows.join(' | '),
      );
      // The screen says, from the numbers, why they differ from the published before/after figures.
      const reading = (await page.textContent('[data-testid="comparison-reading"]'))!;
      assert.match(
        reading,
        /Relative to the 10 comparison units, the difference-in-differences is \d\.\d\d× \(95% CI/,
      );
      await page.screenshot({ path: `${ARTIFACTS}/program-sos-nypd.png` });
      await page
        .locator('[data-testid="program-evidence"]')
        .screenshot({ path: `${ARTIFACTS}/program-sos-evidence.png` });
      assert.deepEqual(ctx.external, []);
    } finally {
      await ctx.close();
    }
  });
});
