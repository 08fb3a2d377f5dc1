import { useTranslation } from 'react-i18next';
import { GLOSSARY, splitTerms } from './glossary';

/** Text with every glossary term marked up as an abbreviation whose title explains it. */
export function Terms({ text }: { text: string }) {
  const { t } = useTranslation('programs');
  return (
    <>
      {splitTerms(text).map((piece, i) =>
        typeof piece === 'string' ? (
          piece
        ) : (
          <abbr
            // biome-ignore lint/suspicious/noArrayIndexKey: pieces of one fixed string, never reordered.
            key={i}
            title={`${t(`glossary.${piece.entry.id}.term`)}: ${t(`glossary.${piece.entry.id}.text`)}`}
            className="term"
          >
            {piece.form}
          </abbr>
        ),
      )}
    </>
  );
}

/** The glossary, folded: every term with its short explanation. */
export function GlossaryCard() {
  const { t } = useTranslation('programs');
  return (
    <details className="small glossary" data-testid="program-glossary">
      <summary>{t('glossaryTitle')}</summary>
      <dl>
        {GLOSSARY.map((e) => (
          <div key={e.id}>
            <dt>{t(`glossary.${e.id}.term`)}</dt>
            <dd>{t(`glossary.${e.id}.text`)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
