import { describe, expect, it } from 'vitest';
import { evaluationReading, readingText } from '../../../src/analysis/evaluation/evaluation-reading';
import { englishText } from '../../../src/analysis/messages/english';
import en from '../../../src/ui/i18n/locales/en/programs.json';
import es from '../../../src/ui/i18n/locales/es/programs.json';
import { GLOSSARY, splitTerms } from '../../../src/ui/panels/program/glossary';

const termsIn = (text: string) =>
  splitTerms(text).flatMap((p) => (typeof p === 'string' ? [] : [p.entry.term]));

describe('glossary', () => {
  it('explains each term the evaluation shows', () => {
    for (const form of ['RMSPE', 'IRR', 'Ljung-Box', 'rate ratio', 'CI', 'WDD', 'placebo p', 'DiD', 'ITS']) {
      const found = termsIn(`x ${form} y`);
      expect(found, form).toHaveLength(1);
      const id = GLOSSARY.find((e) => e.term === found[0])!.id as keyof typeof en.glossary;
      expect(en.glossary[id].term).toBe(found[0]);
      expect(en.glossary[id].text.length).toBeGreaterThan(40);
      expect(es.glossary[id].text.length).toBeGreaterThan(40);
    }
  });

  it('splits running text into plain pieces and terms, longest form first, whole words only', () => {
    const pieces = splitTerms('DiD 0.96× (95% CI 0.84–1.10), placebo p = 0.6; DIDO and CIA stay plain.');
    expect(pieces.map((p) => (typeof p === 'string' ? p : `[${p.form}]`)).join('')).toBe(
      '[DiD] 0.96× ([95% CI] 0.84–1.10), [placebo p] = 0.6; DIDO and CIA stay plain.',
    );
  });

  it('marks the terms of a computed reading', () => {
    const facts = {
      by: 'month' as const,
      unit: 'incidents' as const,
      prePeriods: 48,
      postPeriods: 36,
      fewestPreEvents: 50,
      comparisonUnits: 5,
      prePost: { ratio: 0.6, lower: 0.5, upper: 0.7, pValue: 0.001 },
      wdd: { events: 187, lower: 100, upper: 270, pValue: 0.001, controlToTreated: 3 },
      its: {
        level: { ratio: 0.7, lower: 0.6, upper: 0.8, pValue: 0.01 },
        ljungBoxP: 0.01,
        counterfactualMax: 10,
        observedMax: 9,
      },
      did: { ratio: 0.96, lower: 0.84, upper: 1.1, pValue: 0.5, preTrendP: 0.4 },
      synth: { ratio: 1.8, placeboP: 0.7, noiseRatio: 1.7, levelOutside: false, donors: 20 },
    };
    // Written in English from the English catalogue.
    const r = readingText(evaluationReading(facts), englishText);
    const text = [r.headline, r.trust, r.disagreement, ...r.designs.flatMap((d) => d.reasons)].join(' ');
    const terms = new Set(termsIn(text));
    for (const t of [
      'DiD (difference-in-differences)',
      'WDD (weighted displacement difference)',
      'Ljung-Box test',
      'RMSPE',
      'CI (confidence interval)',
    ]) {
      expect(terms.has(t), t).toBe(true);
    }
  });
});
