import { useTranslation } from 'react-i18next';
import {
  comparisonFacts,
  comparisonMessage,
  type EvaluationGeometry,
  type ProgramEvaluation,
} from '../../../state/program-evaluation';
import { designAspects, type Program } from '../../../state/programs';
import { useMessage } from '../../i18n/use-message';
import { displayProgram } from './program-display';

/**
 * The published evidence of a program, each figure with how its design differs from the one on screen,
 * and the computed comparison of the catchment's own change with the comparison units'.
 */
export function EvidenceCard({
  program: registered,
  evaluation,
  geometry,
}: {
  program: Program;
  evaluation: ProgramEvaluation | null;
  geometry: EvaluationGeometry | null;
}) {
  const { t, i18n } = useTranslation('programs');
  const write = useMessage();
  const program = displayProgram(registered, i18n.language);
  const sourceOf = (id: string) => program.sources.find((s) => s.id === id);
  const s = evaluation?.series;
  const comparisonCount = geometry?.comparison.length ?? 0;
  const catchment = registered.catchment;
  const screen = s
    ? {
        design:
          t('evidence.screenDesign', { count: comparisonCount }) +
          (evaluation?.synth?.ok ? t('evidence.andSynth') : ''),
        outcome: t('evidence.screenOutcome', { unit: t(`common:${s.unit}`) }),
        unit:
          catchment.type === 'boundary'
            ? t('evidence.catchmentOf', {
                name: program.name,
                property: catchment.property,
                values: catchment.values.join(', '),
              })
            : t('evidence.catchment', { name: program.name }),
        window: t('evidence.screenWindow', {
          step: t(s.by === 'month' ? 'evidence.monthly' : 'evidence.quarterly'),
          from: s.periods[0],
          to: s.periods[s.periods.length - 1],
          launch: s.periods[s.launchIndex],
        }),
      }
    : null;
  const facts = evaluation && screen ? comparisonFacts(evaluation, comparisonCount) : null;
  const reading = facts ? write(comparisonMessage(facts)) : null;
  return (
    <div className="evidence" data-testid="program-evidence">
      <h3 className="small">{t('publishedEvidence')}</h3>
      {reading && (
        <p className="small" data-testid="comparison-reading">
          {reading}
        </p>
      )}
      <ul className="small">
        {program.publishedOutcomes.map((o) => {
          const src = sourceOf(o.source);
          return (
            <li key={`${o.outcome}|${o.source}|${o.figure}`}>
              <strong>{o.figure}</strong> {o.outcome}
              {o.window ? ` (${o.window})` : ''} — <cite>{src?.citation ?? o.source}</cite>
              {screen && (
                <ul className="muted">
                  {designAspects(o, screen).map(({ aspect, published, here }) => (
                    <li key={aspect}>
                      {t('evidence.difference', {
                        aspect: t(`evidence.aspect.${aspect}`),
                        published: published ?? t('evidence.notStated'),
                        here,
                      })}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
      {!screen && <p className="small muted">{t('notComparable')}</p>}
    </div>
  );
}
