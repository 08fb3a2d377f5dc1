/**
 * The programs registry: what a violence-intervention program is to the app (name, model, city, launch,
 * catchment, comparison areas, displacement buffer, notes, sources and published outcomes), a strict pure
 * validator for it, the codec that keeps user-added and edited programs in localStorage, and the JSON
 * workspace file a user exports and imports.
 *
 * A catchment is one of:
 * - `geometry`: a GeoJSON Polygon or MultiPolygon in WGS84 longitude/latitude;
 * - `features`: a list of GeoJSON polygon features (their union is the catchment);
 * - `boundary`: feature values of a property of a boundary file the user loads (e.g. NYPD precincts with
 *   `precinct` = 40), resolved when a dataset with such boundaries is active ({@link resolveBoundaryFeatures});
 * - `none`: the program has no place to count in (an individual-level program such as Roca, or a city whose
 *   boundaries are not loaded); `note` says why.
 *
 * Validation never throws on bad data: {@link validateProgram} returns every problem with its path, so a
 * form or an import can list them. Decoding stored or imported text never loses what was there before: a
 * corrupt stored value is kept aside under another key and reported, and a bad workspace file changes
 * nothing.
 */
import { circle, featureCollection } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { PolygonFeature } from '../geo/point-in-polygons';

/** Program models the registry distinguishes. */
export const PROGRAM_MODELS = [
  'cure-violence',
  'advance-peace',
  'roca',
  'hospital-based',
  'group-violence-intervention',
  'other',
] as const;

/** A program model. */
export type ProgramModel = (typeof PROGRAM_MODELS)[number];

/** Human-readable names of the models. */
export const PROGRAM_MODEL_LABELS: Record<ProgramModel, string> = {
  'cure-violence': 'Cure Violence',
  'advance-peace': 'Advance Peace',
  roca: 'Roca',
  'hospital-based': 'Hospital-based violence intervention',
  'group-violence-intervention': 'Group violence intervention',
  other: 'Other',
};

/** Where a program works, as places the app can count incidents in. */
export type CatchmentSpec =
  | { type: 'geometry'; geometry: Polygon | MultiPolygon }
  | { type: 'features'; features: PolygonFeature[] }
  | {
      type: 'boundary';
      /** Property of the boundary features that identifies them, e.g. `precinct`. */
      property: string;
      /** Values of that property (compared as text). */
      values: string[];
      /** Which boundary file is meant, for the user (e.g. "NYPD police precincts (2019)"). */
      layerHint?: string;
    }
  | { type: 'none'; note: string };

/** Comparison areas: ids of boundary features of the active dataset and/or explicit polygons. */
export interface ComparisonSpec {
  /** Boundary feature values; `property` defaults to the dataset's id property. */
  ids?: string[];
  property?: string;
  /** Explicit comparison polygons, each its own unit; `properties.id` (or `name`) labels it. */
  features?: PolygonFeature[];
}

/** A published source. */
export interface ProgramSource {
  /** Short key referenced by outcomes, e.g. `delgado2017`. */
  id: string;
  /** Full citation. */
  citation: string;
  url?: string;
}

/** One published outcome, with the design it came from so the app can say how it differs. */
export interface PublishedOutcome {
  /** What was measured, e.g. "shooting victimizations". */
  outcome: string;
  /** The figure as published, e.g. "−63%". */
  figure: string;
  /** The figure as a relative change (−0.63) when it is one. */
  relativeChange?: number;
  /** Study design, e.g. "program area vs one matched comparison area, before/after". */
  design?: string;
  /** Unit of analysis, e.g. "neighborhood (NYPD precincts)" or "individual participants". */
  unit?: string;
  /** Time step or window, e.g. "monthly" or "2014-2016". */
  window?: string;
  /** Key of the source in `sources`. */
  source: string;
}

/** A program in the registry. */
export interface Program {
  /** Stable id: lower-case letters, digits and hyphens. */
  id: string;
  name: string;
  model: ProgramModel;
  /** Free text about the model (e.g. "street outreach and conflict mediation"). */
  modelDetail?: string;
  city: string;
  /** Launch date `YYYY-MM-DD` (the first day of the launch month when only month or year is known). */
  launch: string;
  /** Whether only the launch year is documented (the app says so). */
  launchPrecision?: 'day' | 'month' | 'year';
  /** End date `YYYY-MM-DD`, or null/absent while running. */
  end?: string | null;
  catchment: CatchmentSpec;
  comparison?: ComparisonSpec;
  /** Width of the displacement buffer ring around the catchment, metres (0/absent = none). */
  displacementBufferMetres?: number;
  notes?: string;
  sources: ProgramSource[];
  publishedOutcomes: PublishedOutcome[];
  /** True for invented programs (the demo city). */
  synthetic?: boolean;
  /** Where the entry comes from: shipped with the app, the demo city, or the user. */
  origin?: 'founding' | 'demo' | 'user';
}

