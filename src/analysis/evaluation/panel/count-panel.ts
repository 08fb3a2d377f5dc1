/**
 * A balanced unit × period count panel and the treatment timing of a program network.
 *
 * The panel: every unit × every period between the first and the last, zero-filled where a unit had no
 * events in a period, with an optional population per unit and period (rates per 100,000 are then the
 * outcome: Poisson models use log population as an offset). Units can be excluded on request (a park
 * precinct with one shooting in 18 years); a unit with no event in any period is reported, because a
 * Poisson model with unit fixed effects cannot estimate its level (its rows carry no information about
 * the treatment either way).
 *
 * Treatment timing (staggered adoption): a program table lists sites as (unit, launch date, optional end
 * date, name); several sites may share a unit. A unit is treated from the period that contains its
 * earliest launch and stays treated to the end of the panel (the analysis is by intention to treat: end
 * dates are carried to the output, not used to switch treatment off). The units launched in the same
 * period form a cohort. A unit whose earliest launch falls in or before the first period has no
 * untreated period in the panel and is set aside (it cannot show a change); a unit launched after the
 * last period is never treated within the panel.
 */

import { msg } from '../../messages/message';
import { MessageError } from '../../messages/message-error';
import { type PanelStep, periodLabel, periodOrdinal, periodRange } from './panel-periods';

/** One observed cell of an aggregate panel (an input row). */
export interface PanelRow {
  unit: string;
  /** Period label or any date inside the period. */
  period: string;
  count: number;
  /** Population of the unit in that period, when known. */
  population?: number | null;
}

/** A balanced, zero-filled panel. Cells are unit-major: cell (u, t) is at u × periods.length + t. */
export interface CountPanel {
  step: PanelStep;
  /** Unit ids, sorted. */
  units: string[];
  /** Period labels in time order. */
  periods: string[];
  /** Ordinal of the first period (see `periodOrdinal`). */
  firstOrdinal: number;
  /** Counts per cell. */
  counts: Float64Array;
  /** Population per cell, or null when the panel has none. */
  population: Float64Array | null;
}

/** Options of {@link buildCountPanel}. */
export interface BuildPanelOptions {
  step: PanelStep;
  /** First and last period (labels or dates); default: the rows' own range. */
  from?: string;
  to?: string;
  /** Unit ids to leave out. */
  excludeUnits?: readonly string[];
  /** Units that must appear even without rows (all zeros). */
  units?: readonly string[];
  /** Whether repeated (unit, period) rows are summed (incident aggregation) or refused (aggregate input). */
  duplicates?: 'sum' | 'error';
}

/**
 * Builds the balanced panel from observed cells. Cells outside [from, to] are dropped; missing cells are
 * zero. With populations, every kept cell needs one (a unit's population may vary by period).
 * @throws RangeError naming the row for an unreadable period, a negative or non-finite count, a repeated
 *   cell (with `duplicates: 'error'`), or a missing population
 */
export function buildCountPanel(rows: readonly PanelRow[], options: BuildPanelOptions): CountPanel {
  const { step } = options;
  const excluded = new Set(options.excludeUnits ?? []);
  const ordinals = rows.map((r, i) => {
    const k = periodOrdinal(String(r.period), step);
    if (k === null) {
      throw new MessageError(
        msg('failure:panelFile.badPeriod', {
          row: String(i + 1),
          period: String(r.period),
          step: msg(`failure:step.${step}`),
        }),
      );
    }
    return k;
  });
  const bound = (value: string | undefined, name: string): number | null => {
    if (value === undefined) return null;
    const k = periodOrdinal(value, step);
    if (k === null) throw new RangeError(`${name} "${value}" is not a ${step} or a date`);
    return k;
  };
  let lo = bound(options.from, 'from');
  let hi = bound(options.to, 'to');
  if (lo === null || hi === null) {
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (const k of ordinals) {
      if (k < min) min = k;
      if (k > max) max = k;
    }
    if (!Number.isFinite(min)) throw new RangeError('the panel has no rows and no period range');
    lo ??= min;
    hi ??= max;
  }
  if (hi < lo)
    throw new RangeError(
      `the first period ${periodLabel(lo, step)} is after the last ${periodLabel(hi, step)}`,
    );
  const periods = periodRange(lo, hi, step);
  const unitSet = new Set<string>(options.units ?? []);
  for (const r of rows) unitSet.add(String(r.unit));
  for (const u of excluded) unitSet.delete(u);
  const units = [...unitSet].sort(compareUnitIds);
  const unitIndex = new Map(units.map((u, i) => [u, i]));
  const T = periods.length;
  const counts = new Float64Array(units.length * T);
  const hasPopulation = rows.some((r) => r.population !== undefined && r.population !== null);
  const population = hasPopulation ? new Float64Array(units.length * T).fill(Number.NaN) : null;
  const seen = new Uint8Array(units.length * T);
  rows.forEach((r, i) => {
    const u = unitIndex.get(String(r.unit));
    const k = ordinals[i] as number;
    if (u === undefined || k < (lo as number) || k > (hi as number)) return;
    const c = r.count;
    if (typeof c !== 'number' || !Number.isFinite(c) || c < 0) {
      throw new MessageError(msg('failure:panelFile.badCount', { row: String(i + 1), value: String(c) }));
    }
    const cell = u * T + (k - (lo as number));
    if (seen[cell] && options.duplicates === 'error') {
      throw new MessageError(
        msg('failure:panelFile.repeated', {
          row: String(i + 1),
          unit: String(r.unit),
          period: String(periods[k - (lo as number)]),
        }),
      );
    }
    seen[cell] = 1;
    counts[cell] = (counts[cell] as number) + c;
    if (population) {
      const p = r.population;
      if (p === undefined || p === null || !Number.isFinite(p) || p <= 0) {
        throw new MessageError(
          msg('failure:panelFile.badPopulation', { row: String(i + 1), value: String(p) }),
        );
      }
      population[cell] = p;
    }
  });
  if (population) {
    for (let cell = 0; cell < population.length; cell++) {
      if (Number.isNaN(population[cell] as number)) {
        throw new MessageError(
          msg('failure:panelFile.noPopulation', {
            unit: String(units[Math.floor(cell / T)]),
            period: String(periods[cell % T]),
          }),
        );
      }
    }
  }
  return { step, units, periods, firstOrdinal: lo, counts, population };
}

