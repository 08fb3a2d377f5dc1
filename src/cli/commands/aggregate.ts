/**
 * `aggregate`: counts, rates per 100,000 residents per year, Empirical Bayes rates, reliability and
 * small-cell suppression per area (and per year with `--by year`) — the same table the app exports as CSV.
 */
import { readFileSync } from 'node:fs';
import { formatDecimal } from '../../analysis/privacy/count-format';
import {
  joinPopulation,
  type PopulationJoin,
  parseCsvRecords,
  populationFromProperty,
} from '../../analysis/rates/population-join';
import { assignAreas } from '../../data/area-assignment';
import { incidentPoints } from '../../data/incident-points';
import { featureValue } from '../../data/loaders/boundaries';
import { areaTable } from '../../state/area-table';
import { measureCubes, unitCube } from '../../state/cubes';
import { monthIndex } from '../../state/datasets';
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

type Values = Record<string, string | boolean | undefined>;

function lastDayOfMonth(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

function populationSource(values: Values, ids: string[], properties: Record<string, unknown>[]) {
  const csv = values.population as string | undefined;
  const property = values['population-property'] as string | undefined;
  if (csv && property) throw new UsageError('give --population CSV or --population-property PROP, not both');
  if (property)
    return { source: `property ${property}`, join: populationFromProperty(ids, properties, property) };
  if (!csv) {
    if (values['population-id'] || values['population-column'])
      throw new UsageError('--population-id and --population-column need --population CSV');
    return null;
  }
  const idColumn = requireString(values, 'population-id');
  const valueColumn = requireString(values, 'population-column');
  let text: string;
  try {
    text = readFileSync(csv, 'utf8');
  } catch (error) {
    throw new UsageError(
      `Cannot read --population ${csv}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  const { columns, rows } = parseCsvRecords(text);
  return {
    source: `${csv} (${idColumn} → ${valueColumn})`,
    join: joinPopulation(ids, rows, idColumn, valueColumn, columns),
  };
}

function joinReport(join: PopulationJoin) {
  return {
    unmatchedAreas: join.unmatchedAreas,
    unusedIds: join.unusedIds,
    duplicateIds: join.duplicateIds,
    invalid: join.invalid,
  };
}

export const aggregateCommand: CliCommand = {
  name: 'aggregate',
  usage:
    'aggregate --input FILE [mapping flags] --areas GEOJSON --area-id PROP [--population CSV --population-id COL --population-column COL | --population-property PROP] [--from D --to D] [--by all|year] [--suppress K] [--smooth eb|none] [--unit incidents|victims] [--json]',
  async run(argv) {
    const values = parseCommandArgs(argv, {
      areas: { type: 'string' },
      'area-id': { type: 'string' },
      population: { type: 'string' },
      'population-id': { type: 'string' },
      'population-column': { type: 'string' },
      'population-property': { type: 'string' },
      by: { type: 'string', default: 'all' },
      suppress: { type: 'string', default: '0' },
      smooth: { type: 'string', default: 'eb' },
    });
    const by = String(values.by);
    if (by !== 'all' && by !== 'year') throw new UsageError(`--by must be all or year, not "${by}"`);
    const smooth = String(values.smooth);
    if (smooth !== 'eb' && smooth !== 'none')
      throw new UsageError(`--smooth must be eb or none, not "${smooth}"`);
    const suppressText = String(values.suppress);
    const k = Number(suppressText);
    if (!/^\d+$/.test(suppressText) || k > 1000)
      throw new UsageError(`--suppress must be a whole number (0 = off), not "${suppressText}"`);
    const unit = unitFrom(values);
    const { from, to } = dateRangeFlags(values);
    if (from && !from.endsWith('-01'))
      throw new UsageError(`--from must be the first day of a month, not ${from}`);
    if (to && to !== lastDayOfMonth(to))
      throw new UsageError(`--to must be the last day of a month, not ${to}`);
    const layer = readBoundaries(requireString(values, 'areas'));
    const areaId = requireString(values, 'area-id');
    if (!layer.properties.includes(areaId))
      throw new UsageError(
        `--area-id "${areaId}" is not a property of ${layer.name}; its properties are: ${layer.properties.join(', ')}`,
      );
    const ids = layer.features.map((f, i) => featureValue(f, areaId) ?? String(i));
    const names = layer.features.map((f, i) => featureValue(f, layer.nameProperty ?? areaId) ?? ids[i]!);
    const population = populationSource(
      values,
      ids,
      layer.features.map((f) => f.properties ?? {}),
    );

    const session = await openSession(requireString(values, 'input'), importOptionsFrom(values));
    const { db, table, report } = session;
    try {
      if (!report.firstDate || !report.lastDate) throw new RangeError('the input has no dated incidents');
      const firstMonth = `${report.firstDate.slice(0, 7)}-01`;
      const monthCount = monthIndex(firstMonth, report.lastDate.slice(0, 7)) + 1;
      const fromMonth = from ? monthIndex(firstMonth, from.slice(0, 7)) : 0;
      const toMonth = to ? monthIndex(firstMonth, to.slice(0, 7)) : monthCount - 1;
      if (fromMonth < 0 || toMonth >= monthCount)
        throw new RangeError(
          `--from/--to must lie within the data (${report.firstDate} to ${report.lastDate})`,
        );
      await assignAreas(db, await incidentPoints(db, table), layer.features, 'aggregate_areas');
      const cubes = await measureCubes(
        db,
        table,
        firstMonth,
        monthCount,
        { kind: 'rowTable', table: 'aggregate_areas', column: 'area' },
        ids.length,
        {},
      );
      const result = areaTable(unitCube(cubes, unit), {
        ids,
        names,
        population: population?.join.population ?? null,
        firstMonth,
        from: fromMonth,
        to: toMonth,
        by,
        k,
        smooth,
      });
      const json = {
        unit,
        areas: { file: layer.name, idProperty: areaId, count: ids.length },
        population: population ? { source: population.source, ...joinReport(population.join) } : null,
        from: from ?? report.firstDate,
        to: to ?? report.lastDate,
        by,
        suppress: k,
        ...result,
      };
      const rate = (v: number | null) => (v === null ? '—' : formatDecimal(v, 1));
      const text = [
        `${unit} per area${by === 'year' ? ' and year' : ''}${k > 1 ? `, counts 1..${k - 1} suppressed` : ''}`,
        'area            period        count        rate   smoothed  flags',
        ...result.rows.map(
          (r) =>
            `${r.name.slice(0, 15).padEnd(15)} ${r.period.padEnd(12)} ${r.countText.padStart(10)} ${rate(r.rate).padStart(10)} ${rate(r.smoothedRate).padStart(10)}  ${r.unreliable ? 'unreliable' : ''}`,
        ),
        ...result.totals.map((t) => `total ${t.kind} ${t.key}: ${t.countText}`),
        ...(population && population.join.unmatchedAreas.length > 0
          ? [`areas without population: ${population.join.unmatchedAreas.join(', ')}`]
          : []),
      ].join('\n');
      return { json, text, asJson: values.json === true };
    } finally {
      await db.close();
    }
  },
};
