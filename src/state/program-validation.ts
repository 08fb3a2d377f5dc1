/**
 * The strict pure validator of programs: {@link validateProgram} never throws on bad data and returns every
 * problem with its path, so a form or an import can list them. Each problem is a message (namespace
 * `programfile`: "path: what is wrong", the path written as it is in the file) so the interface writes it in
 * the reader's language; `errors` holds the same problems in English for the command line and logs.
 */
import { englishText } from '../analysis/messages/english';
import { type Message, type MessageValue, msg } from '../analysis/messages/message';
import { PROGRAM_MODELS, type Program } from './program-types';

/** Result of {@link validateProgram}: the program, or every problem as a message and in English. */
export type ProgramValidation =
  | { ok: true; program: Program }
  | { ok: false; errors: string[]; problems: Message[] };

const ID_RE = /^[a-z0-9][a-z0-9-]{0,63}$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_TEXT = 4000;
/** Largest displacement buffer and catchment circle radius, metres. */
export const MAX_METRES = 20_000;

/** True for a plain object (not null, not a list). */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** "path: problem" (the path is written as it is: a field of the file, or a message naming a place). */
export function atPath(path: MessageValue, problem: Message): Message {
  return msg('programfile:at', { path, problem });
}

function add(errors: Message[], path: MessageValue, key: string, values?: Record<string, MessageValue>) {
  errors.push(atPath(path, msg(key, values)));
}

