/**
 * The plain-language reading on constructed evaluations (each rule made to fire on its own, and not fire
 * just across its threshold) and on a real one (NYPD Bronx precincts, committed fixture).
 */
import { describe, expect, it } from 'vitest';
import {
  type ReadingFacts,
  type ReadingRule,
  evaluationReading as readingMessages,
  readingText,
} from '../../../src/analysis/evaluation/evaluation-reading';
import { englishText } from '../../../src/analysis/messages/english';
import { evaluateProgram, programReading as programMessages } from '../../../src/state/program-evaluation';
import { bronxSeries } from '../../support/bronx-series';

/** A clean evaluation: 48 months before, 36 after, every design credible, all pointing to a decline. */
function clean(): ReadingFacts {
  return {
    by: 'month',
    unit: 'incidents',
    prePeriods: 48,
    postPeriods: 36,
    fewestPreEvents: 120,
    comparisonUnits: 12,
    prePost: { ratio: 0.7, lower: 0.6, upper: 0.82, pValue: 0.0001 },
    wdd: { events: -40, lower: -70, upper: -10, pValue: 0.01, controlToTreated: 1.2 },
    its: {
      level: { ratio: 0.72, lower: 0.6, upper: 0.86, pValue: 0.001 },
      ljungBoxP: 0.4,
      counterfactualMax: 14,
      observedMax: 12,
    },
    did: { ratio: 0.75, lower: 0.63, upper: 0.9, pValue: 0.002, preTrendP: 0.6 },
    synth: { ratio: 0.74, placeboP: 0.04, noiseRatio: 1.1, levelOutside: false, donors: 24 },
  };
}

/** The reading written in English from the English catalogue (the wording the assertions check). */
const evaluationReading = (f: ReadingFacts) => readingText(readingMessages(f), englishText);
const programReading = (e: Parameters<typeof programMessages>[0]) =>
  readingText(programMessages(e), englishText);

const status = (r: ReturnType<typeof evaluationReading>, d: string) =>
  r.designs.find((x) => x.design === d)?.status;

