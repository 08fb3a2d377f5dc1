/**
 * A plain static file server for the production build (`dist/`), used by end-to-end tests and benchmarks.
 * It serves files as they are (no on-the-fly compression) on 127.0.0.1. Like nginx with its default
 * `large_client_header_buffers`, it refuses a request line longer than 8 KB with 414 (URI Too Long), so the
 * tests see the limit a real deployment has.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.csv': 'text/csv',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** A running server and its base URL. */
export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Longest request line (method, target and protocol) served by default, in bytes: nginx's default. */
export const MAX_REQUEST_LINE_BYTES = 8192;

/** Serves `root` on an ephemeral port of 127.0.0.1. */
export function serveStatic(
  root: string,
  port = 0,
  maxRequestLineBytes = MAX_REQUEST_LINE_BYTES,
): Promise<StaticServer> {
  const base = resolve(root);
  // Node's own header limit (16 KB, answered with 431) is raised so that the request-line rule below decides.
  const server: Server = createServer({ maxHeaderSize: 1 << 20 }, (req, res) => {
    const line = `${req.method ?? 'GET'} ${req.url ?? '/'} HTTP/${req.httpVersion}`;
    if (Buffer.byteLength(line) > maxRequestLineBytes) {
      res.writeHead(414, { 'content-type': 'text/plain' }).end('Request-URI Too Large\n');
      return;
    }
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(base, path));
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(base, 'index.html');
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': statSync(file).size,
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) => {
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      ok({
        url: `http://127.0.0.1:${actual}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.PORT ?? 4173);
  serveStatic('dist', port).then((s) => console.log(`Serving dist/ at ${s.url}`));
}
