/** Sequential colour ramps for counts and densities (as RGB triples), shared by layers and legends. */

/** A light-to-dark red ramp (7 steps) for counts. */
export const COUNT_RAMP: readonly [number, number, number][] = [
  [254, 240, 217],
  [253, 212, 158],
  [253, 187, 132],
  [252, 141, 89],
  [239, 101, 72],
  [215, 48, 31],
  [153, 0, 0],
];

/** Colour of `value` on a ramp with a fixed domain [0, max] (square-root scale, so small counts show). */
export function rampColor(value: number, max: number, ramp = COUNT_RAMP): [number, number, number] {
  if (!(max > 0) || !(value > 0)) return ramp[0]!;
  const t = Math.min(1, Math.sqrt(value / max));
  return ramp[Math.min(ramp.length - 1, Math.floor(t * (ramp.length - 1) + 0.5))]!;
}

/** CSS colour of a ramp step. */
export function cssColor([r, g, b]: readonly [number, number, number], alpha = 1): string {
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}
