/**
 * What the first screen of an archive knows before the engine has read a partition: a dataset description
 * and an import report built from the manifest alone.
 */
import type { ArchiveManifest } from '../data/archive/manifest';
import type { ImportReport } from '../data/import-incidents';
import { type Dataset, type DatasetKey, monthIndex } from './datasets';

/** The report of an archive as its manifest states it (counts, dates, extent of every partition). */
export function manifestReport(name: string, m: ArchiveManifest): ImportReport {
  return {
    source: { name, format: 'parquet', columns: m.columns.map((c) => c.name) },
    preset: 'generic',
    presetName: `Archive of ${m.sources.map((s) => s.name).join(', ')}`,
    mapping: { date: 'occurred_at', lat: 'lat', lon: 'lon' },
    attributes: m.columns.filter((c) => c.name.startsWith('attr:')).map((c) => c.name.slice(5)),
    dateFormat: '',
    rowsRead: m.counts.victims,
    victims: m.counts.victims,
    incidents: m.counts.incidents,
    fatalVictims: m.counts.fatalVictims,
    fatalIncidents: m.counts.fatalIncidents,
    firstDate: m.firstDate,
    lastDate: m.lastDate,
    bbox: m.bbox,
    recoveredFromStatePlane: 0,
    withoutTime: 0,
    rejected: [],
    rejectedTotal: 0,
    notes: [],
  };
}

/** The dataset an archive will become under `key`, described from its manifest (no categories yet). */
export function manifestDataset(
  key: DatasetKey,
  label: string,
  m: ArchiveManifest,
  synthetic = false,
): Dataset {
  const firstMonth = `${m.firstDate.slice(0, 7)}-01`;
  return {
    key,
    label,
    synthetic,
    loadId: -1,
    table: `incidents_${key}`,
    report: manifestReport(label, m),
    firstMonth,
    monthCount: monthIndex(firstMonth, m.lastDate.slice(0, 7)) + 1,
    boundaries: null,
    categories: {},
  };
}
