/**
 * The codec that keeps user-added and edited programs in localStorage, and the JSON workspace file a user
 * exports and imports. Decoding stored or imported text never loses what was there before: a corrupt stored
 * value is kept aside under another key and reported, and a bad workspace file changes nothing.
 */
import type { Program } from './program-types';
import { isObject, validatePrograms } from './program-validation';

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
