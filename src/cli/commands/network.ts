/**
 * `network`: a program network (sites in many units, launched in different periods) evaluated on a
 * balanced unit × period panel — pooled two-way fixed-effects Poisson, event study with pre-trend test,
 * extended (heterogeneity-robust) two-way fixed effects with each cohort's estimate, the weights
 * diagnostic and guardrails. The panel comes from an incident file (units from a column, or from
 * boundary polygons) or directly from an aggregate panel file (CSV or Parquet).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { CountPanel, ProgramSite } from '../../analysis/evaluation/panel/count-panel';
import { evaluateNetwork, type NetworkEvaluation } from '../../analysis/evaluation/panel/network-evaluation';
import type { PanelStep } from '../../analysis/evaluation/panel/panel-periods';
import { formatCi, formatPValue, formatRatio } from '../../analysis/privacy/count-format';
import type { Connector } from '../../data/connector';
import { createNodeConnector } from '../../data/engine-node';
import { featureValue } from '../../data/loaders/boundaries';
import { arrowRows } from '../../data/rows';
import { describeTableQuery } from '../../data/sql/import-queries';
import { FILTERABLE_COLUMNS } from '../../data/sql/incident-filter';
import type { TableFile } from '../../data/table-files';
import { panelFromFile, panelFromIncidents, programSitesFromFile } from '../../state/network-panel';
import type { CliCommand } from '../command';
import {
  dateRangeFlags,
  importOptionsFrom,
  parseCommandArgs,
  requireString,
  UsageError,
  unitFrom,
} from '../options';
import { openSession, readBoundaries } from '../session';

/** Options shared by the panel-reading commands. */
export const PANEL_OPTIONS = {
  panel: { type: 'string' },
  'panel-unit': { type: 'string' },
  'panel-period': { type: 'string' },
  'panel-count': { type: 'string' },
  'panel-population': { type: 'string' },
  'exclude-units': { type: 'string' },
  by: { type: 'string' },
} as const;

