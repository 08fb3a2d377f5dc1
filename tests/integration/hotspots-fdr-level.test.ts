/** `hotspots --fdr Q`: classes by BH q, and no cell counts as significant when its q is above the level. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runCliJson } from '../support/cli';
import { repoRoot } from '../support/shared-data';

type Out = { cells: { q: number; p: number; class: number }[]; fdrLevel: number | null };

describe('hotspots --fdr', () => {
  const base = [
    'hotspots',
    '--input',
    path.join(repoRoot, 'data/demo/incidents.csv'),
    '--study-area',
    path.join(repoRoot, 'data/demo/city.geojson'),
    '--h3-res',
    '9',
  ];

  it('an FDR level keeps only cells with q at or below it, with the same q values', async () => {
    const on = await runCliJson<Out>([...base, '--fdr', 'on']);
    const strict = await runCliJson<Out>([...base, '--fdr', '0.01']);
    expect(strict.fdrLevel).toBe(0.01);
    expect(strict.cells.map((c) => c.q)).toEqual(on.cells.map((c) => c.q));
    const significantOn = on.cells.filter((c) => c.class !== 0).length;
    const significantStrict = strict.cells.filter((c) => c.class !== 0);
    expect(significantStrict.every((c) => c.q <= 0.01)).toBe(true);
    // Every cell significant at q ≤ 0.01 under the default classes stays significant at that level.
    const onAt01 = on.cells.filter((c) => c.class !== 0 && c.q <= 0.01).length;
    expect(significantStrict.length).toBe(onAt01);
    expect(significantStrict.length).toBeLessThan(significantOn);
    expect(significantStrict.length).toBeGreaterThan(0);
  });

  it('rejects a level outside (0, 1)', async () => {
    const r = await runCli([...base, '--fdr', '1.5']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--fdr must be on, off or an FDR level between 0 and 1/);
  });
});
