import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type ProgramEvaluation, programReading } from '../../../state/program-evaluation';
import type { Program } from '../../../state/programs';
import { useMessage } from '../../i18n/use-message';
import { EstimatesTable } from './EstimatesTable';
import { EventStudyCard } from './EventStudyCard';
import { GuardrailList } from './GuardrailList';
import { ProgramChartCard } from './ProgramChartCard';
import { displayProgram } from './program-display';
import { ReadingCard } from './ReadingCard';
import { GlossaryCard } from './Terms';

/**
 * One evaluation on screen: the catchment's series with the launch, the comparison and the ITS
 * counterfactual; the units used; every estimate; the designs that could not run and why; the event
 * study; the guardrails.
 */
export function EvaluationView({ evaluation, program }: { evaluation: ProgramEvaluation; program: Program }) {
  const { t, i18n } = useTranslation('programs');
  const name = displayProgram(program, i18n.language).name;
  const area = program.catchment;
  const catchmentLabel =
    area.type === 'boundary'
      ? t('evidence.catchmentOf', { name, property: area.property, values: area.values.join(', ') })
      : t('evidence.catchment', { name });
  const write = useMessage();
  const s = evaluation.series;
  const catchment = s.units.find((u) => u.role === 'catchment')!;
  const comparisonUnits = s.units.filter((u) => u.role === 'comparison');
  const comparison =
    comparisonUnits.length > 0
      ? Float64Array.from(catchment.total, (_, i) => comparisonUnits.reduce((a, u) => a + u.total[i]!, 0))
      : null;
  const reading = useMemo(() => programReading(evaluation), [evaluation]);
  const pp = evaluation.prePost?.ok ? evaluation.prePost.value : null;
  const failures = (
    [
      ['prePost', evaluation.prePost],
      ['wdd', evaluation.wdd],
      ['its', evaluation.its],
      ['did', evaluation.did],
      ['synth', evaluation.synth],
    ] as const
  ).filter(([, o]) => o && !o.ok);
  return (
    <div data-testid="program-evaluation">
      <ProgramChartCard
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
      />
      <p className="muted small">
        {t('catchmentLine', {
          catchment: catchmentLabel,
          comparison: comparisonUnits.map((u) => u.label).join(', ') || t('none'),
          donors: s.units.filter((u) => u.role === 'comparison' || u.role === 'donor').length,
        })}
        {s.bufferMetres > 0 ? t('ringLine', { metres: s.bufferMetres }) : ''}
      </p>
      <ReadingCard reading={reading} />
      <EstimatesTable estimates={evaluation.estimates} />
      {failures.map(([name, o]) => (
        <p key={name} className="small muted">
          {t('notComputed', {
            name: t(`design.${name}`),
            error: o && !o.ok ? (o.errorMessage ? write(o.errorMessage) : o.error) : '',
          })}
        </p>
      ))}
      <EventStudyCard evaluation={evaluation} />
      <GuardrailList guardrails={evaluation.guardrails} launchYearOnly={program.launchPrecision === 'year'} />
      <GlossaryCard />
    </div>
  );
}
