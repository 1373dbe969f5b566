/** Discovery per source kind, filters, robots.txt, and cheap re-discovery of unchanged sources. */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCrawler } from '../../src/crawlers/index.ts';
import { startFixtureServer, testSource, type FixtureServer } from './fixture-server.ts';
import { captureLog } from './log-capture.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/crawl');
const TEN_YEARS = '3650d';

let server: FixtureServer;
const captured = captureLog();
const crawler = createCrawler({ contactUrl: 'https://courtwatch.example/contact', log: captured.log });
const paths = (urls: Array<{ url: string }>) => urls.map((u) => new URL(u.url).pathname + new URL(u.url).search).sort();

let stickyFeed = '';
const feedWith = (slugs: string[]) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>${slugs.map((s) => `<item><link>/news/${s}.html</link></item>`).join('')}</channel></rss>`;

beforeAll(async () => {
  server = await startFixtureServer();
  server.serveDir('/', FIXTURES);
  server.route('/etag-feed.rss', (req, res) => {
    if (req.headers['if-none-match'] === '"v1"') return res.writeHead(304, { etag: '"v1"' }).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end(feedWith(['etag-a', 'etag-b']));
  });
  server.route('/lm-sitemap.xml', (req, res) => {
    const lm = 'Mon, 02 Nov 2026 10:00:00 GMT';
    if (req.headers['if-modified-since'] === lm) return res.writeHead(304).end();
    res.writeHead(200, { 'content-type': 'application/xml', 'last-modified': lm }).end(
      '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>/sitemap-recent.xml</loc></sitemap></sitemapindex>',
    );
  });
  // ignores conditional requests and keeps its ETag whatever the content
  server.route('/sticky.rss', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"same"' }).end(stickyFeed));
});

afterAll(async () => {
  await crawler.close();
  await server.close();
});

describe('discover', () => {
  it('reads an RSS feed: links resolved, tracking params dropped, old, excluded and robots-disallowed entries skipped', async () => {
    const source = testSource({ kind: 'rss', url: `${server.origin}/feed.rss`, max_age: TEN_YEARS, exclude: ['/video/'] });
    const result = await crawler.discover(source);
    expect(result.notModified).toBe(false);
    expect(paths(result.urls)).toEqual(['/news/appeal-rejected.html', '/news/former-mayor-jailed.html', '/news/guid-only.html']);
    expect(result.urls.find((u) => u.url.endsWith('former-mayor-jailed.html'))!.lastmod).toBe('2026-11-02T10:00:00.000Z');
    expect(result.urls.find((u) => u.url.endsWith('appeal-rejected.html'))!.lastmod).toBe('2026-11-01T04:30:00.000Z');
    expect(server.hits('/private/embargoed.html')).toHaveLength(0);
    const skipped = captured.lines.find((l) => l.msg === 'skipped: disallowed by robots.txt' && String(l.url).endsWith('/private/embargoed.html'));
    expect(skipped).toBeDefined();
    expect(skipped!.source).toBe('test-source');
  });

  it('reads an Atom feed, preferring the alternate link and the published date', async () => {
    const result = await crawler.discover(testSource({ kind: 'atom', url: `${server.origin}/feed.atom` }));
    expect(result.urls).toEqual([
      { url: `${server.origin}/news/former-mayor-jailed.html`, lastmod: '2026-11-02T10:00:00.000Z' },
      { url: `${server.origin}/news/appeal-rejected.html`, lastmod: '2026-11-01T04:30:00.000Z' },
    ]);
  });

  it('detects RSS or Atom for kind "feed"', async () => {
    const rss = await crawler.discover(testSource({ kind: 'feed', url: `${server.origin}/feed.rss` }));
    const atom = await crawler.discover(testSource({ kind: 'feed', url: `${server.origin}/feed.atom` }));
    expect(rss.urls.length).toBeGreaterThan(3);
    expect(atom.urls).toHaveLength(2);
  });

  it('walks a sitemap index: old child sitemaps not fetched, Google News dates used, include pattern applied', async () => {
    const source = testSource({ kind: 'sitemap', url: `${server.origin}/sitemap-index.xml`, max_age: TEN_YEARS, include: ['/news/'] });
    const result = await crawler.discover(source);
    expect(paths(result.urls)).toEqual(['/news/appeal-rejected.html', '/news/breaking-verdict.html', '/news/former-mayor-jailed.html']);
    expect(result.urls.find((u) => u.url.endsWith('breaking-verdict.html'))!.lastmod).toBe('2026-11-03T02:00:00.000Z');
    expect(server.hits('/sitemap-2001.xml')).toHaveLength(0);
  });

  it('follows listing pages by the next-page selector up to max_pages', async () => {
    const source = testSource({
      kind: 'listing',
      url: `${server.origin}/list/1.html`,
      listing: { article_links: '.stories .story h2 a', next_page: 'a[rel="next"]', max_pages: 3 },
    });
    const result = await crawler.discover(source);
    expect(paths(result.urls)).toEqual(['1-a', '1-b', '2-a', '2-b', '3-a', '3-b'].map((s) => `/news/list-${s}.html`));
    expect(server.hits('/list/3.html')).toHaveLength(1);
    expect(server.hits('/list/4.html')).toHaveLength(0);
  });

  it('an unchanged feed answered with 304 costs one request and returns nothing', async () => {
    const source = testSource({ kind: 'rss', url: `${server.origin}/etag-feed.rss` });
    const first = await crawler.discover(source);
    expect(first.urls).toHaveLength(2);
    expect(first.state.etag).toBe('"v1"');
    const second = await crawler.discover(source, first.state);
    expect(second).toEqual({ urls: [], notModified: true, state: first.state });
    const hits = server.hits('/etag-feed.rss');
    expect(hits).toHaveLength(2);
    expect(hits[1]!.headers['if-none-match']).toBe('"v1"');
  });

  it('a sitemap index answered with 304 (Last-Modified) fetches no child sitemap', async () => {
    const source = testSource({ kind: 'sitemap', url: `${server.origin}/lm-sitemap.xml` });
    const first = await crawler.discover(source);
    const childHits = server.hits('/sitemap-recent.xml').length;
    expect(first.urls.length).toBeGreaterThan(0);
    const second = await crawler.discover(source, first.state);
    expect(second.notModified).toBe(true);
    expect(server.hits('/lm-sitemap.xml').at(-1)!.headers['if-modified-since']).toBe('Mon, 02 Nov 2026 10:00:00 GMT');
    expect(server.hits('/sitemap-recent.xml')).toHaveLength(childHits);
  });

  it('an ETag that stays while the content changes: the content hash decides', async () => {
    const source = testSource({ kind: 'rss', url: `${server.origin}/sticky.rss` });
    stickyFeed = feedWith(['one']);
    const first = await crawler.discover(source);
    expect(paths(first.urls)).toEqual(['/news/one.html']);
    const same = await crawler.discover(source, first.state);
    expect(same.notModified).toBe(true);
    stickyFeed = feedWith(['one', 'two']);
    const changed = await crawler.discover(source, same.state);
    expect(changed.notModified).toBe(false);
    expect(paths(changed.urls)).toEqual(['/news/one.html', '/news/two.html']);
    expect(changed.state.contentHash).not.toBe(first.state.contentHash);
  });
});