/** Orders unit ids numerically when both are numbers (precinct 9 before 10), else as text. */
export function compareUnitIds(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (a.trim() !== '' && b.trim() !== '' && Number.isFinite(na) && Number.isFinite(nb))
    return na - nb || (a < b ? -1 : a > b ? 1 : 0);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The units with no event in any period. */
export function allZeroUnits(panel: CountPanel): string[] {
  const T = panel.periods.length;
  return panel.units.filter((_, u) => {
    for (let t = 0; t < T; t++) if ((panel.counts[u * T + t] as number) > 0) return false;
    return true;
  });
}

/** A copy of the panel without the given units. */
export function dropUnits(panel: CountPanel, drop: readonly string[]): CountPanel {
  if (drop.length === 0) return panel;
  const gone = new Set(drop);
  const T = panel.periods.length;
  const keep = panel.units.map((u, i) => [u, i] as const).filter(([u]) => !gone.has(u));
  const counts = new Float64Array(keep.length * T);
  const population = panel.population ? new Float64Array(keep.length * T) : null;
  keep.forEach(([, old], u) => {
    counts.set(panel.counts.subarray(old * T, old * T + T), u * T);
    population?.set((panel.population as Float64Array).subarray(old * T, old * T + T), u * T);
  });
  return { ...panel, units: keep.map(([u]) => u), counts, population };
}

/** One site of a program network (a row of the program table). */
export interface ProgramSite {
  unit: string;
  /** Launch date `YYYY-MM-DD`. */
  start: string;
  /** End date `YYYY-MM-DD`, when the site closed. */
  end?: string | null;
  name?: string | null;
}

/** Treatment timing of a panel's units. */
export interface TreatmentTiming {
  /** Per unit (panel order): index of the first treated period, or −1 when never treated in the panel. */
  cohortIndex: Int32Array;
  /** Cohorts in launch order: first treated period and its units. */
  cohorts: { period: string; index: number; units: string[] }[];
  /** Units never treated within the panel. */
  neverTreated: string[];
  /** Units whose earliest launch is in or before the first period (set aside). */
  treatedBeforeStart: string[];
  /** Program-table units that are not in the panel (excluded, misspelt, or outside the data). */
  unknownUnits: string[];
}

/**
 * Treatment timing from a program table: each unit is treated from the period holding its earliest launch.
 * @throws RangeError naming the site for an unreadable launch date
 */
export function treatmentTiming(panel: CountPanel, sites: readonly ProgramSite[]): TreatmentTiming {
  const earliest = new Map<string, number>();
  sites.forEach((s, i) => {
    const k = periodOrdinal(s.start, panel.step);
    if (k === null)
      throw new RangeError(`site ${i + 1} (unit "${s.unit}"): launch "${s.start}" is not a date`);
    const prev = earliest.get(s.unit);
    if (prev === undefined || k < prev) earliest.set(s.unit, k);
  });
  const T = panel.periods.length;
  const known = new Set(panel.units);
  const cohortIndex = new Int32Array(panel.units.length).fill(-1);
  const neverTreated: string[] = [];
  const treatedBeforeStart: string[] = [];
  const byIndex = new Map<number, string[]>();
  panel.units.forEach((u, i) => {
    const k = earliest.get(u);
    if (k === undefined || k - panel.firstOrdinal >= T) {
      neverTreated.push(u);
      return;
    }
    const idx = k - panel.firstOrdinal;
    if (idx <= 0) {
      treatedBeforeStart.push(u);
      cohortIndex[i] = 0;
      return;
    }
    cohortIndex[i] = idx;
    byIndex.set(idx, [...(byIndex.get(idx) ?? []), u]);
  });
  const cohorts = [...byIndex.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([index, units]) => ({ period: panel.periods[index] as string, index, units }));
  const unknownUnits = [...earliest.keys()].filter((u) => !known.has(u));
  return { cohortIndex, cohorts, neverTreated, treatedBeforeStart, unknownUnits };
}
