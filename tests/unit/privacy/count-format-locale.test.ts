import { afterEach, describe, expect, it } from 'vitest';
import {
  formatCi,
  formatCount,
  formatDate,
  formatMonth,
  formatPublishedCount,
  formatPValue,
  formatRate,
  getFormatLocale,
  setFormatLocale,
  unitNoun,
} from '../../../src/analysis/privacy/count-format';

afterEach(() => setFormatLocale('en'));

describe('count-format in Spanish', () => {
  it('writes nouns, rates and intervals in Spanish with US digit grouping', () => {
    const locale = 'es' as const;
    expect(formatCount(12345, { unit: 'victims', locale })).toBe('12,345 víctimas');
    expect(formatCount(1, { unit: 'incidents', locale })).toBe('1 incidente');
    expect(formatCount(4, { unit: 'incidents', suppressBelow: 11, locale })).toBe('<11 incidentes');
    expect(formatRate(12.345, { locale })).toBe('12.3 por 100,000 al año');
    expect(formatRate(40, { count: 3, suppressBelow: 11, locale })).toBe('no se muestra (<11)');
    expect(formatCi(0.58, 0.86, 0.95, 2, { locale })).toBe('IC 95% 0.58–0.86');
    expect(formatCi(-0.12, 0.34, 0.9, 2, { locale })).toBe('IC 90% -0.12 a 0.34');
    expect(unitNoun('victims', { locale })).toBe('víctimas');
  });

  it('names hidden and unpublished cells of a published table in the language asked, else the display one', () => {
    expect(formatPublishedCount(7, 'complementary', 11, 'victims', { locale: 'es' })).toBe('oculto');
    expect(formatPublishedCount(7, 'dropped', 11, 'victims', { locale: 'es' })).toBe('no publicado');
    expect(formatPublishedCount(3, 'primary', 11, 'victims', { locale: 'es' })).toBe('<11 víctimas');
    expect(formatPublishedCount(1, 'shown', 11, 'incidents', { locale: 'es' })).toBe('1 incidente');
    expect(formatPublishedCount(7, 'complementary', 11)).toBe('suppressed');
    expect(formatPublishedCount(7, 'dropped', 11)).toBe('not published');
    setFormatLocale('es');
    expect(formatPublishedCount(7, 'complementary', 11)).toBe('oculto');
    expect(formatPublishedCount(7, 'dropped', 11, undefined, { locale: 'en' })).toBe('not published');
  });

  it('formats months and dates per language, in UTC', () => {
    expect(formatMonth('2023-01', { locale: 'en' })).toBe('Jan 2023');
    expect(formatMonth('2023-01', { locale: 'es' })).toBe('ene 2023');
    expect(formatDate('2023-09-05', { locale: 'en' })).toBe('Sep 5, 2023');
    expect(formatDate('2023-09-05', { locale: 'es' })).toMatch(/^5 sept?\.? 2023$/);
    expect(() => formatMonth('2023-13')).toThrow(RangeError);
    expect(() => formatDate('2023-02-30')).toThrow(RangeError);
  });

  it('uses the display locale when a call gives none, English by default', () => {
    expect(getFormatLocale()).toBe('en');
    expect(formatCount(2, { unit: 'victims' })).toBe('2 victims');
    setFormatLocale('es');
    expect(formatCount(2, { unit: 'victims' })).toBe('2 víctimas');
    expect(formatPValue(0.0123)).toBe('p = 0.012');
    expect(formatCount(2, { unit: 'victims', locale: 'en' })).toBe('2 victims');
    expect(() => setFormatLocale('fr' as 'en')).toThrow(RangeError);
  });
});
