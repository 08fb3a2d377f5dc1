import { describe, expect, it } from 'vitest';
import type { PolygonFeature } from '../../../src/geo/point-in-polygons';
import { programPlaces } from '../../../src/state/program-evaluation';
import type { Program } from '../../../src/state/programs';
import { inEnglish } from '../../support/english';

/** The geometry, or why the program cannot be evaluated in English. */
const programGeometry = (...a: Parameters<typeof programPlaces>) => inEnglish(programPlaces(...a));

/** A 1 × 1 degree square at column x of a row of squares, with an `id` and a `name`. */
const square = (x: number): PolygonFeature => ({
  type: 'Feature',
  properties: { id: `S${x}`, name: `Square ${x}` },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [x, 0],
        [x + 1, 0],
        [x + 1, 1],
        [x, 1],
        [x, 0],
      ],
    ],
  },
});
const features = [0, 1, 2, 3, 4, 5].map(square);
const boundaries = { features, idProperty: 'id', names: features.map((f) => String(f.properties!.name)) };

const program: Program = {
  id: 'p',
  name: 'P',
  model: 'other',
  city: 'C',
  launch: '2020-01-01',
  catchment: { type: 'boundary', property: 'id', values: ['S1'] },
  comparison: { ids: ['S4'] },
  displacementBufferMetres: 400,
  sources: [],
  publishedOutcomes: [],
};

describe('programGeometry', () => {
  it('resolves a boundary catchment and comparison ids, labelled by name and id', () => {
    const g = programGeometry(program, boundaries);
    if (typeof g === 'string') throw new Error(g);
    expect(g.catchment).toEqual([features[1]]);
    expect(g.comparison).toEqual([{ id: 'S4', label: 'Square 4 (S4)', features: [features[4]] }]);
    expect(g.donors).toEqual([]);
    expect(g.bufferMetres).toBe(400);
    expect(g.catchmentLabel).toBe('P catchment (id S1)');
  });

  it('names comparison areas drawn in the file by their name, their id, or their place ("#2")', () => {
    const unnamed = { ...square(4), properties: {} };
    const byId = { ...square(5), properties: { id: 'east' } };
    const g = programGeometry({ ...program, comparison: { features: [byId, unnamed] } }, boundaries);
    if (typeof g === 'string') throw new Error(g);
    expect(g.comparison.map(({ id, label }) => ({ id, label }))).toEqual([
      { id: 'east', label: 'east' },
      { id: 'c2', label: '#2' },
    ]);
  });

  it('adds as donors the other features whose boxes stay clear of the buffered catchments', () => {
    // S0 and S2 touch the catchment S1; S5 touches the other programme's catchment S5 itself.
    const g = programGeometry(program, boundaries, { donorsFromOtherAreas: true, avoid: [features[5]!] });
    if (typeof g === 'string') throw new Error(g);
    expect(g.donors.map((d) => d.id)).toEqual(['S3']);
  });

  it('returns a message when ids are missing, boundaries are not loaded, or there is no catchment', () => {
    expect(programGeometry({ ...program, comparison: { ids: ['S9'] } }, boundaries)).toBe(
      'the loaded boundaries have no feature with id = S9',
    );
    expect(programGeometry(program, null)).toMatch(/load that boundary file/);
    expect(
      programGeometry({ ...program, catchment: { type: 'none', note: 'individual-level' } }, boundaries),
    ).toBe('individual-level');
  });
});
