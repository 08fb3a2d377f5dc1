import { latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src/analysis/random';
import { assignCells } from '../../../src/geo/h3-assign';

describe('assignCells', () => {
  it('gives every point the cell h3-js gives it, with distinct cells listed once', async () => {
    const random = seededRandom(5);
    const n = 5000;
    const lon = Float64Array.from({ length: n }, () => -74.1 + random() * 0.3);
    const lat = Float64Array.from({ length: n }, () => 40.6 + random() * 0.25);
    const { cells, cellOfRow } = await assignCells(lon, lat, 8);
    expect(new Set(cells).size).toBe(cells.length);
    for (let i = 0; i < n; i++) expect(cells[cellOfRow[i]!]).toBe(latLngToCell(lat[i]!, lon[i]!, 8));
  });
});
