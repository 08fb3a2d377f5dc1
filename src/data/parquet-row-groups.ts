/** Reading a Parquet file one row group at a time, shared by the browser and Node engines. */

/** The part of parquet-wasm's `ParquetFile` this needs (the browser and Node builds have the same API). */
export interface RowGroupReader {
  metadata(): { numRowGroups(): number };
  read(options: { rowGroups: number[] }): Promise<{ intoIPCStream(): Uint8Array }>;
  free(): void;
}

/**
 * The row groups of an open Parquet file as Arrow IPC streams, one at a time, so memory holds one decoded
 * row group rather than the whole file. Frees the file's wasm memory at the end, also when the caller stops
 * early.
 */
export async function* readRowGroups(parquet: RowGroupReader): AsyncGenerator<Uint8Array> {
  try {
    const groups = parquet.metadata().numRowGroups();
    for (let i = 0; i < groups; i++) yield (await parquet.read({ rowGroups: [i] })).intoIPCStream();
  } finally {
    parquet.free();
  }
}
