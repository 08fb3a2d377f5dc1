/**
 * The filters in a link: `time=YYYY-MM..YYYY-MM`, `hours=20-23,0-3`, `weekdays=1-5`, `fatal`, `unit`, and
 * the repeated `attr.<column>=<value>` attribute filters.
 */
import { checkText, textProblem, type UrlDecodeInput, type UrlSection, uniqueSorted } from './section';
import { MAX_URL_LIST_LENGTH } from './types';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const ATTR = 'attr.';

/** Time brush, hours, weekdays, fatality and counting unit. */
export const filterSection: UrlSection = {
  scalarKeys: ['time', 'hours', 'weekdays', 'fatal', 'unit'],
  encode(state, params) {
    if (state.time !== null) {
      const problem = timeProblem(state.time.from, state.time.to);
      if (problem) throw new RangeError(problem);
      params.set('time', `${state.time.from}..${state.time.to}`);
    }
    const hours = checkedSet(state.hours, 0, 23, 'hours');
    if (hours.length !== 24)
      params.set('hours', hours.length === 0 ? 'none' : formatCyclicRanges(hours, 0, 23));
    const weekdays = checkedSet(state.weekdays, 1, 7, 'weekdays');
    if (weekdays.length !== 7) {
      params.set('weekdays', weekdays.length === 0 ? 'none' : formatCyclicRanges(weekdays, 1, 7));
    }
    if (state.fatal !== 'all') {
      if (state.fatal !== 'fatal' && state.fatal !== 'nonfatal') {
        throw new TypeError(`fatal must be 'all', 'fatal' or 'nonfatal', got ${state.fatal}`);
      }
      params.set('fatal', state.fatal);
    }
    if (state.unit !== 'incidents') {
      if (state.unit !== 'victims')
        throw new TypeError(`unit must be 'incidents' or 'victims', got ${state.unit}`);
      params.set('unit', state.unit);
    }
  },
  decode({ single, reject }, state) {
    const time = single.get('time');
    if (time !== undefined) {
      const parts = time.split('..');
      const problem =
        parts.length !== 2
          ? 'time must look like 2023-01..2024-06'
          : timeProblem(parts[0] as string, parts[1] as string);
      if (problem) reject('time', time, problem);
      else state.time = { from: parts[0] as string, to: parts[1] as string };
    }
    const hours = single.get('hours');
    if (hours !== undefined) {
      const parsed = parseRanges(hours, 0, 23, 'hour');
      if (typeof parsed === 'string') reject('hours', hours, parsed);
      else state.hours = parsed;
    }
    const weekdays = single.get('weekdays');
    if (weekdays !== undefined) {
      const parsed = parseRanges(weekdays, 1, 7, 'weekday');
      if (typeof parsed === 'string') reject('weekdays', weekdays, parsed);
      else state.weekdays = parsed;
    }
    const fatal = single.get('fatal');
    if (fatal !== undefined) {
      if (fatal === 'all' || fatal === 'fatal' || fatal === 'nonfatal') state.fatal = fatal;
      else reject('fatal', fatal, "fatal must be 'all', 'fatal' or 'nonfatal'");
    }
    const unit = single.get('unit');
    if (unit !== undefined) {
      if (unit === 'incidents' || unit === 'victims') state.unit = unit;
      else reject('unit', unit, "unit must be 'incidents' or 'victims'");
    }
  },
};

/**
 * `attr.<column>=<value>`, repeated once per selected value. Keys and values are escaped by
 * URLSearchParams, so any text (including `&`, `=`, `<script>`, non-Latin scripts) survives as data.
 */
export const attributeSection: UrlSection = {
  bulky: true,
  scalarKeys: [],
  prefixes: [ATTR],
  encode(state, params) {
    const columns = Object.keys(state.attrs).sort();
    if (columns.length > MAX_URL_LIST_LENGTH) {
      throw new RangeError(`at most ${MAX_URL_LIST_LENGTH} attribute columns fit in a URL`);
    }
    for (const column of columns) {
      checkText(column, 'attribute column name');
      const values = uniqueSorted(state.attrs[column] ?? []);
      if (values.length > MAX_URL_LIST_LENGTH) {
        throw new RangeError(`at most ${MAX_URL_LIST_LENGTH} values per attribute fit in a URL`);
      }
      for (const value of values) {
        checkText(value, 'attribute value', true);
        params.append(`${ATTR}${column}`, value);
      }
    }
  },
  decode({ prefixed, reject, notice }: UrlDecodeInput, state) {
    const attrs = prefixed.get(ATTR) ?? new Map<string, readonly string[]>();
    if (attrs.size > MAX_URL_LIST_LENGTH) {
      notice(`Ignored all attr.* filters: at most ${MAX_URL_LIST_LENGTH} columns are allowed`);
      return;
    }
    for (const [column, values] of attrs) {
      const key = `${ATTR}${column}`;
      const problem =
        textProblem(column, 'the column name') ??
        (values.length > MAX_URL_LIST_LENGTH
          ? `at most ${MAX_URL_LIST_LENGTH} values per column are allowed`
          : values.map((v) => textProblem(v, 'a value', true)).find((p) => p !== undefined));
      if (problem) reject(key, values.join(','), problem);
      else state.attrs[column] = uniqueSorted(values);
    }
  },
};

function timeProblem(from: string, to: string): string | undefined {
  if (typeof from !== 'string' || !MONTH.test(from))
    return `the start month must be YYYY-MM with month 01-12`;
  if (typeof to !== 'string' || !MONTH.test(to)) return `the end month must be YYYY-MM with month 01-12`;
  if (from > to) return `the start month ${from} is after the end month ${to}`;
  return undefined;
}

function checkedSet(values: readonly number[], min: number, max: number, name: string): number[] {
  for (const v of values) {
    if (!Number.isInteger(v) || v < min || v > max) {
      throw new RangeError(`${name} must be whole numbers from ${min} to ${max}, got ${v}`);
    }
  }
  return [...new Set(values)].sort((a, b) => a - b);
}

/**
 * Writes a sorted set as comma-separated ranges. When the set wraps around the end of the cycle (contains
 * both min and max but not everything), the run that crosses the wrap is written first, so the evening
 * hours 20–23 and 0–3 read as '20-23,0-3'.
 */
function formatCyclicRanges(sorted: number[], min: number, max: number): string {
  const runs: [number, number][] = [];
  for (const v of sorted) {
    const last = runs[runs.length - 1];
    if (last && v === last[1] + 1) last[1] = v;
    else runs.push([v, v]);
  }
  const first = runs[0];
  const last = runs[runs.length - 1];
  if (runs.length > 1 && first && last && first[0] === min && last[1] === max) {
    runs.pop();
    runs.unshift(last);
  }
  return runs.map(([a, b]) => (a === b ? String(a) : `${a}-${b}`)).join(',');
}

function parseRanges(text: string, min: number, max: number, name: string): number[] | string {
  if (text === 'none') return [];
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const match = /^(\d{1,2})(?:-(\d{1,2}))?$/.exec(part);
    if (!match) return `each ${name} item must be a number or a range like ${min}-${min + 3}, got '${part}'`;
    const a = Number(match[1]);
    const b = match[2] === undefined ? a : Number(match[2]);
    if (a < min || a > max || b < min || b > max) return `${name}s must be between ${min} and ${max}`;
    if (a > b) return `${name} range ${a}-${b} runs backwards; write ${a}-${max},${min}-${b}`;
    for (let v = a; v <= b; v++) out.add(v);
  }
  return [...out].sort((x, y) => x - y);
}
