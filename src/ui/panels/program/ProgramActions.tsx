import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { msg } from '../../../analysis/messages/message';
import { useAppStore } from '../../../state/app-store';
import { decodePrograms, encodePrograms, type Program, upsertPrograms } from '../../../state/programs';
import { messageText } from '../../i18n/use-message';
import { useProgramStore } from '../../program-store';

/**
 * The program actions: open the new/edit form, export the user's programs as JSON, import programs from
 * a file (nothing is imported when any program is invalid), delete a user program.
 */
export function ProgramActions({
  program,
  form,
  onForm,
  onDeleted,
}: {
  program: Program | null;
  form: 'new' | 'edit' | null;
  onForm(form: 'new' | 'edit' | null): void;
  onDeleted(): void;
}) {
  const { t } = useTranslation('programs');
  const notify = useAppStore((s) => s.notify);
  const user = useProgramStore((s) => s.user);
  const fileInput = useRef<HTMLInputElement>(null);

  const exportPrograms = () => {
    const blob = new Blob([encodePrograms(user, new Date().toISOString())], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'cvi-atlas-programs.json';
    a.click();
    URL.revokeObjectURL(a.href);
  };
  const importPrograms = async (file: File) => {
    const decoded = decodePrograms(await file.text(), msg('programfile:file.named', { name: file.name }));
    if (!decoded.ok) {
      notify(
        'error',
        t('importFailed', { errors: decoded.problems.slice(0, 4).map(messageText).join('; ') }),
      );
      return;
    }
    useProgramStore.getState().setUser(upsertPrograms(user, decoded.programs));
    notify('info', t('imported', { count: decoded.programs.length, file: file.name }));
  };

  return (
    <div className="row program-actions">
      <button type="button" className="link" onClick={() => onForm(form === 'new' ? null : 'new')}>
        {form === 'new' ? t('closeForm') : t('newProgram')}
      </button>
      {program && (
        <button type="button" className="link" onClick={() => onForm(form === 'edit' ? null : 'edit')}>
          {form === 'edit' ? t('closeForm') : t('edit')}
        </button>
      )}
      <button type="button" className="link" onClick={exportPrograms} disabled={user.length === 0}>
        {t('export')}
      </button>
      <button type="button" className="link" onClick={() => fileInput.current?.click()}>
        {t('import')}
      </button>
      {program?.origin === 'user' && (
        <button
          type="button"
          className="link"
          onClick={() => {
            useProgramStore.getState().setUser(user.filter((p) => p.id !== program.id));
            onDeleted();
          }}
        >
          {t('delete')}
        </button>
      )}
      <input
        ref={fileInput}
        type="file"
        data-testid="program-import"
        accept=".json,application/json"
        hidden
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void importPrograms(f);
        }}
      />
    </div>
  );
}
