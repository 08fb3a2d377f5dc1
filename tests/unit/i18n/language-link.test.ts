import { describe, expect, it } from 'vitest';
import { decodeUrlState, defaultUrlViewState, encodeUrlState } from '../../../src/state/url-state';

describe('the interface language in the link', () => {
  it('writes lang=es, never lang=en, and reads it back', () => {
    const state = { ...defaultUrlViewState(), unit: 'victims' as const };
    expect(encodeUrlState({ ...state, lang: 'en' })).toBe('unit=victims');
    expect(encodeUrlState({ ...state, lang: 'es' })).toBe('unit=victims&lang=es');
    const decoded = decodeUrlState('?unit=victims&lang=es');
    expect(decoded.notices).toEqual([]);
    expect(decoded.state.lang).toBe('es');
    expect(decodeUrlState('?lang=en').state.lang).toBeUndefined();
  });

  it('rejects an unknown language with a notice and keeps English', () => {
    const decoded = decodeUrlState('?lang=fr');
    expect(decoded.state.lang).toBeUndefined();
    expect(decoded.notices).toHaveLength(1);
    expect(decoded.notices[0]).toMatch(/lang/);
  });
});
