/**
 * The codec that keeps user-added and edited programs in localStorage, and the JSON workspace file a user
 * exports and imports. Decoding stored or imported text never loses what was there before: a corrupt stored
 * value is kept aside under another key and reported, and a bad workspace file changes nothing.
 */
import { englishText } from '../analysis/messages/english';
import { type Message, type MessageValue, msg } from '../analysis/messages/message';
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

/** Result of decoding stored or imported program text: the programs, or every problem as a message and in English. */
export type ProgramsDecode =
  | { ok: true; programs: Program[] }
  | { ok: false; errors: string[]; problems: Message[] };

function failed(problems: Message[]): { ok: false; errors: string[]; problems: Message[] } {
  return { ok: false, errors: problems.map(englishText), problems };
}

/**
 * Parses program text (a stored value or a workspace file). All-or-nothing: any problem returns every
 * error and no programs, so a bad file cannot half-apply. `what` names the text in the messages (plain text
 * is written as it is; a message such as `programfile:file.named` follows the reader's language).
 */
export function decodePrograms(
  text: string,
  what: MessageValue = msg('programfile:file.default'),
): ProgramsDecode {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    // The parser's own explanation is the JavaScript engine's text (English), quoted as it is.
    return failed([msg('programfile:file.notJson', { what, detail: (error as Error).message })]);
  }
  if (!isObject(parsed)) return failed([msg('programfile:file.notObject', { what })]);
  if (parsed.schema !== PROGRAMS_SCHEMA)
    return failed([
      msg('programfile:file.schema', {
        what,
        found: String(JSON.stringify(parsed.schema)),
        expected: PROGRAMS_SCHEMA,
      }),
    ]);
  const { programs, problems } = validatePrograms(parsed.programs);
  if (problems.length > 0) return failed(problems);
  return { ok: true, programs };
}

/** What {@link loadStoredPrograms} found. */
export interface StoredPrograms {
  programs: Program[];
  /** A message for the user (in English) when the stored value was unusable (it was kept aside), else null. */
  notice: string | null;
  /** The same notice as a message, for the interface's language (present with a notice). */
  structured?: Message;
}

function noticed(message: Message): StoredPrograms {
  return { programs: [], notice: englishText(message), structured: message };
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
    return noticed(msg('programfile:storage.unreadable', { detail: (error as Error).message }));
  }
  if (text === null) return { programs: [], notice: null };
  const decoded = decodePrograms(text, msg('programfile:file.saved'));
  if (decoded.ok) return { programs: decoded.programs, notice: null };
  let keptAt = `${key}.corrupt`;
  try {
    storage.setItem(keptAt, text);
  } catch {
    keptAt = '';
  }
  const errors = { list: decoded.problems.slice(0, 3), join: '; ' } as const;
  return noticed(
    keptAt
      ? msg('programfile:storage.setAside', { key: keptAt, errors })
      : msg('programfile:storage.setAsideUnkept', { errors }),
  );
}

/** Writes the user's programs; returns a message instead of throwing (e.g. storage full). */
export function storePrograms(
  storage: KeyValueStorage,
  programs: readonly Program[],
  key = PROGRAMS_STORAGE_KEY,
): Message | null {
  try {
    storage.setItem(key, encodePrograms(programs));
    return null;
  } catch (error) {
    return msg('programfile:storage.notSaved', { detail: (error as Error).message });
  }
}
