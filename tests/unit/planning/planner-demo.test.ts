/**
 * The planner on the synthetic demo city, whose truth is known (data/demo/README.md, truth.json): three
 * programs cover the persistent hot spots H1–H3; H4–H6, the emerging E1 and the fading F1 lie outside every
 * catchment. Retaliation (a self-exciting process) is planted, and the generator can switch it off
 * (`retaliation: false`, the same background incidents).
 */
import { pointsWithinPolygon, pointToPolygonDistance } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { type DemoCity, generateDemoCity } from '../../../scripts/demo-city/generate-demo-city';
import { haversineMetres } from '../../../src/analysis/nearrepeat/close-pairs';
import type { PolygonFeature } from '../../../src/geo/h3-study-grid';
import { buildHotspotGrid } from '../../../src/state/hotspot-pipeline';
import { runBacktest } from '../../../src/state/planning-backtest';
import { measureNearRepeat } from '../../../src/state/planning-context';
import {
  dayNumber,
  type ExistingCatchment,
  incidentsBetween,
  type PlanningIncidents,
} from '../../../src/state/planning-inputs';
import { planSites } from '../../../src/state/planning-pipeline';
import { demoPlanningIncidents } from '../../support/demo-planning';

function catchmentsOf(city: DemoCity): ExistingCatchment[] {
  return city.programs.map((p) => ({
    id: p.id,
    name: p.name,
    features: [{ type: 'Feature', properties: {}, geometry: p.catchment } as PolygonFeature as never],
  }));
}

describe('planner on the demo city', () => {
  let city: DemoCity;
  let year2024: PlanningIncidents;
  beforeAll(() => {
    city = generateDemoCity();
    year2024 = incidentsBetween(
      demoPlanningIncidents(city),
      dayNumber('2024-01-01'),
      dayNumber('2024-12-31'),
    );
  });

  it('coverage shares equal an independent point-in-polygon and distance count (turf)', () => {
    const catchments = catchmentsOf(city);
    const plan = planSites(year2024, catchments, {
      k: 1,
      radiusMetres: 400,
      referenceDay: dayNumber('2024-12-31'),
      walkMetres: 300,
    });
    const polys = catchments.map((c) => c.features[0] as unknown as Feature<Polygon>);
    const pts = {
      type: 'FeatureCollection' as const,
      features: Array.from(year2024.lon, (x, i) => ({
        type: 'Feature' as const,
        properties: { i },
        geometry: { type: 'Point' as const, coordinates: [x, year2024.lat[i]!] },
      })),
    };
    const inside = new Set<number>();
    for (const poly of polys)
      for (const f of pointsWithinPolygon(pts, poly).features) inside.add(f.properties.i);
    let near = 0;
    let nearFatal = 0;
    let insideVictims = 0;
    let insideFatal = 0;
    let fatal = 0;
    let borderline = 0;
    for (let i = 0; i < year2024.lon.length; i++) {
      const d = Math.min(
        ...polys.map((p) =>
          pointToPolygonDistance([year2024.lon[i]!, year2024.lat[i]!], p, { units: 'meters' }),
        ),
      );
      // The walking ring is a 64-step buffer polygon: points within 0.5 m of 300 m are not compared.
      if (Math.abs(d - 300) < 0.5) borderline++;
      if (d <= 300) {
        near++;
        nearFatal += year2024.fatal[i]!;
      }
      fatal += year2024.fatal[i]!;
      if (inside.has(i)) {
        insideVictims += year2024.victims[i]!;
        insideFatal += year2024.fatal[i]!;
      }
    }
    expect(borderline).toBe(0);
    const o = plan.coverage.overall;
    expect(o.incidents.total).toBe(year2024.lon.length);
    expect(o.incidents.inside).toBe(inside.size);
    expect(o.fatal.total).toBe(fatal);
    expect(o.fatal.inside).toBe(insideFatal);
    expect(o.victims.inside).toBe(insideVictims);
    expect(o.incidents.near).toBe(near);
    expect(o.fatal.near).toBe(nearFatal);
    expect(o.incidents.insideShare).toBeCloseTo(inside.size / year2024.lon.length, 12);
    expect(inside.size).toBeGreaterThan(100);
  });

  it('suggests sites on the planted hot spots that no program covers', () => {
    const plan = planSites(year2024, catchmentsOf(city), {
      k: 5,
      radiusMetres: 400,
      referenceDay: dayNumber('2024-12-31'),
    });
    const uncovered = city.truth.hotspots.filter((h) => ['H4', 'H5', 'H6', 'E1', 'F1'].includes(h.id));
    const covered = city.truth.hotspots.filter((h) => ['H1', 'H2', 'H3'].includes(h.id));
    expect(plan.suggestions).toHaveLength(5);
    const matched = new Set<string>();
    for (const s of plan.suggestions) {
      const nearest = [...uncovered].sort(
        (a, b) =>
          haversineMetres(s.lon, s.lat, a.centre[0]!, a.centre[1]!) -
          haversineMetres(s.lon, s.lat, b.centre[0]!, b.centre[1]!),
      )[0]!;
      const d = haversineMetres(s.lon, s.lat, nearest.centre[0]!, nearest.centre[1]!);
      expect(d).toBeLessThan(nearest.radiusMetres);
      matched.add(nearest.id);
      for (const h of covered)
        expect(haversineMetres(s.lon, s.lat, h.centre[0]!, h.centre[1]!)).toBeGreaterThan(1000);
      expect(s.nearestProgram).not.toBeNull();
      expect(s.newlyCovered).toBeGreaterThan(0);
    }
    expect(matched.size).toBe(5);
  });

  it('backtest: hot now beats last year’s counts where retaliation is planted, and is absent where it is not', () => {
    const from = dayNumber('2022-01-01');
    const to = dayNumber('2024-12-31');
    const results = [true, false].map((retaliation) => {
      const c = retaliation ? city : generateDemoCity({ retaliation: false });
      const all = demoPlanningIncidents(c);
      const prior = incidentsBetween(all, from - 730, from - 1);
      const nr = measureNearRepeat(prior);
      const grid = buildHotspotGrid(c.city as never, 9, 1, all);
      return { nr, r: runBacktest(all, grid, { fromDay: from, toDay: to, window: nr?.window ?? null }) };
    });
    const [planted, absent] = results;
    expect(planted!.nr?.window).not.toBeNull();
    const hot = planted!.r.methods.find((m) => m.method === 'hot-now')!;
    const counts = planted!.r.methods.find((m) => m.method === 'counts-last-year')!;
    // At the top 5 % of cells the paired weekly difference is above 0 with 95 % confidence.
    const at5 = hot.versusCounts![2]!;
    expect(at5.low).toBeGreaterThan(0);
    expect(hot.summary[2]!.hitRate.mean).toBeGreaterThan(counts.summary[2]!.hitRate.mean);
    // Without retaliation no Knox band survives the FDR: no surface, hot now is not scored.
    expect(absent!.nr?.window ?? null).toBeNull();
    expect(absent!.r.methods.map((m) => m.method)).not.toContain('hot-now');
    expect(absent!.r.hotNowNote).toMatch(/No Knox band/);
  }, 60_000);
});
