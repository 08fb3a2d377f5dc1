/**
 * `archive=<url>`: the archive a link's user dataset comes from, so the link opens it again. Only plain
 * http(s) URLs: a URL with credentials or a query string (a signed URL's signature) is a secret and is
 * neither written into a link nor accepted from one.
 */
import { textProblem, type UrlSection } from './section';

/** Why a URL cannot be an archive parameter, or undefined when it can. */
export function archiveUrlProblem(url: string): string | undefined {
  const text = textProblem(url, 'an archive URL');
  if (text) return text;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'an archive URL must be an absolute http(s) URL';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return 'an archive URL must be an absolute http(s) URL';
  if (parsed.username || parsed.password || parsed.search || parsed.hash)
    return 'an archive URL in a link cannot carry credentials, a query string or a fragment (signed URLs are secrets)';
  return undefined;
}

/** The archive section of the codec. */
export const archiveSection: UrlSection = {
  scalarKeys: ['archive'],
  encode(state, params) {
    // A URL that may not be shared is left out of the link rather than failing the whole state.
    if (state.archive === null || archiveUrlProblem(state.archive)) return;
    params.set('archive', state.archive);
  },
  decode({ single, reject }, state) {
    const url = single.get('archive');
    if (url === undefined) return;
    const problem = archiveUrlProblem(url);
    // The notice never repeats a query string or credentials: they may be a signature or a password.
    if (problem) reject('archive', url.replace(/[?#].*$/, '?…').replace(/\/\/[^/@]*@/, '//…@'), problem);
    else state.archive = url;
  },
};
