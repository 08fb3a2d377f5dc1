/**
 * Small parsers of the program form: an id slug from a name, site points from text, and the catchment the
 * form's choice makes.
 */
import { msg } from '../../../analysis/messages/message';
import {
  CatchmentError,
  type CatchmentSpec,
  catchmentFromBoundaryIds,
  catchmentFromPoints,
  catchmentFromPolygon,
} from '../../../state/programs';

/** A lower-case ASCII slug of at most 48 characters ('program' when nothing is left). */
export function slug(text: string): string {
  const base = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
  return base || 'program';
}

/** Parses "lon,lat; lon,lat" into points; throws RangeError naming the bad item. */
export function parsePoints(text: string): [number, number][] {
  return text
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [a, b] = part.split(',').map((v) => Number(v.trim()));
      if (!(Number.isFinite(a) && Number.isFinite(b)))
        throw new CatchmentError(msg('programfile:catchment.badPoint', { part }));
      return [a!, b!];
    });
}

/** Where the form takes the catchment from. */
export type CatchmentSource = 'areas' | 'polygon' | 'points' | 'keep';

/**
 * The catchment of the form's choice: the program's own (`keep`), the selected areas of the loaded boundary
 * file, the drawn polygon, or circles of `radius` metres around the sites typed in `points`. Throws a
 * {@link CatchmentError} saying what is missing or wrong.
 */
export function formCatchment(
  source: CatchmentSource,
  input: {
    kept: CatchmentSpec | null;
    boundaries: { idProperty: string; layerName: string } | null;
    areaIds: readonly string[];
    polygon: readonly (readonly [number, number])[] | null | undefined;
    points: string;
    radius: number;
  },
): CatchmentSpec {
  if (source === 'keep' && input.kept) return input.kept;
  if (source === 'areas') {
    if (!input.boundaries) throw new CatchmentError(msg('programfile:catchment.selectAreas'));
    return catchmentFromBoundaryIds(input.boundaries.idProperty, input.areaIds, input.boundaries.layerName);
  }
  if (source === 'polygon') {
    if (!input.polygon) throw new CatchmentError(msg('programfile:catchment.drawFirst'));
    return catchmentFromPolygon(input.polygon);
  }
  return catchmentFromPoints(parsePoints(input.points), input.radius);
}
