/**
 * First look at a file's bytes: which format it is, whether it is text at all, and (for delimited text)
 * its header and delimiter. Cheap, and run before anything touches the database, so that a file that is not
 * incident data gets one clear sentence instead of a database error.
 */

/** Formats the importer reads. */
export type SourceFormat = 'csv' | 'parquet' | 'geojson' | 'arrow';

/** An import problem the user can act on; `message` is a complete sentence. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
}

/** What sniffing found. */
export interface SniffResult {
  format: SourceFormat;
  /** For CSV: the header's column names (BOM removed) and the delimiter. */
  columns?: string[];
  delimiter?: string;
}

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
 * Recognises the format from the file name and first bytes, and reads a CSV header.
 * @throws ImportError for empty files, binary files that are not Parquet/Arrow, and headers with fewer than
 * two columns.
 */
export function sniffSource(name: string, head: Uint8Array): SniffResult {
  if (head.length === 0)
    throw new ImportError(`"${name}" is empty: expected a CSV, Parquet, GeoJSON or Arrow file of incidents.`);
  if (startsWith(head, PARQUET_MAGIC)) return { format: 'parquet' };
  if (startsWith(head, ARROW_FILE_MAGIC) || /\.(arrow|arrows|ipc|feather)$/i.test(name))
    return { format: 'arrow' };
  const sample = head.subarray(0, Math.min(head.length, 65536));
  if (sample.includes(0)) {
    throw new ImportError(
      `"${name}" is a binary file that is not Parquet or Arrow: expected a CSV, Parquet, GeoJSON or Arrow file of incidents.`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(sample);
  } catch {
    // A cut in the middle of a multi-byte character at the end of the sample is fine.
    text = new TextDecoder('utf-8').decode(sample);
    if ((text.match(/\uFFFD/g)?.length ?? 0) > 2) {
      throw new ImportError(
        `"${name}" is not UTF-8 text: expected a CSV, Parquet, GeoJSON or Arrow file of incidents.`,
      );
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const trimmed = text.trimStart();
  if (trimmed.length === 0)
    throw new ImportError(`"${name}" contains only blank space: expected incident records.`);
  if (/\.(geo)?json$/i.test(name) || trimmed.startsWith('{')) return { format: 'geojson' };
  const headerLine = trimmed.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = detectDelimiter(headerLine);
  const columns = splitHeader(headerLine, delimiter);
  if (columns.length < 2) {
    throw new ImportError(
      `"${name}" has a single column ("${columns[0]?.slice(0, 60) ?? ''}"): expected a delimited file with at least a date, latitude and longitude column.`,
    );
  }
  return { format: 'csv', columns, delimiter };
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
