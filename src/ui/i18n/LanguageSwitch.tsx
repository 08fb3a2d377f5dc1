/** The header's language switch: one button per language, each labelled in its own language. */
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language, setLanguage } from './index';

const NAMES: Record<Language, string> = { en: 'English', es: 'Español' };

export function LanguageSwitch() {
  const { t, i18n } = useTranslation('common');
  return (
    <fieldset className="language-switch" data-testid="language-switch">
      <legend className="visually-hidden">{t('language')}</legend>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={i18n.language === language}
          className={i18n.language === language ? 'tab on' : 'tab'}
          onClick={() => setLanguage(language)}
          data-testid={`lang-${language}`}
        >
          {NAMES[language]}
        </button>
      ))}
    </fieldset>
  );
}