/** Result of {@link validateProgram}. */
export type ProgramValidation = { ok: true; program: Program } | { ok: false; errors: string[] };

const ID_RE = /^[a-z0-9][a-z0-9-]{0,63}$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_TEXT = 4000;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function validDate(text: unknown): text is string {
  if (typeof text !== 'string' || !DATE_RE.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

function checkRing(ring: unknown, path: string, errors: string[]): void {
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

/** The demo city's `programs.json` entries, as written by the generator. */
interface DemoProgramEntry {
  id: string;
  name: string;
  model: string;
  city: string;
  launch: string;
  catchment: Polygon | MultiPolygon;
  comparison?: string[];
  displacementBufferMetres?: number;
  notes?: string;
}

/** Maps a free-text model name to the registry's model. */
export function modelFromText(text: string): ProgramModel {
  const t = text.toLowerCase();
  if (t.startsWith('cure violence') || t.includes('ceasefire')) return 'cure-violence';
  if (t.startsWith('advance peace')) return 'advance-peace';
  if (t.startsWith('roca')) return 'roca';
  if (t.includes('hospital')) return 'hospital-based';
  if (t.includes('group violence')) return 'group-violence-intervention';
  return 'other';
}

/**
 * The demo city's programs (`data/demo/programs.json`) as registry programs: comparison neighborhoods by
 * `id`, the notes (which state the planted effect) kept. Throws TypeError when the file does not have
 * the expected shape.
 */
export function programsFromDemo(entries: unknown): Program[] {
  if (!Array.isArray(entries)) throw new TypeError('demo programs must be a list');
  const out = (entries as DemoProgramEntry[]).map(
    (e): Program => ({
      id: e.id,
      name: e.name,
      model: modelFromText(e.model),
      modelDetail: e.model,
      city: e.city,
      launch: e.launch,
      launchPrecision: 'day',
      catchment: { type: 'geometry', geometry: e.catchment },
      ...(e.comparison ? { comparison: { ids: e.comparison, property: 'id' } } : {}),
      ...(e.displacementBufferMetres ? { displacementBufferMetres: e.displacementBufferMetres } : {}),
      ...(e.notes ? { notes: e.notes } : {}),
      sources: [
        {
          id: 'demo-truth',
          citation: 'Demo City data card (data/demo/README.md) and truth.json: synthetic, seed 20260101.',
        },
      ],
      publishedOutcomes: [],
      synthetic: true,
      origin: 'demo',
    }),
  );
  const { errors } = validatePrograms(out);
  if (errors.length > 0) throw new TypeError(`demo programs are invalid: ${errors.join('; ')}`);
  return out;
}

/** Storage key of the user's programs. */
export const PROGRAMS_STORAGE_KEY = 'cvi-atlas.programs.v1';
/** Schema tag of stored values and workspace files. */
export const PROGRAMS_SCHEMA = 'cvi-atlas-programs/1';

/** The part of `Storage` the registry uses (window.localStorage, or a Map-backed stand-in in tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Serializes programs for storage or export (schema-tagged JSON). */
export function encodePrograms(programs: readonly Program[], exportedAt?: string): string {
  return JSON.stringify(
    { schema: PROGRAMS_SCHEMA, ...(exportedAt ? { exportedAt } : {}), programs },
    null,
    exportedAt ? 2 : 0,
  );
}

/** Result of decoding stored or imported program text. */
export type ProgramsDecode = { ok: true; programs: Program[] } | { ok: false; errors: string[] };

/**
 * Parses program text (a stored value or a workspace file). All-or-nothing: any problem returns every
 * error and no programs, so a bad file cannot half-apply.
 */
export function decodePrograms(text: string, what = 'the file'): ProgramsDecode {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`${what} is not valid JSON (${(error as Error).message})`] };
  }
  if (!isObject(parsed))
    return { ok: false, errors: [`${what} must be a JSON object with "schema" and "programs"`] };
  if (parsed.schema !== PROGRAMS_SCHEMA)
    return {
      ok: false,
      errors: [
        `${what} is not a CVI Atlas programs file (schema ${JSON.stringify(parsed.schema)}; expected "${PROGRAMS_SCHEMA}")`,
      ],
    };
  const { programs, errors } = validatePrograms(parsed.programs);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, programs };
}

