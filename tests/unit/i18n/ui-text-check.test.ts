/**
 * The check for English written into the screens (scripts/check-ui-text.mjs) finds JSX text, literal JSX
 * children and literal visible attributes, and leaves translated text, allowed names and non-visible
 * attributes alone. Parsed by the TypeScript compiler, as in `npm run lint`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without type declarations
import { untranslatedText } from '../../../scripts/check-ui-text.mjs';

const dir = mkdtempSync(join(tmpdir(), 'ui-text-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SOURCE = `
declare function t(key: string): string;
declare function PanelBoundary(props: { name: string; children?: unknown }): null;
export function View({ on, n }: { on: boolean; n: number }) {
  return (
    <section aria-label="Council view" className="panel wide" data-testid="council">
      <h2>Areas</h2>
      <p>{t('council:intro')}</p>
      <p>{on ? 'Published' : t('council:off')}</p>
      <p>{n} {'areas shown'}</p>
      <input placeholder={\`Search \${n}\`} name="search" type="text" />
      <img alt={t('council:map')} src="a.png" />
      <span title="km">CVI Atlas</span>
      <PanelBoundary name="Map">{null}</PanelBoundary>
      <PanelBoundary name={t('app:map')}>{null}</PanelBoundary>
      <span>{n} · {n}</span>
    </section>
  );
}
`;

describe('check for untranslated screen text', () => {
  it('flags English text, literal children and visible attributes, nothing else', () => {
    const file = join(dir, 'View.tsx');
    writeFileSync(file, SOURCE);
    const found = untranslatedText([file], dir) as { text: string; line: number }[];
    expect(found.map((f) => f.text).sort()).toEqual(
      ['Areas', 'Council view', 'Map', 'Published', 'Search', 'areas shown'].sort(),
    );
    expect(found.find((f) => f.text === 'Areas')?.line).toBe(7);
  }, 60_000);
});
