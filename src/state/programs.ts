/**
 * The programs registry: the program types ({@link Program}, in `program-types.ts`), their validator
 * (`program-validation.ts`), storage and workspace files (`program-storage.ts`) and catchments
 * (`program-catchments.ts`), all re-exported here; this module adds the demo city's programs, how the
 * shipped and the user's programs merge, and how a published design compares with the one on screen.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import type { Program, ProgramModel, PublishedOutcome } from './program-types';
import { validatePrograms } from './program-validation';

export {
  type BoundaryResolver,
  boundaryPolygons,
  CatchmentError,
  catchmentCollection,
  catchmentFromBoundaryIds,
  catchmentFromPoints,
  catchmentFromPolygon,
  catchmentPolygons,
} from './program-catchments';
export {
  decodePrograms,
  encodePrograms,
  type KeyValueStorage,
  loadStoredPrograms,
  PROGRAMS_SCHEMA,
  PROGRAMS_STORAGE_KEY,
  type ProgramsDecode,
  type StoredPrograms,
  storePrograms,
} from './program-storage';
export {
  type CatchmentSpec,
  type ComparisonSpec,
  PROGRAM_MODEL_LABELS,
  PROGRAM_MODELS,
  type Program,
  type ProgramModel,
  type ProgramSource,
  type PublishedOutcome,
} from './program-types';
export {
  type ProgramsValidation,
  type ProgramValidation,
  validateProgram,
  validatePrograms,
} from './program-validation';

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

/** The design on screen, as {@link designAspects} sets it beside a published one. */
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
