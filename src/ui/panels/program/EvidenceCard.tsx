import { useTranslation } from 'react-i18next';
import {
  comparisonReading,
  type EvaluationGeometry,
  type ProgramEvaluation,
} from '../../../state/program-evaluation';
import { designDifferences, type Program } from '../../../state/programs';
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
  const program = displayProgram(registered, i18n.language);
  const sourceOf = (id: string) => program.sources.find((s) => s.id === id);
  const s = evaluation?.series;
  const comparisonCount = geometry?.comparison.length ?? 0;
  const screen = s
    ? {
        design: `pre/post, WDD, ITS, DiD vs ${comparisonCount} comparison unit${comparisonCount === 1 ? '' : 's'}${evaluation?.synth?.ok ? ' and a synthetic control' : ''}`,
        outcome: `all shooting ${s.unit} recorded in the loaded data (fatal and non-fatal)`,
        unit: geometry?.catchmentLabel ?? 'the catchment',
        window: `${s.by === 'month' ? 'monthly' : 'quarterly'}, ${s.periods[0]} to ${s.periods[s.periods.length - 1]}, launch ${s.periods[s.launchIndex]}`,
      }
    : null;
  const reading = evaluation && screen ? comparisonReading(evaluation, comparisonCount) : null;
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
                  {designDifferences(o, screen).map((line) => (
                    <li key={line}>{line}</li>
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
