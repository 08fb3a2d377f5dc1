/**
 * Where an archive's files come from, and reading them from a web server: URLs relative to the archive's
 * root, failures explained with the URL (its query string, a signed URL's secret, left out), cancel.
 */

import { englishText } from '../../analysis/messages/english';
import { type Message, msg } from '../../analysis/messages/message';
import { ImportError } from '../loaders/sniff';
import { type RangedFile, rangedReads } from './ranged-file';

/** Where an archive's files are read from: a folder, a web server, an object store. */
export interface ArchiveLocation {
  /** The folder or URL, for messages. */
  name: string;
  /** The text of a file at a `/`-separated path relative to the archive's root. */
  readText(path: string): Promise<string>;
  /** A file's bytes as a Blob. */
  readBlob(path: string): Promise<Blob>;
  /**
   * The file at `path` for reading by byte range (`bytes`: its size by the manifest), where the location
   * can: only the ranges the Parquet decoder asks for are read.
   */
  readRanges?(path: string, bytes: number): Promise<RangedFile>;
}

/** Joins an archive's base URL and a relative path (a base without a trailing `/` is a folder too). */
export function archiveFileUrl(base: string, path: string): string {
  const folder = base.endsWith('/') ? base : base.replace(/\/manifest\.json$/, '').concat('/');
  return new URL(path, folder).toString();
}

/** The URL with any query string and fragment removed: signed URLs carry secrets there. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    const hadQuery = u.search.length > 0;
    u.search = '';
    u.hash = '';
    u.username = '';
    u.password = '';
    return `${u.toString()}${hadQuery ? '?…' : ''}`;
  } catch {
    return url;
  }
}

/**
 * Explains a failed request for an archive file: the (redacted) URL and what to configure.
 */
export function describeFetchFailure(url: string, failure: { status?: number; error?: unknown }): Message {
  const where = redactUrl(url);
  if (failure.status === 404) return msg('data:archive.notFound', { where });
  // Only a range request is answered so: the range lies past the file's end.
  if (failure.status === 416) return msg('data:archive.rangeMismatch', { where, detail: 'HTTP 416' });
  if (failure.status === 401 || failure.status === 403)
    return msg('data:archive.refused', { where, status: String(failure.status) });
  if (failure.status !== undefined)
    return msg('data:archive.httpStatus', { where, status: String(failure.status) });
  const error = failure.error as { message?: string; cause?: { code?: string; message?: string } };
  const cause = error?.cause?.code ?? error?.cause?.message;
  const reason = `${error?.message ?? String(failure.error)}${cause ? `: ${cause}` : ''}`;
  return msg('data:archive.unreachable', { where, reason });
}

/**
 * Fetches one archive file.
 * @throws ArchiveCancelled when the request was aborted through `signal`
 * @throws ImportError naming the (redacted) URL when the request fails or the server answers with an error
 */
export async function fetchArchiveFile(
  fetchImpl: typeof fetch,
  url: string,
  signal?: AbortSignal,
  headers?: Record<string, string>,
): Promise<Response> {
  let response: Response;
  try {
    response = await fetchImpl(url, headers ? { signal, headers } : { signal });
  } catch (error) {
    if (signal?.aborted) throw new ArchiveCancelled();
    throw new ImportError(describeFetchFailure(url, { error }));
  }
  if (!response.ok) throw new ImportError(describeFetchFailure(url, { status: response.status }));
  return response;
}

/** Options of {@link urlArchiveLocation}. */
export interface UrlLocationOptions {
  fetch?: typeof fetch;
  /** Aborts every request (cancel). */
  signal?: AbortSignal;
  /** Called after each file or byte range was fetched, with the bytes transferred. */
  onFetched?: (path: string, bytes: number) => void;
}

