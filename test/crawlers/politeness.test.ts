/**
 * Politeness seen from the server: robots.txt obeyed and fetched once (shared through Redis), and the
 * per-host concurrency and spacing shared by two crawler instances through Redis.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DisallowedError } from '../../src/errors.ts';
import { createCrawler, type Crawler } from '../../src/crawlers/index.ts';
import { createTestRedis, type TestRedis } from '../helpers/redis.ts';
import { startFixtureServer, testSource, type FixtureServer } from './fixture-server.ts';
import { captureLog } from './log-capture.ts';

const CONTACT = 'https://courtwatch.example/contact';
const PAGE = '<html><body><p>ok</p></body></html>';

let server: FixtureServer;
let blocked: FixtureServer;
let testRedis: TestRedis;
let a: Crawler;
let b: Crawler;
let secondConnection: TestRedis['redis'];
const captured = captureLog();

beforeAll(async () => {
  testRedis = await createTestRedis('crawl');
  server = await startFixtureServer();
  server.route('/robots.txt', (_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\n'));
  server.route('/private/secret.html', (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE));
  server.route('/slow', (_req, res) => {
    setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE), 80);
  });
  server.route('/fast', (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE));
  blocked = await startFixtureServer();
  blocked.route('/robots.txt', (_req, res) => res.writeHead(503).end());
  blocked.route('/page', (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE));
  // two instances = two workers; they share nothing but Redis
  const common = { contactUrl: CONTACT, keyPrefix: testRedis.prefix, log: captured.log };
  a = createCrawler({ ...common, redis: testRedis.redis });
  secondConnection = testRedis.redis.duplicate();
  b = createCrawler({ ...common, redis: secondConnection });
});

afterAll(async () => {
  await Promise.all([a.close(), b.close()]);
  await Promise.all([server.close(), blocked.close()]);
  secondConnection.disconnect();
  await testRedis.cleanup();
});

describe('robots.txt', () => {
  it('refuses and logs a disallowed URL without requesting it', async () => {
    const err = await a.fetch(`${server.origin}/private/secret.html`, testSource()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DisallowedError);
    expect(server.hits('/private/secret.html')).toHaveLength(0);
    expect(captured.lines.some((l) => l.msg === 'skipped: disallowed by robots.txt' && l.url === `${server.origin}/private/secret.html`)).toBe(true);
  });

  it('is fetched once per host for both workers (cached in Redis)', async () => {
    await a.fetch(`${server.origin}/fast`, testSource());
    await b.fetch(`${server.origin}/fast`, testSource());
    await b.fetch(`${server.origin}/fast?x=1`, testSource());
    expect(server.hits('/robots.txt')).toHaveLength(1);
  });

  it('treats an unreachable robots.txt (5xx) as "disallow everything" for now', async () => {
    const err = await a.fetch(`${blocked.origin}/page`, testSource()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DisallowedError);
    expect(blocked.hits('/page')).toHaveLength(0);
  });
});

describe('per-host limits shared through Redis by two crawler instances', () => {
  it('never has more requests in flight at the host than the source allows', async () => {
    const source = testSource({ rate_limit: { per_second: 50, concurrency: 2 } });
    const before = server.requests.length;
    await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).fetch(`${server.origin}/slow?i=${i}`, source)));
    const seen = server.requests.slice(before).filter((r) => r.path.startsWith('/slow'));
    expect(seen).toHaveLength(12);
    expect(Math.max(...seen.map((r) => r.inFlight))).toBe(2);
  });

  it('spaces request starts by 1/per_second across both instances', async () => {
    const source = testSource({ rate_limit: { per_second: 5, concurrency: 8 } });
    const before = server.requests.length;
    await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? a : b).fetch(`${server.origin}/fast?j=${i}`, source)));
    const at = server.requests.slice(before).filter((r) => r.path.startsWith('/fast')).map((r) => r.at);
    expect(at).toHaveLength(8);
    // 8 starts at >= 200 ms spacing span at least 1400 ms; 100 ms of slack for the first request's connect
    expect(Math.max(...at) - Math.min(...at)).toBeGreaterThanOrEqual(1300);
  });
});