describe('evaluationReading on constructed evaluations', () => {
  it('clean case: trusts the DiD, says the catchment fell relative to the comparison areas, no disagreement', () => {
    const r = evaluationReading(clean());
    expect(r.preferred).toBe('did');
    expect(status(r, 'did')).toBe('trust');
    expect(status(r, 'synth')).toBe('trust');
    // pre/post and ITS are never fully trusted: they have no comparison
    expect(status(r, 'prepost')).toBe('caution');
    expect(status(r, 'its')).toBe('caution');
    expect(r.rules).toContain('relative-decline');
    expect(r.rules).not.toContain('designs-disagree');
    expect(r.disagreement).toBeNull();
    expect(r.headline).toMatch(
      /^Relative to the comparison areas, incidents in the catchment fell after launch \(DiD 0\.75× \(-25%\), 95% CI 0\.63–0\.90\)/,
    );
    expect(r.trust).toMatch(
      /^Trust the difference-in-differences most here: it compares the catchment with 12 comparison areas/,
    );
    expect(r.sideBySide).toContain('WDD -40 incidents, 95% CI -70 to -10');
  });

  const cases: {
    rule: ReadingRule;
    change: (f: ReadingFacts) => void;
    undo: (f: ReadingFacts) => void;
    check(r: ReturnType<typeof evaluationReading>): void;
  }[] = [
    {
      rule: 'few-events',
      change: (f) => (f.fewestPreEvents = 9),
      undo: (f) => (f.fewestPreEvents = 10),
      check: (r) => {
        expect(status(r, 'did')).toBe('caution');
        expect(r.trust).toContain('only 9 incidents before launch');
      },
    },
    {
      rule: 'short-post',
      change: (f) => (f.postPeriods = 11),
      undo: (f) => (f.postPeriods = 12),
      check: (r) => expect(r.trust).toContain('Less than a year after launch (11 months)'),
    },
    {
      rule: 'short-pre',
      change: (f) => (f.prePeriods = 23),
      undo: (f) => (f.prePeriods = 24),
      check: (r) => {
        // the trend-based designs get the caution, WDD does not
        expect(status(r, 'did')).toBe('caution');
        expect(r.designs.find((d) => d.design === 'wdd')!.reasons.join(' ')).not.toContain('Only 23 months');
        expect(r.designs.find((d) => d.design === 'did')!.reasons).toContain(
          'Only 23 months before launch (fewer than 24): the pre-launch trend is poorly known.',
        );
        // a design without caution outranks one with: the WDD (control of similar size) now leads
        expect(r.preferred).toBe('wdd');
      },
    },
    {
      rule: 'its-autocorrelation',
      change: (f) => ((f.its as { ljungBoxP: number }).ljungBoxP = 0.049),
      undo: (f) => ((f.its as { ljungBoxP: number }).ljungBoxP = 0.05),
      check: (r) =>
        expect(r.designs.find((d) => d.design === 'its')!.reasons[0]).toBe(
          'Its residuals are autocorrelated (Ljung-Box p = 0.049), so its interval is too narrow.',
        ),
    },
    {
      rule: 'its-runaway',
      change: (f) => ((f.its as { counterfactualMax: number }).counterfactualMax = 24.1),
      undo: (f) => ((f.its as { counterfactualMax: number }).counterfactualMax = 24),
      check: (r) => {
        expect(status(r, 'its')).toBe('distrust');
        expect(r.trust).toContain(
          'Set aside the interrupted time series, because it projects the pre-launch trend to 24.1 incidents per month, 2.0× anything observed',
        );
      },
    },
    {
      rule: 'wdd-control-size',
      change: (f) => ((f.wdd as { controlToTreated: number }).controlToTreated = 2.01),
      undo: (f) => ((f.wdd as { controlToTreated: number }).controlToTreated = 2),
      check: (r) => expect(status(r, 'wdd')).toBe('distrust'),
    },
    {
      rule: 'did-pre-trend',
      change: (f) => ((f.did as { preTrendP: number }).preTrendP = 0.031),
      undo: (f) => ((f.did as { preTrendP: number }).preTrendP = 0.05),
      check: (r) => {
        // DiD and synthetic control both credible: the synthetic control, without caution, now leads
        expect(status(r, 'did')).toBe('caution');
        expect(r.preferred).toBe('synth');
        expect(r.designs.find((d) => d.design === 'did')!.reasons[0]).toContain('pre-trend test (p = 0.031)');
      },
    },
    {
      rule: 'did-no-pre-trend-test',
      change: (f) => ((f.did as { preTrendP: number | null }).preTrendP = null),
      undo: (f) => ((f.did as { preTrendP: number | null }).preTrendP = 0.9),
      check: (r) => expect(status(r, 'did')).toBe('caution'),
    },
    {
      rule: 'synth-poor-fit',
      change: (f) => ((f.synth as { noiseRatio: number }).noiseRatio = 1.51),
      undo: (f) => ((f.synth as { noiseRatio: number }).noiseRatio = 1.5),
      check: (r) => {
        expect(status(r, 'synth')).toBe('distrust');
        expect(r.trust).toContain('1.5× the random noise level');
      },
    },
    {
      rule: 'synth-few-donors',
      change: (f) => ((f.synth as { donors: number }).donors = 8),
      undo: (f) => ((f.synth as { donors: number }).donors = 9),
      check: (r) =>
        expect(r.designs.find((d) => d.design === 'synth')!.reasons).toContain(
          'With 8 donor areas the placebo p cannot go below 0.11.',
        ),
    },
  ];
  for (const c of cases) {
    it(`rule ${c.rule} fires on its own, and not just across its threshold`, () => {
      const f = clean();
      c.change(f);
      const r = evaluationReading(f);
      expect(r.rules).toContain(c.rule);
      c.check(r);
      const g = clean();
      c.undo(g);
      expect(evaluationReading(g).rules).not.toContain(c.rule);
    });
  }

  it('synth-poor-fit also fires when the catchment lies outside the donors’ range', () => {
    const f = clean();
    (f.synth as { levelOutside: boolean }).levelOutside = true;
    const r = evaluationReading(f);
    expect(r.rules).toContain('synth-poor-fit');
    expect(r.trust).toContain(
      'because the catchment had more (or fewer) events before launch than any donor area',
    );
  });

  it('not-run: a failed design is listed with its reason and the others are still read', () => {
    const f = clean();
    f.did = { error: 'DiD needs at least one comparison unit' };
    f.synth = null;
    const r = evaluationReading(f);
    expect(r.rules).toContain('not-run');
    expect(status(r, 'did')).toBe('not-run');
    expect(r.designs.find((d) => d.design === 'did')!.reasons).toEqual([
      'Not computed: DiD needs at least one comparison unit.',
    ]);
    // the WDD (comparison over the same time) now leads: it is credible and nets out the comparison
    expect(r.preferred).toBe('wdd');
    expect(r.sideBySide).not.toContain('DiD');
  });

  it('shared decline: the catchment fell, the comparison areas as much (the issue’s pre/post 0.52×, WDD +187, DiD 0.96× case)', () => {
    const f = clean();
    f.prePost = { ratio: 0.52, lower: 0.45, upper: 0.6, pValue: 1e-9 };
    f.wdd = { events: 187, lower: 120, upper: 254, pValue: 1e-6, controlToTreated: 3.4 };
    f.did = { ratio: 0.96, lower: 0.84, upper: 1.1, pValue: 0.55, preTrendP: 0.3 };
    f.synth = { ratio: 1.02, placeboP: 0.6, noiseRatio: 1.2, levelOutside: false, donors: 30 };
    const r = evaluationReading(f);
    expect(r.preferred).toBe('did');
    expect(r.rules).toEqual(
      expect.arrayContaining([
        'shared-decline',
        'designs-disagree',
        'wdd-control-size',
        'prepost-no-comparison',
      ]),
    );
    expect(r.headline).toMatch(
      /^Incidents in the catchment fell after launch \(pre\/post 0\.52× \(-48%\), ITS level 0\.72× \(-28%\)\), but the comparison areas fell about as much: relative to them no change is detected \(DiD 0\.96×/,
    );
    expect(r.disagreement).toMatch(
      /^The designs disagree: ITS and pre\/post show a decline; WDD shows an increase; DiD and synthetic control show no detectable change\./,
    );
    expect(r.sideBySide).toContain('WDD +187 incidents');
    expect(r.trust).toContain(
      'Set aside the weighted displacement difference, because its control area had 3.4×',
    );
  });

  it('relative increase', () => {
    const f = clean();
    f.did = { ratio: 1.3, lower: 1.1, upper: 1.5, pValue: 0.001, preTrendP: 0.5 };
    const r = evaluationReading(f);
    expect(r.rules).toContain('relative-increase');
    expect(r.headline).toContain('the catchment fared worse than they did');
    expect(r.rules).toContain('designs-disagree');
  });

  it('relative no change when nothing moved', () => {
    const f = clean();
    f.prePost = { ratio: 0.95, lower: 0.8, upper: 1.12, pValue: 0.5 };
    f.its = {
      level: { ratio: 0.97, lower: 0.8, upper: 1.2, pValue: 0.7 },
      ljungBoxP: 0.5,
      counterfactualMax: 10,
      observedMax: 12,
    };
    f.wdd = { events: 3, lower: -20, upper: 26, pValue: 0.8, controlToTreated: 1 };
    f.did = { ratio: 1.02, lower: 0.85, upper: 1.2, pValue: 0.8, preTrendP: 0.5 };
    f.synth = { ratio: 1.01, placeboP: 0.7, noiseRatio: 1, levelOutside: false, donors: 20 };
    const r = evaluationReading(f);
    expect(r.rules).toContain('relative-no-change');
    expect(r.disagreement).toBeNull();
  });

  it('own-only: without comparison designs, a decline is not credited to the program', () => {
    const f = clean();
    f.did = { error: 'DiD needs at least one comparison unit' };
    f.wdd = { error: 'WDD needs at least one comparison unit' };
    f.synth = { error: 'the synthetic control needs at least 2 donor units' };
    f.comparisonUnits = 0;
    const r = evaluationReading(f);
    expect(r.preferred).toBe('its');
    expect(r.rules).toContain('own-only');
    expect(r.headline).toContain('cannot be credited to the program');
  });

  it('no credible design', () => {
    const f = clean();
    f.did = null;
    f.synth = null;
    f.prePost = null;
    f.wdd = { events: 5, lower: -3, upper: 13, pValue: 0.2, controlToTreated: 5 };
    (f.its as { counterfactualMax: number }).counterfactualMax = 100;
    const r = evaluationReading(f);
    expect(r.preferred).toBeNull();
    expect(r.rules).toContain('no-credible-design');
    expect(r.trust).toBe('None of the designs gives a credible estimate here.');
  });
});

describe('evaluationReading on NYPD Bronx precincts (committed fixture)', () => {
  it('precincts 40 and 42 against the other Bronx precincts, launch 2013-01: a shared decline', () => {
    // Both the catchment and the comparison precincts fell after 2013; the reading trusts the DiD
    // (10 comparison precincts, no pre-trend warning), sets aside the synthetic control (poor fit: no
    // Bronx precinct is as violent as 40+42 together) and the WDD (control 3× the catchment's volume).
    const e = evaluateProgram(bronxSeries([40, 42], [41, 43, 44, 45, 46, 47, 48, 49, 50, 52], '2013-01'));
    const r = programReading(e);
    expect(r.preferred).toBe('did');
    expect(e.did?.ok && e.did.value.effect.interval.lower).toBeLessThan(1);
    expect(e.prePost?.ok && e.prePost.value.interval.upper).toBeLessThan(1);
    expect(r.rules).toEqual(
      expect.arrayContaining(['shared-decline', 'designs-disagree', 'synth-poor-fit', 'wdd-control-size']),
    );
    expect(r.headline).toContain('the comparison areas fell about as much');
  });

  it('precinct 45 with a 2008 launch: the runaway ITS projection is set aside', () => {
    const e = evaluateProgram(bronxSeries([45], [46, 47, 48], '2008-01'));
    const r = programReading(e);
    expect(e.its?.ok && Math.max(...e.its.value.counterfactual)).toBeGreaterThan(100);
    expect(r.rules).toContain('its-runaway');
    expect(r.designs.find((d) => d.design === 'its')!.status).toBe('distrust');
  });
});
