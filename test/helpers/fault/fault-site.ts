/**
 * A news site for fault tests: robots.txt, an RSS feed of the Steppe Herald fixture articles, and the
 * articles themselves, served on 127.0.0.1. A test can hold chosen article responses until it releases
 * them (a deterministic "slow job"), or delay every article a little so a crawl takes a while.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import path from 'node:path';
import { PROJECT_ROOT } from '../../../src/config.ts';

export const ARTICLES_DIR = path.join(PROJECT_ROOT, 'fixtures/sites/steppe-herald/articles');

export interface FaultSite {
  url: string;
  /** article paths served, e.g. /articles/x.html */
  articlePaths: string[];
  /** every request path, in order */
  requests: string[];
  /** when each request arrived (ms since epoch), in order, with its path */
  arrivals: Array<{ path: string; at: number }>;
  /** the most article requests this site was serving at the same moment */
  readonly maxInFlight: number;
  /** article responses are held while the path matches; resolves once one such request arrives */
  hold(match: (path: string) => boolean): Promise<string>;
  /** sends every held response and stops holding */
  release(): void;
  /** delay before each article response */
  setDelay(ms: number): void;
  /** a sources.yml entry (YAML text) for this site */
  sourceYaml(id: string, extra?: string, rateLimit?: string): string;
  close(): Promise<void>;
}

function rss(base: string, paths: string[]): string {
  const items = paths.map((p, i) => {
    const date = new Date(Date.UTC(2024, 5, 1 + i)).toUTCString();
    return `<item><title>${path.basename(p)}</title><link>${base}${p}</link><guid>${p}</guid><pubDate>${date}</pubDate></item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Fault site</title><link>${base}/</link>` +
    `<description>fixture articles</description>${items.join('')}</channel></rss>`;
}

export async function startFaultSite(options: { limit?: number } = {}): Promise<FaultSite> {
  const files = readdirSync(ARTICLES_DIR).filter((f) => f.endsWith('.html')).sort().slice(0, options.limit ?? Infinity);
  const articlePaths = files.map((f) => `/articles/${f}`);
  const bodies = new Map(files.map((f) => [`/articles/${f}`, readFileSync(path.join(ARTICLES_DIR, f))]));
  const requests: string[] = [];
  const arrivals: Array<{ path: string; at: number }> = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let holdMatch: ((p: string) => boolean) | null = null;
  let onHeld: ((p: string) => void) | null = null;
  let held: Array<() => void> = [];
  let delayMs = 0;
  let base = '';

  const sendArticle = (res: ServerResponse, body: Buffer) => {
    if (!res.destroyed) res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  };

  const server = createServer((req, res) => {
    const p = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push(p);
    arrivals.push({ path: p, at: Date.now() });
    if (bodies.has(p)) {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      res.once('close', () => inFlight--);
    }
    if (p === '/robots.txt') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\n');
    if (p === '/rss.xml') return void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(base, articlePaths));
    const body = bodies.get(p);
    if (!body) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    if (holdMatch?.(p)) {
      held.push(() => sendArticle(res, body));
      onHeld?.(p);
      onHeld = null;
      return;
    }
    if (delayMs > 0) setTimeout(() => sendArticle(res, body), delayMs);
    else sendArticle(res, body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

  function release(): void {
    holdMatch = null;
    const toSend = held;
    held = [];
    for (const send of toSend) send();
  }

  return {
    url: base,
    articlePaths,
    requests,
    arrivals,
    get maxInFlight() {
      return maxInFlight;
    },
    hold(match) {
      holdMatch = match;
      return new Promise((resolve) => (onHeld = resolve));
    },
    release,
    setDelay(ms) {
      delayMs = ms;
    },
    sourceYaml(id, extra = '', rateLimit = '{ per_second: 50, concurrency: 8 }') {
      return `  - id: ${id}
    name: Fault site ${id}
    kind: rss
    url: ${base}/rss.xml
    rate_limit: ${rateLimit}
    allow_private_network: true
${extra}`;
    },
    close() {
      release();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
