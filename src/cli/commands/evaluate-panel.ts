/**
 * The aggregate-panel form of `evaluate`: one treated unit (a city, a district) of a unit × period panel
 * against the other units — synthetic control with placebos and difference in differences.
 */
import { type CityEvaluation, evaluateCity } from '../../analysis/evaluation/panel/city-evaluation';
import type { SynthOutcome } from '../../analysis/evaluation/panel/panel-synthetic-control';
import { formatCi, formatPValue, formatRatio } from '../../analysis/privacy/count-format';
import { createNodeConnector } from '../../data/engine-node';
import type { CliOutput } from '../command';
import { dateFlag, requireString, UsageError } from '../options';
import { panelFromFlags } from './network';

/** The `--json` shape of a city-level evaluation. */
export function cityJson(r: CityEvaluation) {
  const s = r.synth;
  return {
    treated: r.treated,
    launchPeriod: r.launchPeriod,
    panel: {
      units: r.units,
      periods: r.periods.length,
      firstPeriod: r.periods[0],
      lastPeriod: r.periods[r.periods.length - 1],
    },
    estimates: r.estimates,
    eventStudy: r.eventStudy
      ? {
          window: r.eventStudy.window,
          terms: r.eventStudy.terms.map(({ eventTime, coefficient, se, estimate, lower, upper, pValue }) => ({
            eventTime,
            coefficient,
            se,
            estimate,
            lower,
            upper,
            pValue,
          })),
          preTrend: r.eventStudy.preTrend,
        }
      : null,
    synth: s
      ? {
          outcome: s.outcome,
          demeaned: s.demeaned,
          donors: s.donors.length,
          excludedDonors: s.excludedDonors,
          weights: s.donors
            .map((d, j) => ({ unit: d, weight: s.weights[j] as number }))
            .filter((w) => w.weight > 0.001)
            .sort((a, b) => b.weight - a.weight),
          preRmspe: s.preRmspe,
          postRmspe: s.postRmspe,
          rmspeRatio: s.rmspeRatio,
          placeboP: s.pValue,
          placebos: s.placebos.length,
          treatedSeries: s.series,
          syntheticSeries: s.synthetic,
          placeboBand: s.placeboBand,
          leaveOneOut: s.leaveOneOut,
          notes: s.notes,
        }
      : null,
    guardrails: r.guardrails,
    errors: r.errors,
  };
}

/** Runs `evaluate --panel …`. */
export async function evaluatePanel(
  values: Record<string, string | boolean | undefined>,
): Promise<CliOutput> {
  const treated = requireString(values, 'treated');
  const launch = dateFlag(values, 'launch');
  if (!launch) throw new UsageError('--launch is required');
  const method = String(values.method ?? 'all');
  if (!['synth', 'did', 'all'].includes(method))
    throw new UsageError(`with --panel, --method must be synth, did or all, not "${method}"`);
  const outcome = String(values.outcome ?? (values['panel-population'] ? 'rate' : 'count'));
  if (!['count', 'rate', 'log'].includes(outcome))
    throw new UsageError(`--outcome must be count, rate or log, not "${outcome}"`);
  const se = String(values.se ?? 'cluster');
  if (se !== 'cluster' && se !== 'hc1') throw new UsageError(`--se must be cluster or hc1, not "${se}"`);
  let minPopulation: number | undefined;
  if (values['donor-min-population'] !== undefined) {
    minPopulation = Number(values['donor-min-population']);
    if (!(minPopulation >= 0)) throw new UsageError('--donor-min-population must be a number >= 0');
  }
  const donors =
    typeof values.donors === 'string'
      ? values.donors
          .split(',')
          .map((d) => d.trim())
          .filter(Boolean)
      : undefined;
  const db = await createNodeConnector();
  try {
    const panel = await panelFromFlags(db, values);
    const r = evaluateCity(panel, {
      treated,
      launch,
      methods: method === 'all' ? ['did', 'synth'] : [method as 'did' | 'synth'],
      donors,
      minPopulation,
      outcome: outcome as SynthOutcome,
      demeaned: values.demeaned === true,
      se,
    });
    const text = [
      `${treated}: launch ${launch} (period ${r.launchPeriod}), ${r.units} units × ${r.periods.length} periods`,
      '',
      'Estimates:',
      ...r.estimates.map((e) =>
        e.method === 'synth'
          ? `  ${e.label}: ${formatRatio(e.estimate)} (no interval; placebo ${formatPValue(e.pValue)}, ${r.synth?.placebos.length ?? 0} placebos)`
          : `  ${e.label}: ${formatRatio(e.estimate)}, ${formatCi(e.lower, e.upper)}, ${formatPValue(e.pValue)}`,
      ),
      ...Object.entries(r.errors).map(([m, err]) => `  ${m}: not computed — ${err}`),
      '',
      'Guardrails:',
      ...r.guardrails.map((g) => `  [${g.status}] ${g.text}`),
    ].join('\n');
    return { json: cityJson(r), text, asJson: values.json === true };
  } finally {
    await db.close();
  }
}
