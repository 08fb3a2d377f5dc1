/**
 * The areas of the map as GeoJSON for other tools, written from the same table as the CSV download (the
 * council view's areas table, {@link areaAggregate}): one feature per boundary feature, in the file's order,
 * with its id, name, population and, per period of the table, the count, the count as the CSV writes it,
 * its status, the crude and Empirical Bayes rates per 100,000 residents per year and the reliability flag.
 *
 * With one period (outside publish mode: the brushed months) the properties carry no suffix (`count`,
 * `rate_per_100k_year`, …) and `period` names it. With several (publish mode: calendar years) each property
 * ends in `_<period>` (`count_2019`) and the area's total over the years follows as `count_total`, … . A
 * hidden count (status `primary`: 1..k−1; `complementary`: hidden to protect one; `dropped`: a year not
 * published) is null, with its text ("<11", "suppressed", "not published") beside it, and so are the rates
 * built on it; the city totals of the CSV are a foreign member `city_totals`.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { AggregateRow, AreaAggregate } from '../../analysis/rates/area-aggregate';

/** Inputs of {@link areasGeoJson}. */
export interface AreasGeoJsonInput {
  features: readonly Feature<Geometry | null>[];
  /** Area ids in feature order (the table's `area` keys). */
  ids: readonly string[];
  /** Residents per area (same order), when known. */
  population?: ArrayLike<number> | null;
  unit: 'incidents' | 'victims';
  /** The areas table (the CSV's). */
  table: AreaAggregate;
}

/** A city total as the CSV writes it. */
export interface CityTotal {
  period: string;
  count: number | null;
  count_text: string;
  status: string;
}

/** The collection, with the CSV's city totals as a foreign member. */
export type AreasFeatureCollection = FeatureCollection<Geometry | null> & {
  k: number;
  city_totals: CityTotal[];
};

const csvText = (text: string) => text.replace(/,/g, '');

function cellProperties(r: AggregateRow, suffix: string): Record<string, unknown> {
  return {
    [`count${suffix}`]: r.count,
    [`count_text${suffix}`]: csvText(r.countText),
    [`status${suffix}`]: r.status,
    [`suppressed${suffix}`]: r.suppressed,
    [`rate_per_100k_year${suffix}`]: r.rate,
    [`smoothed_rate_per_100k_year${suffix}`]: r.smoothedRate,
    [`unreliable${suffix}`]: r.unreliable,
  };
}

/** One feature per area with the table's figures as properties (see the module header). */
export function areasGeoJson(input: AreasGeoJsonInput): AreasFeatureCollection {
  const { table } = input;
  if (input.ids.length !== input.features.length)
    throw new RangeError(`${input.features.length} areas but ${input.ids.length} ids`);
  const byArea = new Map<string, AggregateRow[]>();
  for (const r of table.rows) {
    const list = byArea.get(r.area) ?? [];
    list.push(r);
    byArea.set(r.area, list);
  }
  const periods = [...new Set(table.rows.map((r) => r.period))];
  const single = periods.length === 1;
  const areaTotals = new Map(table.totals.filter((t) => t.kind === 'area').map((t) => [t.key, t]));
  const features = input.features.map((feature, i) => {
    const id = input.ids[i]!;
    const rows = byArea.get(id);
    if (!rows) throw new RangeError(`area ${id} is not in the table`);
    const properties: Record<string, unknown> = {
      id,
      name: rows[0]!.name,
      unit: input.unit,
      population: finite(input.population?.[i]),
      ...(single ? { period: periods[0] } : {}),
    };
    for (const r of rows) Object.assign(properties, cellProperties(r, single ? '' : `_${r.period}`));
    const total = areaTotals.get(id);
    if (!single && total)
      Object.assign(properties, {
        count_total: total.count,
        count_text_total: csvText(total.countText),
        status_total: total.status,
        suppressed_total: total.suppressed,
      });
    return { type: 'Feature' as const, geometry: feature.geometry, properties };
  });
  return {
    type: 'FeatureCollection',
    k: table.k,
    city_totals: table.totals
      .filter((t) => t.kind !== 'area')
      .map((t) => ({
        period: t.kind === 'all' ? 'all periods' : t.key,
        count: t.count,
        count_text: csvText(t.countText),
        status: t.status,
      })),
    features,
  };
}

function finite(v: number | undefined): number | null {
  return v !== undefined && Number.isFinite(v) ? v : null;
}
