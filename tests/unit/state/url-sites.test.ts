/** The `site=` link parameter: placed candidate sites round-trip in order; bad values are refused with a notice. */
import { describe, expect, it } from 'vitest';
import { MAX_PLACED_SITES } from '../../../src/state/url/sites';
import { decodeUrlState, defaultUrlViewState, encodeUrlState } from '../../../src/state/url-state';

describe('site= in links', () => {
  it('round-trips sites in placing order, names with commas, ampersands and other scripts', () => {
    const sites = [
      { lon: -73.91234, lat: 40.81, name: 'St. Mary’s, hall & yard' },
      { lon: -73.9, lat: 40.8, name: '' },
      { lon: 0, lat: -0.00001, name: 'Центр <b>' },
    ];
    const state = { ...defaultUrlViewState(), sites };
    const query = encodeUrlState(state);
    expect(query.match(/site=/g)).toHaveLength(3);
    expect(query).toContain('site=-73.9%2C40.8&');
    expect(decodeUrlState(query)).toEqual({ state, notices: [] });
  });

  it('rounds coordinates to 5 decimals and trims names', () => {
    const query = encodeUrlState({
      ...defaultUrlViewState(),
      sites: [{ lon: -73.123456789, lat: 40.987654321, name: '  Gym  ' }],
    });
    expect(decodeUrlState(query).state.sites).toEqual([{ lon: -73.12346, lat: 40.98765, name: 'Gym' }]);
  });

  it('rejects malformed or out-of-range sites with a notice and keeps the good ones', () => {
    const r = decodeUrlState(
      'site=-73.9,40.8,ok&site=abc,40&site=-200,40&site=-73.9,95&site=-73.1234567,40.1&site=-73.9',
    );
    expect(r.state.sites).toEqual([{ lon: -73.9, lat: 40.8, name: 'ok' }]);
    expect(r.notices).toHaveLength(5);
    expect(r.notices[1]).toMatch(/Ignored site=-200,40: longitude must be a number from -180 to 180/);
    const long = decodeUrlState(`site=1,2,${'x'.repeat(81)}`);
    expect(long.state.sites).toEqual([]);
    expect(long.notices[0]).toMatch(/at most 80 characters/);
  });

  it('refuses more sites than a link may carry', () => {
    const many = Array.from({ length: MAX_PLACED_SITES + 1 }, (_, i) => `site=${i / 100},1`).join('&');
    const r = decodeUrlState(many);
    expect(r.state.sites).toEqual([]);
    expect(r.notices[0]).toMatch(/at most 50 placed sites/);
    const sites = Array.from({ length: MAX_PLACED_SITES + 1 }, (_, i) => ({
      lon: i / 100,
      lat: 1,
      name: '',
    }));
    expect(() => encodeUrlState({ ...defaultUrlViewState(), sites })).toThrow(RangeError);
  });
});
