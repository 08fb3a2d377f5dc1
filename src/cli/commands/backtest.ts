/**
 * `backtest`: for each whole week of a period, rank the study area's cells using only earlier incidents by
 * hot now, last year's Gi* hot spots and last year's counts, and score the week's incidents in the top
 * shares of cells: mean hit rate and PAI with their weekly spread, and which method wins.
 */
import { formatDecimal, formatShare } from '../../analysis/privacy/count-format';
import { buildHotspotGrid, loadHotspotPoints } from '../../state/hotspot-pipeline';
import { runBacktest } from '../../state/planning-backtest';
import { measureNearRepeat } from '../../state/planning-context';
import { dayNumber } from '../../state/planning-inputs';
import type { CliCommand } from '../command';
import { dateFlag, importOptionsFrom, parseCommandArgs, requireString, UsageError } from '../options';
import { openSession } from '../session';
import { integerFlag, studyAreaFrom } from './hotspots';

/** Days of incidents before the period on which the near-repeat pattern is measured. */
const KNOX_DAYS = 730;

export const backtestCommand: CliCommand = {
  name: 'backtest',
  usage:
    'backtest --input FILE [mapping flags] --study-area GEOJSON [--study-where PROP=VALUE] --from D --to D [--h3-res 9] [--top 0.01,0.02,0.05] [--permutations 999] [--json]',
  async run(argv) {
    const values = parseCommandArgs(argv, {
      'study-area': { type: 'string' },
      'study-where': { type: 'string' },
      'h3-res': { type: 'string', default: '9' },
      top: { type: 'string', default: '0.01,0.02,0.05' },
      permutations: { type: 'string', default: '999' },
    });
    const from = dateFlag(values, 'from');
    const to = dateFlag(values, 'to');
    if (!from || !to) throw new UsageError('--from and --to are required');
    if (to < from) throw new UsageError(`--from ${from} is after --to ${to}`);
    const shares = String(values.top)
      .split(',')
      .map((t) => {
        const v = Number(t);
        if (!/^0?\.\d+$|^1$/.test(t.trim()) || !(v > 0 && v <= 1))
          throw new UsageError(
            `--top must list area shares between 0 and 1 (e.g. 0.01,0.05), not "${values.top}"`,
          );
        return v;
      });
    const resolution = integerFlag(values, 'h3-res', 5, 11);
    const permutations = integerFlag(values, 'permutations', 1, 99_999);
    const study = studyAreaFrom(values);

    const t0 = performance.now();
    const session = await openSession(requireString(values, 'input'), importOptionsFrom(values));
    const points = await loadHotspotPoints(session.db, session.table, { unit: 'incidents' });
    await session.db.close();
    const tLoad = performance.now();
    const fromDay = dayNumber(from);
    const toDay = dayNumber(to);
    const before: number[] = [];
    for (let i = 0; i < points.day.length; i++) {
      const d = points.day[i]!;
      if (d < fromDay && d >= fromDay - KNOX_DAYS) before.push(i);
    }
    const prior = {
      lon: Float64Array.from(before, (i) => points.lon[i]!),
      lat: Float64Array.from(before, (i) => points.lat[i]!),
      day: Int32Array.from(before, (i) => points.day[i]!),
    };
    const nr = measureNearRepeat(prior, permutations);
    const tKnox = performance.now();
    const grid = buildHotspotGrid(study.features, resolution, 1, points);
    const r = runBacktest(points, grid, { fromDay, toDay, shares, window: nr?.window ?? null });
    const tDone = performance.now();

    const json = {
      statistic: 'Weekly backtest of place rankings: hit rate and PAI at top area shares',
      from,
      to,
      resolution,
      studyArea: { file: study.layer.name, where: study.where, polygons: study.features.length },
      cells: r.cells,
      weeks: r.weeks.length,
      shares,
      nearRepeat: {
        measuredOn: `${before.length} incidents in the ${KNOX_DAYS} days before ${from}`,
        permutations,
        window: nr?.window?.statement ?? null,
      },
      hotNowNote: r.hotNowNote,
      methods: r.methods.map((m) => ({
        method: m.method,
        label: m.label,
        shares: m.summary.map((s, k) => ({
          share: s.share,
          areaShare: s.areaShare,
          weeks: s.weeks,
          hitRate: s.hitRate,
          pai: s.pai,
          versusCounts: m.versusCounts ? m.versusCounts[k] : null,
        })),
      })),
      findings: r.findings,
      millis: {
        load: Math.round(tLoad - t0),
        knox: Math.round(tKnox - tLoad),
        backtest: Math.round(tDone - tKnox),
      },
    };
    const text = [
      `Backtest ${from} to ${to}: ${r.weeks.length} weeks, ${r.cells} cells (H3 resolution ${resolution}) in ${study.layer.name}.`,
      nr?.window ? `Hot now rests on ${nr.window.statement}.` : (r.hotNowNote ?? ''),
      ...r.methods.flatMap((m) => [
        `${m.label}:`,
        ...m.summary.map(
          (s) =>
            `  top ${formatShare(s.share)}: hit rate ${formatShare(s.hitRate.mean)} (weekly sd ${formatShare(s.hitRate.sd)}), PAI ${formatDecimal(s.pai.mean)} (sd ${formatDecimal(s.pai.sd)})`,
        ),
      ]),
      ...r.findings,
    ].join('\n');
    return { json, text, asJson: values.json === true };
  },
};
