/**
 * The strict pure validator of programs: {@link validateProgram} never throws on bad data and returns every
 * problem with its path, so a form or an import can list them.
 */
import { PROGRAM_MODELS, type Program } from './program-types';

/** Result of {@link validateProgram}. */
export type ProgramValidation = { ok: true; program: Program } | { ok: false; errors: string[] };

const ID_RE = /^[a-z0-9][a-z0-9-]{0,63}$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_TEXT = 4000;

/** True for a plain object (not null, not a list). */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function validDate(text: unknown): text is string {
  if (typeof text !== 'string' || !DATE_RE.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** Checks a closed ring of [longitude, latitude] positions; problems go to `errors` under `path`. */
export function checkRing(ring: unknown, path: string, errors: string[]): void {
  if (!Array.isArray(ring) || ring.length < 4) {
    errors.push(`${path}: a ring needs at least 4 positions (closed)`);
    return;
  }
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i] as unknown;
    if (
      !Array.isArray(p) ||
      typeof p[0] !== 'number' ||
      typeof p[1] !== 'number' ||
      !(Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90)
    ) {
      errors.push(`${path}[${i}]: must be [longitude, latitude] in degrees (WGS84)`);
      return;
    }
  }
  const a = ring[0] as number[];
  const b = ring[ring.length - 1] as number[];
  if (a[0] !== b[0] || a[1] !== b[1]) errors.push(`${path}: the ring must be closed (last = first)`);
}

function checkPolygonGeometry(g: unknown, path: string, errors: string[]): void {
  if (!isObject(g)) {
    errors.push(`${path}: must be a GeoJSON Polygon or MultiPolygon`);
    return;
  }
  if (g.type === 'Polygon') {
    if (!Array.isArray(g.coordinates) || g.coordinates.length === 0)
      errors.push(`${path}.coordinates: a Polygon needs at least one ring`);
    else
      g.coordinates.forEach((r, i) => {
        checkRing(r, `${path}.coordinates[${i}]`, errors);
      });
  } else if (g.type === 'MultiPolygon') {
    if (!Array.isArray(g.coordinates) || g.coordinates.length === 0)
      errors.push(`${path}.coordinates: a MultiPolygon needs at least one polygon`);
    else
      g.coordinates.forEach((poly, j) => {
        if (!Array.isArray(poly) || poly.length === 0)
          errors.push(`${path}.coordinates[${j}]: a polygon needs at least one ring`);
        else
          poly.forEach((r, i) => {
            checkRing(r, `${path}.coordinates[${j}][${i}]`, errors);
          });
      });
  } else {
    errors.push(`${path}: must be a GeoJSON Polygon or MultiPolygon, got type ${JSON.stringify(g.type)}`);
  }
}

function checkFeatures(list: unknown, path: string, errors: string[]): void {
  if (!Array.isArray(list) || list.length === 0) {
    errors.push(`${path}: must be a non-empty list of polygon features`);
    return;
  }
  list.forEach((f, i) => {
    if (!isObject(f) || f.type !== 'Feature') errors.push(`${path}[${i}]: must be a GeoJSON Feature`);
    else checkPolygonGeometry(f.geometry, `${path}[${i}].geometry`, errors);
  });
}

function checkText(v: unknown, path: string, errors: string[], required: boolean): void {
  if (v === undefined && !required) return;
  if (typeof v !== 'string' || (required && v.trim() === ''))
    errors.push(`${path}: must be ${required ? 'non-empty ' : ''}text`);
  else if (v.length > MAX_TEXT) errors.push(`${path}: at most ${MAX_TEXT} characters`);
}

function checkCatchment(c: unknown, errors: string[]): void {
  if (!isObject(c)) {
    errors.push('catchment: required (type geometry, features, boundary or none)');
    return;
  }
  switch (c.type) {
    case 'geometry':
      checkPolygonGeometry(c.geometry, 'catchment.geometry', errors);
      break;
    case 'features':
      checkFeatures(c.features, 'catchment.features', errors);
      break;
    case 'boundary':
      checkText(c.property, 'catchment.property', errors, true);
      if (
        !Array.isArray(c.values) ||
        c.values.length === 0 ||
        !c.values.every((v) => typeof v === 'string' && v !== '')
      )
        errors.push('catchment.values: must be a non-empty list of feature values (text)');
      checkText(c.layerHint, 'catchment.layerHint', errors, false);
      break;
    case 'none':
      checkText(c.note, 'catchment.note', errors, true);
      break;
    default:
      errors.push(
        `catchment.type: must be geometry, features, boundary or none, got ${JSON.stringify(c.type)}`,
      );
  }
}

/**
 * Checks that `value` is a well-formed program and returns it typed, or every problem found (path: what
 * is wrong). Pure; never throws.
 */
