/**
 * Catchments: built from a drawn ring, selected boundary features or circles around sites, and resolved to
 * the polygons the app counts in (a `boundary` catchment against the loaded boundary file).
 */
import { circle, featureCollection } from '@turf/turf';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { englishText } from '../analysis/messages/english';
import { type Message, msg } from '../analysis/messages/message';
import type { PolygonFeature } from '../geo/point-in-polygons';
import type { CatchmentSpec } from './program-types';
import { checkRing, MAX_METRES } from './program-validation';

/** A problem with a catchment being built: a RangeError whose English text is its message's. */
export class CatchmentError extends RangeError {
  override readonly name = 'CatchmentError';
  /** The problem, for the interface's language. */
  readonly structured: Message;
  constructor(message: Message) {
    super(englishText(message));
    this.structured = message;
  }
}

/** A catchment from a drawn ring (closed list of [lon, lat]). Throws a RangeError for a bad ring. */
export function catchmentFromPolygon(ring: readonly (readonly [number, number])[]): CatchmentSpec {
  const coords = ring.map(([x, y]) => [x, y]);
  const errors: Message[] = [];
  // A ring has at most one problem (checkRing stops at the first).
  checkRing(coords, msg('programfile:catchment.polygon'), errors);
  if (errors.length > 0) throw new CatchmentError(errors[0]!);
  return { type: 'geometry', geometry: { type: 'Polygon', coordinates: [coords] } };
}

/** A catchment from selected boundary features, by their id property values. */
export function catchmentFromBoundaryIds(
  property: string,
  values: readonly string[],
  layerHint?: string,
): CatchmentSpec {
  if (values.length === 0) throw new CatchmentError(msg('programfile:catchment.selectFeature'));
  return { type: 'boundary', property, values: [...values], ...(layerHint ? { layerHint } : {}) };
}

/**
 * A catchment of circles of `metres` around points (e.g. program sites), as polygon features
 * (@turf/turf `circle`: 64 geodesic vertices). Throws a RangeError for no points or a bad radius.
 */
export function catchmentFromPoints(
  points: readonly (readonly [number, number])[],
  metres: number,
): CatchmentSpec {
  if (points.length === 0) throw new CatchmentError(msg('programfile:catchment.givePoint'));
  if (!(metres > 0 && metres <= MAX_METRES))
    throw new CatchmentError(msg('programfile:catchment.radius', { max: String(MAX_METRES) }));
  const features: PolygonFeature[] = points.map(([lon, lat]) => {
    const f = circle([lon, lat], metres, { units: 'meters', steps: 64 });
    return { type: 'Feature', properties: {}, geometry: f.geometry as Polygon };
  });
  return { type: 'features', features };
}

/** Finds a boundary catchment's features, or says why it cannot (see {@link boundaryPolygons}). */
export type BoundaryResolver = (property: string, values: readonly string[]) => PolygonFeature[] | Message;

/**
 * The catchment's polygons, or a message saying why there are none to count in. `boundary` catchments need
 * the loaded boundary features (`resolve`); a `none` catchment gives its note (the registry's or the user's
 * words, written as they are).
 */
export function catchmentPolygons(
  spec: CatchmentSpec,
  resolve?: BoundaryResolver,
): PolygonFeature[] | Message {
  switch (spec.type) {
    case 'geometry':
      return [{ type: 'Feature', properties: {}, geometry: spec.geometry }];
    case 'features':
      return spec.features;
    case 'boundary':
      if (!resolve)
        return msg('programfile:catchment.needsBoundary', {
          property: spec.property,
          values: { list: spec.values, join: ', ' },
          layer: spec.layerHint ?? msg('programfile:catchment.aBoundaryFile'),
        });
      return resolve(spec.property, spec.values);
    case 'none':
      return msg('programfile:catchment.note', { note: spec.note });
  }
}

/**
 * The catchment's polygons, or why there are none in English (see {@link catchmentPolygons}; `resolve`
 * returns the matching features or a text saying why none match).
 */
export function catchmentFeatures(
  spec: CatchmentSpec,
  resolve?: (property: string, values: readonly string[]) => PolygonFeature[] | string,
): PolygonFeature[] | string {
  if (spec.type === 'boundary' && resolve) return resolve(spec.property, spec.values);
  const found = catchmentPolygons(spec);
  return Array.isArray(found) ? found : englishText(found);
}

/**
 * Features of a boundary layer whose `property` is one of `values` (text comparison), in the order of
 * `values`; or a message naming the values not found.
 */
export function boundaryPolygons(
  features: readonly PolygonFeature[],
  property: string,
  values: readonly string[],
): PolygonFeature[] | Message {
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
    return msg('programfile:catchment.missing', { property, values: { list: missing, join: ', ' } });
  return out;
}

/** {@link boundaryPolygons} with the values not found named in English. */
export function resolveBoundaryFeatures(
  features: readonly PolygonFeature[],
  property: string,
  values: readonly string[],
): PolygonFeature[] | string {
  const found = boundaryPolygons(features, property, values);
  return Array.isArray(found) ? found : englishText(found);
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
