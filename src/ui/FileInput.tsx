/**
 * A file picker that speaks the interface's language. The browser's own control writes "Choose File" and
 * "No file chosen" in the browser's language, whatever the page's; this one keeps the real input (visually
 * hidden, still focusable and reachable by keyboard and by tests) and draws its button and the chosen
 * file's name in the reader's language. Place it inside a `<label>` that names it.
 */
import './file-input.css';
import { type ChangeEvent, type InputHTMLAttributes, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Props: those of an `<input type="file">`, and whether it picks a folder. */
export interface FileInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> {
  /** Picks a whole folder (the browser's directory picker) rather than files. */
  folder?: boolean;
}

/** A file input with its button and state written in the interface's language. */
export function FileInput({ folder = false, onChange, className, ...input }: FileInputProps) {
  const { t } = useTranslation('common');
  const [chosen, setChosen] = useState<string | null>(null);
  const change = (e: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(e.target.files ?? []);
    setChosen(
      files.length === 0
        ? null
        : files.length === 1
          ? files[0]!.name
          : t('filesChosen', { count: files.length }),
    );
    onChange?.(e);
  };
  return (
    <span className={`file-input${className ? ` ${className}` : ''}`}>
      <input
        type="file"
        className="visually-hidden"
        {...(folder ? { webkitdirectory: '' } : {})}
        {...input}
        onChange={change}
      />
      <span className="file-input-button" aria-hidden="true">
        {t(folder ? 'chooseFolder' : input.multiple ? 'chooseFiles' : 'chooseFile')}
      </span>{' '}
      <span className="file-input-name muted" aria-hidden="true">
        {chosen ?? t(folder ? 'noFolder' : 'noFile')}
      </span>
    </span>
  );
}
