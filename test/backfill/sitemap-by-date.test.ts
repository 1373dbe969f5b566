import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceSchema } from '../../src/config.ts';
import { readSitemapsByDate } from '../../src/backfill/sitemap-by-date.ts';
import { simpleFetchers } from './helpers/simple-fetcher.ts';

describe('sitemaps by date', () => {
  let server: Server;
  let base: string;
  const requests: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push(req.url ?? '');
      const xml = (body: string) => {
        res.writeHead(200, { 'content-type': 'application/xml' });
        res.end(body);
      };
      switch (req.url) {
        case '/robots.txt':
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.end(`User-agent: *\nDisallow: /admin\nSitemap: ${base}/sitemap-index.xml\n`);
          return;
        case '/sitemap-index.xml':
          return xml(`<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            <sitemap><loc>${base}/sitemap-2021.xml</loc><lastmod>2021-12-31</lastmod></sitemap>
            <sitemap><loc>${base}/sitemap-2022.xml.gz</loc><lastmod>2022-12-31T10:00:00+06:00</lastmod></sitemap>
            <sitemap><loc>/sitemap-2023.xml</loc></sitemap></sitemapindex>`);
        case '/sitemap-2022.xml.gz':
          res.writeHead(200, { 'content-type': 'application/gzip' });
          res.end(gzipSync(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            <url><loc>${base}/news/2022/verdict-1</loc><lastmod>2022-06-11</lastmod></url>
            <url><loc>${base}/news/2022/verdict-2</loc><lastmod>2022-12-31T23:30:00Z</lastmod></url>
            <url><loc>${base}/tag/courts</loc><lastmod>2022-07-01</lastmod></url>
            <url><loc>${base}/news/2022/no-date</loc></url></urlset>`));
          return;
        case '/sitemap-2023.xml':
          return xml(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            <url><loc>${base}/news/2023/verdict-3</loc><lastmod>2023-01-01T00:00:00Z</lastmod></url>
            <url><loc>${base}/news/2022/verdict-1</loc><lastmod>2022-06-11</lastmod></url></urlset>`);
        default:
          res.writeHead(404);
          res.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('walks robots.txt -> index -> child sitemaps and keeps the URLs whose lastmod is in range', async () => {
    const source = sourceSchema.parse({ id: 'kz-news', name: 'KZ', kind: 'rss', url: `${base}/rss.xml`, exclude: ['/tag/'] });
    const result = await readSitemapsByDate(simpleFetchers, source, { from: '2022-01-01', to: '2022-12-31' });
    const urls: string[] = [];
    for await (const item of result.items) urls.push(item.url);
    expect(urls).toEqual([`${base}/news/2022/verdict-1`, `${base}/news/2022/verdict-2`]);
    expect(result.total).toBe(2);
    expect(Object.fromEntries(result.skipped)).toEqual({
      'child sitemap last modified before the range': 1,
      'URL matched a source exclude pattern': 1,
      'sitemap entry without a usable lastmod': 1,
      'lastmod outside the range': 1,
      'URL listed twice': 1,
    });
    // the 2021 sitemap was never fetched
    expect(requests).not.toContain('/sitemap-2021.xml');
  });
});
