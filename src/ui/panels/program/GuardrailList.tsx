import { useTranslation } from 'react-i18next';
import type { Guardrail } from '../../../state/program-evaluation';
import { useMessage } from '../../i18n/use-message';

/** The guardrails beside the numbers (✓ ok, ⚠ warn, i info), plus a warning when only the launch year is known. */
export function GuardrailList({
  guardrails,
  launchYearOnly,
}: {
  guardrails: readonly Guardrail[];
  launchYearOnly: boolean;
}) {
  const { t } = useTranslation('programs');
  const write = useMessage();
  return (
    <>
      <h3 className="small">{t('guardrails')}</h3>
      <ul className="guardrails small" data-testid="program-guardrails">
        {guardrails.map((g) => (
          <li key={g.id} className={`guardrail ${g.status}`}>
            <span className="mark">{g.status === 'warn' ? '⚠' : g.status === 'ok' ? '✓' : 'i'}</span>{' '}
            {write(g.message)}
          </li>
        ))}
        {launchYearOnly && (
          <li className="guardrail warn">
            <span className="mark">⚠</span> {t('launchYearOnly')}
          </li>
        )}
      </ul>
    </>
  );
}
