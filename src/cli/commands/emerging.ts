/**
 * `emerging`: emerging hot spot analysis on H3 cells over a study area: Gi* per time slice (FDR within
 * each slice), Mann-Kendall trend of each cell's z-scores, and the ArcGIS pattern of each cell.
 */

import { EMERGING_PATTERN_LABELS, type EmergingPattern } from '../../analysis/hotspots/emerging-hot-spots';
import { emergingAnalysis, monthNumber, type SliceUnit } from '../../state/hotspot-pipeline';
import type { CliCommand } from '../command';
import { parseCommandArgs, UsageError } from '../options';
import { GRID_OPTIONS, hotspotInputs } from './hotspots';

export const emergingCommand: CliCommand = {
  name: 'emerging',
  usage:
    'emerging --input FILE [mapping flags] --study-area GEOJSON [--study-where PROP=VALUE] [--h3-res 9] [--k 1] [--slice year|quarter|month] [--from D --to D] [--fdr on|off] [--alpha 0.05] [--unit incidents|victims] [--json]',
  async run(argv) {
    const values = parseCommandArgs(argv, {
      ...GRID_OPTIONS,
      slice: { type: 'string', default: 'year' },
      alpha: { type: 'string', default: '0.05' },
    });
    const slice = String(values.slice);
    if (!['month', 'quarter', 'year'].includes(slice))
      throw new UsageError(`--slice must be month, quarter or year, not "${slice}"`);
    const alpha = Number(values.alpha);
    if (!(alpha > 0 && alpha < 1)) throw new UsageError(`--alpha must be in (0, 1), not "${values.alpha}"`);
    const { unit, from, to, resolution, k, fdr, study, all, points, grid } = await hotspotInputs(values);
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (const m of all.month) {
      lo = Math.min(lo, m);
      hi = Math.max(hi, m);
    }
    const e = emergingAnalysis(grid, points, {
      slice: slice as SliceUnit,
      fromMonth: from ? monthNumber(from) : lo,
      toMonth: to ? monthNumber(to) : hi,
      fdr,
      alpha,
    });
    const r = e.result;
    const patternCounts: Record<string, number> = {};
    const cells = e.cells.map((h3, i) => {
      const code = r.pattern[i] as EmergingPattern;
      patternCounts[EMERGING_PATTERN_LABELS[code]] = (patternCounts[EMERGING_PATTERN_LABELS[code]] ?? 0) + 1;
      return {
        h3,
        pattern: code,
        category: EMERGING_PATTERN_LABELS[code],
        hotSlices: r.hotCount[i]!,
        coldSlices: r.coldCount[i]!,
        trend: { tau: r.trendTau[i]!, s: r.trendS[i]!, z: r.trendZ[i]!, p: r.trendP[i]! },
        z: r.zBySlice.map((zs) => zs[i]!),
        counts: e.countsBySlice.map((cs) => cs[i]!),
      };
    });
    const json = {
      statistic: 'Emerging hot spots: Gi* per slice, Mann-Kendall trend of z, ArcGIS patterns',
      unit,
      resolution,
      k,
      fdr,
      alpha,
      slice,
      slices: e.sliceLabels,
      studyArea: { file: study.layer.name, where: study.where, polygons: study.features.length },
      excluded: e.excluded,
      outOfRange: e.outOfRange,
      patternCounts,
      cells,
    };
    const text = [
      `Emerging hot spots on ${cells.length} H3 cells (resolution ${resolution}, k = ${k}), ${e.sliceLabels.length} ${slice} slices ${e.sliceLabels[0]} to ${e.sliceLabels[e.sliceLabels.length - 1]}, bins significant at ${fdr ? 'q' : 'p'} ≤ ${alpha}.`,
      ...Object.entries(patternCounts)
        .sort((a, b) => b[1] - a[1])
        .map(([label, n]) => `  ${label.padEnd(24)} ${String(n).padStart(6)} cells`),
    ].join('\n');
    return { json, text, asJson: values.json === true };
  },
};
