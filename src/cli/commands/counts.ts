/** `counts`: a zero-filled time series of incidents or victims, optionally inside chosen polygons. */

import { formatCount } from '../../analysis/privacy/count-format';
import { assignAreas } from '../../data/area-assignment';
import { incidentPoints } from '../../data/incident-points';
import { selectFeatures } from '../../data/loaders/boundaries';
import { arrowRows } from '../../data/rows';
import { type TimeStep, timeSeriesQuery } from '../../data/sql/count-queries';
import type { CliCommand } from '../command';
import {
  dateRangeFlags,
  importOptionsFrom,
  parseCommandArgs,
  parseWhere,
  requireString,
  UsageError,
  unitFrom,
} from '../options';
import { openSession, readBoundaries } from '../session';

export const countsCommand: CliCommand = {
  name: 'counts',
  usage:
    'counts --input FILE [mapping flags] [--from D --to D] [--by month|quarter|year] [--within GEOJSON [--where PROP=VALUE]] [--unit incidents|victims] [--json]',
  async run(argv) {
    const values = parseCommandArgs(argv, {
      by: { type: 'string', default: 'month' },
      within: { type: 'string' },
      where: { type: 'string' },
    });
    const by = String(values.by);
    if (!['month', 'quarter', 'year'].includes(by))
      throw new UsageError(`--by must be month, quarter or year, not "${by}"`);
    const unit = unitFrom(values);
    const { from, to } = dateRangeFlags(values);
    const where = parseWhere(values.where as string | undefined, '--where');
    if (where && !values.within) throw new UsageError('--where needs --within');
    const layer = typeof values.within === 'string' ? readBoundaries(values.within) : null;

    const session = await openSession(requireString(values, 'input'), importOptionsFrom(values), {
      from,
      to,
    });
    const { db, table } = session;
    let rowSet: string | undefined;
    let inside: number | null = null;
    if (layer) {
      const features = where ? selectFeatures(layer, where.property, where.values) : layer.features;
      rowSet = 'within_rows';
      inside = await assignAreas(db, await incidentPoints(db, table), features, rowSet);
    }
    const rows = arrowRows(
      await db.query(
        timeSeriesQuery(table, { by: by as TimeStep, unit, from, to, filter: { from, to, rowSet } }),
      ),
    );
    await db.close();
    const series = rows.map((r) => ({
      period: new Date(Number(r.period)).toISOString().slice(0, by === 'year' ? 4 : 7),
      total: Number(r.total),
      fatal: Number(r.fatal),
      nonfatal: Number(r.nonfatal),
    }));
    const total = series.reduce((s, p) => s + p.total, 0);
    const json = {
      unit,
      by,
      from: from ?? null,
      to: to ?? null,
      within: layer ? { file: layer.name, where: where ?? null, victimRowsInside: inside } : null,
      total,
      series,
    };
    const text = [
      `${formatCount(total, { unit })} by ${by}${layer ? ` inside ${layer.name}${where ? ` where ${where.property} = ${where.values.join(',')}` : ''}` : ''}`,
      'period     total  fatal  non-fatal',
      ...series.map(
        (p) =>
          `${p.period.padEnd(9)} ${formatCount(p.total).padStart(6)} ${formatCount(p.fatal).padStart(6)} ${formatCount(p.nonfatal).padStart(10)}`,
      ),
    ].join('\n');
    return { json, text, asJson: values.json === true };
  },
};
