import { readFileSync } from 'node:fs';
import path from 'node:path';
import { area } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import {
  boundaryPolygons,
  catchmentFromPoints,
  catchmentFromPolygon,
  catchmentPolygons,
  decodePrograms,
  designAspects,
  encodePrograms,
  type KeyValueStorage,
  loadStoredPrograms,
  mergePrograms,
  PROGRAMS_STORAGE_KEY,
  programsFromDemo,
  storePrograms,
  upsertPrograms,
  validateProgram,
} from '../../../src/state/programs';
import { inEnglish } from '../../support/english';
import { minimalProgram } from '../../support/program-fixture';
import { repoRoot } from '../../support/shared-data';

/** The results below, with their messages in English. */
const catchmentFeatures = (...a: Parameters<typeof catchmentPolygons>) => inEnglish(catchmentPolygons(...a));
const resolveBoundaryFeatures = (...a: Parameters<typeof boundaryPolygons>) =>
  inEnglish(boundaryPolygons(...a));
const saveStoredPrograms = (...a: Parameters<typeof storePrograms>) => inEnglish(storePrograms(...a));

const founding = readFileSync(path.join(repoRoot, 'data/programs/founding-programs.json'), 'utf8');
const demoPrograms = JSON.parse(readFileSync(path.join(repoRoot, 'data/demo/programs.json'), 'utf8'));

function memoryStorage(
  initial: Record<string, string> = {},
): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => {
      data.set(k, v);
    },
  };
}

describe('founding programs file', () => {
  const decoded = decodePrograms(founding);
  it('validates and holds the four programs of the founding article', () => {
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.programs.map((p) => [p.id, p.model, p.launch.slice(0, 4)])).toEqual([
      ['sos-south-bronx', 'cure-violence', '2013'],
      ['cure-violence-chicago', 'cure-violence', '1999'],
      ['roca-baltimore', 'roca', '2018'],
      ['advance-peace-richmond', 'advance-peace', '2010'],
    ]);
  });
  it('defines SOS South Bronx by NYPD precincts 40 and 42 and carries the published -63% / -37% with a source', () => {
    if (!decoded.ok) throw new Error('invalid');
    const sos = decoded.programs[0]!;
    expect(sos.catchment).toMatchObject({ type: 'boundary', property: 'precinct', values: ['40', '42'] });
    const figures = sos.publishedOutcomes.map((o) => [o.outcome, o.relativeChange, o.source]);
    expect(figures).toContainEqual(['shooting victimizations', -0.63, 'delgado2017']);
    expect(figures).toContainEqual(['gun injuries', -0.37, 'delgado2017']);
  });
  it('says plainly that Roca is not measured by place-based counts', () => {
    if (!decoded.ok) throw new Error('invalid');
    const roca = decoded.programs.find((p) => p.id === 'roca-baltimore')!;
    expect(roca.catchment.type).toBe('none');
    expect(catchmentFeatures(roca.catchment)).toMatch(/not measure this program/);
  });
});

describe('validateProgram', () => {
  it('accepts a minimal program', () => {
    expect(validateProgram(minimalProgram)).toEqual({ ok: true, program: minimalProgram });
  });
  it('lists every problem with its path (end is compared only with a valid launch)', () => {
    const bad = {
      ...minimalProgram,
      id: 'Bad Id',
      model: 'magic',
      launch: '2021-02-30',
      end: '2020-01-01',
      displacementBufferMetres: -5,
      catchment: { type: 'geometry', geometry: { type: 'Point', coordinates: [0, 0] } },
      sources: [{ id: 'a', citation: 'A' }],
      publishedOutcomes: [{ outcome: 'shootings', figure: '-10%', source: 'nope' }],
    };
    const r = validateProgram(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.split(':')[0])).toEqual([
      'id',
      'model',
      'launch',
      'catchment.geometry',
      'displacementBufferMetres',
      'publishedOutcomes[0].source',
    ]);
  });
  it('rejects an open ring and coordinates outside longitude/latitude', () => {
    const open = validateProgram({
      ...minimalProgram,
      catchment: {
        type: 'geometry',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [0, 0],
              [1, 0],
              [1, 1],
              [0, 1],
            ],
          ],
        },
      },
    });
    expect(open.ok ? [] : open.errors).toEqual([
      'catchment.geometry.coordinates[0]: the ring must be closed (last = first)',
    ]);
    const projected = validateProgram({
      ...minimalProgram,
      catchment: {
        type: 'geometry',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [1000000, 200000],
              [1000100, 200000],
              [1000100, 200100],
              [1000000, 200000],
            ],
          ],
        },
      },
    });
    expect(projected.ok).toBe(false);
  });
  it('rejects an end date before the launch and a duplicate source id', () => {
    const r = validateProgram({
      ...minimalProgram,
      end: '2021-03-01',
      sources: [
        { id: 'x', citation: 'X' },
        { id: 'x', citation: 'Y' },
      ],
    });
    expect(r.ok ? [] : r.errors).toEqual([
      'end: must be after the launch date',
      'sources[1].id: duplicate id x',
    ]);
  });
});

