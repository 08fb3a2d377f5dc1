/**
 * The data layer's messages (import notes, reasons for rejected lines, load errors) exist in every language:
 * each code the data layer can emit has an English text, and every English code has a Spanish text with the
 * same placeholders in every plural form the language needs. In Spanish the app renders nested messages in
 * Spanish, counts through the formatting module and line numbers as they are; the English rendering of the
 * command line is the English catalogue's text.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { afterAll, describe, expect, it } from 'vitest';
import { setFormatLocale } from '../../../src/analysis/privacy/count-format';
import {
  IMPORT_MESSAGES_EN,
  type ImportMessage,
  importMessageCodes,
  msg,
  renderEnglish,
} from '../../../src/data/import-messages';
import { ImportError } from '../../../src/data/loaders/sniff';
import { REJECT_REASONS, rejectReasonMessage } from '../../../src/data/schema';
import { initI18n } from '../../../src/ui/i18n';
import { dataMessage, errorText } from '../../../src/ui/i18n/data-message';

const SPANISH = JSON.parse(
  readFileSync(join(process.cwd(), 'src/ui/i18n/locales/es/import-messages.json'), 'utf8'),
) as Record<string, unknown>;
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(prefix, value);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value))
      for (const [kk, vv] of flatten(v, prefix ? `${prefix}.${k}` : k)) out.set(kk, vv);
  return out;
}

const placeholders = (text: string) =>
  [...new Set([...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]!))].sort();

/** The texts of one code in one catalogue: the plain key and/or its plural forms. */
function forms(catalogue: Map<string, string>, code: string): Map<string, string> {
  return new Map(
    [...catalogue].filter(([k]) => k === code || (PLURAL.test(k) && k.replace(PLURAL, '') === code)),
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** Every message code written literally in the data layer, plus those built from a reason or a variant. */
function emittedCodes(): string[] {
  const codes = new Set<string>();
  for (const file of sourceFiles(join(process.cwd(), 'src/data'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/'((?:error|note|badLine|encoding|reject)\.[A-Za-z0-9]+)'/g))
      codes.add(m[1]!);
  }
  for (const reason of REJECT_REASONS) codes.add(rejectReasonMessage(reason).code);
  // `note.guessed` + OwnIncidents? + NoStatePlane? (import-incidents.ts).
  for (const a of ['', 'OwnIncidents'])
    for (const b of ['', 'NoStatePlane']) codes.add(`note.guessed${a}${b}`);
  return [...codes].sort();
}

describe('data-layer message catalogues', () => {
  const english = flatten(IMPORT_MESSAGES_EN);
  const spanish = flatten(SPANISH);

  it('have an English text for every code the data layer emits', () => {
    const emitted = emittedCodes();
    expect(emitted.length).toBeGreaterThan(60);
    const known = new Set(importMessageCodes());
    expect(emitted.filter((c) => !known.has(c))).toEqual([]);
  });

  it('have a Spanish text for every code, with the same placeholders in every plural form', () => {
    const problems: string[] = [];
    for (const code of importMessageCodes()) {
      const en = forms(english, code);
      const es = forms(spanish, code);
      if (es.size === 0) {
        problems.push(`es: ${code} is missing`);
        continue;
      }
      const expected = placeholders([...en.values()][0]!);
      for (const [key, text] of [...en, ...es]) {
        if (JSON.stringify(placeholders(text)) !== JSON.stringify(expected))
          problems.push(`${key}: placeholders ${placeholders(text)} differ from ${expected}`);
      }
      for (const [language, texts] of [
        ['en', en],
        ['es', es],
      ] as const) {
        if (![...texts.keys()].some((k) => PLURAL.test(k))) continue;
        for (const c of new Intl.PluralRules(language).resolvedOptions().pluralCategories)
          if (!texts.has(`${code}_${c}`)) problems.push(`${language}: ${code}_${c} is missing`);
      }
    }
    for (const key of spanish.keys())
      if (
        !english.has(key) &&
        !english.has(key.replace(PLURAL, '')) &&
        !forms(english, key.replace(PLURAL, '')).size
      )
        problems.push(`es: ${key} has no English code`);
    expect(problems).toEqual([]);
  });
});

describe('data-layer messages in the interface', () => {
  afterAll(() => {
    void i18next.changeLanguage('en');
    setFormatLocale('en');
  });

  const badLines: ImportMessage = msg('note.badLines', {
    count: 12345,
    samples: {
      list: [
        msg('badLine.sample', {
          line: 12346,
          detail: msg('badLine.fields', { found: 6, expected: 5 }),
          text: 'a,b,c,d,e,f',
        }),
        msg('badLine.sample', { line: 7, detail: msg('badLine.quote'), text: '"open' }),
      ],
      separator: '; ',
    },
  });

  it('are English on the command line, numbers as they are', () => {
    expect(renderEnglish(badLines)).toBe(
      '12345 line(s) could not be split into columns and were left out: line 12346: 6 fields where the header has 5 (“a,b,c,d,e,f”); line 7: a quote is not closed on this line, or stands inside an unquoted field (“"open”)',
    );
    expect(
      renderEnglish(
        msg('note.nearPreset', { count: 1, preset: 'P', missing: 'X', consequence: msg('note.guessed') }),
      ),
    ).toBe(
      'The columns look like the P file but X is missing, so its preset is off: columns were guessed from their names.',
    );
    expect(
      renderEnglish(
        msg('note.nearPreset', { count: 2, preset: 'P', missing: 'X, Y', consequence: msg('note.guessed') }),
      ),
    ).toMatch(/but X, Y are missing/);
  });

  it('are Spanish in a Spanish interface: nested messages too, counts formatted, line numbers as written', () => {
    initI18n('es');
    // Counts in es-US (the formatting module's Spanish) are grouped with commas; line numbers are not grouped.
    expect(dataMessage(badLines)).toBe(
      '12,345 líneas no se pudieron dividir en columnas y se omitieron: línea 12346: 6 campos donde el encabezado tiene 5 («a,b,c,d,e,f»); línea 7: unas comillas no se cierran en esta línea, o aparecen dentro de un campo sin comillas («"open»)',
    );
    expect(dataMessage(msg('note.multiLine', { count: 1 }))).toMatch(/^1 registro ocupa varias líneas/);
    expect(dataMessage(msg('note.multiLine', { count: 3 }))).toMatch(/^3 registros ocupan varias líneas/);
    const error = new ImportError(msg('error.noDataRows', { name: 'x.csv' }));
    expect(error.message).toBe('"x.csv" has a header but no data rows.');
    expect(errorText(error)).toBe('«x.csv» tiene encabezado pero ninguna fila de datos.');
    expect(errorText(new ImportError('plain text'))).toBe('plain text');
  });

  it('leave no code, placeholder or English text when rendered in Spanish', () => {
    initI18n('es');
    const problems: string[] = [];
    for (const code of importMessageCodes()) {
      const params: Record<string, string | number> = { count: 3 };
      for (const p of placeholders([...forms(flatten(IMPORT_MESSAGES_EN), code).values()][0]!))
        if (p !== 'count') params[p] = 'X';
      const es = dataMessage({ code, params });
      const en = renderEnglish({ code, params });
      if (es.includes('{{') || es.includes('import-messages:')) problems.push(`${code}: ${es}`);
      // Names of encodings (UTF-8) are the same in both languages; everything else has its own words.
      if (es === en && code !== 'encoding.utf8') problems.push(`${code} is English: ${es}`);
    }
    expect(problems).toEqual([]);
  });
});
