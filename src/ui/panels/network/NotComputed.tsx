import { useTranslation } from 'react-i18next';
import type { Message } from '../../../analysis/messages/message';
import { useMessage } from '../../i18n/use-message';

/** The estimators of a panel evaluation that could not run, each with why (in the reader's language when it has a message). */
export function NotComputed({
  errors,
  messages,
}: {
  errors: Readonly<Record<string, string | undefined>>;
  messages?: Readonly<Record<string, Message | undefined>>;
}) {
  const { t } = useTranslation('network');
  const write = useMessage();
  return Object.entries(errors).map(([m, err]) => {
    const message = messages?.[m];
    return (
      <p key={m} className="small muted">
        {t('notComputed', {
          method: t(`method.${m}`, { defaultValue: m }),
          error: message ? write(message) : err,
        })}
      </p>
    );
  });
}
