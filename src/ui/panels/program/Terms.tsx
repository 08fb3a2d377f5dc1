import { GLOSSARY, splitTerms } from './glossary';

/** Text with every glossary term marked up as an abbreviation whose title explains it. */
export function Terms({ text }: { text: string }) {
  return (
    <>
      {splitTerms(text).map((piece, i) =>
        typeof piece === 'string' ? (
          piece
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: pieces of one fixed string, never reordered.
          <abbr key={i} title={`${piece.entry.term}: ${piece.entry.text}`} className="term">
            {piece.form}
          </abbr>
        ),
      )}
    </>
  );
}

/** The glossary, folded: every term with its short explanation. */
export function GlossaryCard() {
  return (
    <details className="small glossary" data-testid="program-glossary">
      <summary>What the terms mean</summary>
      <dl>
        {GLOSSARY.map((e) => (
          <div key={e.term}>
            <dt>{e.term}</dt>
            <dd>{e.text}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