/** An archive served over HTTP(S): every file is fetched relative to `base` (a folder URL or its manifest). */
export function urlArchiveLocation(base: string, options: UrlLocationOptions = {}): ArchiveLocation {
  const fetchImpl = options.fetch ?? fetch;
  const get = async (path: string): Promise<Response> => {
    return fetchArchiveFile(fetchImpl, archiveFileUrl(base, path), options.signal);
  };
  return {
    name: redactUrl(base),
    async readText(path) {
      const text = await (await get(path)).text();
      options.onFetched?.(path, text.length);
      return text;
    },
    async readBlob(path) {
      const blob = await (await get(path)).blob();
      options.onFetched?.(path, blob.size);
      return blob;
    },
    async readRanges(path, bytes) {
      return httpRangedFile(archiveFileUrl(base, path), bytes, {
        fetch: fetchImpl,
        signal: options.signal,
        onFetched: (n) => options.onFetched?.(path, n),
      });
    },
  };
}

/**
 * The file at `url` (`size` bytes by the manifest) read with HTTP range requests, one at a time. A server
 * that answers a range request with 200 and the whole file (it does not serve ranges) is detected: the whole
 * file is then kept and every later slice is cut from it, with no further request. A 206 answer is checked
 * against the range asked for (its Content-Range where the server lets it be read, and its length), so a
 * file that changed since the manifest was written is refused rather than decoded wrongly.
 */
export function httpRangedFile(
  url: string,
  size: number,
  options: { fetch?: typeof fetch; signal?: AbortSignal; onFetched?: (bytes: number) => void } = {},
): RangedFile {
  const fetchImpl = options.fetch ?? fetch;
  const reads = rangedReads();
  let whole: Uint8Array | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  const mismatch = (detail: string) =>
    new ImportError(msg('data:archive.rangeMismatch', { where: redactUrl(url), detail }));

  async function fetchRange(start: number, end: number): Promise<Uint8Array> {
    const response = await fetchArchiveFile(fetchImpl, url, options.signal, {
      Range: `bytes=${start}-${end - 1}`,
    });
    let body: Uint8Array;
    try {
      body = new Uint8Array(await response.arrayBuffer());
    } catch (error) {
      if (options.signal?.aborted) throw new ArchiveCancelled();
      throw new ImportError(describeFetchFailure(url, { error }));
    }
    reads.count(body.length);
    options.onFetched?.(body.length);
    if (response.status !== 206) {
      if (body.length !== size) throw mismatch(`${body.length} bytes, the manifest says ${size}`);
      whole = body;
      return body.subarray(start, end);
    }
    const got = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(response.headers.get('Content-Range') ?? '');
    if (
      got &&
      (Number(got[1]) !== start || Number(got[2]) !== end - 1 || (got[3] !== '*' && Number(got[3]) !== size))
    ) {
      throw mismatch(`bytes ${got[1]}-${got[2]}/${got[3]}, asked for ${start}-${end - 1}/${size}`);
    }
    if (body.length !== end - start) throw mismatch(`${body.length} bytes, asked for ${end - start}`);
    return body;
  }

  // Exactly the ranges the decoder asks for: the footer's length, the footer, its page indexes, then the
  // column chunks it decodes (one range per row group). Guessing a larger tail saves a round trip but costs
  // bytes whenever the footer is smaller than the guess.
  const bytes = (start: number, end: number): Promise<Uint8Array> =>
    whole ? Promise.resolve(whole.subarray(start, end)) : fetchRange(start, end);

  return {
    size,
    slice(start, end) {
      const a = Math.max(0, Math.min(start, size));
      const b = Math.max(a, Math.min(end, size));
      return {
        arrayBuffer() {
          // One request at a time: the first answer tells whether the server serves ranges at all.
          const next = queue.then(() =>
            reads.read(async () => {
              const got = a === b ? new Uint8Array(0) : await bytes(a, b);
              return got.byteOffset === 0 && got.byteLength === got.buffer.byteLength
                ? (got.buffer as ArrayBuffer)
                : (got.slice().buffer as ArrayBuffer);
            }),
          );
          queue = next;
          return next;
        },
      };
    },
    bytesRead: reads.bytesRead,
    failed: reads.failed,
  };
}

/** Thrown when loading was cancelled; nothing was changed. */
export class ArchiveCancelled extends Error {
  override readonly name = 'ArchiveCancelled';
  constructor() {
    super(englishText(msg('data:archive.cancelled')));
  }
}
