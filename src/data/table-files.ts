/**
 * Small tables read from files (an aggregate unit × period panel, a program table): CSV or Parquet,
 * staged in the engine with every value as text, then handed over as rows of strings with their file row
 * number, so that each bad value can be reported by row and column. Parquet goes through the same
 * parquet-wasm row-group path as incident files.
 */

import { msg } from '../analysis/messages/message';
import type { Connector } from './connector';
import { ImportError, sniffSource } from './loaders/sniff';
import { arrowRows } from './rows';
import { describeTableQuery, dropTablesQuery } from './sql/import-queries';
import { stageTextCsvQuery, textColumnsQuery } from './sql/panel-queries';

/** A file to read: a name and its bytes. */
export interface TableFile {
  name: string;
  bytes: Uint8Array;
}

/** Rows of the requested columns as text (null for empty cells), with their 1-based data row number. */
export interface TextRows {
  file: string;
  columns: string[];
  rows: { row: number; values: (string | null)[] }[];
}

let counter = 0;

/**
 * Reads the named columns of a CSV or Parquet file. Column names are matched exactly, then ignoring case.
 * @throws ImportError when the file is not CSV/Parquet, or a column is missing (listing the file's columns)
 */
export async function readTableColumns(
  db: Connector,
  file: TableFile,
  wanted: readonly string[],
): Promise<TextRows> {
  const sniff = sniffSource(file.name, file.bytes.subarray(0, 65536));
  const tag = `__table_file_${++counter}`;
  const registered = `${tag}.csv`;
  try {
    if (sniff.format === 'csv') {
      await db.registerFile(registered, file.bytes);
      await db.query(stageTextCsvQuery(tag, registered));
    } else if (sniff.format === 'parquet') {
      let groups = 0;
      for await (const ipc of db.parquetRowGroups(new Blob([file.bytes as Uint8Array<ArrayBuffer>])))
        await db.insertArrowIpc(tag, ipc, { append: groups++ > 0 });
      if (groups === 0) throw new ImportError(msg('data:error.parquetEmpty', { name: file.name }));
    } else {
      throw new ImportError(msg('data:error.notTable', { name: file.name }));
    }
    const present = arrowRows(await db.query(describeTableQuery(tag))).map((r) => String(r.column_name));
    const resolved = wanted.map((w) => {
      const exact = present.find((p) => p === w) ?? present.find((p) => p.toLowerCase() === w.toLowerCase());
      if (!exact) {
        throw new ImportError(
          msg('data:error.tableColumnMissing', { name: file.name, column: w, columns: present.join(', ') }),
        );
      }
      return exact;
    });
    const rows = arrowRows(await db.query(textColumnsQuery(tag, resolved))).map((r) => ({
      row: Number(r.__row),
      values: resolved.map((_, k) => {
        const v = r[`c${k}`];
        return v === null || v === undefined || String(v).trim() === '' ? null : String(v).trim();
      }),
    }));
    return { file: file.name, columns: resolved, rows };
  } finally {
    await db.query(dropTablesQuery([tag]));
    if (sniff.format === 'csv') await db.dropFile(registered);
  }
}
