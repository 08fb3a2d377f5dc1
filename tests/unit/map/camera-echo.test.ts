import { describe, expect, it } from 'vitest';
import { CameraEchoes } from '../../../src/map/camera-echo';

/** A camera as the link carries it: the zoom rounded to 0.01. */
const rounded = (c: { lon: number; lat: number; zoom: number }) => ({
  ...c,
  zoom: Math.round(c.zoom * 100) / 100,
});

const cut = { lon: -73.91, lat: 40.82, zoom: 12.5621796 };
const fitted = { lon: -73.905, lat: 40.83, zoom: 13.1710105 };

describe('camera echoes', () => {
  it('takes the last report coming back, rounded, for an echo', () => {
    const echoes = new CameraEchoes();
    echoes.reported(fitted);
    expect(echoes.isEcho(rounded(fitted))).toBe(true);
  });

  it('takes an earlier report coming back after a later one was made for an echo, not a move', () => {
    // a fit cut short by a scroll reports where it was cut, then reports its end before the first report is rendered
    const echoes = new CameraEchoes();
    echoes.reported(cut);
    echoes.reported(fitted);
    expect(echoes.isEcho(rounded(cut))).toBe(true);
    expect(echoes.isEcho(rounded(fitted))).toBe(true);
  });

  it('settles the reports before an echo: they do not come back later', () => {
    const echoes = new CameraEchoes();
    echoes.reported(cut);
    echoes.reported(fitted);
    expect(echoes.isEcho(rounded(fitted))).toBe(true);
    // the same camera as the first report, set later from outside (a link), is a move
    expect(echoes.isEcho(rounded(cut))).toBe(false);
  });

  it('takes a camera from outside for a move and forgets the reports still pending', () => {
    const echoes = new CameraEchoes();
    echoes.reported(cut);
    expect(echoes.isEcho({ lon: -74.0, lat: 40.7, zoom: 11 })).toBe(false);
    expect(echoes.isEcho(rounded(cut))).toBe(false);
  });

  it('tells a zoom rounded away by more than half a step from an echo', () => {
    const echoes = new CameraEchoes();
    echoes.reported(cut);
    expect(echoes.isEcho({ ...cut, zoom: 12.55 })).toBe(false);
    echoes.reported(cut);
    expect(echoes.isEcho({ ...cut, lon: cut.lon + 1e-5 })).toBe(false);
  });

  it('remembers a bounded number of reports', () => {
    const echoes = new CameraEchoes();
    echoes.reported(cut);
    for (let i = 0; i < 16; i++) echoes.reported({ lon: i, lat: 0, zoom: 3 });
    expect(echoes.isEcho(rounded(cut))).toBe(false);
  });
});