function validDate(text: unknown): text is string {
  if (typeof text !== 'string' || !DATE_RE.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** Checks a closed ring of [longitude, latitude] positions; problems go to `errors` under `path`. */
export function checkRing(ring: unknown, path: MessageValue, errors: Message[]): void {
  if (!Array.isArray(ring) || ring.length < 4) {
    add(errors, path, 'programfile:check.ringPositions');
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
      add(errors, msg('programfile:indexed', { path, index: String(i) }), 'programfile:check.position');
      return;
    }
  }
  const a = ring[0] as number[];
  const b = ring[ring.length - 1] as number[];
  if (a[0] !== b[0] || a[1] !== b[1]) add(errors, path, 'programfile:check.ringClosed');
}

function checkPolygonGeometry(g: unknown, path: string, errors: Message[]): void {
  if (!isObject(g)) {
    add(errors, path, 'programfile:check.polygonGeometry');
    return;
  }
  if (g.type === 'Polygon') {
    if (!Array.isArray(g.coordinates) || g.coordinates.length === 0)
      add(errors, `${path}.coordinates`, 'programfile:check.polygonRings');
    else
      g.coordinates.forEach((r, i) => {
        checkRing(r, `${path}.coordinates[${i}]`, errors);
      });
  } else if (g.type === 'MultiPolygon') {
    if (!Array.isArray(g.coordinates) || g.coordinates.length === 0)
      add(errors, `${path}.coordinates`, 'programfile:check.multiPolygons');
    else
      g.coordinates.forEach((poly, j) => {
        if (!Array.isArray(poly) || poly.length === 0)
          add(errors, `${path}.coordinates[${j}]`, 'programfile:check.polygonRing');
        else
          poly.forEach((r, i) => {
            checkRing(r, `${path}.coordinates[${j}][${i}]`, errors);
          });
      });
  } else {
    add(errors, path, 'programfile:check.geometryType', { type: JSON.stringify(g.type) });
  }
}

function checkFeatures(list: unknown, path: string, errors: Message[]): void {
  if (!Array.isArray(list) || list.length === 0) {
    add(errors, path, 'programfile:check.featureList');
    return;
  }
  list.forEach((f, i) => {
    if (!isObject(f) || f.type !== 'Feature') add(errors, `${path}[${i}]`, 'programfile:check.feature');
    else checkPolygonGeometry(f.geometry, `${path}[${i}].geometry`, errors);
  });
}

function checkText(v: unknown, path: string, errors: Message[], required: boolean): void {
  if (v === undefined && !required) return;
  if (typeof v !== 'string' || (required && v.trim() === ''))
    add(errors, path, required ? 'programfile:check.nonEmptyText' : 'programfile:check.text');
  // The limit is written as in the file's rules (no digit grouping).
  else if (v.length > MAX_TEXT) add(errors, path, 'programfile:check.maxText', { max: String(MAX_TEXT) });
}

function checkCatchment(c: unknown, errors: Message[]): void {
  if (!isObject(c)) {
    add(errors, 'catchment', 'programfile:check.catchmentRequired');
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
        add(errors, 'catchment.values', 'programfile:check.catchmentValues');
      checkText(c.layerHint, 'catchment.layerHint', errors, false);
      break;
    case 'none':
      checkText(c.note, 'catchment.note', errors, true);
      break;
    default:
      add(errors, 'catchment.type', 'programfile:check.catchmentType', { type: JSON.stringify(c.type) });
  }
}

function failed(problems: Message[]): { ok: false; errors: string[]; problems: Message[] } {
  return { ok: false, errors: problems.map(englishText), problems };
}

/**
 * Checks that `value` is a well-formed program and returns it typed, or every problem found (path: what
 * is wrong). Pure; never throws.
 */
export function validateProgram(value: unknown): ProgramValidation {
  const errors: Message[] = [];
  if (!isObject(value)) return failed([atPath('program', msg('programfile:check.object'))]);
  const v = value;
  if (typeof v.id !== 'string' || !ID_RE.test(v.id)) add(errors, 'id', 'programfile:check.id');
  checkText(v.name, 'name', errors, true);
  if (!(PROGRAM_MODELS as readonly unknown[]).includes(v.model))
    add(errors, 'model', 'programfile:check.model', { models: { list: [...PROGRAM_MODELS], join: ', ' } });
  checkText(v.modelDetail, 'modelDetail', errors, false);
  checkText(v.city, 'city', errors, true);
  if (!validDate(v.launch)) add(errors, 'launch', 'programfile:check.date');
  if (v.launchPrecision !== undefined && !['day', 'month', 'year'].includes(v.launchPrecision as string))
    add(errors, 'launchPrecision', 'programfile:check.launchPrecision');
  if (v.end !== undefined && v.end !== null) {
    if (!validDate(v.end)) add(errors, 'end', 'programfile:check.endDate');
    else if (validDate(v.launch) && (v.end as string) <= (v.launch as string))
      add(errors, 'end', 'programfile:check.endAfterLaunch');
  }
  checkCatchment(v.catchment, errors);
  if (v.comparison !== undefined) {
    const c = v.comparison;
    if (!isObject(c)) add(errors, 'comparison', 'programfile:check.comparisonObject');
    else {
      if (
        c.ids !== undefined &&
        (!Array.isArray(c.ids) || !c.ids.every((x) => typeof x === 'string' && x !== ''))
      )
        add(errors, 'comparison.ids', 'programfile:check.comparisonIds');
      checkText(c.property, 'comparison.property', errors, false);
      if (c.features !== undefined) checkFeatures(c.features, 'comparison.features', errors);
    }
  }
  if (v.displacementBufferMetres !== undefined) {
    const b = v.displacementBufferMetres;
    if (typeof b !== 'number' || !Number.isFinite(b) || b < 0 || b > MAX_METRES)
      add(errors, 'displacementBufferMetres', 'programfile:check.buffer', { max: String(MAX_METRES) });
  }
  checkText(v.notes, 'notes', errors, false);
  const sourceIds = new Set<string>();
  if (!Array.isArray(v.sources)) add(errors, 'sources', 'programfile:check.list');
  else
    v.sources.forEach((s, i) => {
      if (!isObject(s)) add(errors, `sources[${i}]`, 'programfile:check.sourceObject');
      else {
        checkText(s.id, `sources[${i}].id`, errors, true);
        checkText(s.citation, `sources[${i}].citation`, errors, true);
        checkText(s.url, `sources[${i}].url`, errors, false);
        if (typeof s.id === 'string') {
          if (sourceIds.has(s.id))
            add(errors, `sources[${i}].id`, 'programfile:check.duplicateSource', { id: s.id });
          sourceIds.add(s.id);
        }
      }
    });
  if (!Array.isArray(v.publishedOutcomes)) add(errors, 'publishedOutcomes', 'programfile:check.list');
  else
    v.publishedOutcomes.forEach((o, i) => {
      const p = `publishedOutcomes[${i}]`;
      if (!isObject(o)) {
        add(errors, p, 'programfile:check.object');
        return;
      }
      checkText(o.outcome, `${p}.outcome`, errors, true);
      checkText(o.figure, `${p}.figure`, errors, true);
      for (const k of ['design', 'unit', 'window'] as const) checkText(o[k], `${p}.${k}`, errors, false);
      if (o.relativeChange !== undefined && !(typeof o.relativeChange === 'number' && o.relativeChange > -1))
        add(errors, `${p}.relativeChange`, 'programfile:check.relativeChange');
      if (typeof o.source !== 'string' || !sourceIds.has(o.source))
        add(errors, `${p}.source`, 'programfile:check.outcomeSource');
    });
  if (v.synthetic !== undefined && typeof v.synthetic !== 'boolean')
    add(errors, 'synthetic', 'programfile:check.boolean');
  if (v.origin !== undefined && !['founding', 'demo', 'user'].includes(v.origin as string))
    add(errors, 'origin', 'programfile:check.origin');
  if (errors.length > 0) return failed(errors);
  return { ok: true, program: value as unknown as Program };
}

/** What {@link validatePrograms} found: the valid programs, and every problem as a message and in English. */
export interface ProgramsValidation {
  programs: Program[];
  errors: string[];
  problems: Message[];
}

/** Validates a list of programs; problems are prefixed with the program's position and id. */
export function validatePrograms(value: unknown): ProgramsValidation {
  if (!Array.isArray(value)) {
    const problems = [atPath('programs', msg('programfile:check.programsList'))];
    return { programs: [], errors: problems.map(englishText), problems };
  }
  const programs: Program[] = [];
  const problems: Message[] = [];
  const seen = new Set<string>();
  value.forEach((item, i) => {
    const r = validateProgram(item);
    const label = isObject(item) && typeof item.id === 'string' ? ` (${item.id})` : '';
    if (!r.ok) for (const e of r.problems) problems.push(atPath(`programs[${i}]${label}`, e));
    else if (seen.has(r.program.id))
      problems.push(atPath(`programs[${i}]${label}`, msg('programfile:check.duplicateId')));
    else {
      seen.add(r.program.id);
      programs.push(r.program);
    }
  });
  return { programs, errors: problems.map(englishText), problems };
}