export function validateProgram(value: unknown): ProgramValidation {
  const errors: string[] = [];
  if (!isObject(value)) return { ok: false, errors: ['program: must be an object'] };
  const v = value;
  if (typeof v.id !== 'string' || !ID_RE.test(v.id))
    errors.push('id: must be 1-64 lower-case letters, digits or hyphens, starting with a letter or digit');
  checkText(v.name, 'name', errors, true);
  if (!(PROGRAM_MODELS as readonly unknown[]).includes(v.model))
    errors.push(`model: must be one of ${PROGRAM_MODELS.join(', ')}`);
  checkText(v.modelDetail, 'modelDetail', errors, false);
  checkText(v.city, 'city', errors, true);
  if (!validDate(v.launch)) errors.push('launch: must be a date YYYY-MM-DD');
  if (v.launchPrecision !== undefined && !['day', 'month', 'year'].includes(v.launchPrecision as string))
    errors.push('launchPrecision: must be day, month or year');
  if (v.end !== undefined && v.end !== null) {
    if (!validDate(v.end)) errors.push('end: must be a date YYYY-MM-DD or null');
    else if (validDate(v.launch) && (v.end as string) <= (v.launch as string))
      errors.push('end: must be after the launch date');
  }
  checkCatchment(v.catchment, errors);
  if (v.comparison !== undefined) {
    const c = v.comparison;
    if (!isObject(c)) errors.push('comparison: must be an object with ids and/or features');
    else {
      if (
        c.ids !== undefined &&
        (!Array.isArray(c.ids) || !c.ids.every((x) => typeof x === 'string' && x !== ''))
      )
        errors.push('comparison.ids: must be a list of feature values (text)');
      checkText(c.property, 'comparison.property', errors, false);
      if (c.features !== undefined) checkFeatures(c.features, 'comparison.features', errors);
    }
  }
  if (v.displacementBufferMetres !== undefined) {
    const b = v.displacementBufferMetres;
    if (typeof b !== 'number' || !Number.isFinite(b) || b < 0 || b > 20_000)
      errors.push('displacementBufferMetres: must be a number of metres from 0 to 20000');
  }
  checkText(v.notes, 'notes', errors, false);
  const sourceIds = new Set<string>();
  if (!Array.isArray(v.sources)) errors.push('sources: must be a list (may be empty)');
  else
    v.sources.forEach((s, i) => {
      if (!isObject(s)) errors.push(`sources[${i}]: must be an object { id, citation }`);
      else {
        checkText(s.id, `sources[${i}].id`, errors, true);
        checkText(s.citation, `sources[${i}].citation`, errors, true);
        checkText(s.url, `sources[${i}].url`, errors, false);
        if (typeof s.id === 'string') {
          if (sourceIds.has(s.id)) errors.push(`sources[${i}].id: duplicate id ${s.id}`);
          sourceIds.add(s.id);
        }
      }
    });
  if (!Array.isArray(v.publishedOutcomes)) errors.push('publishedOutcomes: must be a list (may be empty)');
  else
    v.publishedOutcomes.forEach((o, i) => {
      const p = `publishedOutcomes[${i}]`;
      if (!isObject(o)) {
        errors.push(`${p}: must be an object`);
        return;
      }
      checkText(o.outcome, `${p}.outcome`, errors, true);
      checkText(o.figure, `${p}.figure`, errors, true);
      for (const k of ['design', 'unit', 'window'] as const) checkText(o[k], `${p}.${k}`, errors, false);
      if (o.relativeChange !== undefined && !(typeof o.relativeChange === 'number' && o.relativeChange > -1))
        errors.push(`${p}.relativeChange: must be a number above -1 (e.g. -0.63)`);
      if (typeof o.source !== 'string' || !sourceIds.has(o.source))
        errors.push(`${p}.source: must name one of the program's sources (every figure needs a citation)`);
    });
  if (v.synthetic !== undefined && typeof v.synthetic !== 'boolean')
    errors.push('synthetic: must be true or false');
  if (v.origin !== undefined && !['founding', 'demo', 'user'].includes(v.origin as string))
    errors.push('origin: must be founding, demo or user');
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, program: value as unknown as Program };
}

/** Validates a list of programs; errors are prefixed with the program's position and id. */
export function validatePrograms(value: unknown): { programs: Program[]; errors: string[] } {
  if (!Array.isArray(value)) return { programs: [], errors: ['programs: must be a list'] };
  const programs: Program[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  value.forEach((item, i) => {
    const r = validateProgram(item);
    const label = isObject(item) && typeof item.id === 'string' ? ` (${item.id})` : '';
    if (!r.ok) for (const e of r.errors) errors.push(`programs[${i}]${label}: ${e}`);
    else if (seen.has(r.program.id)) errors.push(`programs[${i}]${label}: duplicate id`);
    else {
      seen.add(r.program.id);
      programs.push(r.program);
    }
  });
  return { programs, errors };
}
