/** `publish`: write incident files as an archive (partitioned Parquet, summaries, manifest; docs/ARCHIVE.md). */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatCount } from '../../analysis/privacy/count-format';
import type { ArchiveSource } from '../../data/archive/manifest';
import { folderArchiveWriter } from '../../data/archive/node-writer';
import { type PublishBoundary, publishArchive } from '../../data/archive/publish';
import { createNodeConnector, openFileBlob } from '../../data/engine-node';
import { importIncidents } from '../../data/import-incidents';
import { arrowRows } from '../../data/rows';
import { rowIdRangeQuery, unionSourcesQuery } from '../../data/sql/archive-queries';
import type { CliCommand } from '../command';
import { COMMON_OPTIONS, importOptionsFrom, UsageError } from '../options';
import { readBoundaries } from '../session';

const OPTIONS = {
  ...COMMON_OPTIONS,
  input: { type: 'string', multiple: true },
  out: { type: 'string' },
  partition: { type: 'string', default: 'year' },
  summaries: { type: 'boolean', default: false },
  boundaries: { type: 'string', multiple: true },
  'boundary-id': { type: 'string', multiple: true },
  'cell-resolution': { type: 'string', default: '8' },
  'row-group-rows': { type: 'string', default: '100000' },
} as const;

function integerFlag(value: unknown, name: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`--${name} must be an integer ${min}-${max}, not "${String(value)}"`);
  return n;
}

export const publishCommand: CliCommand = {
  name: 'publish',
  usage:
    'publish --input FILE [FILE…] --out DIR [--partition year|none] [--summaries [--boundaries GEOJSON [--boundary-id PROP]]…] [--cell-resolution 8] [--row-group-rows 100000] [mapping flags] [--json]',
  async run(argv) {
    let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
    try {
      parsed = parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: true });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const values = parsed.values;
    // `--input a.csv b.csv` and `--input a.csv --input b.csv` both work.
    const inputs = [...(values.input ?? []), ...parsed.positionals];
    if (inputs.length === 0) throw new UsageError('--input is required');
    if (!values.out) throw new UsageError('--out is required');
    const out = resolve(values.out);
    if (existsSync(out) && (!statSync(out).isDirectory() || readdirSync(out).length > 0))
      throw new UsageError(`--out ${out} exists and is not an empty folder; choose a new folder`);
    const partition = values.partition;
    if (partition !== 'year' && partition !== 'none')
      throw new UsageError(`--partition must be year or none, not "${partition}"`);
    const cellResolution = integerFlag(values['cell-resolution'], 'cell-resolution', 0, 12);
    const rowGroupRows = integerFlag(values['row-group-rows'], 'row-group-rows', 100, 10_000_000);
    const boundaryFiles = values.boundaries ?? [];
    if (boundaryFiles.length > 0 && !values.summaries)
      throw new UsageError('--boundaries needs --summaries (they are summarised by month × feature)');
    const ids = values['boundary-id'] ?? [];
    if (ids.length > boundaryFiles.length)
      throw new UsageError('--boundary-id is given more often than --boundaries');
    const boundaries: PublishBoundary[] = boundaryFiles.map((file, i) => {
      const layer = readBoundaries(file);
      const idProperty = ids[i] ?? layer.idProperty;
      if (!idProperty || !layer.properties.includes(idProperty))
        throw new UsageError(
          `${file}: give --boundary-id, one of its properties (${layer.properties.join(', ')})`,
        );
      return { layer, idProperty };
    });
    const { input: _inputs, boundaries: _b, 'boundary-id': _ids, ...single } = values;
    const importOptions = importOptionsFrom(single);

    const db = await createNodeConnector();
    try {
      const sources: ArchiveSource[] = [];
      const shifted: { table: string; shift: bigint }[] = [];
      let previousMax: bigint | null = null;
      for (const [k, path] of inputs.entries()) {
        let blob: Blob;
        try {
          blob = await openFileBlob(path);
        } catch (error) {
          throw new UsageError(
            `Cannot read --input ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
          );
        }
        const table = `source_${k}`;
        const { report } = await importIncidents(
          db,
          { name: basename(path), blob },
          { ...importOptions, table },
        );
        const range = arrowRows(await db.query(rowIdRangeQuery(table)))[0]!;
        const lo = BigInt(range.lo as bigint);
        const hi = BigInt(range.hi as bigint);
        const shift: bigint = previousMax === null ? 0n : previousMax - lo + 1n;
        previousMax = hi + shift;
        shifted.push({ table, shift });
        sources.push({ name: basename(path), bytes: blob.size, rowIdShift: Number(shift), report });
      }
      let table = shifted[0]!.table;
      if (shifted.length > 1) {
        table = 'all_sources';
        await db.query(unionSourcesQuery(table, shifted));
      }
      const manifest = await publishArchive(
        db,
        {
          table,
          sources,
          partition,
          summaries: values.summaries === true,
          cellResolution,
          rowGroupRows,
          boundaries,
        },
        folderArchiveWriter(out),
      );
      const bytes = manifest.partitions.reduce((s, p) => s + p.bytes, 0);
      const text = [
        `Archive     ${out}`,
        `Sources     ${sources.map((s) => s.name).join(', ')}`,
        `Rows        ${formatCount(manifest.counts.victims, { unit: 'victims' })} in ${formatCount(manifest.counts.incidents, { unit: 'incidents' })}`,
        `Dates       ${manifest.firstDate} to ${manifest.lastDate}`,
        `Partitions  ${manifest.partitions.length} (${formatCount(bytes)} bytes of Parquet)`,
        `Summaries   ${manifest.summaries ? manifest.summaries.tables.map((t) => `${t.name} (${formatCount(t.rows)} rows)`).join(', ') : 'none'}`,
      ].join('\n');
      return { json: manifest, text, asJson: values.json === true };
    } finally {
      await db.close();
    }
  },
};
