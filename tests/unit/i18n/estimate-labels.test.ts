/**
 * Estimate rows of the program panel are written in the interface's language: the English names equal the
 * names the designs compute (so English is unchanged), and Spanish gives its own; a name the catalogue does
 * not know is shown as computed.
 */
import i18next from 'i18next';
import { afterAll, describe, expect, it } from 'vitest';
import { setFormatLocale } from '../../../src/analysis/privacy/count-format';
import type { EstimateSummary } from '../../../src/state/program-evaluation';
import { initI18n } from '../../../src/ui/i18n';
import {
  estimateInterval,
  estimateLabel,
  estimateValue,
} from '../../../src/ui/panels/program/estimate-format';

const row = (method: EstimateSummary['method'], label: string, scale: EstimateSummary['scale'] = 'ratio') =>
  ({
    method,
    label,
    scale,
    estimate: -581,
    lower: null,
    upper: null,
    pValue: null,
    message: { key: 'estimate:did' },
    reading: '',
  }) as EstimateSummary;

const ROWS = [
  row('prepost', 'Pre/post rate ratio'),
  row('wdd', 'Weighted displacement difference (events)', 'difference'),
  row('its', 'ITS level change at launch'),
  row('its', 'ITS slope change per month'),
  row('did', 'Difference-in-differences IRR'),
  row('synth', 'Synthetic control: post total ratio', 'placebo'),
];

afterAll(() => {
  void i18next.changeLanguage('en');
  setFormatLocale('en');
});

describe('estimate rows', () => {
  it('keep the computed English names and words in English', () => {
    initI18n('en');
    expect(ROWS.map(estimateLabel)).toEqual(ROWS.map((r) => r.label));
    expect(estimateValue(ROWS[1]!)).toBe('-581.0 events');
    expect(estimateInterval(ROWS[5]!)).toBe('no CI (placebo rank)');
  });

  it('are written in Spanish, and an unknown name is left as computed', () => {
    initI18n('es');
    expect(ROWS.map(estimateLabel)).toEqual([
      'Razón de tasas antes/después',
      'Diferencia ponderada de desplazamiento (eventos)',
      'Cambio de nivel ITS al inicio',
      'Cambio de pendiente ITS por mes',
      'IRR de diferencia en diferencias',
      'Control sintético: razón del total posterior',
    ]);
    expect(estimateValue(ROWS[1]!)).toBe('-581.0 eventos');
    expect(estimateInterval(ROWS[5]!)).toBe('sin IC (rango placebo)');
    expect(estimateLabel(row('did', 'Some other estimator'))).toBe('Some other estimator');
  });
});
