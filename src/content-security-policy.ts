/**
 * The Content-Security-Policy of the built app, written into its page as a meta tag. Scripts come only from
 * the app's own origin, and WebAssembly may be compiled (`wasm-unsafe-eval`) but JavaScript text may not be
 * evaluated (no `unsafe-eval`), so a value, column name, property or URL parameter can never become code.
 * `connect-src` also allows `https:` because a meta policy is fixed when the page is built while the remote
 * base-map style a user may configure (and its tiles, glyphs and sprites) lives on a server chosen at run
 * time; the app itself requests nothing outside its origin unless the user sets such a style. Inline styles
 * stay allowed because the map and chart libraries position elements with style attributes. Archives are
 * read from https URLs, or over plain http from this machine only (`localhost`, `127.0.0.1`: an archive
 * folder served locally).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self' blob: data: https: http://localhost:* http://127.0.0.1:*",
  "img-src 'self' blob: data: https:",
  "font-src 'self' data: https:",
  "style-src 'self' 'unsafe-inline'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
