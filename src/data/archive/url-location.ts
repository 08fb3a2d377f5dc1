/**
 * Where an archive's files come from, and reading them from a web server: URLs relative to the archive's
 * root, failures explained with the URL (its query string, a signed URL's secret, left out), cancel.
 */

import { englishText } from '../../analysis/messages/english';
import { type Message, msg } from '../../analysis/messages/message';
import { ImportError } from '../loaders/sniff';

/** Where an archive's files are read from: a folder, a web server, an object store. */
export interface ArchiveLocation {
  /** The folder or URL, for messages. */
  name: string;
  /** The text of a file at a `/`-separated path relative to the archive's root. */
  readText(path: string): Promise<string>;
  /** A file's bytes as a Blob. */
  readBlob(path: string): Promise<Blob>;
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
): Promise<Response> {
  let response: Response;
  try {
    response = await fetchImpl(url, { signal });
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
  /** Called after each file was fetched, with its size. */
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
  };
}

/** Thrown when loading was cancelled; nothing was changed. */
export class ArchiveCancelled extends Error {
  override readonly name = 'ArchiveCancelled';
  constructor() {
    super(englishText(msg('data:archive.cancelled')));
  }
}
