/**
 * Small parsers of the program form: an id slug from a name and site points from text.
 */
import { msg } from '../../../analysis/messages/message';
import { CatchmentError } from '../../../state/programs';

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
