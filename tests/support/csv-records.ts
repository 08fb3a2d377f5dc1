/**
 * A reference reader for the record rule of the importer, written as a character scanner (the importer uses
 * SQL and regular expressions): records are lines, except that a line which ends inside a quoted field opens
 * a record running to the next line with an odd number of quotes, if that line comes within `maxRecordLines`
 * lines and no unreadable line comes first; otherwise the opening line is a bad record of its own. Records
 * are then split into fields (quote `"`, doubled inside, spaces allowed around a quoted field).
 *
 * Line breaks are counted as an editor counts them: CR LF, LF and a lone CR each end one line, whatever the
 * first line ends with (the importer renumbers the engine's lines to match; see `src/data/line-endings.ts`).
 */

/** One record: its first physical line and its fields, or null when it cannot be split. */
export interface ReferenceRecord {
  line: number;
  lines: number;
  fields: string[] | null;
}

/** Options of {@link referenceRecords}. */
export interface ReferenceOptions {
  delimiter?: string;
  maxRecordLines?: number;
  /** Lines that the engine cannot read (e.g. invalid UTF-8, decoded as U+FFFD): no record, and a record stops there. */
  unreadable?: (line: string) => boolean;
  /** Physical line of the header (default 1); lines up to it are not data. */
  headerLine?: number;
}

/** Splits one record into fields, or null when a quote is misplaced or not closed. */
export function splitRecord(text: string, delimiter = ','): string[] | null {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let j = i;
    while (text[j] === ' ') j++;
    if (text[j] === '"') {
      let value = '';
      j++;
      for (;;) {
        if (j >= text.length) return null;
        if (text[j] === '"') {
          if (text[j + 1] === '"') {
            value += '"';
            j += 2;
            continue;
          }
          j++;
          break;
        }
        value += text[j];
        j++;
      }
      while (text[j] === ' ') j++;
      fields.push(value);
      if (j >= text.length) return fields;
      if (text[j] !== delimiter) return null;
      i = j + 1;
    } else {
      let value = '';
      j = i;
      while (j < text.length && text[j] !== delimiter) {
        if (text[j] === '"' || text[j] === '\n') return null;
        value += text[j];
        j++;
      }
      fields.push(value);
      if (j >= text.length) return fields;
      i = j + 1;
    }
  }
}

/** Whether a line, read from outside any quote, has valid fields and ends inside a quoted field. */
function endsInsideQuote(line: string, delimiter: string): boolean {
  let i = 0;
  for (;;) {
    while (line[i] === ' ') i++;
    if (line[i] === '"') {
      i++;
      for (;;) {
        if (i >= line.length) return true;
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            i += 2;
            continue;
          }
          i++;
          break;
        }
        i++;
      }
      while (line[i] === ' ') i++;
      if (i >= line.length || line[i] !== delimiter) return false;
      i++;
    } else {
      while (i < line.length && line[i] !== delimiter) {
        if (line[i] === '"') return false;
        i++;
      }
      if (i >= line.length) return false;
      i++;
    }
  }
}

function quoteCount(line: string): number {
  let n = 0;
  for (const ch of line) if (ch === '"') n++;
  return n;
}

/** The physical lines of a text as an editor breaks them (see the module header). */
export function physicalLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** The data records of a text, blank single lines left out; `unreadableLines` are the engine's rejects. */
export function referenceRecords(
  text: string,
  options: ReferenceOptions = {},
): ReferenceRecord[] & { unreadableLines: number[] } {
  const delimiter = options.delimiter ?? ',';
  const maxLines = options.maxRecordLines ?? 100;
  const isUnreadable = options.unreadable ?? (() => false);
  const header = options.headerLine ?? 1;
  const lines = physicalLines(text);
  const unreadableLines = lines.flatMap((l, i) => (i + 1 > header && isUnreadable(l) ? [i + 1] : []));
  const unreadable = new Set(unreadableLines);
  const out = Object.assign([] as ReferenceRecord[], { unreadableLines });
  let n = header + 1;
  while (n <= lines.length) {
    const line = lines[n - 1]!;
    if (unreadable.has(n)) {
      n++;
      continue;
    }
    if (quoteCount(line) % 2 === 1 && endsInsideQuote(line, delimiter)) {
      let end = 0;
      for (let k = n + 1; k <= lines.length && k - n + 1 <= maxLines; k++) {
        if (unreadable.has(k)) break;
        if (quoteCount(lines[k - 1]!) % 2 === 1) {
          end = k;
          break;
        }
      }
      if (end > 0) {
        const joined = lines.slice(n - 1, end).join('\n');
        out.push({ line: n, lines: end - n + 1, fields: splitRecord(joined, delimiter) });
        n = end + 1;
        continue;
      }
      out.push({ line: n, lines: 1, fields: null });
      n++;
      continue;
    }
    if (line.trim() !== '') out.push({ line: n, lines: 1, fields: splitRecord(line, delimiter) });
    n++;
  }
  return out;
}
