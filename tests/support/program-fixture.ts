/**
 * The smallest valid program: required fields only, a small drawn triangle as its catchment, no sources
 * and no published outcomes. Tests spread it and change one field at a time.
 */
import type { Program } from '../../src/state/programs';

/** A valid program with only the required fields. */
export const minimalProgram: Program = {
  id: 'my-program',
  name: 'My program',
  model: 'other',
  city: 'Somewhere',
  launch: '2021-03-01',
  catchment: {
    type: 'geometry',
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [0.01, 0],
          [0.01, 0.01],
          [0, 0],
        ],
      ],
    },
  },
  sources: [],
  publishedOutcomes: [],
};
