/**
 * The data layer's messages (import notes, reasons for rejected lines, load errors) exist in every language:
 * each key the data layer can emit has an English text (that every key has a Spanish text with the same
 * placeholders and plural forms is checked for all catalogues in `catalogues.test.ts`). In Spanish the app
 * renders nested messages in Spanish, counts and sizes through the formatting module and line numbers as
 * they are; the command line renders the same messages from the English catalogue.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { afterAll, describe, expect, it } from 'vitest';
import { englishText } from '../../../src/analysis/messages/english';
import { type Message, msg } from '../../../src/analysis/messages/message';
import { setFormatLocale } from '../../../src/analysis/privacy/count-format';
import { ImportError } from '../../../src/data/loaders/sniff';
import { REJECT_REASONS, rejectReasonMessage } from '../../../src/data/schema';
import { initI18n } from '../../../src/ui/i18n';
import { errorText, messageText } from '../../../src/ui/i18n/use-message';
import { messageCatalogue, PLURAL } from '../../support/message-catalogue';

const ENGLISH = messageCatalogue('data');
/** Every key of the English data catalogue (plural suffixes removed), with its namespace. */
const KNOWN = [...new Set([...ENGLISH.keys()].map((k) => `data:${k.replace(PLURAL, '')}`))].sort();

const placeholders = (text: string) =>
  [...new Set([...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]!))].sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** Every message key written literally in the data layer, plus those built from a reason or a variant. */
function emittedKeys(): string[] {
  const keys = new Set<string>();
  for (const file of sourceFiles(join(process.cwd(), 'src/data'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/'(data:[A-Za-z]+\.[A-Za-z0-9]+)'/g)) keys.add(m[1]!);
  }
  for (const reason of REJECT_REASONS) keys.add(rejectReasonMessage(reason).key);
  // `data:note.guessed` + OwnIncidents? + NoStatePlane? (import-incidents.ts).
  for (const a of ['', 'OwnIncidents'])
    for (const b of ['', 'NoStatePlane']) keys.add(`data:note.guessed${a}${b}`);
  return [...keys].sort();
}

describe('data-layer message catalogue', () => {
  it('has an English text for every key the data layer emits', () => {
    const emitted = emittedKeys();
    expect(emitted.length).toBeGreaterThan(60);
    const known = new Set(KNOWN);
    expect(emitted.filter((c) => !known.has(c))).toEqual([]);
  });
});

describe('data-layer messages in the interface', () => {
  afterAll(() => {
    void i18next.changeLanguage('en');
    setFormatLocale('en');
  });

  const badLines: Message = msg('data:note.badLines', {
    count: 12345,
    samples: {
      list: [
        msg('data:badLine.sample', {
          line: '12346',
          detail: msg('data:badLine.fields', { found: 6, expected: 5 }),
          text: 'a,b,c,d,e,f',
        }),
        msg('data:badLine.sample', { line: '7', detail: msg('data:badLine.quote'), text: '"open' }),
      ],
      join: '; ',
    },
  });

  it('are English on the command line: counts grouped, line numbers as written', () => {
    expect(englishText(badLines)).toBe(
      '12,345 line(s) could not be split into columns and were left out: line 12346: 6 fields where the header has 5 (“a,b,c,d,e,f”); line 7: a quote is not closed on this line, or stands inside an unquoted field (“"open”)',
    );
    expect(
      englishText(
        msg('data:note.nearPreset', {
          count: 1,
          preset: 'P',
          missing: 'X',
          consequence: msg('data:note.guessed'),
        }),
      ),
    ).toBe(
      'The columns look like the P file but X is missing, so its preset is off: columns were guessed from their names.',
    );
    expect(
      englishText(
        msg('data:note.nearPreset', {
          count: 2,
          preset: 'P',
          missing: 'X, Y',
          consequence: msg('data:note.guessed'),
        }),
      ),
    ).toMatch(/but X, Y are missing/);
  });

  it("write sizes with binary units in the reader's number style", () => {
    const tooLarge = msg('data:error.tooLarge', {
      name: 'big.csv',
      size: { num: 3.5 * 1024 ** 3, as: 'bytes' },
      limit: { num: 2 * 1024 ** 3, as: 'bytes' },
    });
    expect(englishText(tooLarge)).toBe(
      '"big.csv" is 3.5 GiB, more than the 2 GiB that can be imported; split it by year or area.',
    );
    initI18n('es');
    expect(messageText(tooLarge)).toMatch(/^«big\.csv» ocupa 3\.5 GiB, más de los 2 GiB/);
    expect(
      englishText(msg('data:error.headerTooLong', { name: 'x', limit: { num: 1000, as: 'bytes' } })),
    ).toMatch(/longer than 1,000 bytes,/);
  });

  it('are Spanish in a Spanish interface: nested messages too, counts formatted, line numbers as written', () => {
    initI18n('es');
    // Counts in es-US (the formatting module's Spanish) are grouped with commas; line numbers are not grouped.
    expect(messageText(badLines)).toBe(
      '12,345 líneas no se pudieron dividir en columnas y se omitieron: línea 12346: 6 campos donde el encabezado tiene 5 («a,b,c,d,e,f»); línea 7: unas comillas no se cierran en esta línea, o aparecen dentro de un campo sin comillas («"open»)',
    );
    expect(messageText(msg('data:note.multiLine', { count: 1 }))).toMatch(/^1 registro ocupa varias líneas/);
    expect(messageText(msg('data:note.multiLine', { count: 3 }))).toMatch(
      /^3 registros ocupan varias líneas/,
    );
    const error = new ImportError(msg('data:error.noDataRows', { name: 'x.csv' }));
    expect(error.message).toBe('"x.csv" has a header but no data rows.');
    expect(errorText(error)).toBe('«x.csv» tiene encabezado pero ninguna fila de datos.');
    expect(errorText(new ImportError('plain text'))).toBe('plain text');
  });

  it('leave no key, placeholder or English text when rendered in Spanish', () => {
    initI18n('es');
    const problems: string[] = [];
    for (const key of KNOWN) {
      const values: Record<string, string | number> = { count: 3 };
      const english = [...ENGLISH].find(([k]) => `data:${k.replace(PLURAL, '')}` === key)![1];
      for (const p of placeholders(english)) if (p !== 'count') values[p] = 'X';
      const es = messageText(msg(key, values));
      const en = englishText(msg(key, values));
      if (es.includes('{{') || es.includes('data:') || es === key.slice(5)) problems.push(`${key}: ${es}`);
      // Names of encodings (UTF-8) are the same in both languages; everything else has its own words.
      if (es === en && key !== 'data:encoding.utf8') problems.push(`${key} is English: ${es}`);
    }
    expect(problems).toEqual([]);
  });
});
