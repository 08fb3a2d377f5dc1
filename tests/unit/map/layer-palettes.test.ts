import { describe, expect, it } from 'vitest';
import { COUNT_RAMP } from '../../../src/map/layers/color-ramps';
import { emergingLayer, HOTSPOT_CLASS_COLORS } from '../../../src/map/layers/hotspot-layers';
import { deltaE, lightness, VISIONS } from '../../support/color-vision';

const GI_CLASSED = [3, 2, 1, -1, -2, -3].map((c) => HOTSPOT_CLASS_COLORS[c]!);

describe('layer palettes when stacked', () => {
  it('the deltaE helper gives known differences: black–white 100, identical 0', () => {
    expect(deltaE([0, 0, 0], [255, 255, 255], 'normal')).toBeCloseTo(100, 1);
    expect(deltaE([215, 48, 39], [215, 48, 39], 'deutan')).toBe(0);
    // deuteranopes confuse red and green of similar lightness: far apart normally, close when simulated
    expect(deltaE([200, 60, 40], [90, 130, 40], 'normal')).toBeGreaterThan(50);
    expect(deltaE([200, 60, 40], [90, 130, 40], 'deutan')).toBeLessThan(25);
  });

  it('counts (hexagons) and Gi* classes stay apart in normal and colour-deficient vision', () => {
    // from the middle count step up (where counts are dense enough to be confused with a class)
    for (const vision of VISIONS) {
      let min = Number.POSITIVE_INFINITY;
      for (const c of COUNT_RAMP.slice(3))
        for (const g of GI_CLASSED) min = Math.min(min, deltaE(c, g, vision));
      expect(min, vision).toBeGreaterThanOrEqual(20);
    }
  });

  it('the count ramp runs light to dark in every vision (ordered by lightness)', () => {
    for (const vision of VISIONS) {
      const l = COUNT_RAMP.map((c) => lightness(c, vision));
      for (let i = 1; i < l.length; i++) expect(l[i]!, vision).toBeLessThan(l[i - 1]! - 5);
    }
  });

  it('emerging patterns over the Gi* layer are drawn as outlines of the patterned cells only', () => {
    const data = { cells: ['8a2a1072b59ffff', '8a2a1072b5b7fff'], pattern: Int8Array.from([4, 0]) };
    const filled = emergingLayer(data);
    expect(filled.props.filled).toBe(true);
    expect((filled.props.data as unknown[]).length).toBe(2);
    const outlined = emergingLayer(data, undefined, null, true);
    expect(outlined.props.filled).toBe(false);
    expect((outlined.props.data as unknown[]).length).toBe(1);
    const row = (outlined.props.data as { code: number }[])[0]!;
    const lineColor = outlined.props.getLineColor as unknown as (d: unknown) => number[];
    expect(lineColor(row)).toEqual([222, 45, 38, 255]);
  });
});
