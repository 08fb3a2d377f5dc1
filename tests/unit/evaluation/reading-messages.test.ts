/**
 * Every message the evaluation reading produces, over evaluations made to fire each of its rules, has its
 * key (with the plural forms its count needs) in the English and Spanish catalogues, with every
 * placeholder filled; written in Spanish it has no English sentence left and its numbers are written by
 * the formatting module in Spanish.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import {
  evaluationReading,
  type ReadingFacts,
  type ReadingRule,
  readingMessages,
} from '../../../src/analysis/evaluation/evaluation-reading';
import { evaluateCity } from '../../../src/analysis/evaluation/panel/city-evaluation';
import { buildCountPanel } from '../../../src/analysis/evaluation/panel/count-panel';
import { evaluateNetwork } from '../../../src/analysis/evaluation/panel/network-evaluation';
import { englishText } from '../../../src/analysis/messages/english';
import { type Message, messageKeys, renderMessage } from '../../../src/analysis/messages/message';
import { evaluateProgram } from '../../../src/state/program-evaluation';
import { bronxSeries } from '../../support/bronx-series';

function catalogue(language: string, ns: string): Record<string, unknown> {
  return JSON.parse(
    readFileSync(join(process.cwd(), 'src/analysis/messages/locales', language, `${ns}.json`), 'utf8'),
  );
}

function instance(language: 'en' | 'es') {
  const i = i18next.createInstance();
  const missing: string[] = [];
  void i.init({
    lng: language,
    resources: {
      [language]: {
        reading: catalogue(language, 'reading'),
        guardrail: catalogue(language, 'guardrail'),
        panel: catalogue(language, 'panel'),
        estimate: catalogue(language, 'estimate'),
      },
    },
    fallbackLng: false,
    initAsync: false,
    interpolation: { escapeValue: false },
    saveMissing: true,
    missingKeyHandler: (_l, ns, key) => missing.push(`${ns}:${key}`),
  });
  const write = (m: Message) => renderMessage(m, (k, v) => i.t(k, v), language);
  return { write, missing };
}

const base = (): ReadingFacts => ({
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
});

/** Evaluations that together fire every rule of the reading. */
const CASES: [string, (f: ReadingFacts) => ReadingFacts][] = [
  ['clean', (f) => f],
  [
    'few events, short post, short pre (quarters, victims)',
    (f) => ({ ...f, by: 'quarter', unit: 'victims', prePeriods: 5, postPeriods: 3, fewestPreEvents: 7 }),
  ],
  [
    'pre-trend, autocorrelation, runaway, control size',
    (f) => ({
      ...f,
      did: { ...(f.did as object), ratio: 0.75, lower: 0.63, upper: 0.9, pValue: 0.002, preTrendP: 0.01 },
      its: {
        level: { ratio: 0.72, lower: 0.6, upper: 0.86, pValue: 0.001 },
        ljungBoxP: 0.01,
        counterfactualMax: 40,
        observedMax: 12,
      },
      wdd: { events: 187, lower: 20, upper: 350, pValue: 0.03, controlToTreated: 3.4 },
    }),
  ],
  [
    'no pre-trend test, poor fit, few donors',
    (f) => ({
      ...f,
      did: { ratio: 1.3, lower: 1.1, upper: 1.5, pValue: 0.01, preTrendP: null },
      wdd: { events: 30, lower: 5, upper: 55, pValue: 0.02, controlToTreated: 1.1 },
      synth: { ratio: 0.74, placeboP: 0.2, noiseRatio: 2.3, levelOutside: false, donors: 5 },
    }),
  ],
  [
    'level outside, one comparison unit',
    (f) => ({
      ...f,
      comparisonUnits: 1,
      synth: { ratio: 0.9, placeboP: 0.3, noiseRatio: 1, levelOutside: true, donors: 12 },
    }),
  ],
  [
    'shared decline',
    (f) => ({
      ...f,
      did: { ratio: 0.97, lower: 0.85, upper: 1.1, pValue: 0.6, preTrendP: 0.5 },
      synth: { ratio: 0.98, placeboP: 0.6, noiseRatio: 1.1, levelOutside: false, donors: 24 },
      wdd: { events: -3, lower: -30, upper: 25, pValue: 0.8, controlToTreated: 1.1 },
    }),
  ],
  [
    'relative no change',
    (f) => ({
      ...f,
      prePost: { ratio: 1, lower: 0.9, upper: 1.1, pValue: 0.9 },
      its: {
        level: { ratio: 1, lower: 0.9, upper: 1.1, pValue: 0.9 },
        ljungBoxP: 0.4,
        counterfactualMax: 14,
        observedMax: 12,
      },
      did: { ratio: 1, lower: 0.9, upper: 1.1, pValue: 0.9, preTrendP: 0.5 },
      synth: { ratio: 1, placeboP: 0.6, noiseRatio: 1.1, levelOutside: false, donors: 24 },
      wdd: { events: 0, lower: -30, upper: 30, pValue: 0.9, controlToTreated: 1.1 },
    }),
  ],
  ['own only, decline', (f) => ({ ...f, did: null, synth: null, wdd: { error: '—' } })],
  [
    'own only, no change',
    (f) => ({
      ...f,
      did: { error: '—' },
      synth: null,
      wdd: null,
      prePost: { ratio: 1, lower: 0.9, upper: 1.1, pValue: 0.9 },
      its: {
        level: { ratio: 1, lower: 0.9, upper: 1.1, pValue: 0.9 },
        ljungBoxP: 0.4,
        counterfactualMax: 14,
        observedMax: 12,
      },
    }),
  ],
  [
    'no credible design',
    (f) => ({
      ...f,
      did: null,
      prePost: null,
      its: {
        level: { ratio: 0.72, lower: 0.6, upper: 0.86, pValue: 0.001 },
        ljungBoxP: 0.4,
        counterfactualMax: 40,
        observedMax: 12,
      },
      synth: { ratio: 0.74, placeboP: 0.2, noiseRatio: 2.3, levelOutside: false, donors: 24 },
      wdd: { events: -40, lower: -70, upper: -10, pValue: 0.01, controlToTreated: 4 },
    }),
  ],
  ['nothing ran', (f) => ({ ...f, did: null, prePost: null, its: null, synth: null, wdd: null })],
];

