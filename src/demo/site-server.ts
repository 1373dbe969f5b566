/**
 * A static file server for the fixture news sites (the offline demo and the tests). Serves a folder on
 * 127.0.0.1; `_headers.json` in the folder may set response headers per path, e.g.
 * {"/articles/old.html": {"content-type": "text/html; charset=iso-8859-1"}}.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.htm': 'text/html',
  '.xml': 'application/xml',
  '.txt': 'text/plain',
  '.json': 'application/json',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.svg': 'image/svg+xml',
};

export interface SiteServer {
  url: string;
  server: Server;
  /** every path requested, in order (tests use it to check politeness and deduplication) */
  requests: string[];
  close(): Promise<void>;
}

export async function startSiteServer(root: string, port = 0): Promise<SiteServer> {
  const headersFile = path.join(root, '_headers.json');
  const extraHeaders: Record<string, Record<string, string>> = existsSync(headersFile) ? JSON.parse(readFileSync(headersFile, 'utf8')) : {};
  const requests: string[] = [];
  const resolvedRoot = path.resolve(root);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(url.pathname + url.search);
    let rel = decodeURIComponent(url.pathname);
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(resolvedRoot, `.${rel}`);
    // never serve outside the site folder
    if (!file.startsWith(resolvedRoot + path.sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    readFile(file).then(
      (body) => {
        const headers: Record<string, string> = { 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' };
        for (const [name, value] of Object.entries(extraHeaders[url.pathname] ?? {})) headers[name.toLowerCase()] = value;
        res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : body);
      },
      () => res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'),
    );
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}`,
    server,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
