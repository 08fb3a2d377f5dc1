/** Human-readable text for an import report. */

import { formatCount, formatDecimal } from '../analysis/privacy/count-format';
import type { ImportReport } from '../data/import-incidents';

/** The import report as a few lines of text. */
export function formatImportReport(r: ImportReport): string {
  const lines = [
    `Source      ${r.source.name} (${r.source.format}${r.source.delimiter ? `, delimiter ${JSON.stringify(r.source.delimiter)}` : ''})`,
    `Preset      ${r.presetName}`,
    `Date format ${r.dateFormat}`,
    `Rows read   ${formatCount(r.rowsRead)}`,
    `Loaded      ${formatCount(r.victims, { unit: 'victims' })} in ${formatCount(r.incidents, { unit: 'incidents' })} (${formatCount(r.fatalVictims, { unit: 'victims' })} fatal)`,
    `Dates       ${r.firstDate ?? '-'} to ${r.lastDate ?? '-'}`,
    `Extent      ${r.bbox ? r.bbox.map((v) => formatDecimal(v, 5)).join(', ') : '-'} (west, south, east, north)`,
  ];
  if (r.recoveredFromStatePlane > 0) {
    lines.push(
      `Recovered   ${formatCount(r.recoveredFromStatePlane)} rows placed from state-plane X/Y coordinates`,
    );
  }
  lines.push(`Rejected    ${formatCount(r.rejectedTotal)} rows`);
  for (const g of r.rejected) {
    lines.push(`  ${formatCount(g.count).padStart(7)}  ${g.reason}: ${g.label}`);
    for (const s of g.samples) {
      lines.push(
        `           row ${s.sourceRow}: date=${JSON.stringify(s.date)} lat=${JSON.stringify(s.lat)} lon=${JSON.stringify(s.lon)}`,
      );
    }
  }
  for (const n of r.notes) lines.push(`Note        ${n}`);
  return lines.join('\n');
}
