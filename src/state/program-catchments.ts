/**
 * Catchments: built from a drawn ring, selected boundary features or circles around sites, and resolved to
 * the polygons the app counts in (a `boundary` catchment against the loaded boundary file).
 */
import { circle, featureCollection } from '@turf/turf';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import type { PolygonFeature } from '../geo/point-in-polygons';
import type { CatchmentSpec } from './program-types';
import { checkRing } from './program-validation';

/** A catchment from a drawn ring (closed list of [lon, lat]). Throws RangeError for a bad ring. */
export function catchmentFromPolygon(ring: readonly (readonly [number, number])[]): CatchmentSpec {
  const coords = ring.map(([x, y]) => [x, y]);
  const errors: string[] = [];
  checkRing(coords, 'polygon', errors);
  if (errors.length > 0) throw new RangeError(errors.join('; '));
  return { type: 'geometry', geometry: { type: 'Polygon', coordinates: [coords] } };
}

/** A catchment from selected boundary features, by their id property values. */
export function catchmentFromBoundaryIds(
  property: string,
  values: readonly string[],
  layerHint?: string,
): CatchmentSpec {
  if (values.length === 0) throw new RangeError('select at least one boundary feature');
  return { type: 'boundary', property, values: [...values], ...(layerHint ? { layerHint } : {}) };
}

/**
 * A catchment of circles of `metres` around points (e.g. program sites), as polygon features
 * (@turf/turf `circle`: 64 geodesic vertices). Throws RangeError for no points or a bad radius.
 */
export function catchmentFromPoints(
  points: readonly (readonly [number, number])[],
  metres: number,
): CatchmentSpec {
  if (points.length === 0) throw new RangeError('give at least one point');
  if (!(metres > 0 && metres <= 20_000)) throw new RangeError('the radius must be 1 to 20000 metres');
  const features: PolygonFeature[] = points.map(([lon, lat]) => {
    const f = circle([lon, lat], metres, { units: 'meters', steps: 64 });
    return { type: 'Feature', properties: {}, geometry: f.geometry as Polygon };
  });
  return { type: 'features', features };
}

/**
 * The catchment's polygons. `boundary` catchments need the loaded boundary features and the property
 * (`resolve` returns the matching features, or a string saying why none match); `none` gives [].
 */
export function catchmentFeatures(
  spec: CatchmentSpec,
  resolve?: (property: string, values: readonly string[]) => PolygonFeature[] | string,
): PolygonFeature[] | string {
  switch (spec.type) {
    case 'geometry':
      return [{ type: 'Feature', properties: {}, geometry: spec.geometry }];
    case 'features':
      return spec.features;
    case 'boundary':
      if (!resolve)
        return `this catchment is defined by ${spec.property} = ${spec.values.join(', ')} of ${spec.layerHint ?? 'a boundary file'}; load that boundary file`;
      return resolve(spec.property, spec.values);
    case 'none':
      return spec.note;
  }
}

/**
 * Features of a boundary layer whose `property` is one of `values` (text comparison), in the order of
 * `values`; or a message naming the values not found.
 */
export function resolveBoundaryFeatures(
  features: readonly PolygonFeature[],
  property: string,
  values: readonly string[],
): PolygonFeature[] | string {
  const out: PolygonFeature[] = [];
  const missing: string[] = [];
  for (const value of values) {
    const hit = features.find((f) => {
      const v = f.properties?.[property];
      return v !== null && v !== undefined && String(v) === value;
    });
    if (hit) out.push(hit);
    else missing.push(value);
  }
  if (missing.length > 0)
    return `the loaded boundaries have no feature with ${property} = ${missing.join(', ')}`;
  return out;
}

/** Catchment polygons as a FeatureCollection for the map, each feature tagged with the program id. */
export function catchmentCollection(
  entries: readonly { programId: string; role: string; features: readonly Feature[] }[],
): FeatureCollection {
  return featureCollection(
    entries.flatMap((e) =>
      e.features.map((f) => ({
        type: 'Feature' as const,
        properties: { program: e.programId, role: e.role },
        geometry: f.geometry,
      })),
    ),
  ) as FeatureCollection;
}
