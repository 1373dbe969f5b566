/** Fetching over HTTP against a local server that misbehaves on purpose. */
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DisallowedError, FetchError, NotAnArticleError, TooLargeError } from '../../src/errors.ts';
import { createCrawler } from '../../src/crawlers/index.ts';
import { startFixtureServer, testSource, type FixtureServer } from './fixture-server.ts';

const CONTACT = 'https://courtwatch.example/contact';
const PAGE = '<!doctype html><html lang="en"><head><title>Hello</title></head><body><article><p>Body text here.</p></article></body></html>';
const MB = 1024 * 1024;

let server: FixtureServer;
const crawler = createCrawler({
  contactUrl: CONTACT,
  backoffBaseMs: 20,
  timeouts: { connectMs: 2000, headersMs: 400, bodyMs: 400, totalMs: 5000 },
});
const source = testSource();

beforeAll(async () => {
  server = await startFixtureServer();
  server.route('/robots.txt', (_req, res) => res.writeHead(404).end());
  server.route('/ok', (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE));
  for (let i = 1; i <= 7; i++) {
    server.route(`/hop${i}`, (_req, res) => res.writeHead(301, { location: i === 7 ? '/ok' : `/hop${i + 1}` }).end());
  }
  server.route('/loop-a', (_req, res) => res.writeHead(302, { location: '/loop-b' }).end());
  server.route('/loop-b', (_req, res) => res.writeHead(302, { location: '/loop-a' }).end());
  let n500 = 0;
  server.route('/500-then-ok', (_req, res) => {
    if (n500++ === 0) return void res.writeHead(500).end('oops');
    res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
  });
  server.route('/always-500', (_req, res) => res.writeHead(500).end('oops'));
  let n429 = 0;
  server.route('/429', (_req, res) => {
    if (n429++ === 0) return void res.writeHead(429, { 'retry-after': '1' }).end('slow down');
    res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
  });
  server.route('/503-long', (_req, res) => res.writeHead(503, { 'retry-after': '3600' }).end('maintenance'));
  server.route('/404', (_req, res) => res.writeHead(404).end('no'));
  server.route('/slow-headers', (_req, res) => {
    setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE), 3000).unref();
  });
  server.route('/hang-body', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.write('<html><body><p>start'); // and then nothing, forever
  });
  const huge = Buffer.alloc(20 * MB, 'a');
  server.route('/huge', (_req, res) => res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(huge.length) }).end(huge));
  server.route('/huge-chunked', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    let sent = 0;
    const push = () => {
      while (sent < 20 * MB) {
        sent += MB;
        if (!res.write(Buffer.alloc(MB, 'b'))) return void res.once('drain', push);
      }
      res.end();
    };
    push();
  });
  const bomb = gzipSync(Buffer.alloc(20 * MB, ' '));
  server.route('/gzip-bomb', (_req, res) => res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(bomb));
  server.route('/gzip', (_req, res) => res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipSync(PAGE)));
  server.route('/br', (_req, res) => res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'br' }).end(brotliCompressSync(PAGE)));
  server.route('/doc.pdf', (_req, res) => res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.7\n%binary'));
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
  server.route('/image-as-article', (_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(png));
  server.route('/image-mislabelled', (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(png));
  server.route('/captcha', (_req, res) =>
    res.writeHead(403, { 'content-type': 'text/html' }).end('<html><head><title>Just a moment...</title></head><body><div class="cf-browser-verification"></div></body></html>'),
  );
});

afterAll(async () => {
  await crawler.close();
  await server.close();
});

describe('fetch over HTTP', () => {
  it('returns the page with status, headers, hash and a User-Agent naming the project and contact URL', async () => {
    const page = await crawler.fetch(`${server.origin}/ok`, source);
    expect(page.status).toBe(200);
    expect(page.body.toString()).toBe(PAGE);
    expect(page.contentType).toBe('text/html; charset=utf-8');
    expect(page.charset).toBe('utf-8');
    expect(page.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const ua = server.hits('/ok').at(-1)!.headers['user-agent']!;
    expect(ua).toContain('courtwatch/');
    expect(ua).toContain(CONTACT);
  });

  it('follows a chain of 5 redirects but refuses a 6th', async () => {
    // hop3 -> hop4 -> hop5 -> hop6 -> hop7 -> ok is 5 redirects; from hop2 it is 6
    const page = await crawler.fetch(`${server.origin}/hop3`, source);
    expect(page.finalUrl).toBe(`${server.origin}/ok`);
    const err = await crawler.fetch(`${server.origin}/hop2`, source).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect((err as FetchError).code).toBe('FETCH_TOO_MANY_REDIRECTS');
    expect((err as FetchError).retryable).toBe(false);
  });

  it('detects a redirect loop', async () => {
    const err = await crawler.fetch(`${server.origin}/loop-a`, source).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect((err as FetchError).code).toBe('FETCH_REDIRECT_LOOP');
    expect(server.hits('/loop-a')).toHaveLength(1);
  });

  it('retries a 500 and succeeds the second time', async () => {
    const page = await crawler.fetch(`${server.origin}/500-then-ok`, source);
    expect(page.status).toBe(200);
    expect(server.hits('/500-then-ok')).toHaveLength(2);
  });

  it('gives up on a persistent 500 after the configured attempts, as a retryable FetchError', async () => {
    const err = await crawler.fetch(`${server.origin}/always-500`, source).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect((err as FetchError).status).toBe(500);
    expect((err as FetchError).retryable).toBe(true);
    expect(server.hits('/always-500')).toHaveLength(3);
  });

  it('waits for Retry-After on a 429 before asking again', async () => {
    const page = await crawler.fetch(`${server.origin}/429`, source);
    expect(page.status).toBe(200);
    const [first, second] = server.hits('/429');
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
  });

  it('hands a long Retry-After back to the caller instead of sleeping', async () => {
    const err = await crawler.fetch(`${server.origin}/503-long`, source).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect((err as FetchError).status).toBe(503);
    expect((err as FetchError).retryAfterMs).toBe(3_600_000);
    expect(server.hits('/503-long')).toHaveLength(1);
  });

  it('does not retry a 404', async () => {
    const err = await crawler.fetch(`${server.origin}/404`, source).catch((e: unknown) => e);
    expect((err as FetchError).status).toBe(404);
    expect((err as FetchError).retryable).toBe(false);
    expect(server.hits('/404')).toHaveLength(1);
  });

  it('times out a server that is slow to answer', async () => {
    const err = await createCrawler({ contactUrl: CONTACT, maxAttempts: 1, timeouts: { headersMs: 300 } })
      .fetch(`${server.origin}/slow-headers`, source)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect((err as FetchError).message).toMatch(/timed out/);
    expect((err as FetchError).retryable).toBe(true);
  });

  it('times out a body that stops arriving', async () => {
    const c = createCrawler({ contactUrl: CONTACT, maxAttempts: 1, timeouts: { bodyMs: 300 } });
    const err = await c.fetch(`${server.origin}/hang-body`, source).catch((e: unknown) => e);
    await c.close();
    expect(err).toBeInstanceOf(FetchError);
    expect((err as FetchError).message).toMatch(/timed out/);
  });

  it('marks a 20 MB response too large (declared length and chunked), without retrying', async () => {
    for (const p of ['/huge', '/huge-chunked']) {
      const err = await crawler.fetch(`${server.origin}${p}`, source).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(TooLargeError);
      expect((err as TooLargeError).retryable).toBe(false);
      expect(server.hits(p)).toHaveLength(1);
    }
  });

  it('caps the decompressed size, so a gzip bomb is too large too', async () => {
    const err = await crawler.fetch(`${server.origin}/gzip-bomb`, source).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TooLargeError);
  });

  it('decompresses gzip and brotli and asks for them', async () => {
    for (const p of ['/gzip', '/br']) {
      const page = await crawler.fetch(`${server.origin}${p}`, source);
      expect(page.body.toString()).toBe(PAGE);
      expect(server.hits(p)[0]!.headers['accept-encoding']).toMatch(/br/);
    }
  });

  it('refuses a PDF and an image at article URLs, even a mislabelled one', async () => {
    for (const p of ['/doc.pdf', '/image-as-article', '/image-mislabelled']) {
      const err = await crawler.fetch(`${server.origin}${p}`, source).catch((e: unknown) => e);
      expect(err, p).toBeInstanceOf(NotAnArticleError);
    }
  });

  it('recognises a bot wall as BlockedError (retry later)', async () => {
    const err = await crawler.fetch(`${server.origin}/captcha`, source).catch((e: unknown) => e);
    expect((err as Error).name).toBe('BlockedError');
    expect((err as { retryable: boolean }).retryable).toBe(true);
  });
});

describe('private-network guard', () => {
  it('refuses loopback by IP and by a name that resolves to it, unless the source allows it', async () => {
    const closed = testSource({ allow_private_network: false });
    for (const url of [`${server.origin}/ok`, server.origin.replace('127.0.0.1', 'localhost') + '/ok']) {
      const before = server.hits('/ok').length;
      const err = await crawler.fetch(url, closed).catch((e: unknown) => e);
      expect(err, url).toBeInstanceOf(DisallowedError);
      expect(server.hits('/ok')).toHaveLength(before);
    }
  });

  it('refuses the link-local cloud metadata address without connecting', async () => {
    const err = await crawler.fetch('http://169.254.169.254/latest/meta-data/', testSource({ allow_private_network: false })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DisallowedError);
  });
});
