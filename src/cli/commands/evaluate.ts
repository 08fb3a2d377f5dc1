/**
 * `evaluate`: a program's catchment against its comparison and donor units — the zero-filled series and
 * every estimator (pre/post, WDD, ITS, DiD with event study, synthetic control) with its interval, the
 * inputs it used and the guardrails. The catchment is one unit (union of the selected features); each
 * comparison or donor feature is its own unit.
 */
import { formatCi, formatDecimal, formatPValue, formatRatio } from '../../analysis/privacy/count-format';
import { featureValue, selectFeatures } from '../../data/loaders/boundaries';
import type { PolygonFeature } from '../../geo/point-in-polygons';
import {
  EVALUATION_METHODS,
  type EvaluationArea,
  type EvaluationMethod,
  evaluateProgram,
  evaluationSummary,
  programSeries,
} from '../../state/program-evaluation';
import type { CliCommand } from '../command';
import {
  dateFlag,
  dateRangeFlags,
  importOptionsFrom,
  parseCommandArgs,
  parseWhere,
  requireString,
  UsageError,
  unitFrom,
} from '../options';
import { openSession, readBoundaries } from '../session';
import { evaluatePanel } from './evaluate-panel';
import { PANEL_OPTIONS } from './network';

function areasFrom(
  file: string,
  idProperty: string,
  whereText: string | undefined,
  flag: string,
): EvaluationArea[] {
  const layer = readBoundaries(file);
  if (!layer.properties.includes(idProperty)) {
    throw new UsageError(
      `${file} has no property "${idProperty}"; its properties are: ${layer.properties.join(', ')}`,
    );
  }
  const where = parseWhere(whereText, flag);
  const features = where ? selectFeatures(layer, where.property, where.values) : layer.features;
  return features.map((f: PolygonFeature, i) => {
    const id = featureValue(f, idProperty) ?? String(i);
    return { id, label: id, features: [f] };
  });
}

