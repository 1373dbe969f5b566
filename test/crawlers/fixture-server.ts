/**
 * A local web server for crawler tests (127.0.0.1, port 0): routes that misbehave on purpose, static
 * fixture files, and a record of every request it saw (path, headers, arrival time, how many requests
 * were in flight), so tests assert politeness from the server's side.
 */
import { readFileSync, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { sourceSchema, type SourceDefinition } from '../../src/config.ts';

export interface SeenRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
  at: number;
  /** requests in flight at this server when this one arrived, itself included */
  inFlight: number;
}

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse, seen: SeenRequest) => unknown;

export interface FixtureServer {
  origin: string;
  requests: SeenRequest[];
  /** highest number of requests in flight at once */
  maxInFlight(): number;
  route(pathname: string, handler: Handler): void;
  /** serves files of a folder under a URL prefix, with extra headers from its _headers.json if any */
  serveDir(prefix: string, dir: string): void;
  hits(pathname: string): SeenRequest[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  // no charset, like many real servers: the crawler has to find it in the document
  '.html': 'text/html',
  '.xml': 'application/xml',
  '.rss': 'application/rss+xml',
  '.atom': 'application/atom+xml',
  '.txt': 'text/plain',
  '.svg': 'image/svg+xml',
  '.css': 'text/css',
  '.js': 'text/javascript',
};

export async function startFixtureServer(): Promise<FixtureServer> {
  const routes = new Map<string, Handler>();
  const dirs: Array<{ prefix: string; dir: string; headers: Record<string, Record<string, string>> }> = [];
  const requests: SeenRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const server = http.createServer((req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    let done = false;
    const finish = () => {
      if (!done) {
        done = true;
        inFlight--;
      }
    };
    res.on('close', finish);
    res.on('finish', finish);
    const url = new URL(req.url ?? '/', 'http://x');
    const seen: SeenRequest = { path: url.pathname + url.search, headers: req.headers, at: Date.now(), inFlight };
    requests.push(seen);
    const handler = routes.get(url.pathname) ?? routes.get(url.pathname + url.search);
    if (handler) {
      Promise.resolve(handler(req, res, seen)).catch((err: unknown) => {
        if (!res.headersSent) res.writeHead(500);
        res.end(String(err));
      });
      return;
    }
    for (const d of dirs) {
      if (!url.pathname.startsWith(d.prefix)) continue;
      const rel = decodeURIComponent(url.pathname.slice(d.prefix.length)) || 'index.html';
      const file = path.join(d.dir, rel);
      if (!file.startsWith(d.dir) || !existsSync(file) || !statSync(file).isFile()) continue;
      const extra = Object.entries(d.headers[`/${rel}`] ?? {}).map(([k, v]) => [k.toLowerCase(), v]);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', ...Object.fromEntries(extra) });
      res.end(readFileSync(file));
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  server.keepAliveTimeout = 2000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    maxInFlight: () => maxInFlight,
    route: (p, h) => routes.set(p, h),
    serveDir(prefix, dir) {
      const headersFile = path.join(dir, '_headers.json');
      const headers = existsSync(headersFile) ? (JSON.parse(readFileSync(headersFile, 'utf8')) as Record<string, Record<string, string>>) : {};
      dirs.push({ prefix, dir: path.resolve(dir), headers });
    },
    hits: (p) => requests.filter((r) => r.path === p),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A source definition for tests, validated by the real schema: private network allowed (the server is on
 * 127.0.0.1) and generous limits unless a test sets its own. */
export function testSource(fields: Record<string, unknown> = {}): SourceDefinition {
  return sourceSchema.parse({
    id: 'test-source',
    name: 'Test source',
    kind: 'rss',
    url: 'http://127.0.0.1/',
    rate_limit: { per_second: 50, concurrency: 8 },
    allow_private_network: true,
    ...fields,
  });
}
