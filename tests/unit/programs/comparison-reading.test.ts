import i18next from 'i18next';
import { afterAll, describe, expect, it } from 'vitest';
import { setFormatLocale } from '../../../src/analysis/privacy/count-format';
import {
  comparisonFacts,
  comparisonMessage,
  comparisonReading,
  type EstimateSummary,
  type ProgramEvaluation,
} from '../../../src/state/program-evaluation';
import { initI18n } from '../../../src/ui/i18n';
import { messageText } from '../../../src/ui/i18n/use-message';

function estimate(
  method: EstimateSummary['method'],
  label: string,
  value: number,
  ci: [number, number] | null,
): EstimateSummary {
  return {
    method,
    label,
    scale: method === 'synth' ? 'placebo' : 'ratio',
    estimate: value,
    lower: ci?.[0] ?? null,
    upper: ci?.[1] ?? null,
    pValue: method === 'synth' ? 0.73 : 0.5,
    message: { key: 'estimate:did' },
    reading: '',
  };
}

function evaluation(
  prePost: [number, number, number],
  did: [number, number, number],
  synth = true,
): ProgramEvaluation {
  const estimates = [
    estimate('prepost', 'Pre/post rate ratio', prePost[0], [prePost[1], prePost[2]]),
    estimate('its', 'ITS level change at launch', 0.43, [0.32, 0.59]),
    estimate('did', 'Difference-in-differences IRR', did[0], [did[1], did[2]]),
  ];
  if (synth) estimates.push(estimate('synth', 'Synthetic control: post total ratio', 1.1, null));
  return { estimates } as unknown as ProgramEvaluation;
}

describe('comparisonReading', () => {
  it('says a decline shared by the comparison units is not detected relative to them, with the numbers', () => {
    const text = comparisonReading(evaluation([0.52, 0.38, 0.71], [0.98, 0.84, 1.14]), 10)!;
    expect(text).toContain('changed 0.52× from before to after launch (ITS level change 0.43×)');
    expect(text).toContain(
      'Relative to the 10 comparison units, the difference-in-differences is 0.98× (95% CI 0.84–1.14)',
    );
    expect(text).toContain('synthetic control gives 1.10× its synthetic total (placebo p = 0.730)');
    expect(text).toMatch(/shared by the comparison units, so relative to them no change is detected/);
  });

  it('distinguishes a decline beyond the comparison units and a rise against them', () => {
    expect(comparisonReading(evaluation([0.6, 0.5, 0.7], [0.7, 0.6, 0.82]), 3)).toMatch(
      /fell more than the comparison units/,
    );
    expect(comparisonReading(evaluation([1.3, 1.1, 1.5], [1.25, 1.05, 1.5], false), 1)).toMatch(
      /1 comparison unit, .*fared worse than the comparison units/,
    );
    expect(comparisonReading(evaluation([0.95, 0.8, 1.1], [1.0, 0.9, 1.1]), 2)).toMatch(
      /Neither the catchment alone/,
    );
  });

  it('is null without a difference-in-differences estimate', () => {
    const e = {
      estimates: [estimate('prepost', 'Pre/post rate ratio', 0.5, [0.4, 0.6])],
    } as unknown as ProgramEvaluation;
    expect(comparisonReading(e, 0)).toBeNull();
  });
});

describe('the comparison paragraph in the interface', () => {
  const cases: [ProgramEvaluation, number][] = [
    [evaluation([0.52, 0.38, 0.71], [0.98, 0.84, 1.14]), 10],
    [evaluation([0.6, 0.5, 0.7], [0.7, 0.6, 0.82]), 3],
    [evaluation([1.3, 1.1, 1.5], [1.25, 1.05, 1.5], false), 1],
    [evaluation([0.95, 0.8, 1.1], [1.0, 0.9, 1.1]), 2],
  ];
  afterAll(() => {
    void i18next.changeLanguage('en');
    setFormatLocale('en');
  });

  it('reads in English as the command line writes it, for each conclusion', () => {
    initI18n('en');
    for (const [e, units] of cases)
      expect(messageText(comparisonMessage(comparisonFacts(e, units)!))).toBe(comparisonReading(e, units));
  });

  it('reads in Spanish', () => {
    initI18n('es');
    setFormatLocale('es');
    const text = messageText(comparisonMessage(comparisonFacts(cases[0]![0], 10)!));
    expect(text).toContain('Por sí sola, la zona de influencia cambió 0.52× de antes a después del inicio');
    expect(text).toContain('Frente a las 10 unidades de comparación, la diferencia en diferencias es 0.98×');
    expect(text).toContain('no se detecta cambio');
    expect(text).not.toMatch(/comparison|catchment|Relative/);
    expect(messageText(comparisonMessage(comparisonFacts(cases[2]![0], 1)!))).toContain(
      'Frente a 1 unidad de comparación,',
    );
  });
});
