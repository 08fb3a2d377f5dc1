/**
 * First look at a file's bytes: which format it is, whether it is text at all, and (for delimited text)
 * its header and delimiter. Cheap, and run before anything touches the database, so that a file that is not
 * incident data gets one clear sentence instead of a database error.
 */

import { type Message, msg } from '../../analysis/messages/message';
import { MessageError } from '../../analysis/messages/message-error';

/** Formats the importer reads. */
export type SourceFormat = 'csv' | 'parquet' | 'geojson' | 'arrow';

/**
 * An import problem the user can act on; `message` is a complete sentence in English, and `structured` the
 * same sentence as a message (`src/analysis/messages/message.ts`) for an interface in another language.
 */
export class ImportError extends MessageError {
  override name = 'ImportError';
}

/** Text encodings the importer reads (anything else is converted to UTF-8 first). */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** What sniffing found. */
export interface SniffResult {
  format: SourceFormat;
  /** For CSV: the header's column names (byte-order marks removed, made unique and non-empty) and the delimiter. */
  columns?: string[];
  delimiter?: string;
  /** For text: how its bytes are encoded. */
  encoding?: TextEncodingName;
  /** For CSV: the physical line of the header (1 unless blank lines precede it). */
  headerLine?: number;
  /** Things the user should know about how the file was read (renamed columns, encoding). */
  notes?: Message[];
}

/** Limits checked before anything is loaded; each refusal names its limit. */
export const IMPORT_LIMITS = {
  /** Columns in a delimited file. */
  maxColumns: 1000,
  /** Bytes in the header line of a delimited file. */
  maxHeaderBytes: 65_536,
  /** Bytes in one data line (longer lines are rejected with their number). */
  maxLineBytes: 1_048_576,
  /**
   * Lines one record may span when a quoted field holds line breaks; a quote not closed within them is
   * taken as unbalanced: its line is rejected alone and reading goes on with the next line. A record that
   * spans several lines is also held to `maxLineBytes` in all.
   */
  maxRecordLines: 100,
  /** Bytes of a source that must be held in memory whole (GeoJSON, Arrow, text that is not UTF-8). */
  maxInMemoryBytes: 1024 * 1024 * 1024,
  /** Bytes of any source. */
  maxSourceBytes: 16 * 1024 * 1024 * 1024,
} as const;

/** Limits in force for one import (tests lower them). */
export type ImportLimits = { -readonly [K in keyof typeof IMPORT_LIMITS]: number };

/** Column names the importer uses internally; a source column with one of these names is renamed. */
export const RESERVED_COLUMNS: readonly string[] = ['__cvi_row', '__cvi_line'];

const PARQUET_MAGIC = [0x50, 0x41, 0x52, 0x31];
const ARROW_FILE_MAGIC = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Splits one header line on a delimiter, honouring double quotes. */
export function splitHeader(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      out.push(field.trim());
      field = '';
    } else field += ch;
  }
  out.push(field.trim());
  return out;
}

/** Chooses the delimiter that splits the header into the most fields (comma, semicolon, tab or pipe). */
export function detectDelimiter(headerLine: string): string {
  let best = ',';
  let bestCount = 1;
  for (const candidate of [',', ';', '\t', '|']) {
    const count = splitHeader(headerLine, candidate).length;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Column names made usable: empty names become `column_<n>`, repeated names and the importer's reserved
 * names get a suffix `_2`, `_3`, …. Returns the names and one sentence per change.
 */
export function uniqueColumnNames(names: readonly string[]): { columns: string[]; renamed: Message[] } {
  const used = new Set<string>(RESERVED_COLUMNS);
  const renamed: Message[] = [];
  const columns = names.map((raw, i) => {
    const base = raw.length > 0 ? raw : `column_${i + 1}`;
    let name = base;
    for (let k = 2; used.has(name); k++) name = `${base}_${k}`;
    used.add(name);
    if (name !== raw)
      renamed.push(
        raw.length > 0
          ? msg('data:note.renamedColumn', { from: raw, to: name })
          : msg('data:note.renamedUnnamed', { index: i + 1, to: name }),
      );
    return name;
  });
  return { columns, renamed };
}

/** Whether bytes are valid UTF-8 (a multi-byte character cut at the very end counts as valid). */
function isUtf8(bytes: Uint8Array, allowCutEnd: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    if (!allowCutEnd) return false;
    for (let cut = 1; cut <= 3 && cut < bytes.length; cut++) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, bytes.length - cut));
        return true;
      } catch {
        // try a shorter prefix
      }
    }
    return false;
  }
}

/**
 * The encoding of text from its first bytes: UTF-16 by byte-order mark or by the zero bytes of ASCII text,
 * UTF-8 when it decodes (a few undecodable lines are left for the importer to reject), otherwise
 * Windows-1252 (Latin-1) when the header or most non-ASCII lines do not decode. `null` for binary data.
 */
