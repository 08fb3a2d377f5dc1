/**
 * The areas of the map as GeoJSON for other tools: each boundary feature with its id, name, count for the
 * current selection and, when the boundaries carry population, the raw and Empirical Bayes smoothed rates per
 * 100,000 residents per year and the reliability flag. Counts 1..k−1 are withheld (null, with
 * `suppressed: true`) under a suppression threshold k, and so are the rates built on them.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { isSuppressed } from '../../analysis/privacy/count-format';
import type { AreaRates } from '../../analysis/rates/area-rates';

/** Inputs of {@link areasGeoJson}. */
export interface AreasGeoJsonInput {
  features: readonly Feature<Geometry | null>[];
  ids: readonly string[];
  names: readonly string[];
  counts: ArrayLike<number>;
  rates: AreaRates | null;
  /** Residents per area (same order), when known. */
  population?: ArrayLike<number> | null;
  unit: 'incidents' | 'victims';
  /** First and last month of the counts, "YYYY-MM". */
  from: string;
  to: string;
  /** Suppression threshold k (0 = off). */
  suppressBelow?: number;
}

/** One feature per area, in the boundary file's order, with the figures as properties. */
export function areasGeoJson(input: AreasGeoJsonInput): FeatureCollection<Geometry | null> {
  const k = input.suppressBelow ?? 0;
  if (input.ids.length !== input.features.length || input.counts.length !== input.features.length)
    throw new RangeError('areas, ids and counts must have the same length');
  return {
    type: 'FeatureCollection',
    features: input.features.map((feature, i) => {
      const count = input.counts[i] ?? 0;
      const hidden = isSuppressed(count, k);
      const r = input.rates;
      return {
        type: 'Feature',
        geometry: feature.geometry,
        properties: {
          id: input.ids[i],
          name: input.names[i],
          unit: input.unit,
          from: input.from,
          to: input.to,
          count: hidden ? null : count,
          suppressed: hidden,
          ...(r
            ? {
                population: finite(input.population?.[i]),
                rate_per_100k_year: hidden ? null : finite(r.crude[i]),
                smoothed_rate_per_100k_year: hidden ? null : finite(r.smoothed[i]),
                unreliable: r.unreliable[i] === 1,
              }
            : {}),
        },
      };
    }),
  };
}

function finite(v: number | undefined): number | null {
  return v !== undefined && Number.isFinite(v) ? v : null;
}
