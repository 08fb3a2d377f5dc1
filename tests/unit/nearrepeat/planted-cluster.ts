import type { KnoxInput } from '../../../src/analysis/nearrepeat/knox-test';
import { seededRandom } from '../../../src/analysis/random';

/**
 * 2,000 background incidents over a 5 km square and two years, of which the first 150 are each followed by
 * two repeats within about 60 m and 1–6 days (seeded, identical on every call).
 */
export function plantedCluster(): KnoxInput {
  const random = seededRandom(2024);
  const lon: number[] = [];
  const lat: number[] = [];
  const day: number[] = [];
  for (let k = 0; k < 2000; k++) {
    lon.push(-73.95 + random() * 0.06);
    lat.push(40.7 + random() * 0.045);
    day.push(Math.floor(random() * 730));
  }
  for (let k = 0; k < 150; k++) {
    for (let r = 0; r < 2; r++) {
      lon.push(lon[k]! + (random() - 0.5) * 0.0012);
      lat.push(lat[k]! + (random() - 0.5) * 0.0009);
      day.push(day[k]! + 1 + Math.floor(random() * 6));
    }
  }
  return { lon: Float64Array.from(lon), lat: Float64Array.from(lat), day: Int32Array.from(day) };
}
