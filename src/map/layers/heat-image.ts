/**
 * A density grid to RGBA pixels with a fixed colour domain, so that the colours of a place do not change
 * meaning while the user brushes time.
 */
import { COUNT_RAMP } from './color-ramps';

/** RGBA pixels of a grid, row 0 at the north. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/**
 * Colours each cell by its value on a linear scale over `domain`; values at or below the domain minimum are
 * transparent, values above the maximum take the darkest colour.
 */
export function heatImage(
  values: ArrayLike<number>,
  width: number,
  height: number,
  domain: readonly [number, number],
): RgbaImage {
  if (values.length !== width * height)
    throw new RangeError('heatImage: values must have width × height entries');
  const [lo, hi] = domain;
  const span = hi > lo ? hi - lo : 1;
  const data = new Uint8ClampedArray(width * height * 4);
  const last = COUNT_RAMP.length - 1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!(v > lo)) continue;
    const t = Math.min(1, (v - lo) / span);
    const [r, g, b] = COUNT_RAMP[Math.round(t * last)]!;
    data[i * 4] = r;
    data[i * 4 + 1] = g;
    data[i * 4 + 2] = b;
    data[i * 4 + 3] = Math.round(90 + 150 * t);
  }
  return { width, height, data };
}