const ALL_RULES: ReadingRule[] = [
  'few-events',
  'short-post',
  'short-pre',
  'prepost-no-comparison',
  'its-no-comparison',
  'its-autocorrelation',
  'its-runaway',
  'wdd-control-size',
  'did-pre-trend',
  'did-no-pre-trend-test',
  'synth-poor-fit',
  'synth-few-donors',
  'not-run',
  'no-credible-design',
  'relative-decline',
  'relative-increase',
  'relative-no-change',
  'shared-decline',
  'own-only',
  'designs-disagree',
];

/** English sentences the reading writes; none may be left in the Spanish text. */
const ENGLISH = [
  /\bthe catchment\b/i,
  /\bbefore launch\b/i,
  /\bcomparison areas?\b/i,
  /\bTrust\b/,
  /\bSet aside\b/,
  /\bSide by side\b/,
  /\bdesigns? disagree\b/i,
  /\bNot computed\b/,
  /\bincidents\b/,
  /\bvictims\b/,
  /\bmonths?\b/,
  /\bquarters?\b/,
  /\bwith caution\b/,
  /\band\b/,
  /\bCI\b/,
];

describe('reading messages in both catalogues', () => {
  const readings = CASES.map(([name, make]) => ({ name, reading: evaluationReading(make(base())) }));

  it('the cases fire every rule of the reading', () => {
    const fired = new Set(readings.flatMap((r) => r.reading.rules));
    expect([...fired].sort()).toEqual([...ALL_RULES].sort());
  });

  for (const language of ['en', 'es'] as const) {
    it(`every message is written in ${language} from its catalogue with every placeholder filled`, () => {
      const { write, missing } = instance(language);
      for (const { reading } of readings) {
        for (const m of readingMessages(reading)) {
          const text = write(m);
          expect(text, JSON.stringify(m)).not.toMatch(/\{\{|\}\}|reading:|guardrail:/);
          expect(text.trim().length).toBeGreaterThan(0);
        }
      }
      expect(missing).toEqual([]);
    });
  }

  it('no message key outside the reading namespace, and each key resolves in both languages', () => {
    const keys = new Set(readings.flatMap((r) => readingMessages(r.reading).flatMap(messageKeys)));
    expect(keys.size).toBeGreaterThan(40);
    for (const language of ['en', 'es'] as const) {
      const i = i18next.createInstance();
      void i.init({
        lng: language,
        resources: { [language]: { reading: catalogue(language, 'reading') } },
        initAsync: false,
        fallbackLng: false,
      });
      for (const key of keys) {
        expect(key.startsWith('reading:')).toBe(true);
        // Plural keys exist with their forms; plain keys exist as written.
        expect(i.exists(key) || i.exists(key, { count: 2 }), `${language} ${key}`).toBe(true);
      }
    }
  });

  it('the Spanish reading has no English sentence and writes numbers in Spanish', () => {
    const { write } = instance('es');
    for (const { name, reading } of readings) {
      const text = readingMessages(reading).map(write).join(' ');
      for (const english of ENGLISH) expect(text, `${name}: ${english}`).not.toMatch(english);
    }
    const clean = readings[0]!.reading;
    expect(write(clean.headline)).toBe(
      'Frente a las áreas de comparación, los incidentes en la zona de influencia bajaron después del inicio (DiD 0.75× (-25%), IC 95% 0.63–0.90).',
    );
    expect(englishText(clean.headline)).toBe(
      'Relative to the comparison areas, incidents in the catchment fell after launch (DiD 0.75× (-25%), 95% CI 0.63–0.90).',
    );
  });
});

