/** The `evaluate` command through `main([...])`, on the demo city (program A and its comparison neighborhoods). */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main';
import { repoRoot } from '../support/shared-data';

const demo = (name: string) => path.join(repoRoot, 'data/demo', name);
let catchmentFile = '';

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

beforeAll(() => {
  const programs = JSON.parse(readFileSync(demo('programs.json'), 'utf8'));
  const a = programs.find((p: { id: string }) => p.id === 'program-a');
  catchmentFile = path.join(mkdtempSync(path.join(tmpdir(), 'cvi-eval-')), 'program-a.geojson');
  writeFileSync(
    catchmentFile,
    JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { id: 'program-a' }, geometry: a.catchment }],
    }),
  );
});

afterEach(() => vi.restoreAllMocks());

const base = () => [
  'evaluate',
  '--input',
  demo('incidents.csv'),
  '--catchment',
  catchmentFile,
  '--launch',
  '2019-07-01',
  '--comparison',
  demo('neighborhoods.geojson'),
  '--comparison-id',
  'id',
  '--comparison-where',
  'id=N03,N07,N11',
  '--buffer',
  '400',
];

describe('cli evaluate', () => {
  it('prints the series, every estimate with its interval, the inputs and the guardrails as JSON', async () => {
    const { code, stdout, stderr } = await run([...base(), '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    const truth = JSON.parse(readFileSync(demo('truth.json'), 'utf8'));
    const a = truth.programs.find((p: { id: string }) => p.id === 'program-a');
    expect(out.series.catchment.total).toEqual(a.monthly.map((m: { observed: number }) => m.observed));
    expect(out.inputs).toMatchObject({
      launchPeriod: '2019-07',
      launchIndex: 54,
      by: 'month',
      unit: 'incidents',
    });
    expect(out.comparison).toEqual(['N03', 'N07', 'N11']);
    expect(out.inputs.units.map((u: { role: string }) => u.role)).toEqual([
      'catchment',
      'comparison',
      'comparison',
      'comparison',
      'buffer',
    ]);
    expect(out.estimates.map((e: { method: string }) => e.method)).toEqual([
      'prepost',
      'wdd',
      'its',
      'its',
      'did',
      'synth',
    ]);
    const didEstimate = out.estimates.find((e: { method: string }) => e.method === 'did');
    // Realised effect 718/1090 = 0.659 (truth.json) lies inside the DiD interval.
    expect(didEstimate.lower).toBeLessThan(0.659);
    expect(didEstimate.upper).toBeGreaterThan(0.659);
    // The 2×2 table's ratio of ratios equals the Poisson fixed-effects estimate (one common launch).
    expect(out.did.table.ratioOfRatios).toBeCloseTo(didEstimate.estimate, 8);
    expect(out.guardrails.map((g: { id: string }) => g.id)).toContain('pre-trend');
    expect(Object.values(out.errors).every((e) => e === null)).toBe(true);
    // the plain reading comes with the numbers
    expect(['did', 'synth']).toContain(out.reading.preferred);
    expect(out.reading.rules).toContain('relative-decline');
  });

  it('quarterly, one method, victims: text output names the estimate and its interval', async () => {
    const { code, stdout } = await run([
      ...base(),
      '--by',
      'quarter',
      '--method',
      'its',
      '--unit',
      'victims',
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/launch 2019-07-01 \(period 2019-Q3\)/);
    expect(stdout).toMatch(/ITS level change at launch: \d\.\d\d×, 95% CI \d\.\d\d–\d\.\d\d/);
    expect(stdout).not.toMatch(/Difference-in-differences/);
    // only the ITS ran: the reading relies on it and says it has no comparison
    expect(stdout).toMatch(
      /\nReading:\n {2}.+\n {2}Trust the interrupted time series most here, with caution/,
    );
  });

  it('usage errors exit 2 and data errors exit 1, with a message', async () => {
    const noLaunch = await run(base().filter((a, i, all) => a !== '--launch' && all[i - 1] !== '--launch'));
    expect(noLaunch.code).toBe(2);
    expect(noLaunch.stderr).toMatch(/--launch is required/);
    const badMethod = await run([...base(), '--method', 'magic']);
    expect(badMethod.code).toBe(2);
    expect(badMethod.stderr).toMatch(/--method must be one of prepost, wdd, its, did, synth or all/);
    const orphan = await run([...base().slice(0, 7), '--comparison-id', 'id']);
    expect(orphan.code).toBe(2);
    const outside = await run([...base().slice(0, 5), '--launch', '2030-01-01']);
    expect(outside.code).toBe(1);
    expect(outside.stderr).toMatch(/lies outside the data \(2015-01 to 2024-12\)/);
    const missingId = await run([
      ...base().slice(0, 7),
      '--comparison',
      demo('neighborhoods.geojson'),
      '--comparison-id',
      'precinct',
    ]);
    expect(missingId.code).toBe(2);
    expect(missingId.stderr).toMatch(/has no property "precinct"/);
  });
});
