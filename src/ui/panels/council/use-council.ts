/**
 * Everything the council view shows for the current state, computed once per render from the areas brush
 * index: the rows of the area table (counts, rates, EB rates, reliability, suppression), the choropleth's
 * values and fixed class breaks, the yearly series behind the profile and the small multiples, and in
 * publish mode the published tables. In publish mode every number comes from those tables.
 */
import type { PickingInfo } from '@deck.gl/core';
import i18next from 'i18next';
import { useMemo } from 'react';
import { formatDecimal, formatPublishedCount } from '../../../analysis/privacy/count-format';
import { type AggregateRow, type AreaAggregate, aggregateCsv } from '../../../analysis/rates/area-aggregate';
import { areaRates } from '../../../analysis/rates/area-rates';
import {
  type ChoroplethLayerData,
  choroplethLayers,
  classBreaks,
  patternDots,
} from '../../../map/layers/choropleth-layer';
import { areaTable } from '../../../state/area-table';
import { unitCube } from '../../../state/cubes';
import type { Dataset } from '../../../state/datasets';
import { cubeRange } from '../../../state/prefix-cube';
import { type PublishedData, publishedData } from '../../../state/published-data';
import type { UrlViewState } from '../../../state/url-state';
import type { DashboardData } from '../../use-dashboard';
import { type ChoroplethMeasure, useCouncilStore } from './council-store';
import { csvLabels } from './csv-labels';

/** A period label of the tables ("2019 to 2023", "2019-01 to 2023-12") in the interface's language. */
function localPeriod(label: string): string {
  const range = /^(\S+) to (\S+)$/.exec(label);
  return range ? i18next.t('council:periodRange', { from: range[1], to: range[2] }) : label;
}

/** One area as shown now. */
export interface CouncilRow extends AggregateRow {
  index: number;
}

/** The yearly series of every area and of the city (null = hidden). */
export interface YearlySeries {
  years: string[];
  /** Months of data in each year (a partial first or last year has fewer than 12). */
  months: number[];
  areas: (number | null)[][];
  city: (number | null)[];
}

/** Result of {@link useCouncil}. */
export interface Council {
  /** Threshold k in force (0 when publish mode is off). */
  k: number;
  measure: ChoroplethMeasure;
  rows: CouncilRow[];
  /** Length of the period the rows cover, in years. */
  years: number;
  periodLabel: string;
  hasPopulation: boolean;
  breaks: number[];
  /** Map value per area (counts per year, or rates per 100,000 per year; NaN = none). */
  values: Float64Array;
  yearly: YearlySeries;
  published: PublishedData | null;
  layers: ReturnType<typeof choroplethLayers>;
  tooltip(info: PickingInfo): string | null;
  /** The areas table behind the CSV and GeoJSON downloads (publish mode: areas × years, suppressed). */
  table: AreaAggregate;
  csv(): string;
}

function mapValue(row: AggregateRow, measure: ChoroplethMeasure, years: number): number {
  if (measure === 'count') return row.count === null ? Number.NaN : row.count / years;
  const v = measure === 'rate' ? row.rate : row.smoothedRate;
  return v === null ? Number.NaN : v;
}