export const evaluateCommand: CliCommand = {
  name: 'evaluate',
  usage:
    'evaluate --input FILE [mapping flags] --catchment GEOJSON [--catchment-where PROP=VALUE[,VALUE…]] --launch YYYY-MM-DD ' +
    '[--comparison GEOJSON --comparison-id PROP [--comparison-where PROP=V1,V2,…]] [--donors GEOJSON --donor-id PROP [--donor-where PROP=V1,…]] ' +
    '[--buffer METRES] [--window PERIODS] [--from D --to D] [--by month|quarter] [--unit incidents|victims] [--method prepost|wdd|its|did|synth|all] [--json]\n' +
    '  or: evaluate --panel CSV|PARQUET --panel-unit COL --panel-period COL --panel-count COL [--panel-population COL] [--by year|quarter|month] ' +
    '--treated ID --launch YYYY-MM-DD [--donors ID,…] [--donor-min-population N] [--outcome count|rate|log] [--demeaned] [--se cluster|hc1] [--method synth|did|all] [--json]',
  async run(argv) {
    const values = parseCommandArgs(argv, {
      catchment: { type: 'string' },
      'catchment-where': { type: 'string' },
      launch: { type: 'string' },
      comparison: { type: 'string' },
      'comparison-id': { type: 'string' },
      'comparison-where': { type: 'string' },
      donors: { type: 'string' },
      'donor-id': { type: 'string' },
      'donor-where': { type: 'string' },
      buffer: { type: 'string' },
      window: { type: 'string' },
      method: { type: 'string', default: 'all' },
      ...PANEL_OPTIONS,
      treated: { type: 'string' },
      'donor-min-population': { type: 'string' },
      outcome: { type: 'string' },
      demeaned: { type: 'boolean', default: false },
      se: { type: 'string' },
    });
    if (values.panel !== undefined) return evaluatePanel(values);
    const by = String(values.by ?? 'month');
    if (by !== 'month' && by !== 'quarter')
      throw new UsageError(`--by must be month or quarter, not "${by}"`);
    const unit = unitFrom(values);
    const launch = dateFlag(values, 'launch');
    if (!launch) throw new UsageError('--launch is required');
    const { from, to } = dateRangeFlags(values);
    const method = String(values.method);
    if (method !== 'all' && !(EVALUATION_METHODS as readonly string[]).includes(method)) {
      throw new UsageError(
        `--method must be one of ${EVALUATION_METHODS.join(', ')} or all, not "${method}"`,
      );
    }
    const methods: readonly EvaluationMethod[] =
      method === 'all' ? EVALUATION_METHODS : [method as EvaluationMethod];
    const bufferMetres = values.buffer === undefined ? 0 : Number(values.buffer);
    if (!(Number.isFinite(bufferMetres) && bufferMetres >= 0 && bufferMetres <= 20_000)) {
      throw new UsageError(`--buffer must be metres from 0 to 20000, not "${String(values.buffer)}"`);
    }
    let windowLength: number | undefined;
    if (values.window !== undefined) {
      windowLength = Number(values.window);
      if (!Number.isInteger(windowLength) || windowLength < 1)
        throw new UsageError(`--window must be a positive whole number of periods, not "${values.window}"`);
    }

    const catchmentFile = requireString(values, 'catchment');
    const catchmentLayer = readBoundaries(catchmentFile);
    const cWhere = parseWhere(values['catchment-where'] as string | undefined, '--catchment-where');
    const catchment = cWhere
      ? selectFeatures(catchmentLayer, cWhere.property, cWhere.values)
      : catchmentLayer.features;
    let comparison: EvaluationArea[] = [];
    if (values.comparison !== undefined) {
      comparison = areasFrom(
        String(values.comparison),
        requireString(values, 'comparison-id'),
        values['comparison-where'] as string | undefined,
        '--comparison-where',
      );
    } else if (values['comparison-where'] || values['comparison-id']) {
      throw new UsageError('--comparison-id and --comparison-where need --comparison');
    }
    let donors: EvaluationArea[] = [];
    if (values.donors !== undefined) {
      donors = areasFrom(
        String(values.donors),
        requireString(values, 'donor-id'),
        values['donor-where'] as string | undefined,
        '--donor-where',
      );
    } else if (values['donor-where'] || values['donor-id']) {
      throw new UsageError('--donor-id and --donor-where need --donors');
    }
    // A feature chosen as catchment is never its own comparison or donor.
    const key = (f: PolygonFeature) => JSON.stringify(f.geometry);
    const catchmentKeys = new Set(catchment.map(key));
    comparison = comparison.filter((a) => !a.features.some((f) => catchmentKeys.has(key(f))));
    const comparisonKeys = new Set(comparison.flatMap((a) => a.features.map(key)));
    donors = donors.filter(
      (a) => !a.features.some((f) => catchmentKeys.has(key(f)) || comparisonKeys.has(key(f))),
    );
    const catchmentLabel = cWhere
      ? `${catchmentLayer.name} where ${cWhere.property} = ${cWhere.values.join(',')}`
      : catchmentLayer.name;

    const session = await openSession(requireString(values, 'input'), importOptionsFrom(values));
    try {
      const series = await programSeries(
        session.db,
        session.table,
        { catchment, catchmentLabel, comparison, donors, bufferMetres },
        { by, unit, launch, from, to, filter: { from, to } },
      );
      const evaluation = evaluateProgram(series, { methods, windowLength });
      const summary = evaluationSummary(evaluation);
      const json = {
        input: session.report.source.name,
        catchment: { file: catchmentLayer.name, where: cWhere, features: catchment.length },
        comparison: comparison.map((a) => a.id),
        donors: donors.map((a) => a.id),
        methods,
        ...summary,
      };
      const lines = [
        `${catchmentLabel}: launch ${launch} (period ${summary.inputs.launchPeriod}), ${summary.inputs.firstPeriod} to ${summary.inputs.lastPeriod}, ${unit} by ${by}`,
        `Comparison units: ${comparison.length > 0 ? comparison.map((a) => a.id).join(', ') : 'none'}; donors: ${donors.length + comparison.length}`,
        '',
        'Estimates:',
        ...evaluation.estimates.map((e) => {
          const value =
            e.scale === 'difference'
              ? `${formatDecimal(e.estimate, 1)} events, ${formatCi(e.lower!, e.upper!, 0.95, 1)}`
              : e.scale === 'ratio'
                ? `${formatRatio(e.estimate)}, ${formatCi(e.lower!, e.upper!)}`
                : `${formatRatio(e.estimate)} (no interval; placebo)`;
          return `  ${e.label}: ${value}, ${formatPValue(e.pValue ?? Number.NaN)}\n    ${e.reading}`;
        }),
        ...Object.entries(summary.errors)
          .filter(([, err]) => err)
          .map(([m, err]) => `  ${m}: not computed — ${err}`),
        '',
        'Guardrails:',
        ...evaluation.guardrails.map((g) => `  [${g.status}] ${g.text}`),
        '',
        'Reading:',
        ...[summary.reading.headline, summary.reading.trust, summary.reading.disagreement]
          .filter((t): t is string => t !== null)
          .map((t) => `  ${t}`),
      ];
      return { json, text: lines.join('\n'), asJson: values.json === true };
    } finally {
      await session.db.close();
    }
  },
};
