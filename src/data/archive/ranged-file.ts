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
   * The first read that failed, or null. The decoder reports a failed read in its own words; this one names
   * the file and what to do.
   */
  failure(): unknown;
}

/** A Blob (a file on disk, a chosen file) as a {@link RangedFile}; `onBytes` is told of each slice read. */
export function blobRangedFile(blob: Blob, onBytes?: (bytes: number) => void): RangedFile {
  let read = 0;
  let failed: unknown = null;
  return {
    size: blob.size,
    slice: (start, end) => ({
      async arrayBuffer() {
        try {
          const buffer = await blob.slice(start, end).arrayBuffer();
          read += buffer.byteLength;
          onBytes?.(buffer.byteLength);
          return buffer;
        } catch (error) {
          failed ??= error;
          throw error;
        }
      },
    }),
    bytesRead: () => read,
    failure: () => failed,
  };
}
