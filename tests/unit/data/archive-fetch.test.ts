/**
 * Fetching archive files over HTTP, for both kinds of URL archive (a base URL, and files served under names
 * of their own): the response on success, the redacted URL and the cause on failure, and a cancelled
 * request told apart from a failed one.
 */
import { describe, expect, it } from 'vitest';
import { urlMapArchiveLocation } from '../../../src/data/archive/mapped-location';
import {
  ArchiveCancelled,
  fetchArchiveFile,
  urlArchiveLocation,
} from '../../../src/data/archive/open-archive';
import { ImportError } from '../../../src/data/loaders/sniff';

const SIGNED = 'https://bucket.example/arch/manifest.json?X-Signature=secret';

/** A fetch that answers from a table of URL → status and body, and records what was asked. */
function fakeFetch(table: Record<string, [number, string]>, asked: string[] = []): typeof fetch {
  return (async (input: string | URL | Request) => {
    const url = String(input);
    asked.push(url);
    const hit = table[url];
    if (!hit) throw new TypeError('fetch failed', { cause: { code: 'ENOTFOUND' } });
    return new Response(hit[1], { status: hit[0] });
  }) as typeof fetch;
}

async function failure(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
}

describe('fetchArchiveFile', () => {
  it('returns the response of a successful request', async () => {
    const r = await fetchArchiveFile(fakeFetch({ [SIGNED]: [200, '{"a":1}'] }), SIGNED);
    expect(await r.text()).toBe('{"a":1}');
  });

  it('names the URL without its query and the HTTP status of a refused or missing file', async () => {
    const missing = await failure(fetchArchiveFile(fakeFetch({ [SIGNED]: [404, ''] }), SIGNED));
    expect(missing).toBeInstanceOf(ImportError);
    expect(missing.message).toContain('https://bucket.example/arch/manifest.json?…');
    expect(missing.message).toMatch(/HTTP 404/);
    expect(missing.message).not.toContain('secret');
    const refused = await failure(fetchArchiveFile(fakeFetch({ [SIGNED]: [403, ''] }), SIGNED));
    expect(refused).toBeInstanceOf(ImportError);
    expect(refused.message).toMatch(/403/);
    expect(refused.message).not.toContain('secret');
  });

  it('gives the network cause of an unreachable server', async () => {
    const e = await failure(fetchArchiveFile(fakeFetch({}), SIGNED));
    expect(e).toBeInstanceOf(ImportError);
    expect(e.message).toMatch(/fetch failed: ENOTFOUND/);
  });

  it('reports an aborted request as cancelled, not as a failure', async () => {
    const controller = new AbortController();
    controller.abort();
    const aborting = (async () => {
      throw new DOMException('aborted', 'AbortError');
    }) as unknown as typeof fetch;
    const e = await failure(fetchArchiveFile(aborting, SIGNED, controller.signal));
    expect(e).toBeInstanceOf(ArchiveCancelled);
  });
});

describe('URL archives read through it', () => {
  it('a base-URL archive fetches paths relative to the base', async () => {
    const asked: string[] = [];
    const at = urlArchiveLocation('https://host.example/arch/', {
      fetch: fakeFetch({ 'https://host.example/arch/manifest.json': [200, '{}'] }, asked),
    });
    expect(await at.readText('manifest.json')).toBe('{}');
    expect(asked).toEqual(['https://host.example/arch/manifest.json']);
    const e = await failure(at.readText('summaries/x.json'));
    expect(e).toBeInstanceOf(ImportError);
    expect(e.message).toContain('https://host.example/arch/summaries/x.json');
  });

  it('a URL-map archive fetches the mapped URL and names a path it has no URL for', async () => {
    const at = urlMapArchiveLocation(
      'demo',
      { 'manifest.json': 'https://cdn.example/m-1234.json', 'a.parquet': 'https://cdn.example/a.parquet' },
      { fetch: fakeFetch({ 'https://cdn.example/m-1234.json': [200, '{"m":2}'] }) },
    );
    expect(await at.readText('manifest.json')).toBe('{"m":2}');
    const missing = await failure(at.readBlob('a.parquet'));
    expect(missing).toBeInstanceOf(ImportError);
    expect(missing.message).toContain('https://cdn.example/a.parquet');
    const unmapped = await failure(at.readText('b.parquet'));
    expect(unmapped).toBeInstanceOf(ImportError);
    expect(unmapped.message).toContain('b.parquet');
  });
});
