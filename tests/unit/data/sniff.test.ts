import { describe, expect, it } from 'vitest';
import { geojsonGeometryKind } from '../../../src/data/loaders/sniff';

describe('geojsonGeometryKind', () => {
  it('reads the first geometry type, skipping the FeatureCollection and Feature types', () => {
    const areas =
      '{"type": "FeatureCollection", "features": [{"type":"Feature","geometry":{"type" : "MultiPolygon",';
    expect(geojsonGeometryKind(areas)).toBe('areas');
    expect(geojsonGeometryKind('{"type":"Feature","geometry":{"type":"Polygon","coordinates":[')).toBe(
      'areas',
    );
    expect(geojsonGeometryKind('{"type":"FeatureCollection","features":[{"geometry":{"type":"Point",')).toBe(
      'points',
    );
    expect(geojsonGeometryKind('{"type":"MultiPoint","coordinates":[[1,2]]}')).toBe('points');
  });

  it('says nothing when no geometry type is in the sample', () => {
    expect(
      geojsonGeometryKind('{"type":"FeatureCollection","features":[{"type":"Feature","properties":{'),
    ).toBeNull();
    expect(geojsonGeometryKind('{"type":"LineString"}')).toBeNull();
  });
});
