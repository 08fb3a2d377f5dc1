import { describe, expect, it } from 'vitest';
import { linkSetsPublish, storedPublishMode } from '../../../src/state/publish-setting';
import { publishedView } from '../../../src/state/publish-view';
import { decodeUrlState, defaultUrlViewState, encodeUrlState } from '../../../src/state/url-state';

describe('publish mode in the link', () => {
  it('writes publish=on and k only when not 11, and rejects other thresholds', () => {
    const state = defaultUrlViewState();
    state.publish = { on: true, k: 10 };
    expect(encodeUrlState(state)).toBe('publish=on&k=10');
    expect(decodeUrlState('publish=on').state.publish).toEqual({ on: true, k: 11 });
    const bad = decodeUrlState('publish=yes&k=7');
    expect(bad.state.publish).toEqual({ on: false, k: 11 });
    expect(bad.notices).toEqual([
      "Ignored publish=yes: publish must be 'on' or 'off'",
      'Ignored k=7: k must be 5, 10 or 11',
    ]);
    expect(linkSetsPublish('?zoom=3')).toBe(false);
    expect(linkSetsPublish('?publish=off')).toBe(true);
  });

  it('reads the stored setting and ignores a broken one', () => {
    const store = (v: string | null) => ({ getItem: () => v, setItem: () => {} });
    expect(storedPublishMode(store('{"on":true,"k":5}'))).toEqual({ on: true, k: 5 });
    expect(storedPublishMode(store('{"on":true,"k":7}'))).toEqual({ on: false, k: 11 });
    expect(storedPublishMode(store('not json'))).toEqual({ on: false, k: 11 });
  });
});

describe('publishedView', () => {
  it('changes nothing when publish mode is off', () => {
    const view = { ...defaultUrlViewState(), time: { from: '2020-03', to: '2020-03' } };
    expect(publishedView(view).view).toBe(view);
  });

  it('coarsens a one-month brush to its year and switches fine layers and area filters off, with reasons', () => {
    const view = {
      ...defaultUrlViewState(),
      publish: { on: true, k: 11 as const },
      time: { from: '2020-03', to: '2020-03' },
      layers: ['points' as const, 'hexagons' as const],
      hours: [20, 21],
      areas: { ids: ['N01'], polygon: null },
    };
    const p = publishedView(view);
    expect(p.year).toBe('2020');
    expect(p.view.time).toEqual({ from: '2020-01', to: '2020-12' });
    expect(p.view.layers).toEqual(['boundaries']);
    expect(p.view.areas).toEqual({ ids: [], polygon: null });
    expect(p.view.hours).toHaveLength(24);
    expect(p.reasons.map((r) => r.code)).toEqual(['fineLayers', 'areas', 'yearWidened', 'hours']);
    expect(p.reasons[2]?.year).toBe('2020');
    const several = publishedView({ ...view, time: { from: '2019-11', to: '2020-02' } });
    expect([several.year, several.view.time]).toEqual([null, null]);
    expect(several.reasons.map((r) => r.code)).toContain('severalYears');
  });
});
