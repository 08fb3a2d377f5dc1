/**
 * `plan` and `backtest` through the command line on the demo city: the counts the planner reads from the
 * engine equal a count made here from the CSV itself, the exact solver's optimum is at least the greedy
 * answer, and bad flags give usage errors.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, runCliJson } from '../support/cli';
import { repoRoot } from '../support/shared-data';

const demo = (name: string) => path.join(repoRoot, 'data/demo', name);
let existing = '';

interface PlanJson {
  coverage: { overall: Record<'incidents' | 'fatal' | 'victims', { total: number; inside: number }> };
  sites: {
    rank: number;
    source: 'cell' | 'site';
    name?: string;
    centre: { lat: number; lon: number; h3?: string };
    newlyCovered: number;
    weight: number;
  }[];
  greedy: { coveredWeight: number };
  exact: { status: string; objective: number; gap: number; picks: string[] };
}

beforeAll(() => {
  const programs = JSON.parse(readFileSync(demo('programs.json'), 'utf8')) as {
    id: string;
    catchment: unknown;
  }[];
  existing = path.join(mkdtempSync(path.join(tmpdir(), 'cvi-plan-')), 'programs.geojson');
  writeFileSync(
    existing,
    JSON.stringify({
      type: 'FeatureCollection',
      features: programs.map((p) => ({ type: 'Feature', properties: { id: p.id }, geometry: p.catchment })),
    }),
  );
});

describe('plan and backtest on the command line', () => {
  it('plan: coverage counts equal the CSV, five sites in order, exact optimum ≥ greedy', async () => {
    const j = await runCliJson<PlanJson>([
      'plan',
      '--input',
      demo('incidents.csv'),
      '--since',
      '2024-01-01',
      '--to',
      '2024-12-31',
      '--k',
      '5',
      '--radius-m',
      '400',
      '--existing',
      existing,
      '--existing-id',
      'id',
      '--weights',
      'fatal=2,nonfatal=1',
      '--exact',
    ]);
    // Independent count from the file: incidents, fatal incidents and victims of 2024.
    const lines = readFileSync(demo('incidents.csv'), 'utf8').trim().split('\n').slice(1);
    const ids = new Map<string, boolean>();
    let victims = 0;
    for (const line of lines) {
      const [id, , at, , , fatal] = line.split(',');
      if (!at!.startsWith('2024')) continue;
      victims++;
      ids.set(id!, (ids.get(id!) ?? false) || fatal === 'true');
    }
    expect(j.coverage.overall.incidents.total).toBe(ids.size);
    expect(j.coverage.overall.victims.total).toBe(victims);
    expect(j.coverage.overall.fatal.total).toBe([...ids.values()].filter(Boolean).length);
    expect(j.sites).toHaveLength(5);
    expect(j.sites.map((s) => s.rank)).toEqual([1, 2, 3, 4, 5]);
    for (const s of j.sites) expect(s.centre.h3).toMatch(/^89[0-9a-f]{13}$/);
    const weights = j.sites.map((s) => s.weight);
    expect([...weights].sort((a, b) => b - a)).toEqual(weights);
    expect(j.exact.status).toBe('optimal');
    expect(j.exact.objective).toBeGreaterThanOrEqual(j.greedy.coveredWeight);
    expect(j.exact.gap).toBeCloseTo((j.exact.objective - j.greedy.coveredWeight) / j.exact.objective, 12);
  }, 120_000);

  it('backtest: three methods, three shares, PAI = hit rate / area share', async () => {
    const j = await runCliJson<{
      weeks: number;
      methods: {
        method: string;
        shares: { share: number; areaShare: number; hitRate: { mean: number }; pai: { mean: number } }[];
      }[];
      findings: string[];
    }>([
      'backtest',
      '--input',
      demo('incidents.csv'),
      '--study-area',
      demo('city.geojson'),
      '--from',
      '2024-01-01',
      '--to',
      '2024-12-31',
      '--permutations',
      '199',
    ]);
    expect(j.weeks).toBe(52);
    expect(j.methods.map((m) => m.method).sort()).toEqual([
      'counts-last-year',
      'gi-star-last-year',
      'hot-now',
    ]);
    for (const m of j.methods)
      for (const s of m.shares) {
        expect(s.hitRate.mean).toBeGreaterThan(s.share);
        expect(s.areaShare).toBeGreaterThanOrEqual(s.share);
        // The flagged share is the same every week, so mean PAI = mean hit rate / area share.
        expect(s.pai.mean).toBeCloseTo(s.hitRate.mean / s.areaShare, 9);
      }
    expect(j.findings).toHaveLength(3);
  }, 120_000);

  it('plan with user-placed sites chooses among them', async () => {
    const truth = JSON.parse(readFileSync(demo('truth.json'), 'utf8')) as {
      hotspots: { id: string; centre: [number, number] }[];
    };
    // Sites at the centres of two uncovered planted hot spots and at a quiet corner of the city.
    const placed = truth.hotspots.filter((h) => h.id === 'H4' || h.id === 'E1');
    const sitesFile = path.join(path.dirname(existing), 'sites.geojson');
    writeFileSync(
      sitesFile,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          ...placed.map((h) => ({
            type: 'Feature',
            properties: { name: h.id },
            geometry: { type: 'Point', coordinates: h.centre },
          })),
          {
            type: 'Feature',
            properties: { name: 'corner' },
            geometry: { type: 'Point', coordinates: [-95.318, 38.906] },
          },
        ],
      }),
    );
    const j = await runCliJson<PlanJson & { candidates: { mode: string; count: number } }>([
      'plan',
      '--input',
      demo('incidents.csv'),
      '--since',
      '2024-01-01',
      '--k',
      '2',
      '--radius-m',
      '400',
      '--existing',
      existing,
      '--sites',
      sitesFile,
      '--sites-id',
      'name',
    ]);
    expect(j.candidates).toMatchObject({ mode: 'sites', count: 3, userSites: 3, resolution: null });
    expect(j.sites.map((s) => s.name).sort()).toEqual(['E1', 'H4']);
    expect(j.sites.every((s) => s.source === 'site' && s.centre.h3 === undefined)).toBe(true);
  }, 120_000);

  it('rejects bad flags with usage errors', async () => {
    const noSince = await runCli(['plan', '--input', demo('incidents.csv'), '--k', '5']);
    expect(noSince.code).toBe(2);
    expect(noSince.stderr).toMatch(/--since is required/);
    const badWeights = await runCli([
      'plan',
      '--input',
      demo('incidents.csv'),
      '--since',
      '2024-01-01',
      '--weights',
      'fatal=x',
    ]);
    expect(badWeights.code).toBe(2);
    expect(badWeights.stderr).toMatch(/--weights/);
    const badTop = await runCli([
      'backtest',
      '--input',
      demo('incidents.csv'),
      '--study-area',
      demo('city.geojson'),
      '--from',
      '2024-01-01',
      '--to',
      '2024-12-31',
      '--top',
      '5',
    ]);
    expect(badTop.code).toBe(2);
    const badSites = await runCli([
      'plan',
      '--input',
      demo('incidents.csv'),
      '--since',
      '2024-01-01',
      '--sites',
      demo('city.geojson'),
    ]);
    expect(badSites.code).toBe(2);
    expect(badSites.stderr).toMatch(/--sites feature 0: must be a Point/);
  });
});
