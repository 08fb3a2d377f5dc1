/**
 * The catalogues are complete: every key of one language exists, non-empty, in the other, with the same
 * {{placeholders}}; plural keys carry every plural category the language needs (Intl.PluralRules: English
 * one/other, Spanish one/many/other); and no Spanish text is the English one left untranslated, unless all its
 * words are among the few that are the same in both languages (below).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PANEL_PROGRAMS } from '../../../src/state/network-registry';

/** The interface's catalogues, and those of the messages composed below it (readings, import notes, …). */
const ROOTS = [
  join(process.cwd(), 'src/ui/i18n/locales'),
  join(process.cwd(), 'src/analysis/messages/locales'),
];
const LANGUAGES = ['en', 'es'];
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(value: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) {
      for (const [kk, vv] of flatten(v, prefix ? `${prefix}.${k}` : k)) out.set(kk, vv);
    }
  } else out.set(prefix, value);
  return out;
}

function load(language: string): Map<string, Map<string, unknown>> {
  const out = new Map<string, Map<string, unknown>>();
  for (const root of ROOTS) {
    for (const file of readdirSync(join(root, language))
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const namespace = file.replace(/\.json$/, '');
      if (out.has(namespace)) throw new Error(`namespace ${namespace} is in two catalogue folders`);
      out.set(namespace, flatten(JSON.parse(readFileSync(join(root, language, file), 'utf8'))));
    }
  }
  return new Map([...out].sort(([a], [b]) => a.localeCompare(b)));
}

/** Words written the same in English and Spanish: names, acronyms, units and symbols. */
const SAME_IN_BOTH = new Set([
  'CVI',
  'Atlas',
  'Id',
  'Gi',
  'FDR',
  'z',
  'p',
  'q',
  'k',
  'km',
  'm',
  'OK',
  'PNG',
  'SVG',
  'GeoJSON',
  'CSV',
  'Parquet',
  'URL',
  'WDD',
  'ITS',
  'DiD',
  'Knox',
  'NYPD',
  'NTA',
  'MB',
  'error',
  'total',
  'lon',
  'lat',
  'RMSPE',
  'UTF',
  'no',
]);

/** Whole texts that are the same in both languages: names of programs and places. */
const SAME_TEXTS = new Set(['Cure Violence', 'Advance Peace', 'Roca', 'Demo City', 'Richmond, California']);

/** True when `text` still reads as English: it has a word outside {@link SAME_IN_BOTH}. */
function hasOwnWords(text: string): boolean {
  const words = text.replace(/\{\{[^}]*\}\}/g, ' ').match(/\p{L}+/gu) ?? [];
  return words.some((w) => !SAME_IN_BOTH.has(w));
}

const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();

const catalogues = Object.fromEntries(LANGUAGES.map((l) => [l, load(l)]));

describe('interface catalogues', () => {
  it('have the same namespaces in every language', () => {
    const names = LANGUAGES.map((l) => [...catalogues[l]!.keys()]);
    expect(names[0]!.length).toBeGreaterThan(5);
    for (const n of names) expect(n).toEqual(names[0]);
  });

  for (const namespace of [...(catalogues.en?.keys() ?? [])]) {
    it(`${namespace}: every key translated, non-empty, same placeholders, full plural forms`, () => {
      const problems: string[] = [];
      const bases = LANGUAGES.map((l) => {
        const keys = catalogues[l]!.get(namespace) ?? new Map();
        for (const [key, text] of keys) {
          if (typeof text !== 'string' || text.trim() === '')
            problems.push(`${l}:${namespace}:${key} is empty`);
        }
        return new Set([...keys.keys()].map((k) => k.replace(PLURAL, '')));
      });
      for (const [i, l] of LANGUAGES.entries()) {
        for (const base of bases[i]!) {
          for (const [j, other] of LANGUAGES.entries()) {
            if (!bases[j]!.has(base))
              problems.push(`${other}:${namespace}:${base} is missing (present in ${l})`);
          }
        }
        const keys = catalogues[l]!.get(namespace) ?? new Map();
        const categories = new Intl.PluralRules(l).resolvedOptions().pluralCategories;
        const plural = new Set(
          [...keys.keys()].filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')),
        );
        for (const base of plural) {
          for (const c of categories) {
            if (!keys.has(`${base}_${c}`)) problems.push(`${l}:${namespace}:${base}_${c} is missing`);
          }
        }
      }
      const en = catalogues.en!.get(namespace)!;
      for (const l of LANGUAGES.slice(1)) {
        const keys = catalogues[l]!.get(namespace) ?? new Map();
        for (const [key, text] of keys) {
          const source = en.get(key) ?? en.get(key.replace(PLURAL, '_other'));
          if (typeof source !== 'string' || typeof text !== 'string') continue;
          if (text === source && hasOwnWords(text) && !SAME_TEXTS.has(text))
            problems.push(
              `${l}:${namespace}:${key} is the English text, untranslated: ${JSON.stringify(text)}`,
            );
          const a = placeholders(source).filter((p) => p !== 'count');
          const b = placeholders(text).filter((p) => p !== 'count');
          if (JSON.stringify([...new Set(a)]) !== JSON.stringify([...new Set(b)]))
            problems.push(`${l}:${namespace}:${key} placeholders ${b} differ from English ${a}`);
        }
      }
      expect(problems).toEqual([]);
    });
  }
});

describe('the networks and city panels registry', () => {
  it('has its city and description in every language, and no words for entries it does not have', () => {
    const ids = PANEL_PROGRAMS.map((p) => p.id).sort();
    for (const l of LANGUAGES) {
      const keys = [...(catalogues[l]!.get('network')?.keys() ?? [])].filter((k) =>
        k.startsWith('registry.'),
      );
      const expected = ids.flatMap((id) => [`registry.${id}.about`, `registry.${id}.city`]);
      expect(keys.sort()).toEqual(expected.sort());
    }
  });
});
