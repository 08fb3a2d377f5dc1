/**
 * The synthetic demo city's incidents as the planner reads them: one entry per incident (the demo's rows
 * are victims), at the incident's place and day, fatal when any of its victims died, with its victim count.
 */
import type { DemoCity } from '../../scripts/demo-city/generate-demo-city';
import { dayNumber, type PlanningIncidents } from '../../src/state/planning-inputs';

/** The demo city's incidents (victim rows grouped by incident id, in order of first appearance). */
export function demoPlanningIncidents(city: DemoCity): PlanningIncidents {
  const byId = new Map<string, { lon: number; lat: number; day: number; fatal: number; victims: number }>();
  for (const r of city.incidents) {
    const e = byId.get(r.incidentId);
    if (e) {
      e.victims++;
      if (r.fatal) e.fatal = 1;
    } else
      byId.set(r.incidentId, {
        lon: r.longitude,
        lat: r.latitude,
        day: dayNumber(r.occurredAt.slice(0, 10)),
        fatal: r.fatal ? 1 : 0,
        victims: 1,
      });
  }
  const list = [...byId.values()];
  return {
    lon: Float64Array.from(list, (p) => p.lon),
    lat: Float64Array.from(list, (p) => p.lat),
    day: Int32Array.from(list, (p) => p.day),
    fatal: Uint8Array.from(list, (p) => p.fatal),
    victims: Int32Array.from(list, (p) => p.victims),
  };
}