export function detectTextEncoding(head: Uint8Array, complete: boolean): TextEncodingName | null {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const probe = head.subarray(0, Math.min(head.length, 512));
  let zeroOdd = 0;
  let zeroEven = 0;
  for (let i = 0; i < probe.length; i++) if (probe[i] === 0) i % 2 ? zeroOdd++ : zeroEven++;
  const pairs = Math.floor(probe.length / 2);
  if (pairs >= 4 && zeroOdd > pairs * 0.6 && zeroEven === 0) return 'utf-16le';
  if (pairs >= 4 && zeroEven > pairs * 0.6 && zeroOdd === 0) return 'utf-16be';
  if (head.includes(0)) return null;
  if (isUtf8(head, !complete)) return 'utf-8';
  const lines: Uint8Array[] = [];
  let from = 0;
  for (let i = 0; i <= head.length; i++) {
    if (i === head.length || head[i] === 0x0a) {
      lines.push(head.subarray(from, i));
      from = i + 1;
    }
  }
  if (!complete && lines.length > 1) lines.pop();
  const firstLine = lines.find((l) => l.some((b) => b > 0x20)) ?? lines[0]!;
  if (!isUtf8(firstLine, false)) return 'windows-1252';
  let valid = 0;
  let invalid = 0;
  for (const line of lines) {
    if (!line.some((b) => b >= 0x80)) continue;
    if (isUtf8(line, false)) valid++;
    else invalid++;
  }
  return invalid > valid ? 'windows-1252' : 'utf-8';
}

/** Decodes text bytes in an encoding, dropping byte-order marks at the start. */
export function decodeText(bytes: Uint8Array, encoding: TextEncodingName): string {
  return new TextDecoder(encoding, { ignoreBOM: false }).decode(bytes).replace(/^\ufeff+/, '');
}

const ENCODING_CODES: Record<TextEncodingName, string> = {
  'utf-8': 'data:encoding.utf8',
  'utf-16le': 'data:encoding.utf16le',
  'utf-16be': 'data:encoding.utf16be',
  'windows-1252': 'data:encoding.windows1252',
};

/**
 * Recognises the format from the file name and first bytes, and reads a CSV header. `size` is the size of
 * the whole file (default: the head is the whole file).
 * @throws ImportError for empty files, binary files that are not Parquet/Arrow, headers with fewer than two
 * or more than {@link IMPORT_LIMITS.maxColumns} columns, header lines beyond their limit and files beyond
 * the size limit.
 */
export function sniffSource(
  name: string,
  head: Uint8Array,
  size: number = head.length,
  limits: ImportLimits = IMPORT_LIMITS,
): SniffResult {
  if (head.length === 0) throw new ImportError(msg('data:error.empty', { name }));
  if (size > limits.maxSourceBytes) {
    throw new ImportError(
      msg('data:error.tooLarge', {
        name,
        size: { num: size, as: 'bytes' },
        limit: { num: limits.maxSourceBytes, as: 'bytes' },
      }),
    );
  }
  if (startsWith(head, PARQUET_MAGIC)) return { format: 'parquet' };
  if (startsWith(head, ARROW_FILE_MAGIC) || /\.(arrow|arrows|ipc|feather)$/i.test(name))
    return { format: 'arrow' };
  const complete = size <= head.length;
  const encoding = detectTextEncoding(head, complete);
  if (encoding === null) {
    throw new ImportError(msg('data:error.binary', { name }));
  }
  let text = new TextDecoder(encoding, { ignoreBOM: true }).decode(head);
  const boms = /^\ufeff*/.exec(text)![0].length;
  text = text.slice(boms);
  const notes: Message[] = [];
  if (encoding !== 'utf-8')
    notes.push(msg('data:note.encoding', { encoding: msg(ENCODING_CODES[encoding]) }));
  if (boms > 1) notes.push(msg('data:note.boms', { count: boms }));
  const trimmed = text.trimStart();
  if (trimmed.length === 0) throw new ImportError(msg('data:error.blank', { name }));
  if (/\.(geo)?json$/i.test(name) || trimmed.startsWith('{')) return { format: 'geojson', encoding, notes };
  const newline = trimmed.search(/\r?\n/);
  const headerBytes = new TextEncoder().encode(newline < 0 ? trimmed : trimmed.slice(0, newline)).length;
  if (headerBytes > limits.maxHeaderBytes || (newline < 0 && !complete)) {
    throw new ImportError(
      msg('data:error.headerTooLong', { name, limit: { num: limits.maxHeaderBytes, as: 'bytes' } }),
    );
  }
  const skipped = text.slice(0, text.length - trimmed.length);
  const headerLine = (skipped.match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
  const headerText = newline < 0 ? trimmed : trimmed.slice(0, newline);
  const delimiter = detectDelimiter(headerText);
  const names = splitHeader(headerText, delimiter);
  if (names.length < 2) {
    throw new ImportError(msg('data:error.singleColumn', { name, column: names[0]?.slice(0, 60) ?? '' }));
  }
  if (names.length > limits.maxColumns) {
    throw new ImportError(
      msg('data:error.tooManyColumns', { name, columns: names.length, limit: limits.maxColumns }),
    );
  }
  const { columns, renamed } = uniqueColumnNames(names);
  if (renamed.length > 0)
    notes.push(msg('data:note.renamed', { renamed: { list: renamed.slice(0, 10), join: ', ' } }));
  return { format: 'csv', columns, delimiter, encoding, headerLine, notes };
}

/**
 * What a dropped GeoJSON file most likely holds, from its first geometry type in `head` (the first bytes):
 * 'areas' for (Multi)Polygon, 'points' for (Multi)Point, null when no geometry type appears in the sample.
 * Drag and drop has one target, so the app uses this to route a file to the boundary or the incident loader.
 */
export function geojsonGeometryKind(head: string): 'areas' | 'points' | null {
  const match = /"type"\s*:\s*"(Polygon|MultiPolygon|Point|MultiPoint)"/.exec(head);
  if (!match) return null;
  return match[1]!.endsWith('Polygon') ? 'areas' : 'points';
}
