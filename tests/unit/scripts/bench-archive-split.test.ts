/**
 * The benchmark splits a large generated CSV into several `publish` inputs: every part must hold whole
 * incidents (no incident split across parts), at most the given number of them, the header first, and the
 * parts together must hold exactly the original lines in order.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { splitByIncidents } from '../../../scripts/bench-archive';

const dir = mkdtempSync(join(tmpdir(), 'cvi-split-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('splitByIncidents', () => {
  it('keeps whole incidents, at most perPart per file, and every line once in order', async () => {
    const header = 'incident_id,date,fatal';
    const lines: string[] = [];
    // Incidents 1..23 with 1-3 victims each (victims of one incident are consecutive lines).
    for (let i = 1; i <= 23; i++)
      for (let v = 0; v < 1 + (i % 3); v++) lines.push(`I${i},2020-01-0${1 + v},false`);
    const csv = join(dir, 'x.csv');
    writeFileSync(csv, `${header}\n${lines.join('\n')}\n`);
    const parts = await splitByIncidents(csv, 5);
    expect(parts).toHaveLength(5); // 5 + 5 + 5 + 5 + 3 incidents
    const seen: string[] = [];
    const owner = new Map<string, number>();
    for (const [k, part] of parts.entries()) {
      const rows = readFileSync(part, 'utf8').trimEnd().split('\n');
      expect(rows[0]).toBe(header);
      const ids = new Set(rows.slice(1).map((r) => r.split(',')[0]!));
      expect(ids.size).toBeLessThanOrEqual(5);
      for (const id of ids) {
        expect(owner.has(id)).toBe(false);
        owner.set(id, k);
      }
      seen.push(...rows.slice(1));
    }
    expect(seen).toEqual(lines);
  });
});
