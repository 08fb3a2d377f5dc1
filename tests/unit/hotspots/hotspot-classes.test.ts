import { describe, expect, it } from 'vitest';
import {
  HOTSPOT_CLASS_LABELS,
  hotspotClasses,
  hotspotClassLabel,
  hotspotClassOf,
} from '../../../src/analysis/hotspots/hotspot-classes';

describe('hotspotClasses', () => {
  it('classes cells at 99/95/90% by raw p when FDR is off (thresholds inclusive)', () => {
    const z = Float64Array.from([3, 2.1, 1.7, 1.2, -1.7, -2.1, -3, 0, 2]);
    const p = Float64Array.from([0.001, 0.05, 0.1, 0.2, 0.09, 0.03, 0.01, 1, 0.100001]);
    const r = hotspotClasses(z, p, { fdr: false });
    expect(Array.from(r.classes)).toEqual([3, 2, 1, 0, -1, -2, -3, 0, 0]);
    expect(r.fdr).toBe(false);
    expect(Array.from(r.significance)).toEqual(Array.from(p));
  });

  it('classes by BH q-values by default: q = (0.004, 0.04, 0.0667, 0.36) for p = (0.001, 0.02, 0.05, 0.36)', () => {
    // m = 4: q_(1) = 4·0.001 = 0.004, q_(2) = 4·0.02/2 = 0.04, q_(3) = 4·0.05/3 = 0.0667, q_(4) = 0.36.
    const z = Float64Array.from([4, 2.3, -2, 0.9]);
    const p = Float64Array.from([0.001, 0.02, 0.05, 0.36]);
    const r = hotspotClasses(z, p);
    expect(r.fdr).toBe(true);
    expect(Math.abs((r.significance[2] as number) - 0.2 / 3)).toBeLessThan(1e-15);
    expect(Array.from(r.classes)).toEqual([3, 2, -1, 0]);
    // Without FDR the third cell would be 95% cold and the first still 99% hot.
    expect(Array.from(hotspotClasses(z, p, { fdr: false }).classes)).toEqual([3, 2, -2, 0]);
  });

  it('labels every code and rejects unknown codes', () => {
    expect(hotspotClassLabel(3)).toBe('Hot spot, 99% confidence');
    expect(hotspotClassLabel(-2)).toBe('Cold spot, 95% confidence');
    expect(hotspotClassLabel(0)).toBe('Not significant');
    expect(Object.keys(HOTSPOT_CLASS_LABELS).length).toBe(7);
    expect(() => hotspotClassLabel(4)).toThrow(RangeError);
  });

  it('treats NaN and z = 0 as not significant', () => {
    expect(hotspotClassOf(Number.NaN, 0.001)).toBe(0);
    expect(hotspotClassOf(2, Number.NaN)).toBe(0);
    expect(hotspotClassOf(0, 0)).toBe(0);
  });

  it('rejects mismatched or untyped input', () => {
    expect(() => hotspotClasses(new Float64Array(2), new Float64Array(3))).toThrow(RangeError);
    expect(() => hotspotClasses([1] as unknown as Float64Array, new Float64Array(1))).toThrow(TypeError);
  });
});
