/**
 * Archive files read by byte range: the Parquet decoder asks for the footer and then for the row groups it
 * decodes, and only those bytes are read. A file on disk or chosen in a browser is a Blob, whose slices are
 * read lazily; a file on a web server is read with HTTP range requests (`url-location.ts`).
 */
import type { ByteSource } from '../parquet-row-groups';

/** A file read by byte range on demand, counting what was transferred. */
export interface RangedFile extends ByteSource {
  /** Bytes transferred so far. */
  bytesRead(): number;
  /**
   * Rejects with the first read that failed (naming the file and what to do). A failed read is never handed
   * to the decoder: parquet-wasm aborts its WebAssembly instance on a rejected read, so the read is left
   * pending instead, and the caller races its decoding against this promise.
   */
  readonly failed: Promise<never>;
}

/**
 * The bookkeeping of a {@link RangedFile}: bytes read, and a read wrapped so that a failure rejects
 * `failed` and leaves the decoder's read pending.
 */
export function rangedReads(): {
  failed: Promise<never>;
  bytesRead: () => number;
  /** Adds bytes transferred. */
  count: (bytes: number) => void;
  read: (load: () => Promise<ArrayBuffer>) => Promise<ArrayBuffer>;
} {
  let read = 0;
  let fail: (error: unknown) => void = () => {};
  const failed = new Promise<never>((_, reject) => {
    fail = reject;
  });
  failed.catch(() => {});
  return {
    failed,
    bytesRead: () => read,
    count: (bytes) => {
      read += bytes;
    },
    read: (load) =>
      load().catch((error: unknown) => {
        fail(error);
        return new Promise<ArrayBuffer>(() => {});
      }),
  };
}

/** A Blob (a file on disk, a chosen file) as a {@link RangedFile}; `onBytes` is told of each slice read. */
export function blobRangedFile(blob: Blob, onBytes?: (bytes: number) => void): RangedFile {
  const reads = rangedReads();
  return {
    size: blob.size,
    slice: (start, end) => ({
      arrayBuffer: () =>
        reads.read(async () => {
          const buffer = await blob.slice(start, end).arrayBuffer();
          reads.count(buffer.byteLength);
          onBytes?.(buffer.byteLength);
          return buffer;
        }),
    }),
    bytesRead: reads.bytesRead,
    failed: reads.failed,
  };
}
