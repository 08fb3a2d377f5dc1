import { useTranslation } from 'react-i18next';
import type { NetworkGuardrail } from '../../../analysis/evaluation/panel/network-evaluation';
import { useMessage } from '../../i18n/use-message';

const MARK = { ok: '✓', warn: '!', info: 'i' } as const;

/** The guardrails of a panel evaluation, each with its status. */
export function PanelGuardrails({ guardrails }: { guardrails: readonly NetworkGuardrail[] }) {
  const { t } = useTranslation('network');
  const write = useMessage();
  return (
    <ul className="guardrails small" data-testid="panel-guardrails">
      {guardrails.map((g) => (
        <li key={`${g.id}-${g.text}`} className={`guardrail ${g.status}`}>
          <span className="mark" aria-hidden="true">
            {MARK[g.status]}
          </span>{' '}
          <span className="visually-hidden">{t(`status.${g.status}`)}: </span>
          {g.message ? write(g.message) : g.text}
        </li>
      ))}
    </ul>
  );
}