/** What {@link loadStoredPrograms} found. */
export interface StoredPrograms {
  programs: Program[];
  /** A message for the user when the stored value was unusable (it was kept aside), else null. */
  notice: string | null;
}

/**
 * Reads the user's programs from storage. A missing value gives an empty list; an unusable one is copied
 * to `<key>.corrupt` (never deleted), and a notice says so. Never throws.
 */
export function loadStoredPrograms(storage: KeyValueStorage, key = PROGRAMS_STORAGE_KEY): StoredPrograms {
  let text: string | null;
  try {
    text = storage.getItem(key);
  } catch (error) {
    return { programs: [], notice: `Saved programs could not be read (${(error as Error).message}).` };
  }
  if (text === null) return { programs: [], notice: null };
  const decoded = decodePrograms(text, 'the saved programs');
  if (decoded.ok) return { programs: decoded.programs, notice: null };
  let keptAt = `${key}.corrupt`;
  try {
    storage.setItem(keptAt, text);
  } catch {
    keptAt = '';
  }
  return {
    programs: [],
    notice:
      `Your saved programs could not be read and were set aside${keptAt ? ` (browser storage key "${keptAt}")` : ''}: ` +
      `${decoded.errors.slice(0, 3).join('; ')}.`,
  };
}

/** Writes the user's programs; returns an error message instead of throwing (e.g. storage full). */
export function saveStoredPrograms(
  storage: KeyValueStorage,
  programs: readonly Program[],
  key = PROGRAMS_STORAGE_KEY,
): string | null {
  try {
    storage.setItem(key, encodePrograms(programs));
    return null;
  } catch (error) {
    return `Programs could not be saved in this browser (${(error as Error).message}).`;
  }
}

/**
 * The registry the app shows: shipped programs first, each replaced by the user's copy when the user has
 * one with the same id, then the user's own programs.
 */
export function mergePrograms(shipped: readonly Program[], user: readonly Program[]): Program[] {
  const byId = new Map(user.map((p) => [p.id, p]));
  const out = shipped.map((p) => byId.get(p.id) ?? p);
  const shippedIds = new Set(shipped.map((p) => p.id));
  for (const p of user) if (!shippedIds.has(p.id)) out.push(p);
  return out;
}

/** Adds or replaces (by id) imported programs in the user's list; returns the new list. */
export function upsertPrograms(user: readonly Program[], incoming: readonly Program[]): Program[] {
  const map = new Map(user.map((p) => [p.id, p]));
  for (const p of incoming) map.set(p.id, { ...p, origin: p.origin ?? 'user' });
  return [...map.values()];
}

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

/** The design on screen, as {@link designDifferences} compares it with a published one. */
export interface ScreenDesign {
  /** e.g. "pre/post, ITS, DiD vs 3 comparison units, synthetic control". */
  design: string;
  /** e.g. "all shooting incidents recorded in the data". */
  outcome: string;
  /** e.g. "drawn catchment (one unit)". */
  unit: string;
  /** e.g. "monthly, 2015-01 to 2024-12, launch 2019-07". */
  window: string;
}

/** One aspect of a published design beside the one on screen (`published` absent when not stated). */
export interface DesignAspect {
  aspect: 'design' | 'outcome' | 'unit' | 'window';
  published?: string;
  here: string;
}

/** A published outcome's design and the one on screen, aspect by aspect (design, outcome, unit, window). */
export function designAspects(outcome: PublishedOutcome, screen: ScreenDesign): DesignAspect[] {
  const rows: [DesignAspect['aspect'], string | undefined, string][] = [
    ['design', outcome.design, screen.design],
    ['outcome', outcome.outcome, screen.outcome],
    ['unit', outcome.unit, screen.unit],
    ['window', outcome.window, screen.window],
  ];
  return rows.map(([aspect, published, here]) => ({ aspect, ...(published ? { published } : {}), here }));
}

const ASPECT_NAMES: Record<DesignAspect['aspect'], string> = {
  design: 'Design',
  outcome: 'Outcome',
  unit: 'Unit',
  window: 'Time step and window',
};

/**
 * How a published outcome's design differs from the one on screen, aspect by aspect (design, outcome,
 * unit, window): one line each, "published … ; here …". Missing published aspects read "not stated".
 */
export function designDifferences(outcome: PublishedOutcome, screen: ScreenDesign): string[] {
  return designAspects(outcome, screen).map(
    ({ aspect, published, here }) =>
      `${ASPECT_NAMES[aspect]}: published ${published ?? 'not stated'}; here ${here}.`,
  );
}
