/** The message catalogues (`src/analysis/messages/locales`) read as flat key → text maps, for catalogue tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** i18next's plural suffixes. */
export const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Nested catalogue objects as `a.b.c` → text. */
export function flattenCatalogue(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(prefix, value);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value))
      for (const [kk, vv] of flattenCatalogue(v, prefix ? `${prefix}.${k}` : k)) out.set(kk, vv);
  return out;
}

/** One namespace's catalogue in one language, flattened. */
export function messageCatalogue(namespace: string, language = 'en'): Map<string, string> {
  return flattenCatalogue(
    JSON.parse(
      readFileSync(
        join(process.cwd(), `src/analysis/messages/locales/${language}/${namespace}.json`),
        'utf8',
      ),
    ),
  );
}
