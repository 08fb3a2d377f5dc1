/**
 * An {@link ArchiveWriter} for Node: files under a folder on disk, Parquet encoded by parquet-wasm (ZSTD,
 * statistics per row group and page, so readers can skip row groups by time).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type Table, tableToIPC } from 'apache-arrow';
import {
  Compression,
  EnabledStatistics,
  Table as ParquetTable,
  WriterPropertiesBuilder,
  writeParquet,
} from 'parquet-wasm/node';
import type { ArchiveWriter } from './publish';

// In Node the engine hands back tables of apache-arrow's CommonJS build; its own writer must serialise them
// (the ES module build does not recognise the other build's classes).
const arrowCjs = createRequire(import.meta.url)('apache-arrow') as typeof import('apache-arrow');

/** Writes an archive into `root` (created when missing). */
export function folderArchiveWriter(root: string): ArchiveWriter {
  return {
    async write(path, bytes) {
      const target = join(root, ...path.split('/'));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, bytes);
    },
    parquet(result: Table, rowGroupRows: number) {
      const ipc =
        result instanceof arrowCjs.Table
          ? arrowCjs.tableToIPC(result, 'stream')
          : tableToIPC(result, 'stream');
      const properties = new WriterPropertiesBuilder()
        .setCompression(Compression.ZSTD)
        .setStatisticsEnabled(EnabledStatistics.Page)
        .setMaxRowGroupSize(rowGroupRows)
        .setCreatedBy('CVI Atlas')
        .build();
      return writeParquet(ParquetTable.fromIPCStream(ipc), properties);
    },
  };
}
