import { describe, expect, it } from 'vitest';
import { evaluateNetwork } from '../../../src/analysis/evaluation/panel/network-evaluation';
import { nypdPanel, programSites, reference } from './fixture';

/** |a − b| ≤ tol · max(|b|, 1e-8): relative agreement, as the fixture README states. */
function close(actual: number, expected: number, tol = 1e-6): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol * Math.max(Math.abs(expected), 1e-8));
}

const cases = [
  {
    key: 'staggered',
    file: 'programs-staggered.csv',
    unit: 'precinct',
    start: 'launch',
    window: { lower: -6, upper: 3 },
    population: false,
  },
  {
    key: 'staggeredRates',
    file: 'programs-staggered.csv',
    unit: 'precinct',
    start: 'launch',
    window: { lower: -6, upper: 3 },
    population: true,
  },
  {
    key: 'twoCohorts',
    file: 'programs-two-cohorts.csv',
    unit: 'unit',
    start: 'start',
    window: { lower: -4, upper: 4 },
    population: false,
  },
] as const;

describe.each(cases)(
  'network estimators equal R glm + sandwich on NYPD precinct × year victims ($key)',
  (c) => {
    const ref = reference[c.key];
    const sites = programSites(c.file, c.unit, c.start);
    const cluster = evaluateNetwork(nypdPanel(c.population), sites, { se: 'cluster', eventWindow: c.window });
    const hc1 = evaluateNetwork(nypdPanel(c.population), sites, { se: 'hc1', eventWindow: c.window });

    it('uses the same units as R (set-aside rules)', () => {
      expect(cluster.shape.units).toBe(ref.units);
      expect(cluster.shape.treatedUnits).toBe(ref.treatedUnits);
    });

    it('pooled two-way fixed effects: coefficient, HC1 and clustered SE', () => {
      const a = cluster.estimates.find((e) => e.method === 'twfe')!;
      const b = hc1.estimates.find((e) => e.method === 'twfe')!;
      close(a.coefficient, ref.twfe.coefficient);
      close(a.se, ref.twfe.seCluster);
      close(b.se, ref.twfe.seHc1);
    });

    it('event study terms and the joint pre-trend test', () => {
      const es = cluster.eventStudy!;
      expect(es.terms.map((t) => t.eventTime)).toEqual(ref.eventStudy.eventTimes);
      es.terms.forEach((t, i) => {
        close(t.coefficient, ref.eventStudy.coefficients[i]);
        close(t.se, ref.eventStudy.seCluster[i]);
      });
      expect(es.preTrend.df).toBe(ref.eventStudy.preTrendDf);
      close(es.preTrend.statistic, ref.eventStudy.preTrendStatistic);
      close(es.preTrend.pValue, ref.eventStudy.preTrendP, 1e-5);
    });

    it('extended two-way fixed effects: overall, per cohort and per event time (delta method)', () => {
      const r = cluster.robust!;
      expect(r.terms).toBe(ref.etwfe.terms);
      close(r.overall.coefficient, ref.etwfe.overallCoefficient);
      close(r.overall.se, ref.etwfe.overallSeCluster);
      close(hc1.robust!.overall.se, ref.etwfe.overallSeHc1);
      expect(r.cohorts.map((k) => Number(k.cohort))).toEqual(ref.etwfe.cohorts);
      r.cohorts.forEach((k, i) => {
        close(k.coefficient, ref.etwfe.cohortCoefficients[i]);
        close(k.se, ref.etwfe.cohortSeCluster[i]);
      });
      expect(r.eventTimes.map((e) => e.eventTime)).toEqual(ref.etwfe.eventTimes);
      r.eventTimes.forEach((e, i) => {
        close(e.coefficient, ref.etwfe.eventCoefficients[i]);
        close(e.se, ref.etwfe.eventSeCluster[i]);
      });
    });

    it('weights diagnostic: weights sum to one and Σ weight × 2×2 estimate equals R lm', () => {
      const w = cluster.weights!;
      close(
        w.comparisons.reduce((s, x) => s + x.weight, 0),
        1,
        1e-12,
      );
      expect(w.comparisons.every((x) => x.weight >= 0)).toBe(true);
      close(w.linearEstimate, ref.linearTwfe);
    });
  },
);
