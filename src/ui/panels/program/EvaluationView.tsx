import { ProgramChart } from '../../../charts/ProgramChart';
import type { EvaluationGeometry, ProgramEvaluation } from '../../../state/program-evaluation';
import type { Program } from '../../../state/programs';
import { EstimatesTable } from './EstimatesTable';
import { EventStudyCard } from './EventStudyCard';
import { GuardrailList } from './GuardrailList';

/**
 * One evaluation on screen: the catchment's series with the launch, the comparison and the ITS
 * counterfactual; the units used; every estimate; the designs that could not run and why; the event
 * study; the guardrails.
 */
export function EvaluationView({
  evaluation,
  program,
  geometry,
}: {
  evaluation: ProgramEvaluation;
  program: Program;
  geometry: EvaluationGeometry;
}) {
  const s = evaluation.series;
  const catchment = s.units.find((u) => u.role === 'catchment')!;
  const comparisonUnits = s.units.filter((u) => u.role === 'comparison');
  const comparison =
    comparisonUnits.length > 0
      ? Float64Array.from(catchment.total, (_, i) => comparisonUnits.reduce((a, u) => a + u.total[i]!, 0))
      : null;
  const pp = evaluation.prePost?.ok ? evaluation.prePost.value : null;
  const failures = (
    [
      ['Pre/post', evaluation.prePost],
      ['WDD', evaluation.wdd],
      ['ITS', evaluation.its],
      ['DiD', evaluation.did],
      ['Synthetic control', evaluation.synth],
    ] as const
  ).filter(([, o]) => o && !o.ok);
  return (
    <div data-testid="program-evaluation">
      <ProgramChart
        periods={s.periods}
        total={catchment.total}
        fatal={catchment.fatal}
        nonfatal={Float64Array.from(catchment.total, (v, i) => v - catchment.fatal[i]!)}
        comparison={comparison}
        counterfactual={evaluation.its?.ok ? evaluation.its.value.counterfactual : null}
        launchIndex={s.launchIndex}
        windows={
          pp ? { pre: pp.preWindow, post: pp.postWindow, preMean: pp.preRate, postMean: pp.postRate } : null
        }
        unit={s.unit}
        by={s.by}
        launchLabel={s.periods[s.launchIndex]!}
        width={284}
        height={170}
      />
      <p className="muted small">
        Catchment: {geometry.catchmentLabel}. Comparison:{' '}
        {comparisonUnits.map((u) => u.label).join(', ') || 'none'}. Synthetic-control donors:{' '}
        {s.units.filter((u) => u.role === 'comparison' || u.role === 'donor').length}.
        {s.bufferMetres > 0 ? ` Displacement ring ${s.bufferMetres} m.` : ''}
      </p>
      <EstimatesTable estimates={evaluation.estimates} />
      {failures.map(([name, o]) => (
        <p key={name} className="small muted">
          {name} not computed: {o && !o.ok ? o.error : ''}
        </p>
      ))}
      <EventStudyCard evaluation={evaluation} />
      <GuardrailList guardrails={evaluation.guardrails} launchYearOnly={program.launchPrecision === 'year'} />
    </div>
  );
}
