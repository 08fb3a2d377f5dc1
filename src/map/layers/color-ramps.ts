/**
 * Sequential colour ramps for counts and densities (as RGB triples), shared by layers and legends.
 *
 * Counts (hexagons, the density surface, the hour × weekday matrix) use cividis, light to dark: a
 * yellow-grey-navy ramp built to read the same with red-green and blue-yellow colour-vision deficiency
 * (Nuñez JR, Anderton CR, Renslow RS (2018) Optimizing colormaps with consideration for color vision
 * deficiency. PLoS ONE 13(7): e0199239). It keeps counts apart from the red-blue Gi* classes and the
 * emerging patterns drawn over them: from the middle step up, every count colour differs from every Gi*
 * class colour by ΔE*ab ≥ 20 in normal and simulated protan, deutan and tritan vision (tested).
 */

/** Cividis sampled at 7 evenly spaced points, light (few) to dark (many). */
export const COUNT_RAMP: readonly [number, number, number][] = [
  [253, 234, 69],
  [213, 193, 100],
  [164, 157, 120],
  [127, 124, 117],
  [87, 92, 110],
  [31, 62, 110],
  [0, 32, 81],
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
