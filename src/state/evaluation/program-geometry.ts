/**
 * The places of a program on the active dataset: its catchment, the comparison units named by id or
 * given as features, and the donor pool for the synthetic control.
 */

import { type Message, msg } from '../../analysis/messages/message';
import { type PolygonFeature, polygonBbox } from '../../geo/point-in-polygons';
import { boundaryPolygons, catchmentPolygons } from '../program-catchments';
import type { Program } from '../program-types';
import type { EvaluationArea, EvaluationGeometry } from './program-series';

/** Boundaries an evaluation can resolve ids against. */
export interface EvaluationBoundaries {
  features: readonly PolygonFeature[];
  /** Property holding each feature's id (the dataset's id property). */
  idProperty: string;
  /** Display names by feature index (default: the id). */
  names?: readonly string[];
}

/** Options of {@link programPlaces}. */
export interface PlacesOptions {
  donorsFromOtherAreas?: boolean;
  avoid?: readonly PolygonFeature[];
}

function bboxesOverlap(a: number[], b: number[]): boolean {
  return a[0]! <= b[2]! && b[0]! <= a[2]! && a[1]! <= b[3]! && b[1]! <= a[3]!;
}

/**
 * The places of a program on the active dataset: catchment (resolving boundary ids), comparison units
 * (by id) and donors. With `donorsFromOtherAreas`, every other boundary feature whose bounding box does not
 * touch the (buffered) bounding box of any catchment in `avoid` joins the donor pool. Returns a message
 * instead when the program has no countable catchment or ids are missing (see {@link programGeometry} for
 * the same in English).
 */
export function programPlaces(
  program: Program,
  boundaries: EvaluationBoundaries | null,
  options: PlacesOptions = {},
): EvaluationGeometry | Message {
  const resolve = boundaries
    ? (property: string, values: readonly string[]) => boundaryPolygons(boundaries.features, property, values)
    : undefined;
  const catchment = catchmentPolygons(program.catchment, resolve);
  if (!Array.isArray(catchment)) return catchment;
  const idOf = (f: PolygonFeature, property: string) => {
    const v = f.properties?.[property];
    return v === null || v === undefined ? '' : String(v);
  };
  const comparison: EvaluationArea[] = [];
  const cmp = program.comparison;
  if (cmp?.ids && cmp.ids.length > 0) {
    if (!boundaries)
      return msg('programfile:catchment.comparisonNeedsBoundary', { ids: { list: cmp.ids, join: ', ' } });
    const property = cmp.property ?? boundaries.idProperty;
    const found = boundaryPolygons(boundaries.features, property, cmp.ids);
    if (!Array.isArray(found)) return found;
    found.forEach((f, k) => {
      const index = boundaries.features.indexOf(f);
      const name = boundaries.names?.[index];
      const id = cmp.ids![k]!;
      comparison.push({ id, label: name && name !== id ? `${name} (${id})` : id, features: [f] });
    });
  }
  (cmp?.features ?? []).forEach((f, k) => {
    // An unnamed area is named by its place in the file, in no language: "#2".
    const label = String(f.properties?.name ?? f.properties?.id ?? `#${k + 1}`);
    comparison.push({ id: String(f.properties?.id ?? `c${k + 1}`), label, features: [f] });
  });
  const donors: EvaluationArea[] = [];
  if (options.donorsFromOtherAreas && boundaries) {
    const pad = ((program.displacementBufferMetres ?? 0) + 50) / 111_000;
    const avoid = [...catchment, ...(options.avoid ?? [])].map((f) => {
      const b = polygonBbox(f);
      return [b[0] - pad * 1.5, b[1] - pad, b[2] + pad * 1.5, b[3] + pad];
    });
    const used = new Set<PolygonFeature>([...catchment, ...comparison.flatMap((c) => c.features)]);
    boundaries.features.forEach((f, i) => {
      if (used.has(f)) return;
      const b = polygonBbox(f);
      if (avoid.some((a) => bboxesOverlap(a, b))) return;
      const id = idOf(f, boundaries.idProperty) || String(i);
      const name = boundaries.names?.[i];
      donors.push({ id, label: name && name !== id ? `${name} (${id})` : id, features: [f] });
    });
  }
  const label =
    program.catchment.type === 'boundary'
      ? `${program.name} catchment (${program.catchment.property} ${program.catchment.values.join(', ')})`
      : `${program.name} catchment`;
  return {
    catchment,
    catchmentLabel: label,
    comparison,
    donors,
    bufferMetres: program.displacementBufferMetres ?? 0,
  };
}
