import { describe, expect, it } from 'vitest';
import { brushAfterKey } from '../../../src/charts/time-histogram-spec';

describe('brushAfterKey (keyboard brush)', () => {
  it('creates the last twelve months on the first arrow, or the whole series when shorter', () => {
    expect(brushAfterKey(null, 'ArrowLeft', false, 120)).toEqual([108, 119]);
    expect(brushAfterKey(null, 'ArrowRight', true, 120)).toEqual([108, 119]);
    expect(brushAfterKey(null, 'End', false, 5)).toEqual([0, 4]);
  });

  it('moves by one month keeping the length, and stops at both ends', () => {
    expect(brushAfterKey([10, 21], 'ArrowRight', false, 120)).toEqual([11, 22]);
    expect(brushAfterKey([10, 21], 'ArrowLeft', false, 120)).toEqual([9, 20]);
    expect(brushAfterKey([0, 11], 'ArrowLeft', false, 120)).toEqual([0, 11]);
    expect(brushAfterKey([108, 119], 'ArrowRight', false, 120)).toEqual([108, 119]);
  });

  it('resizes with shift: the end moves, never before the start nor past the last month', () => {
    expect(brushAfterKey([10, 21], 'ArrowRight', true, 120)).toEqual([10, 22]);
    expect(brushAfterKey([10, 21], 'ArrowLeft', true, 120)).toEqual([10, 20]);
    expect(brushAfterKey([10, 10], 'ArrowLeft', true, 120)).toEqual([10, 10]);
    expect(brushAfterKey([10, 119], 'ArrowRight', true, 120)).toEqual([10, 119]);
  });

  it('jumps with Home and End, clears with Escape, ignores other keys', () => {
    expect(brushAfterKey([50, 55], 'Home', false, 120)).toEqual([0, 5]);
    expect(brushAfterKey([50, 55], 'End', false, 120)).toEqual([114, 119]);
    expect(brushAfterKey([50, 55], 'Escape', false, 120)).toBeNull();
    expect(brushAfterKey(null, 'Escape', false, 120)).toBeUndefined();
    expect(brushAfterKey([50, 55], 'a', false, 120)).toBeUndefined();
    expect(() => brushAfterKey(null, 'ArrowLeft', false, 0)).toThrow(RangeError);
  });
});
