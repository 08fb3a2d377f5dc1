/**
 * Pieces of the shared hotspot pipeline that the command-line tests do not reach: the convex-hull study
 * area used for data without boundaries, slice numbering and labels, and emerging slices on a hand-made
 * cube (counts per slice checked by hand).
 */
import { latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { studyAreaIndex } from '../../src/geo/h3-study-grid';
import {
  buildHotspotGrid,
  convexHullStudyArea,
  emergingAnalysis,
  hotspotAnalysis,
  monthNumber,
  sliceLabel,
  sliceOfMonth,
} from '../../src/state/hotspot-pipeline';

describe('convexHullStudyArea', () => {
  it('is the hull of a square with interior points, each corner pushed 50 m away from the centre', () => {
    const lon = Float64Array.from([-95, -94.99, -94.99, -95, -94.995, -94.997, -94.992]);
    const lat = Float64Array.from([39, 39, 39.01, 39.01, 39.005, 39.002, 39.008]);
    const hull = convexHullStudyArea(lon, lat);
    const ring = hull.geometry.coordinates[0] as number[][];
    expect(ring).toHaveLength(5); // 4 corners, closed
    expect(ring[0]).toEqual(ring[4]);
    const mLat = 111_195;
    const mLon = mLat * Math.cos((39.005 * Math.PI) / 180);
    for (const [x, y] of ring.slice(0, 4) as [number, number][]) {
      // Nearest original corner, and the push distance in metres (tolerance 1e-6 m).
      const corners: [number, number][] = [
        [-95, 39],
        [-94.99, 39],
        [-94.99, 39.01],
        [-95, 39.01],
      ];
      const d = Math.min(...corners.map(([cx, cy]) => Math.hypot((x - cx) * mLon, (y - cy) * mLat)));
      expect(Math.abs(d - 50)).toBeLessThan(1e-6);
    }
    const inside = studyAreaIndex(hull);
    for (let i = 0; i < lon.length; i++) expect(inside.contains(lon[i]!, lat[i]!)).toBe(true);
  });

  it('rejects points that do not span an area', () => {
    expect(() => convexHullStudyArea(Float64Array.from([0, 1, 2]), Float64Array.from([0, 1, 2]))).toThrow(
      RangeError,
    );
  });
});

describe('slices', () => {
  it('numbers months from January 1970 and labels slices', () => {
    expect(monthNumber('1970-01')).toBe(0);
    expect(monthNumber('2019-07-15')).toBe(49 * 12 + 6);
    const m = monthNumber('2019-08-01');
    expect(sliceLabel(sliceOfMonth(m, 'month'), 'month')).toBe('2019-08');
    expect(sliceLabel(sliceOfMonth(m, 'quarter'), 'quarter')).toBe('2019-Q3');
    expect(sliceLabel(sliceOfMonth(m, 'year'), 'year')).toBe('2019');
    expect(() => monthNumber('2019-13')).toThrow(RangeError);
  });
});

describe('hotspot and emerging analysis on a small grid', () => {
  // A 0.02° square, res 8 (about 0.74 km² per cell): a handful of cells.
  const square = {
    type: 'Polygon' as const,
    coordinates: [
      [
        [-95, 39],
        [-94.97, 39],
        [-94.97, 39.02],
        [-95, 39.02],
        [-95, 39],
      ],
    ],
  };
  // Points: 6 in 2020 and 3 in 2022 at one place, 1 outside the square.
  const lon = Float64Array.from([...Array(9).fill(-94.985), -94.9]);
  const lat = Float64Array.from([...Array(9).fill(39.01), 39.01]);
  const month = Int32Array.from([
    ...Array(6).fill(monthNumber('2020-05')),
    ...Array(3).fill(monthNumber('2022-02')),
    0,
  ]);
  const day = new Int32Array(10);

  it('counts the points in their cell, zero elsewhere, and reports the one outside', () => {
    const g = buildHotspotGrid(square, 8, 1, { lon, lat });
    const r = hotspotAnalysis(g, { lon, lat });
    expect(r.excluded).toBe(1);
    expect(r.counted).toBe(9);
    const j = r.cells.indexOf(latLngToCell(39.01, -94.985, 8));
    expect(r.counts[j]).toBe(9);
    expect(r.counts.filter((c) => c === 0).length).toBe(r.cells.length - 1);
  });

  it('builds yearly slices from the range given, empty years included', () => {
    const g = buildHotspotGrid(square, 8, 1, { lon, lat });
    const e = emergingAnalysis(
      g,
      { lon, lat, month, day },
      { slice: 'year', fromMonth: monthNumber('2019-01'), toMonth: monthNumber('2023-12') },
    );
    expect(e.sliceLabels).toEqual(['2019', '2020', '2021', '2022', '2023']);
    const j = e.cells.indexOf(latLngToCell(39.01, -94.985, 8));
    expect(e.countsBySlice.map((s) => s[j])).toEqual([0, 6, 0, 3, 0]);
    expect(e.excluded).toBe(1);
    expect(e.outOfRange).toBe(0);
  });
});
