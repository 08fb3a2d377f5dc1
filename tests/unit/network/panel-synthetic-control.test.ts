import { describe, expect, it } from 'vitest';
import { buildCountPanel } from '../../../src/analysis/evaluation/panel/count-panel';
import { panelSyntheticControl } from '../../../src/analysis/evaluation/panel/panel-synthetic-control';
import { simplexLeastSquares } from '../../../src/analysis/evaluation/simplex-least-squares';
import { syntheticControl } from '../../../src/analysis/evaluation/synthetic-control';
import { poissonDeviate, seededRandom } from '../../../src/analysis/random';

function randomPanel(units: number, years: number, seed: number) {
  const random = seededRandom(seed);
  const rows = [];
  for (let u = 0; u < units; u++) {
    const level = 5 + 40 * random();
    const population = 20_000 + Math.round(200_000 * random());
    for (let t = 0; t < years; t++) {
      rows.push({
        unit: `c${u}`,
        period: String(2000 + t),
        count: poissonDeviate(level * (1 + 0.02 * t), random),
        population: population + 100 * t,
      });
    }
  }
  return buildCountPanel(rows, { step: 'year' });
}

describe('panel synthetic control', () => {
  const panel = randomPanel(25, 14, 7);
  const T = panel.periods.length;
  const series = (u: number) => panel.counts.slice(u * T, u * T + T);

  it('on counts equals the single-program synthetic control (weights, gap, placebo p)', () => {
    const ours = panelSyntheticControl(panel, 'c0', 9, { outcome: 'count' });
    const donors = panel.units.slice(1).map((_, j) => series(j + 1));
    const theirs = syntheticControl(series(panel.units.indexOf('c0')), donors, 9);
    for (const [j, w] of ours.weights.entries()) expect(w).toBeCloseTo(theirs.weights[j] as number, 8);
    for (const [t, g] of ours.gap.entries()) expect(g).toBeCloseTo(theirs.gap[t] as number, 6);
    expect(ours.pValue).toBeCloseTo(theirs.pValue, 12);
  });

  it('demeaned log rates: weights solve the simplex problem on centred pre-launch series', () => {
    const L = 8;
    // Five donors and eight pre-launch periods: the weights are unique.
    const pool = ['c10', 'c11', 'c12', 'c13', 'c14'];
    const ours = panelSyntheticControl(panel, 'c3', L, {
      outcome: 'log',
      demeaned: true,
      placebo: false,
      donors: pool,
    });
    const logRate = (u: number) =>
      Array.from({ length: T }, (_, t) =>
        Math.log1p((1e5 * (panel.counts[u * T + t] as number)) / (panel.population![u * T + t] as number)),
      );
    const centre = (s: number[]) => {
      const m = s.slice(0, L).reduce((a, b) => a + b, 0) / L;
      return s.map((v) => v - m);
    };
    const donorIdx = pool.map((d) => panel.units.indexOf(d));
    const direct = simplexLeastSquares(
      donorIdx.map((i) => centre(logRate(i)).slice(0, L)),
      centre(logRate(panel.units.indexOf('c3'))).slice(0, L),
    );
    for (const [j, w] of ours.weights.entries()) expect(w).toBeCloseTo(direct.weights[j] as number, 8);
    // Synthetic = treated pre-mean + weighted centred donors.
    const y = logRate(panel.units.indexOf('c3'));
    const m = y.slice(0, L).reduce((a, b) => a + b, 0) / L;
    for (let t = 0; t < T; t++) {
      const s = donorIdx.reduce(
        (acc, i, j) => acc + (direct.weights[j] as number) * (centre(logRate(i))[t] as number),
        m,
      );
      expect(ours.synthetic[t]).toBeCloseTo(s, 8);
    }
  });

  it('donor filters and clear errors', () => {
    const r = panelSyntheticControl(panel, 'c0', 9, { minPopulation: 100_000, placebo: false });
    for (const d of r.donors) {
      const u = panel.units.indexOf(d);
      expect(Math.min(...panel.population!.slice(u * T, u * T + T))).toBeGreaterThanOrEqual(100_000);
    }
    expect(() => panelSyntheticControl(panel, 'nowhere', 9)).toThrow(/not in the panel/);
    expect(() => panelSyntheticControl(panel, 'c0', 1)).toThrow(/at least 2 periods before/);
  });
});
