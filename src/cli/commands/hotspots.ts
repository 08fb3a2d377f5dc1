/**
 * `hotspots`: Getis-Ord Gi* hot and cold spots on H3 cells over a study area, with Benjamini-Hochberg
 * q-values and 99/95/90 % classes. Every study cell is reported, including cells with no incidents.
 */

import { hotspotClassLabel } from '../../analysis/hotspots/hotspot-classes';
import { formatCount, formatDecimal, formatQValue } from '../../analysis/privacy/count-format';
import { type BoundaryLayer, selectFeatures } from '../../data/loaders/boundaries';
import type { PolygonFeature } from '../../geo/h3-study-grid';
import { buildHotspotGrid, hotspotAnalysis, loadHotspotPoints } from '../../state/hotspot-pipeline';
import type { CliCommand } from '../command';
import {
  dateRangeFlags,
  importOptionsFrom,
  parseCommandArgs,
  parseWhere,
  requireString,
  UsageError,
  unitFrom,
} from '../options';
import { openSession, readBoundaries } from '../session';

type Values = Record<string, string | boolean | undefined>;

/** Options shared by `hotspots` and `emerging`: study area, grid and FDR. */
export const GRID_OPTIONS = {
  'study-area': { type: 'string' },
  'study-where': { type: 'string' },
  'h3-res': { type: 'string', default: '9' },
  k: { type: 'string', default: '1' },
  fdr: { type: 'string', default: 'on' },
} as const;

/** The study area of `--study-area FILE [--study-where PROP=V1,V2]`: the file and its chosen polygons. */
export function studyAreaFrom(values: Values): {
  layer: BoundaryLayer;
  where: { property: string; values: string[] } | null;
  features: PolygonFeature[];
} {
  const layer = readBoundaries(requireString(values, 'study-area'));
  const where = parseWhere(values['study-where'] as string | undefined, '--study-where');
  const features = where ? selectFeatures(layer, where.property, where.values) : [...layer.features];
  if (features.length === 0) throw new UsageError('--study-where selects no polygon of --study-area');
  return { layer, where, features: features as PolygonFeature[] };
}

/** Integer flag within bounds. */
export function integerFlag(values: Values, name: string, min: number, max: number): number {
  const text = String(values[name]);
  const v = Number(text);
  if (!/^\d+$/.test(text) || v < min || v > max)
    throw new UsageError(`--${name} must be an integer from ${min} to ${max}, not "${text}"`);
  return v;
}

/**
 * `--fdr on|off|Q` (default on): classes by Benjamini-Hochberg q (on), by raw p (off), or by q with cells
 * whose q exceeds the FDR level Q (0 < Q < 1) reported as not significant.
 */
export function fdrFlag(values: Values): { fdr: boolean; level: number | null } {
  const v = String(values.fdr ?? 'on');
  if (v === 'on' || v === 'off') return { fdr: v === 'on', level: null };
  const level = Number(v);
  if (!/^0?\.\d+$/.test(v) || !(level > 0 && level < 1)) {
    throw new UsageError(`--fdr must be on, off or an FDR level between 0 and 1 (e.g. 0.05), not "${v}"`);
  }
  return { fdr: true, level };
}

/**
 * What `hotspots` and `emerging` share: the flags of the grid, the loaded incidents, and the grid built from
 * all of them (so cells do not depend on the time window), with the points of the window.
 */
export async function hotspotInputs(values: Values) {
  const unit = unitFrom(values);
  const { from, to } = dateRangeFlags(values);
  const resolution = integerFlag(values, 'h3-res', 5, 11);
  const k = integerFlag(values, 'k', 1, 5);
  const { fdr, level: fdrLevel } = fdrFlag(values);
  const study = studyAreaFrom(values);
  const { db, table } = await openSession(requireString(values, 'input'), importOptionsFrom(values));
  const all = await loadHotspotPoints(db, table, { unit });
  const points = await loadHotspotPoints(db, table, { unit, filter: { from, to } });
  await db.close();
  const grid = buildHotspotGrid(study.features, resolution, k, all);
  return { unit, from, to, resolution, k, fdr, fdrLevel, study, all, points, grid };
}

export const hotspotsCommand: CliCommand = {
  name: 'hotspots',
  usage:
    'hotspots --input FILE [mapping flags] --study-area GEOJSON [--study-where PROP=VALUE] [--h3-res 9] [--k 1] [--from D --to D] [--fdr on|off|Q] [--unit incidents|victims] [--json]',
  async run(argv) {
    const values = parseCommandArgs(argv, GRID_OPTIONS);
    const { unit, from, to, resolution, k, fdr, fdrLevel, study, points, grid } = await hotspotInputs(values);
    const r = hotspotAnalysis(grid, points, { fdr });
    // With an FDR level, a cell is significant only if its q is at or below it (99/95/90 labels kept).
    if (fdrLevel !== null)
      for (let i = 0; i < r.classes.length; i++) if (r.q[i]! > fdrLevel) r.classes[i] = 0;

    const classCounts: Record<string, number> = {};
    for (let c = 3; c >= -3; c--) classCounts[hotspotClassLabel(c)] = 0;
    const cells = r.cells.map((h3, i) => {
      const cls = r.classes[i]!;
      const label = hotspotClassLabel(cls);
      classCounts[label] = (classCounts[label] ?? 0) + 1;
      return {
        h3,
        count: r.counts[i]!,
        z: r.z[i]!,
        p: r.p[i]!,
        q: r.q[i]!,
        class: cls,
        label,
        neighborTotal: r.neighborSum[i]!,
        neighborCells: r.neighborCount[i]!,
      };
    });
    const json = {
      statistic: 'Getis-Ord Gi* (binary k-ring weights, self included)',
      unit,
      resolution,
      k,
      fdr,
      fdrLevel,
      classesBy: fdr
        ? `q (Benjamini-Hochberg)${fdrLevel !== null ? `, significant only at q ≤ ${fdrLevel}` : ''}`
        : 'p',
      from: from ?? null,
      to: to ?? null,
      studyArea: { file: study.layer.name, where: study.where, polygons: study.features.length },
      counted: r.counted,
      excluded: r.excluded,
      mean: r.mean,
      sd: r.sd,
      classCounts,
      cells,
    };
    const hottest = [...cells].sort((a, b) => b.z - a.z).slice(0, 10);
    const text = [
      `Gi* hot spots: ${formatCount(r.counted, { unit })} on ${cells.length} H3 cells (resolution ${resolution}, k = ${k}) inside ${study.layer.name}; ${formatCount(r.excluded, { unit })} outside the study area left out.`,
      `Classes by ${fdr ? 'FDR q-value' : 'raw p-value'}:`,
      ...Object.entries(classCounts).map(
        ([label, n]) => `  ${label.padEnd(28)} ${String(n).padStart(6)} cells`,
      ),
      'Highest z:',
      ...hottest.map(
        (c) =>
          `  ${c.h3}  count ${String(c.count).padStart(5)}  z ${formatDecimal(c.z).padStart(6)}  ${formatQValue(c.q).padStart(10)}  ${c.label}`,
      ),
    ].join('\n');
    return { json, text, asJson: values.json === true };
  },
};
