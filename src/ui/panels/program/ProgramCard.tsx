import { PROGRAM_MODEL_LABELS, type Program } from '../../../state/programs';

/** Name, model, city, launch (with its precision) and notes of a program. */
export function ProgramCard({ program }: { program: Program }) {
  const launchYear = program.launchPrecision === 'year';
  return (
    <div className="program-card" data-testid="program-card">
      <div>
        <strong>{program.name}</strong>
        {program.synthetic && <span className="badge small">synthetic</span>}
      </div>
      <div className="muted small">
        {PROGRAM_MODEL_LABELS[program.model]} · {program.city} · launched{' '}
        {launchYear
          ? `${program.launch.slice(0, 4)} (month not documented; ${program.launch} used)`
          : program.launch}
        {program.end ? ` · ended ${program.end}` : ''}
      </div>
      {program.notes && <p className="small">{program.notes}</p>}
    </div>
  );
}