describe('guardrail messages in both catalogues (NYPD Bronx precincts, committed fixture)', () => {
  const evaluations = [
    evaluateProgram(bronxSeries([40, 42], [41, 43, 44, 45, 46, 47, 48, 49, 50, 52], '2013-01')),
    evaluateProgram(bronxSeries([45], [46, 47, 48], '2008-01')),
    evaluateProgram(bronxSeries([47], [43, 44], '2019-06')),
  ];
  const guardrails = evaluations.flatMap((e) => e.guardrails);

  it('covers ok and warn guardrails of each kind', () => {
    const seen = new Set(guardrails.map((g) => `${g.id}:${g.status}`));
    for (const id of [
      'pre-period',
      'post-period',
      'events-per-unit',
      'pre-trend',
      'autocorrelation',
      'donor-fit',
      'control-size',
    ])
      expect(
        [...seen].some((s) => s.startsWith(`${id}:`)),
        id,
      ).toBe(true);
    expect([...seen].some((s) => s.endsWith(':warn'))).toBe(true);
  });

  it('each is written in both languages with every placeholder filled, its text is the English one, and the Spanish has no English left', () => {
    const en = instance('en');
    const es = instance('es');
    for (const g of guardrails) {
      expect(en.write(g.message)).toBe(g.text);
      const text = es.write(g.message);
      expect(text, g.text).not.toMatch(/\{\{|\}\}|reading:|guardrail:/);
      for (const english of [
        /\bbefore launch\b/,
        /\bcatchment\b/,
        /\bmonths?\b/,
        /\bincidents\b/,
        /\bdonors\b/,
        /\bresiduals\b/,
      ])
        expect(text, g.text).not.toMatch(english);
    }
    expect(en.missing).toEqual([]);
    expect(es.missing).toEqual([]);
  });

  it('each estimate’s own reading is written in both languages; its English is the command line’s', () => {
    const en = instance('en');
    const es = instance('es');
    const estimates = evaluations.flatMap((e) => e.estimates);
    expect(new Set(estimates.map((e) => e.method)).size).toBe(5);
    for (const e of estimates) {
      expect(en.write(e.message)).toBe(e.reading);
      const text = es.write(e.message);
      expect(text, e.reading).not.toMatch(
        /\{\{|estimate:|\bthe\b|\blaunch\b|\bincidents\b|\bmonths?\b|\bCI\b/,
      );
      expect(text, e.reading).toMatch(/\d\.\d\d/);
    }
    expect(en.missing).toEqual([]);
    expect(es.missing).toEqual([]);
  });
});

describe('Networks card messages in both catalogues (demo panels)', () => {
  const demo = (name: string) => readFileSync(join(process.cwd(), 'data/demo', name), 'utf8');
  const rows = (name: string) =>
    demo(name)
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
  const network = evaluateNetwork(
    buildCountPanel(
      rows('network-panel.csv').map(([unit, period, count]) => ({
        unit: unit!,
        period: period!,
        count: Number(count),
      })),
      { step: 'year', duplicates: 'error' },
    ),
    rows('network-programs.csv').map(([unit, start]) => ({ unit: unit!, start: start! })),
  );
  const city = evaluateCity(
    buildCountPanel(
      rows('state-panel.csv').map(([unit, period, count, population]) => ({
        unit: unit!,
        period: period!,
        count: Number(count),
        population: Number(population),
      })),
      { step: 'year', duplicates: 'error' },
    ),
    { treated: 'Riverside Bay', launch: '2010-01-01' },
  );

  it('estimator names and guardrails are written in both languages; English equals the command line text', () => {
    const en = instance('en');
    const es = instance('es');
    const named = [...network.estimates, ...city.estimates];
    const guarded = [...network.guardrails, ...city.guardrails].filter((g) => g.message);
    expect(named.length).toBeGreaterThanOrEqual(4);
    expect(guarded.length).toBeGreaterThanOrEqual(4);
    for (const e of named) {
      expect(en.write(e.name)).toBe(e.label);
      const text = es.write(e.name);
      expect(text).not.toMatch(/\{\{|panel:|fixed effects|Synthetic|donors|Difference/);
    }
    for (const g of guarded) {
      expect(en.write(g.message!)).toBe(g.text);
      expect(es.write(g.message!), g.text).not.toMatch(/\{\{|panel:|\bunits?\b|\bthe\b|\bestimates?\b/);
    }
    expect(en.missing).toEqual([]);
    expect(es.missing).toEqual([]);
  });
});
