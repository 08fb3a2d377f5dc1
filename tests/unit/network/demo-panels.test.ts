import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeDemoPanels } from '../../../scripts/demo-city/demo-panels';
import { buildCountPanel } from '../../../src/analysis/evaluation/panel/count-panel';
import { evaluateNetwork } from '../../../src/analysis/evaluation/panel/network-evaluation';
import { panelSyntheticControl } from '../../../src/analysis/evaluation/panel/panel-synthetic-control';
import { repoRoot } from '../../support/shared-data';

const demo = (name: string) => readFileSync(path.join(repoRoot, 'data/demo', name), 'utf8');
const csvRows = (text: string) =>
  text
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','));
const truth = JSON.parse(demo('panels-truth.json'));

function networkPanel() {
  const panel = buildCountPanel(
    csvRows(demo('network-panel.csv')).map(([unit, period, count]) => ({
      unit: unit!,
      period: period!,
      count: Number(count),
    })),
    { step: 'year', duplicates: 'error' },
  );
  const sites = csvRows(demo('network-programs.csv')).map(([unit, start]) => ({
    unit: unit!,
    start: start!,
  }));
  return { panel, sites };
}

describe('demo panels', () => {
  it('the committed files are what the generator writes', () => {
    const files = serializeDemoPanels();
    for (const [name, text] of Object.entries(files)) expect(demo(name), name).toBe(text);
  });

  it('demo network: pooled TWFE misses the planted effect, the extended estimator covers it', () => {
    const { panel, sites } = networkPanel();
    const r = evaluateNetwork(panel, sites);
    const pooled = r.estimates.find((e) => e.method === 'twfe')!;
    const robust = r.estimates.find((e) => e.method === 'etwfe')!;
    const planted = truth.network.overall as number;
    expect(pooled.lower).toBeGreaterThan(planted);
    expect(robust.lower).toBeLessThan(planted);
    expect(robust.upper).toBeGreaterThan(planted);
    expect(r.guardrails.find((g) => g.id === 'pooled-vs-robust')!.status).toBe('warn');
    for (const c of r.robust!.cohorts) {
      const t = truth.network.cohorts[c.cohort] as number;
      expect(c.lower, c.cohort).toBeLessThan(t);
      expect(c.upper, c.cohort).toBeGreaterThan(t);
    }
  });

  it('state panel: the edge city is flagged outside the hull; demeaned logs recover the planted ratio', () => {
    const panel = buildCountPanel(
      csvRows(demo('state-panel.csv')).map(([unit, period, count, population]) => ({
        unit: unit!,
        period: period!,
        count: Number(count),
        population: Number(population),
      })),
      { step: 'year', duplicates: 'error' },
    );
    expect(panel.units.length).toBe(300);
    const launch = panel.periods.indexOf('2010');
    const rates = panelSyntheticControl(panel, 'Riverside Bay', launch, { outcome: 'rate', placebo: false });
    expect(rates.notes.join(' ')).toMatch(/outside the donors' convex hull/);
    const logs = panelSyntheticControl(panel, 'Riverside Bay', launch, {
      outcome: 'log',
      demeaned: true,
      minPopulation: 50_000,
    });
    expect(logs.excludedDonors.every((d) => d.reason.startsWith('population below'))).toBe(true);
    expect(logs.donors.length + logs.excludedDonors.length).toBe(299);
    expect(Math.abs(Math.log(logs.ratio / truth.statePanel.plantedRatio))).toBeLessThan(0.05);
    expect(Math.abs(Math.log(rates.ratio / truth.statePanel.plantedRatio))).toBeGreaterThan(0.2);
    expect(logs.placebos.length).toBe(logs.donors.length);
    expect(logs.leaveOneOut.length).toBeGreaterThan(0);
  });
});
