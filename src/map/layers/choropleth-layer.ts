/**
 * The choropleth of a boundary set: each area filled by the class of its value (a fixed set of class
 * breaks, so colours do not move while the user brushes), areas with no value (withheld, or no
 * population) in grey, and unreliable values marked by a dot pattern drawn over the fill — a mark that
 * does not rely on colour.
 */
import { GeoJsonLayer, ScatterplotLayer } from '@deck.gl/layers';
import { bbox, booleanPointInPolygon } from '@turf/turf';
import type { PolygonFeature } from '../../geo/point-in-polygons';

/** A colour-blind-safe sequential ramp (ColorBrewer YlGnBu, 5 classes), light to dark. */
export const CHOROPLETH_RAMP: readonly [number, number, number][] = [
  [255, 255, 204],
  [161, 218, 180],
  [65, 182, 196],
  [44, 127, 184],
  [37, 52, 148],
];

/** Fill of an area with no value (withheld or not computable). */
export const NO_VALUE_COLOR: [number, number, number] = [200, 200, 200];

/**
 * Class breaks: `classes − 1` upper bounds from quantiles of the positive finite values, rounded to two
 * significant digits and made strictly increasing. Zero always falls in the first class.
 */
export function classBreaks(values: ArrayLike<number>, classes = CHOROPLETH_RAMP.length): number[] {
  const sorted = Array.from(values)
    .filter((v) => Number.isFinite(v) && v > 0)
    .sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const round = (v: number) => {
    if (v <= 0) return 0;
    const p = 10 ** (Math.floor(Math.log10(v)) - 1);
    return Math.round(v / p) * p;
  };
  const breaks: number[] = [];
  for (let c = 1; c < classes; c++) {
    const q = sorted[Math.min(sorted.length - 1, Math.floor((c / classes) * sorted.length))]!;
    const b = round(q);
    if (b > (breaks[breaks.length - 1] ?? 0)) breaks.push(b);
  }
  return breaks;
}

/** Class index of a value (0 .. breaks.length): the first break it does not exceed. */
export function classOf(value: number, breaks: readonly number[]): number {
  for (let i = 0; i < breaks.length; i++) if (value <= breaks[i]!) return i;
  return breaks.length;
}

/** Colour of a value under the breaks (grey when not finite). */
export function choroplethColor(value: number, breaks: readonly number[]): [number, number, number] {
  if (!Number.isFinite(value)) return NO_VALUE_COLOR;
  const ramp = CHOROPLETH_RAMP;
  const c = classOf(value, breaks);
  // Fewer breaks than ramp steps: spread the classes over the whole ramp.
  const step = breaks.length === 0 ? 0 : Math.round((c / breaks.length) * (ramp.length - 1));
  return ramp[step]!;
}

/**
 * Dot positions filling each marked polygon on a regular grid (about `perSide` dots across its bounding
 * box), used as the "unreliable" pattern.
 */
export function patternDots(
  features: readonly PolygonFeature[],
  marked: ArrayLike<number>,
  perSide = 9,
): [number, number][] {
  const out: [number, number][] = [];
  features.forEach((f, i) => {
    if (!marked[i]) return;
    const [w, s, e, n] = bbox(f);
    const step = Math.max(e - w, n - s) / perSide;
    if (!(step > 0)) return;
    for (let y = s + step / 2, row = 0; y < n; y += step, row++)
      for (let x = w + (row % 2 ? step : step / 2); x < e; x += step)
        if (booleanPointInPolygon([x, y], f)) out.push([x, y]);
  });
  return out;
}

/** Input of {@link choroplethLayers}. */
export interface ChoroplethLayerData {
  features: readonly PolygonFeature[];
  /** Value per area (NaN = no value). */
  values: Float64Array;
  breaks: readonly number[];
  /** 1 where the value is unreliable or withheld (dot pattern). */
  marked: Uint8Array;
  /** Dots of {@link patternDots} for `marked` (computed once per boundary set and marking). */
  dots: [number, number][];
  /** Changes whenever values, breaks or marks change (deck.gl update trigger). */
  version: string;
}

/** The fill layer (pickable, `object` is the feature; the index is the area) and the pattern layer. */
export function choroplethLayers(d: ChoroplethLayerData) {
  const index = new Map(d.features.map((f, i) => [f, i]));
  return [
    new GeoJsonLayer({
      id: 'choropleth',
      data: d.features as PolygonFeature[],
      filled: true,
      stroked: true,
      pickable: true,
      getFillColor: (f) => [
        ...choroplethColor(d.values[index.get(f as PolygonFeature) ?? -1] ?? Number.NaN, d.breaks),
        215,
      ],
      getLineColor: [60, 60, 60, 200],
      getLineWidth: 1,
      lineWidthUnits: 'pixels',
      updateTriggers: { getFillColor: d.version },
    }),
    new ScatterplotLayer<[number, number]>({
      id: 'choropleth-unreliable',
      data: d.dots,
      getPosition: (p) => p,
      getRadius: 1.6,
      radiusUnits: 'pixels',
      getFillColor: [20, 20, 20, 230],
      updateTriggers: { getPosition: d.version },
    }),
  ];
}