describe('demo programs', () => {
  it('become registry programs with comparison neighborhoods and the planted effect in the notes', () => {
    const programs = programsFromDemo(demoPrograms);
    expect(programs.map((p) => [p.id, p.model, p.launch])).toEqual([
      ['program-a', 'cure-violence', '2019-07-01'],
      ['program-b', 'other', '2020-01-01'],
      ['program-c', 'advance-peace', '2019-01-01'],
    ]);
    expect(programs[0]!.comparison).toEqual({ ids: ['N03', 'N07', 'N11'], property: 'id' });
    expect(programs[0]!.displacementBufferMetres).toBe(400);
    expect(programs[2]!.notes).toMatch(/x0\.65 inside the catchment for the first 24 months/);
    expect(programs.every((p) => p.synthetic && p.origin === 'demo')).toBe(true);
  });
});

describe('stored programs', () => {
  it('round-trip through storage', () => {
    const storage = memoryStorage();
    expect(saveStoredPrograms(storage, [minimalProgram])).toBeNull();
    expect(loadStoredPrograms(storage)).toEqual({ programs: [minimalProgram], notice: null });
  });
  it('an absent value is an empty list without a notice', () => {
    expect(loadStoredPrograms(memoryStorage())).toEqual({ programs: [], notice: null });
  });
  it('a corrupt value gives a notice and is kept aside, never deleted', () => {
    const storage = memoryStorage({
      [PROGRAMS_STORAGE_KEY]: '{"schema":"cvi-atlas-programs/1","programs":[{',
    });
    const r = loadStoredPrograms(storage);
    expect(r.programs).toEqual([]);
    expect(r.notice).toMatch(/could not be read and were set aside.*cvi-atlas\.programs\.v1\.corrupt/);
    expect(storage.data.get(`${PROGRAMS_STORAGE_KEY}.corrupt`)).toBe(
      '{"schema":"cvi-atlas-programs/1","programs":[{',
    );
    expect(storage.data.get(PROGRAMS_STORAGE_KEY)).toBe('{"schema":"cvi-atlas-programs/1","programs":[{');
  });
  it('a stored value with an invalid program is set aside as a whole', () => {
    const text = JSON.stringify({
      schema: 'cvi-atlas-programs/1',
      programs: [minimalProgram, { ...minimalProgram, id: 'x', launch: 'soon' }],
    });
    const r = loadStoredPrograms(memoryStorage({ [PROGRAMS_STORAGE_KEY]: text }));
    expect(r.programs).toEqual([]);
    expect(r.notice).toMatch(/programs\[1\] \(x\): launch: must be a date/);
  });
  it('storage that throws (private mode, quota) gives messages, not exceptions', () => {
    const broken: KeyValueStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota exceeded');
      },
    };
    expect(loadStoredPrograms(broken).notice).toMatch(/denied/);
    expect(saveStoredPrograms(broken, [minimalProgram])).toMatch(/quota exceeded/);
  });
});