/** Reads a file given on the command line. */
export function readTableFile(path: string, flag: string): TableFile {
  try {
    return { name: basename(path), bytes: new Uint8Array(readFileSync(path)) };
  } catch (error) {
    throw new UsageError(
      `Cannot read ${flag} ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
}

/** The `--by` step (default year). */
export function stepFrom(values: Record<string, string | boolean | undefined>): PanelStep {
  const by = String(values.by ?? 'year');
  if (by !== 'year' && by !== 'quarter' && by !== 'month')
    throw new UsageError(`--by must be year, quarter or month, not "${by}"`);
  return by;
}

/** `--exclude-units A,B`. */
export function excludedUnits(values: Record<string, string | boolean | undefined>): string[] {
  return typeof values['exclude-units'] === 'string'
    ? values['exclude-units']
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
}

/** Reads `--panel` with its column flags into a balanced panel. */
export async function panelFromFlags(
  db: Connector,
  values: Record<string, string | boolean | undefined>,
): Promise<CountPanel> {
  const { from, to } = dateRangeFlags(values);
  return panelFromFile(
    db,
    readTableFile(requireString(values, 'panel'), '--panel'),
    {
      unit: requireString(values, 'panel-unit'),
      period: requireString(values, 'panel-period'),
      count: requireString(values, 'panel-count'),
      population: typeof values['panel-population'] === 'string' ? values['panel-population'] : undefined,
    },
    { step: stepFrom(values), from, to, excludeUnits: excludedUnits(values) },
  );
}

async function unitColumnOf(db: Connector, table: string, requested: string): Promise<string> {
  const present = arrowRows(await db.query(describeTableQuery(table))).map((r) => String(r.column_name));
  const candidates = [requested, requested.toLowerCase(), `attr:${requested}`];
  const found = candidates.find(
    (c) =>
      present.includes(c) && ((FILTERABLE_COLUMNS as readonly string[]).includes(c) || c.startsWith('attr:')),
  );
  if (!found) {
    const usable = present.filter(
      (c) => (FILTERABLE_COLUMNS as readonly string[]).includes(c) || c.startsWith('attr:'),
    );
    throw new UsageError(
      `--unit-column "${requested}" is not a unit column of the loaded data; usable: ${usable.join(', ')}`,
    );
  }
  return found;
}

const ratioText = (e: { estimate: number; lower: number; upper: number; pValue: number }) =>
  `${formatRatio(e.estimate)}, ${formatCi(e.lower, e.upper)}, ${formatPValue(e.pValue)}`;

/** The `--json` shape of a network evaluation. */
export function networkJson(r: NetworkEvaluation, sites: readonly ProgramSite[]) {
  return {
    panel: r.shape,
    sites: sites.length,
    seType: r.seType,
    seLabel: r.seLabel,
    estimates: r.estimates,
    eventStudy: r.eventStudy
      ? {
          window: r.eventStudy.window,
          reference: -1,
          terms: r.eventStudy.terms.map((t) => ({
            eventTime: t.eventTime,
            coefficient: t.coefficient,
            se: t.se,
            estimate: t.estimate,
            lower: t.lower,
            upper: t.upper,
            pValue: t.pValue,
            binned: t.binned,
            cells: t.cells,
          })),
          dropped: r.eventStudy.dropped,
          preTrend: r.eventStudy.preTrend,
        }
      : null,
    cohorts: r.robust?.cohorts ?? [],
    robustEventTimes: r.robust?.eventTimes ?? [],
    weights: r.weights,
    guardrails: r.guardrails,
    errors: r.errors,
  };
}

/** Plain-text report of a network evaluation. */
export function networkText(r: NetworkEvaluation): string {
  const s = r.shape;
  return [
    `Panel: ${s.units} units × ${s.periods} ${s.step}s (${s.firstPeriod}–${s.lastPeriod}), outcome ${s.outcome}; ${s.treatedUnits} treated units in ${s.cohorts.length} cohorts, ${s.neverTreatedUnits} never treated`,
    ...s.cohorts.map((c) => `  cohort ${c.period}: ${c.units.join(', ')}`),
    `Standard errors: ${r.seLabel}`,
    '',
    'Estimates (ratio to the expected count without the program):',
    ...r.estimates.map((e) => `  ${e.label}: ${ratioText(e)}`),
    ...Object.entries(r.errors).map(([m, err]) => `  ${m}: not computed — ${err}`),
    ...(r.robust
      ? [
          '',
          'Cohorts (robust estimator):',
          ...r.robust.cohorts.map((c) => `  ${c.cohort} (${c.units} units): ${ratioText(c)}`),
        ]
      : []),
    ...(r.eventStudy
      ? [
          '',
          `Event study (reference −1, endpoints binned at ${r.eventStudy.window.lower} and ${r.eventStudy.window.upper}):`,
          ...r.eventStudy.terms.map(
            (t) => `  ${t.binned ? (t.eventTime < 0 ? '≤' : '≥') : ' '}${t.eventTime}: ${ratioText(t)}`,
          ),
        ]
      : []),
    ...(r.weights
      ? [
          '',
          `Weights of the pooled estimate: treated vs never treated ${(r.weights.shares['treated-vs-never'] * 100).toFixed(0)}%, earlier vs later (not yet treated) ${(r.weights.shares['earlier-vs-later'] * 100).toFixed(0)}%, later vs earlier (already treated) ${(r.weights.shares['later-vs-earlier'] * 100).toFixed(0)}%`,
        ]
      : []),
    '',
    'Guardrails:',
    ...r.guardrails.map((g) => `  [${g.status}] ${g.text}`),
  ].join('\n');
}

function eventWindowFrom(text: string | boolean | undefined): { lower: number; upper: number } | undefined {
  if (text === undefined) return undefined;
  const m = /^\s*(-\d+)\s*,\s*(\d+)\s*$/.exec(String(text));
  if (!m || Number(m[1]) > -2)
    throw new UsageError(`--event-window must look like -6,3 (lower ≤ −2, upper ≥ 0), not "${String(text)}"`);
  return { lower: Number(m[1]), upper: Number(m[2]) };
}

export const networkCommand: CliCommand = {
  name: 'network',
  usage:
    'network (--input FILE [mapping flags] (--unit-column COL | --units GEOJSON --unit-id PROP) [--unit incidents|victims] | ' +
    '--panel CSV|PARQUET --panel-unit COL --panel-period COL --panel-count COL [--panel-population COL]) ' +
    '--programs CSV --program-unit COL --program-start COL [--program-end COL] [--program-name COL] [--exclude-units ID,…] ' +
    '[--from D --to D] [--by year|quarter|month] [--se cluster|hc1] [--event-window -6,3] [--min-cohort-units N] [--json]',
  async run(rawArgv) {
    // `--event-window -6,3` reads naturally; the option parser would take -6,3 for a flag.
    const argv = rawArgv.flatMap((a, i) =>
      a === '--event-window' && /^-\d/.test(rawArgv[i + 1] ?? '')
        ? []
        : i > 0 && rawArgv[i - 1] === '--event-window' && /^-\d/.test(a)
          ? [`--event-window=${a}`]
          : [a],
    );
    const values = parseCommandArgs(argv, {
      ...PANEL_OPTIONS,
      'unit-column': { type: 'string' },
      units: { type: 'string' },
      'unit-id': { type: 'string' },
      programs: { type: 'string' },
      'program-unit': { type: 'string' },
      'program-start': { type: 'string' },
      'program-end': { type: 'string' },
      'program-name': { type: 'string' },
      se: { type: 'string', default: 'cluster' },
      'event-window': { type: 'string' },
      'min-cohort-units': { type: 'string' },
    });
    const se = String(values.se);
    if (se !== 'cluster' && se !== 'hc1') throw new UsageError(`--se must be cluster or hc1, not "${se}"`);
    const eventWindow = eventWindowFrom(values['event-window']);
    const minCohortUnits =
      values['min-cohort-units'] === undefined ? undefined : Number(values['min-cohort-units']);
    if (minCohortUnits !== undefined && !(Number.isInteger(minCohortUnits) && minCohortUnits >= 1))
      throw new UsageError('--min-cohort-units must be a positive whole number');
    const step = stepFrom(values);
    const { from, to } = dateRangeFlags(values);
    const programFile = readTableFile(requireString(values, 'programs'), '--programs');
    const programColumns = {
      unit: requireString(values, 'program-unit'),
      start: requireString(values, 'program-start'),
      end: typeof values['program-end'] === 'string' ? values['program-end'] : undefined,
      name: typeof values['program-name'] === 'string' ? values['program-name'] : undefined,
    };
    const hasPanel = values.panel !== undefined;
    const hasInput = values.input !== undefined;
    if (hasPanel === hasInput)
      throw new UsageError('give either --input (incidents) or --panel (an aggregate panel)');
    let db: Connector;
    let panel: CountPanel;
    let source: string;
    let unitless = 0;
    if (hasPanel) {
      db = await createNodeConnector();
      source = String(values.panel);
      try {
        panel = await panelFromFlags(db, values);
      } catch (error) {
        await db.close();
        throw error;
      }
    } else {
      const unitColumn = values['unit-column'];
      const unitsFile = values.units;
      if ((unitColumn === undefined) === (unitsFile === undefined))
        throw new UsageError('with --input give either --unit-column or --units GEOJSON --unit-id PROP');
      const layer = typeof unitsFile === 'string' ? readBoundaries(unitsFile) : null;
      const unitId = layer ? requireString(values, 'unit-id') : null;
      if (layer && unitId && !layer.properties.includes(unitId))
        throw new UsageError(
          `${layer.name} has no property "${unitId}"; its properties are: ${layer.properties.join(', ')}`,
        );
      const session = await openSession(requireString(values, 'input'), importOptionsFrom(values));
      db = session.db;
      source = session.report.source.name;
      try {
        const units = layer
          ? {
              features: layer.features,
              labels: layer.features.map((f, i) => featureValue(f, unitId as string) ?? String(i)),
            }
          : { column: await unitColumnOf(db, session.table, String(unitColumn)) };
        const r = await panelFromIncidents(db, session.table, units, {
          step,
          from,
          to,
          excludeUnits: excludedUnits(values),
          unit: unitFrom(values),
        });
        panel = r.panel;
        unitless = r.unitlessRows;
      } catch (error) {
        await db.close();
        throw error;
      }
    }
    try {
      const sites = await programSitesFromFile(db, programFile, programColumns);
      const result = evaluateNetwork(panel, sites, { se, eventWindow, minCohortUnits });
      if (unitless > 0) {
        result.guardrails.push({
          id: 'unitless-rows',
          status: 'info',
          text: `${unitless} row(s) in the period have no unit and are not counted.`,
        });
      }
      const json = {
        input: source,
        unit: hasPanel ? 'panel count' : unitFrom(values),
        ...networkJson(result, sites),
      };
      return { json, text: `${source}\n${networkText(result)}`, asJson: values.json === true };
    } finally {
      await db.close();
    }
  },
};
