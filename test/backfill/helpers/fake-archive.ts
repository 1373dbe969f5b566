/**
 * A fake Wayback Machine on 127.0.0.1: a CDX endpoint answering in the real JSON format (header row,
 * then rows; with showResumeKey, [] and [resumeKey] when there is more) and `id_` raw captures.
 * It records every request so tests can assert what was (not) fetched.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeCapture {
  timestamp: string;
  original: string;
  mimetype: string;
  statuscode: string;
  digest: string;
  /** body of a 200 capture */
  body?: string;
  /** for a redirect capture: where it points (an original URL), and the capture time of the target */
  redirectTo?: { original: string; timestamp: string };
}

export interface FakeArchive {
  baseUrl: string;
  requests: string[];
  captureRequests(): string[];
  close(): Promise<void>;
}

function urlkey(original: string): string {
  const u = new URL(original);
  const host = u.hostname.replace(/^www\./, '').split('.').reverse().join(',');
  return `${host})${u.pathname}${u.search}`.toLowerCase();
}

export async function startFakeArchive(captures: FakeCapture[], options: { pageSize?: number } = {}): Promise<FakeArchive> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname + url.search);
    if (url.pathname === '/cdx/search/cdx') {
      const prefix = url.searchParams.get('url') ?? '';
      const from = (url.searchParams.get('from') ?? '').padEnd(14, '0');
      const to = (url.searchParams.get('to') ?? '99999999').padEnd(14, '9');
      const limit = Math.min(Number(url.searchParams.get('limit') ?? 1e9), options.pageSize ?? 1e9);
      const start = Number(url.searchParams.get('resumeKey') ?? 0);
      const matching = captures
        .filter((c) => c.original.replace(/^https?:\/\//, '').startsWith(prefix.replace(/^https?:\/\//, '')))
        .filter((c) => c.timestamp >= from && c.timestamp <= to)
        .sort((a, b) => urlkey(a.original).localeCompare(urlkey(b.original)) || a.timestamp.localeCompare(b.timestamp));
      const page = matching.slice(start, start + limit);
      const rows: unknown[][] = [['urlkey', 'timestamp', 'original', 'mimetype', 'statuscode', 'digest', 'length']];
      for (const c of page) rows.push([urlkey(c.original), c.timestamp, c.original, c.mimetype, c.statuscode, c.digest, String(c.body?.length ?? 0)]);
      if (start + limit < matching.length && url.searchParams.get('showResumeKey') === 'true') rows.push([], [String(start + limit)]);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(page.length ? rows : []));
      return;
    }
    const m = /^\/web\/(\d{14})id_\/(.+)$/.exec(url.pathname + url.search);
    const capture = m ? captures.find((c) => c.timestamp === m[1] && c.original === m[2]) : undefined;
    if (!capture) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not in archive');
      return;
    }
    if (capture.redirectTo) {
      res.writeHead(Number(capture.statuscode), { location: `/web/${capture.redirectTo.timestamp}id_/${capture.redirectTo.original}` });
      res.end();
      return;
    }
    res.writeHead(Number(capture.statuscode), { 'content-type': capture.mimetype === 'text/html' ? 'text/html; charset=utf-8' : capture.mimetype });
    res.end(capture.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    captureRequests: () => requests.filter((r) => r.startsWith('/web/')),
    close: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}

/** A small article page around a text, the way news sites wrap one. */
export function articleHtml(title: string, text: string, canonical?: string): string {
  const esc = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
  const paragraphs = text.split(/\n\s*\n/).map((p) => `<p>${esc(p.trim())}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>${
    canonical ? `<link rel="canonical" href="${esc(canonical)}">` : ''
  }</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>${esc(title)}</h1>${paragraphs}</article><footer>© Example News</footer></body></html>`;
}