describe('workspace files', () => {
  it('exported text imports back to the same programs', () => {
    const text = encodePrograms([minimalProgram], '2026-11-27T12:00:00Z');
    expect(decodePrograms(text)).toEqual({ ok: true, programs: [minimalProgram] });
  });
  it('give clear errors for non-JSON, a foreign schema, and invalid or duplicate programs', () => {
    const notJson = decodePrograms('hello', 'programs.json');
    expect(notJson.ok ? '' : notJson.errors[0]).toMatch(/^programs\.json is not valid JSON/);
    const foreign = decodePrograms('{"type":"FeatureCollection","features":[]}', 'x.geojson');
    expect(foreign.ok ? '' : foreign.errors[0]).toMatch(/is not a CVI Atlas programs file/);
    const dup = decodePrograms(
      JSON.stringify({ schema: 'cvi-atlas-programs/1', programs: [minimalProgram, minimalProgram] }),
    );
    expect(dup.ok ? [] : dup.errors).toEqual(['programs[1] (my-program): duplicate id']);
    const notList = decodePrograms(JSON.stringify({ schema: 'cvi-atlas-programs/1', programs: {} }));
    expect(notList.ok ? [] : notList.errors).toEqual(['programs: must be a list']);
  });
  it('a bad file changes nothing: decoding is all-or-nothing and the caller keeps its list', () => {
    const user = [minimalProgram];
    const r = decodePrograms(
      JSON.stringify({
        schema: 'cvi-atlas-programs/1',
        programs: [{ ...minimalProgram, id: 'ok-one' }, { id: 1 }],
      }),
    );
    expect(r.ok).toBe(false);
    expect(user).toEqual([minimalProgram]);
  });
  it('imported programs replace same-id user programs and shipped programs are overridden by user copies', () => {
    const edited = { ...minimalProgram, name: 'Edited' };
    expect(upsertPrograms([minimalProgram], [edited])).toEqual([{ ...edited, origin: 'user' }]);
    const shipped = [{ ...minimalProgram, id: 'a' }, minimalProgram];
    const merged = mergePrograms(shipped, [edited, { ...minimalProgram, id: 'z' }]);
    expect(merged.map((p) => [p.id, p.name])).toEqual([
      ['a', 'My program'],
      ['my-program', 'Edited'],
      ['z', 'My program'],
    ]);
  });
});

describe('catchments', () => {
  it('from a drawn polygon, with errors for a bad ring', () => {
    const ring: [number, number][] = [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ];
    expect(catchmentFromPolygon(ring)).toEqual({
      type: 'geometry',
      geometry: { type: 'Polygon', coordinates: [ring] },
    });
    expect(() => catchmentFromPolygon(ring.slice(0, 3))).toThrow(RangeError);
  });
  it('from points: circles of the given radius (area within 1% of πr², the 64-gon inscribed)', () => {
    const c = catchmentFromPoints(
      [
        [-73.92, 40.81],
        [-73.9, 40.83],
      ],
      500,
    );
    expect(c.type).toBe('features');
    if (c.type !== 'features') return;
    expect(c.features).toHaveLength(2);
    // A regular 64-gon inscribed in a circle has (64/2π)·sin(2π/64) = 0.99839 of its area.
    for (const f of c.features) expect(area(f) / (Math.PI * 500 ** 2)).toBeCloseTo(0.9984, 2);
    expect(() => catchmentFromPoints([], 500)).toThrow(RangeError);
    expect(() => catchmentFromPoints([[0, 0]], 0)).toThrow(RangeError);
  });
  it('from boundary ids, resolved against loaded features (missing ids named)', () => {
    const square = (x: number, id: string) => ({
      type: 'Feature' as const,
      properties: { precinct: Number(id) },
      geometry: {
        type: 'Polygon' as const,
        coordinates: [
          [
            [x, 0],
            [x + 1, 0],
            [x + 1, 1],
            [x, 0],
          ],
        ],
      },
    });
    const features = [square(0, '40'), square(1, '41'), square(2, '42')];
    const got = resolveBoundaryFeatures(features, 'precinct', ['42', '40']);
    expect(got).toEqual([features[2], features[0]]);
    expect(resolveBoundaryFeatures(features, 'precinct', ['40', '99'])).toBe(
      'the loaded boundaries have no feature with precinct = 99',
    );
    expect(
      catchmentFeatures({
        type: 'boundary',
        property: 'precinct',
        values: ['40'],
        layerHint: 'NYPD precincts',
      }),
    ).toMatch(/load that boundary file/);
  });
});

describe('designAspects', () => {
  it('sets each published aspect beside the one on screen, and leaves out what a study did not state', () => {
    const rows = designAspects(
      {
        outcome: 'shooting victimizations',
        figure: '−63%',
        design: 'one matched comparison area',
        unit: 'neighborhood',
        source: 's',
      },
      {
        design: 'DiD vs 10 precincts',
        outcome: 'all shooting incidents',
        unit: 'precinct 40',
        window: 'monthly, 2006-01 to 2024-12',
      },
    );
    expect(rows).toEqual([
      { aspect: 'design', published: 'one matched comparison area', here: 'DiD vs 10 precincts' },
      { aspect: 'outcome', published: 'shooting victimizations', here: 'all shooting incidents' },
      { aspect: 'unit', published: 'neighborhood', here: 'precinct 40' },
      { aspect: 'window', here: 'monthly, 2006-01 to 2024-12' },
    ]);
  });
});
