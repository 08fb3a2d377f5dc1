/**
 * Residents per area, from a table joined by area id (a census extract) or from a property of the boundary
 * file. Ids compare as trimmed text, with a number's leading zeros ignored (precinct "001" matches 1), so a
 * CSV's `1` and a GeoJSON's `"1"` meet. Nothing is dropped silently: areas with no row, rows with no
 * area, repeated ids and values that are not a count ≥ 0 are all listed.
 */
import { msg } from '../messages/message';
import { MessageError } from '../messages/message-error';

/** Result of {@link joinPopulation}. */
export interface PopulationJoin {
  /** Residents per area, aligned with the area ids; 0 where no valid value was found. */
  population: Float64Array;
  /** Area ids that found no row (their population is 0: no rate). */
  unmatchedAreas: string[];
  /** Ids of rows that match no area. */
  unusedIds: string[];
  /** Ids that occur on more than one row (the first row is used). */
  duplicateIds: string[];
  /** Rows whose value is not a number ≥ 0: line number (1 = header), id and the text found. */
  invalid: { line: number; id: string; value: string }[];
}

/** The canonical text of an id: trimmed; a whole number without leading zeros. */
export function normalizeAreaId(value: unknown): string {
  const text = String(value ?? '').trim();
  return /^\d+$/.test(text) ? String(Number(text)) : text;
}

/**
 * Joins `rows` (each with an id and a value) to the areas.
 * @param areaIds ids of the areas in feature order
 * @param rows table rows as records of text
 * @param idColumn column holding the area id
 * @param valueColumn column holding the number of residents
 * @throws MessageError when a column is missing
 */
export function joinPopulation(
  areaIds: readonly string[],
  rows: readonly Record<string, string>[],
  idColumn: string,
  valueColumn: string,
  columns: readonly string[] = Object.keys(rows[0] ?? {}),
): PopulationJoin {
  for (const c of [idColumn, valueColumn]) {
    if (!columns.includes(c))
      throw new MessageError(msg('population:noColumn', { column: c, columns: columns.join(', ') }));
  }
  const byId = new Map<string, number>();
  const duplicateIds: string[] = [];
  const invalid: PopulationJoin['invalid'] = [];
  rows.forEach((row, i) => {
    const id = normalizeAreaId(row[idColumn]);
    const text = String(row[valueColumn] ?? '').trim();
    const value = Number(text.replace(/,/g, ''));
    if (text === '' || !Number.isFinite(value) || value < 0) {
      invalid.push({ line: i + 2, id, value: text });
      return;
    }
    if (byId.has(id)) {
      duplicateIds.push(id);
      return;
    }
    byId.set(id, value);
  });
  const population = new Float64Array(areaIds.length);
  const unmatchedAreas: string[] = [];
  const used = new Set<string>();
  areaIds.forEach((raw, a) => {
    const id = normalizeAreaId(raw);
    const v = byId.get(id);
    if (v === undefined) unmatchedAreas.push(raw);
    else {
      population[a] = v;
      used.add(id);
    }
  });
  const unusedIds = [...byId.keys()].filter((id) => !used.has(id));
  return { population, unmatchedAreas, unusedIds, duplicateIds, invalid };
}

/**
 * Residents from a property of each feature, as a join of the features' own values (same listing of
 * unmatched and invalid values; `line` is then the feature number, from 1).
 */
export function populationFromProperty(
  areaIds: readonly string[],
  properties: readonly (Record<string, unknown> | null | undefined)[],
  property: string,
): PopulationJoin {
  const rows = properties.map((p, i) => ({
    id: String(i),
    value: p?.[property] == null ? '' : String(p[property]),
  }));
  const join = joinPopulation(
    areaIds.map((_, i) => String(i)),
    rows,
    'id',
    'value',
    ['id', 'value'],
  );
  return {
    ...join,
    unmatchedAreas: join.unmatchedAreas.map((i) => areaIds[Number(i)]!),
    invalid: join.invalid.map((x) => ({ line: x.line - 1, id: areaIds[Number(x.id)]!, value: x.value })),
  };
}

/**
 * Parses CSV text (comma-separated, `"` quoting, first line the header) into records of text.
 * @throws MessageError with the line number (as an editor counts lines) for an unterminated quote or a row
 * of the wrong width
 */
export function parseCsvRecords(text: string): { columns: string[]; rows: Record<string, string>[] } {
  const records: string[][] = [];
  const recordLines: number[] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  let line = 1;
  let startLine = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      if (record.length > 1 || record[0] !== '') {
        records.push(record);
        recordLines.push(startLine);
      }
      record = [];
      field = '';
      line++;
      startLine = line;
    } else field += ch;
  }
  if (quoted) throw new MessageError(msg('population:unclosedQuote', { line: String(startLine) }));
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
    recordLines.push(startLine);
  }
  const [header, ...body] = records;
  if (!header) throw new MessageError(msg('population:empty'));
  const columns = header.map((c) => c.trim());
  const rows = body.map((r, i) => {
    if (r.length !== columns.length) {
      const line = String(recordLines[i + 1]);
      throw new MessageError(msg('population:width', { line, count: r.length, header: columns.length }));
    }
    return Object.fromEntries(columns.map((c, j) => [c, r[j]!]));
  });
  return { columns, rows };
}