/** The council view's numbers (see the module header); null until the area counts are ready. */
export function useCouncil(dataset: Dataset | null, view: UrlViewState, data: DashboardData): Council | null {
  const measure = useCouncilStore((s) => s.measure);
  const boundaries = dataset?.boundaries ?? null;
  const cubes = data.areaCubes;
  const k = view.publish.on ? view.publish.k : 0;
  const unit = view.unit;
  const [b0, b1] = data.brush;
  const hasPopulation = Boolean(boundaries?.population);

  const published = useMemo(
    () =>
      cubes && dataset && k > 0
        ? publishedData(cubes, unit, dataset.firstMonth, dataset.monthCount, k)
        : null,
    [cubes, dataset, unit, k],
  );

  // The table on screen, also the CSV export: the brushed months, or in publish mode areas × years.
  const table = useMemo<AreaAggregate | null>(() => {
    if (!cubes || !dataset || !boundaries) return null;
    const base = {
      ids: boundaries.ids,
      names: boundaries.names,
      population: boundaries.population,
      firstMonth: dataset.firstMonth,
      smooth: 'eb' as const,
    };
    const cube = unitCube(cubes, unit);
    return k > 0
      ? areaTable(cube, { ...base, from: 0, to: dataset.monthCount - 1, by: 'year', k })
      : areaTable(cube, { ...base, from: b0, to: b1, by: 'all', k: 0 });
  }, [cubes, dataset, boundaries, unit, k, b0, b1]);

  const yearly = useMemo<YearlySeries | null>(() => {
    if (!cubes || !dataset || !boundaries) return null;
    const cube = unitCube(cubes, unit);
    const pub = published ?? publishedData(cubes, unit, dataset.firstMonth, dataset.monthCount, 0);
    const { years, spans } = pub;
    const months = spans.map(([a, b]) => b - a + 1);
    if (k > 0 && table) {
      const byKey = new Map(table.rows.map((r) => [`${r.area}\u0000${r.period}`, r.count]));
      const areas = boundaries.ids.map((id) => years.map((y) => byKey.get(`${id}\u0000${y}`) ?? null));
      const t = pub.tables.areaYear;
      const city = years.map((_, y) => (t.periodTotalStatus[y] === 'shown' ? t.periodTotals[y]! : null));
      return { years, months, areas, city };
    }
    const perYear = spans.map(([a, b]) => cubeRange(cube, a, b));
    const areas = boundaries.ids.map((_, i) => perYear.map((c) => c[i]!));
    const city = perYear.map((c) => c.reduce((s, v) => s + v, 0));
    return { years, months, areas, city };
  }, [cubes, dataset, boundaries, unit, k, table, published]);

  const current = useMemo(() => {
    if (!table || !boundaries || !yearly) return null;
    if (k === 0) {
      return { rows: table.rows, years: (b1 - b0 + 1) / 12, label: table.rows[0]?.period ?? '' };
    }
    const year = view.time ? view.time.from.slice(0, 4) : null;
    if (year && yearly.years.includes(year)) {
      const y = yearly.years.indexOf(year);
      return {
        rows: table.rows.filter((r) => r.period === year),
        years: yearly.months[y]! / 12,
        label: year,
      };
    }
    // All published years: the area totals, with rates computed on the shown totals only.
    const dropped = new Set(table.droppedPeriods);
    const keptMonths = yearly.years.reduce((s, y, i) => (dropped.has(y) ? s : s + yearly.months[i]!), 0);
    const years = keptMonths / 12;
    const P = yearly.years.length;
    const totals = boundaries.ids.map((id, i) => {
      if (P === 1) return table.rows[i]!;
      const t = table.totals.find((x) => x.kind === 'area' && x.key === id)!;
      return {
        ...table.rows[i]!,
        count: t.count,
        countText: t.countText,
        suppressed: t.suppressed,
        status: t.status,
      };
    });
    const counts = totals.map((r) => r.count ?? 0);
    const pops = Float64Array.from(boundaries.ids, (_, i) =>
      totals[i]!.suppressed ? 0 : (boundaries.population?.[i] ?? 0),
    );
    const rates = boundaries.population ? areaRates(counts, pops, { years }) : null;
    const rows = totals.map((r, i) => {
      const ok = (v: number | undefined) =>
        !r.suppressed && v !== undefined && Number.isFinite(v) ? v : null;
      return {
        ...r,
        period: `${yearly.years.find((y) => !dropped.has(y))} to ${yearly.years.findLast((y) => !dropped.has(y))}`,
        rate: rates ? ok(rates.crude[i]) : null,
        smoothedRate: rates ? ok(rates.smoothed[i]) : null,
        unreliable: rates ? rates.unreliable[i] === 1 : r.count === null || r.count < 12,
      };
    });
    return { rows, years, label: rows[0]?.period ?? '' };
  }, [table, boundaries, yearly, k, view.time, b0, b1]);

  // Class breaks from every area's value in every year of the data: they do not move with the brush.
  const breaks = useMemo(() => {
    if (!yearly || !boundaries) return [];
    const values: number[] = [];
    yearly.years.forEach((_, y) => {
      const years = yearly.months[y]! / 12;
      const counts = yearly.areas.map((a) => a[y] ?? null);
      if (measure === 'count') for (const c of counts) values.push(c === null ? Number.NaN : c / years);
      else if (boundaries.population) {
        const pops = Float64Array.from(boundaries.population, (p, i) => (counts[i] === null ? 0 : p));
        const r = areaRates(
          counts.map((c) => c ?? 0),
          pops,
          { years },
        );
        values.push(...(measure === 'rate' ? r.crude : r.smoothed));
      }
    });
    return classBreaks(values);
  }, [yearly, boundaries, measure]);

  const rows = useMemo<CouncilRow[]>(
    () => (current ? current.rows.map((r, index) => ({ ...r, index })) : []),
    [current],
  );
  const values = useMemo(
    () => Float64Array.from(rows, (r) => mapValue(r, measure, current?.years ?? 1)),
    [rows, measure, current],
  );
  const marked = useMemo(() => Uint8Array.from(rows, (r) => (r.unreliable || r.suppressed ? 1 : 0)), [rows]);
  const markKey = marked.join('');
  // biome-ignore lint/correctness/useExhaustiveDependencies: markKey is the identity of `marked`.
  const dots = useMemo(
    () => (boundaries ? patternDots(boundaries.layer.features, marked) : []),
    [boundaries, markKey],
  );

  return useMemo(() => {
    if (!boundaries || !current || !yearly || !table) return null;
    const layerData: ChoroplethLayerData = {
      features: boundaries.layer.features,
      values,
      breaks,
      marked,
      dots,
      version: `${boundaries.id}|${measure}|${Array.from(values).join(',')}|${breaks.join(',')}`,
    };
    const index = new Map(boundaries.layer.features.map((f, i) => [f, i]));
    const tooltip = (info: PickingInfo): string | null => {
      if (info.layer?.id !== 'choropleth' || !info.object) return null;
      const i = index.get(info.object as never);
      const r = i === undefined ? undefined : rows[i];
      if (!r) return null;
      const t = i18next.getFixedT(null, 'council');
      const parts = [`${r.name}: ${formatPublishedCount(r.count ?? 0, r.status, k, unit)}`];
      if (hasPopulation)
        parts.push(
          r.rate === null
            ? t('tipRateWithheld')
            : t('tipRate', {
                rate: formatDecimal(r.rate, 1),
                smoothed: formatDecimal(r.smoothedRate ?? Number.NaN, 1),
              }),
        );
      if (r.unreliable && !r.suppressed) parts.push(t('tipUnreliable'));
      if (r.suppressed) parts.push(t(r.status === 'primary' ? 'tipSmall' : 'tipHidden'));
      return `${parts.join(' · ')} (${localPeriod(current.label)})`;
    };
    return {
      k,
      measure,
      rows,
      years: current.years,
      periodLabel: localPeriod(current.label),
      hasPopulation,
      breaks,
      values,
      yearly,
      published,
      layers: choroplethLayers(layerData),
      tooltip,
      table,
      csv: () => aggregateCsv(table, csvLabels(localPeriod)),
    };
  }, [
    boundaries,
    current,
    yearly,
    table,
    values,
    breaks,
    marked,
    dots,
    measure,
    rows,
    k,
    unit,
    hasPopulation,
    published,
  ]);
}
