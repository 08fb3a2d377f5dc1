/**
 * Boundary layers: GeoJSON polygons (neighborhoods, precincts, catchments, study areas) with their property
 * names listed so the user can choose which one is the id and which the name.
 */
import type { FeatureCollection } from 'geojson';
import { msg } from '../../analysis/messages/message';
import type { PolygonFeature } from '../../geo/point-in-polygons';
import { ImportError } from './sniff';

/** A loaded boundary layer. */
export interface BoundaryLayer {
  name: string;
  features: PolygonFeature[];
  /** Every property name found on the features, in first-seen order. */
  properties: string[];
  /** Suggested id and name properties (unique values preferred). */
  idProperty: string | null;
  nameProperty: string | null;
  /** Features left out because they were not polygons. */
  skipped: number;
}

const NAME_HINTS = ['name', 'ntaname', 'boroname', 'label', 'title'];
const ID_HINTS = ['id', 'precinct', 'nta2020', 'ntacode', 'borocd', 'borocode', 'code', 'geoid'];

/** Parses boundary GeoJSON text into a layer. */
export function parseBoundaries(name: string, text: string): BoundaryLayer {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ImportError(msg('data:error.invalidJson', { name, detail: (error as Error).message }));
  }
  const fc = parsed as Partial<FeatureCollection>;
  if (fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new ImportError(msg('data:error.notPolygonCollection', { name }));
  }
  const features = fc.features.filter(
    (f): f is PolygonFeature => f?.geometry?.type === 'Polygon' || f?.geometry?.type === 'MultiPolygon',
  );
  if (features.length === 0) {
    throw new ImportError(msg('data:error.noPolygons', { name }));
  }
  for (const f of features) {
    const first =
      f.geometry.type === 'Polygon' ? f.geometry.coordinates[0]?.[0] : f.geometry.coordinates[0]?.[0]?.[0];
    if (!first || Math.abs(first[0]!) > 180 || Math.abs(first[1]!) > 90) {
      throw new ImportError(msg('data:error.notLonLat', { name, example: JSON.stringify(first) }));
    }
  }
  const properties: string[] = [];
  for (const f of features)
    for (const k of Object.keys(f.properties ?? {})) if (!properties.includes(k)) properties.push(k);
  const unique = (k: string) =>
    new Set(features.map((f) => String(f.properties?.[k]))).size === features.length;
  const pick = (hints: string[]) =>
    hints.map((h) => properties.find((p) => p.toLowerCase() === h && unique(p))).find(Boolean) ?? null;
  return {
    name,
    features,
    properties,
    idProperty: pick(ID_HINTS) ?? properties.find(unique) ?? null,
    nameProperty: pick(NAME_HINTS),
    skipped: fc.features.length - features.length,
  };
}

/** The text value of a feature property (numbers and strings compare as text, so `40` matches `"40"`). */
export function featureValue(feature: PolygonFeature, property: string): string | null {
  const v = feature.properties?.[property];
  return v === null || v === undefined ? null : String(v);
}

/**
 * Features whose `property` is one of `values` (compared as text).
 * @throws ImportError when the property does not exist or nothing matches.
 */
export function selectFeatures(
  layer: BoundaryLayer,
  property: string,
  values: readonly string[],
): PolygonFeature[] {
  if (!layer.properties.includes(property)) {
    throw new ImportError(
      msg('data:error.noProperty', { name: layer.name, property, properties: layer.properties.join(', ') }),
    );
  }
  const wanted = new Set(values);
  const hits = layer.features.filter((f) => wanted.has(featureValue(f, property) ?? ''));
  if (hits.length === 0) {
    throw new ImportError(
      msg('data:error.noFeatureWith', { name: layer.name, property, values: values.join(' or ') }),
    );
  }
  return hits;
}
