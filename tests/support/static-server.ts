/**
 * A static file server for archive tests, in the manner of a city web server or an object store: it serves a
 * folder, answers `Range` requests with 206 (unless told to refuse them), sends CORS headers (unless told not
 * to), and records every request with the bytes it sent.
 */
import { readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';

/** One request the server answered. */
export interface ServedRequest {
  method: string;
  path: string;
  range: string | null;
  status: number;
  bytes: number;
}

/** A running server. */
export interface StaticServer {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  requests: ServedRequest[];
  /** Requests waiting at the gate. */
  waiting(): number;
  /** Lets every held and later request through. */
  openGate(): void;
  close(): Promise<void>;
}

/** How the server behaves. */
export interface StaticServerOptions {
  /** Answer `Range` with 206 (default true); false sends the whole file with 200 and no Accept-Ranges. */
  ranges?: boolean;
  /** Send Access-Control-Allow-Origin and friends (default true). */
  cors?: boolean;
  /** More folders served under a URL prefix, e.g. `{ '/app/': distFolder }`. */
  mounts?: Record<string, string>;
  /** Requests whose path matches wait until {@link StaticServer.openGate} is called. */
  gate?: RegExp;
}

const TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.parquet': 'application/vnd.apache.parquet',
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
};

/** Serves `root` on an ephemeral port of 127.0.0.1. */
export async function startStaticServer(
  root: string,
  options: StaticServerOptions = {},
): Promise<StaticServer> {
  const ranges = options.ranges ?? true;
  const cors = options.cors ?? true;
  const requests: ServedRequest[] = [];
  let gateOpen = !options.gate;
  const held: (() => void)[] = [];
  const server: Server = createServer((req, res) => {
    const path0 = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (!gateOpen && options.gate?.test(path0) && req.method !== 'OPTIONS') {
      held.push(() => answer(req, res));
      return;
    }
    answer(req, res);
  });
  function answer(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = decodeURIComponent(url.pathname);
    const record = (status: number, bytes: number) =>
      requests.push({ method: req.method ?? 'GET', path, range: req.headers.range ?? null, status, bytes });
    // One request per connection: a kept-alive socket that the server times out races the client's reuse.
    res.setHeader('Connection', 'close');
    if (cors) {
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.setHeader('Access-Control-Allow-Headers', 'Range');
      res.setHeader('Access-Control-Expose-Headers', 'Content-Length, Content-Range, Accept-Ranges');
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      record(204, 0);
      return;
    }
    let base = root;
    let rel = path;
    for (const [prefix, folder] of Object.entries(options.mounts ?? {})) {
      if (path.startsWith(prefix)) {
        base = folder;
        rel = path.slice(prefix.length - 1);
      }
    }
    const file = normalize(join(base, rel.endsWith('/') ? `${rel}index.html` : rel));
    let body: Buffer;
    try {
      if (!file.startsWith(normalize(base)) || !statSync(file).isFile()) throw new Error('not a file');
      body = readFileSync(file);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      record(404, 0);
      return;
    }
    const ext = file.slice(file.lastIndexOf('.'));
    res.setHeader('Content-Type', TYPES[ext] ?? 'application/octet-stream');
    if (ranges) res.setHeader('Accept-Ranges', 'bytes');
    const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
    if (ranges && range) {
      const size = body.length;
      let start = range[1] ? Number(range[1]) : size - Number(range[2]);
      let end = range[1] && range[2] ? Number(range[2]) : size - 1;
      start = Math.max(0, start);
      end = Math.min(size - 1, end);
      if (start > end) {
        res.writeHead(416, { 'Content-Range': `bytes */${size}` }).end();
        record(416, 0);
        return;
      }
      const part = body.subarray(start, end + 1);
      res.writeHead(206, { 'Content-Range': `bytes ${start}-${end}/${size}`, 'Content-Length': part.length });
      res.end(req.method === 'HEAD' ? undefined : part);
      record(206, req.method === 'HEAD' ? 0 : part.length);
      return;
    }
    res.writeHead(200, { 'Content-Length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
    record(200, req.method === 'HEAD' ? 0 : body.length);
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    waiting: () => held.length,
    openGate() {
      gateOpen = true;
      for (const go of held.splice(0)) go();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
