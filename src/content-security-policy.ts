/** Servers on this machine, any port. */
const LOCAL_HTTP = 'http://localhost:* http://127.0.0.1:*';

/**
 * The Content-Security-Policy of the built app, written into its page as a meta tag. Scripts come only from
 * the app's own origin, and WebAssembly may be compiled (`wasm-unsafe-eval`) but JavaScript text may not be
 * evaluated (no `unsafe-eval`), so a value, column name, property or URL parameter can never become code.
 * `connect-src` also allows `https:` because a meta policy is fixed when the page is built while the remote
 * base-map style a user may configure (and its tiles, glyphs and sprites) lives on a server chosen at run
 * time, as does an archive opened by URL; the app itself requests nothing outside its origin unless the user
 * sets such a style or opens such an archive. Plain `http:` is allowed for this machine only (`localhost`,
 * `127.0.0.1`: a local static server), never for other hosts. Inline styles
 * stay allowed because the map and chart libraries position elements with style attributes.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  `connect-src 'self' blob: data: https: ${LOCAL_HTTP}`,
  `img-src 'self' blob: data: https: ${LOCAL_HTTP}`,
  `font-src 'self' data: https: ${LOCAL_HTTP}`,
  "style-src 'self' 'unsafe-inline'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
