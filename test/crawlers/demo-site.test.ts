/**
 * The whole crawl path over the Steppe Herald demo site (fixtures/sites/steppe-herald): discovery from
 * RSS and the paginated listing, polite fetching, parsing. Checks the site's traps: the robots.txt
 * disallowed link, the article listed with and without utm parameters, and the two charset cases.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCrawler, parseArticle, type ParsedArticle } from '../../src/crawlers/index.ts';
import { startFixtureServer, testSource, type FixtureServer } from './fixture-server.ts';

const HERALD = path.resolve(import.meta.dirname, '../../fixtures/sites/steppe-herald');
const PUBLISHED_ARTICLES = 16;

let server: FixtureServer;
const crawler = createCrawler({ contactUrl: 'https://courtwatch.example/contact' });

beforeAll(async () => {
  server = await startFixtureServer();
  server.serveDir('/', HERALD);
});

afterAll(async () => {
  await crawler.close();
  await server.close();
});

describe('crawling the demo site', () => {
  it('RSS + listing discover every published article once by canonical URL, and never the disallowed draft', async () => {
    const rss = testSource({ id: 'steppe-herald', kind: 'rss', url: `${server.origin}/rss.xml` });
    const listing = testSource({
      id: 'steppe-herald',
      kind: 'listing',
      url: `${server.origin}/index.html`,
      include: ['/articles/', '/private/'],
      listing: { article_links: '.story-list .story-card__title a', next_page: 'a[rel="next"]', max_pages: 3 },
    });
    const found = [...(await crawler.discover(rss)).urls, ...(await crawler.discover(listing)).urls];
    expect(found.some((u) => u.url.includes('/private/'))).toBe(false);

    const byCanonical = new Map<string, ParsedArticle>();
    for (const { url } of new Map(found.map((u) => [u.url, u])).values()) {
      const article = parseArticle(await crawler.fetch(url, rss), rss);
      byCanonical.set(article.canonicalUrl, article);
    }
    expect(byCanonical.size).toBe(PUBLISHED_ARTICLES);
    expect(server.requests.some((r) => r.path.startsWith('/private/'))).toBe(false);
    for (const a of byCanonical.values()) {
      expect(a.title, a.canonicalUrl).toBeTruthy();
      expect(a.publishedAt, a.canonicalUrl).toMatch(/^2024-/);
      expect(a.text.length, a.canonicalUrl).toBeGreaterThan(300);
      expect(a.text, a.canonicalUrl).not.toMatch(/Most read|Newsletter|Cookie/i);
    }
    const example = [...byCanonical.values()].find((a) => a.canonicalUrl.includes('bloody-january'));
    expect(example?.text).toContain('Zhandarbekov');
  });
});
