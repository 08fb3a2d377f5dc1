import { useTranslation } from 'react-i18next';
import { PROGRAM_MODEL_LABELS, type Program } from '../../../state/programs';
import { displayProgram } from './program-display';

/** Name, model, city, launch (with its precision) and notes of a program, in the interface's language. */
export function ProgramCard({ program: registered }: { program: Program }) {
  const { t, i18n } = useTranslation('programs');
  const program = displayProgram(registered, i18n.language);
  const launchYear = program.launchPrecision === 'year';
  return (
    <div className="program-card" data-testid="program-card">
      <div>
        <strong>{program.name}</strong>
        {program.synthetic && <span className="badge small">{t('synthetic')}</span>}
      </div>
      <div className="muted small">
        {t(`model.${program.model}`, { defaultValue: PROGRAM_MODEL_LABELS[program.model] })} · {program.city}{' '}
        ·{' '}
        {launchYear
          ? t('launchedYear', { year: program.launch.slice(0, 4), date: program.launch })
          : t('launched', { date: program.launch })}
        {program.end ? t('ended', { date: program.end }) : ''}
      </div>
      {program.notes && <p className="small">{program.notes}</p>}
    </div>
  );
}
