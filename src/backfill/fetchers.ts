/**
 * The readers' fetchers, backed by the crawler: robots.txt, the per-host rate limit and concurrency
 * shared with the live workers through Redis, the private-address guard, retries with backoff.
 */
import { createHash } from 'node:crypto';
import type { SourceDefinition } from '../config.ts';
import type { PoliteCrawler } from '../crawlers/crawler.ts';
import type { Fetchers } from './types.ts';

// The Wayback Machine asks for gentle use; one request a second per client is what it tolerates well.
export const DEFAULT_ARCHIVE_PER_SECOND = 1;

/** Fetchers for a host under `source`'s politeness settings. */
export function crawlerFetchers(crawler: Pick<PoliteCrawler, 'fetch' | 'politeGet'>, source: SourceDefinition): Fetchers {
  return {
    // CDX answers, robots.txt and (gzip) sitemaps are not article pages: take the raw response.
    resource: async (url) => {
      const res = await crawler.politeGet(url, source);
      return {
        url: res.url, finalUrl: res.finalUrl, status: res.status, headers: res.headers, body: res.body,
        contentType: res.contentType, charset: null, contentHash: createHash('sha256').update(res.body).digest('hex'),
        fetchedAt: new Date(),
      };
    },
    article: (url) => crawler.fetch(url, source),
  };
}

/**
 * The politeness settings for the archive host: the source's own entry (for its id and its
 * allow_private_network) with the archive's URL and a rate of its own, always plain HTTP.
 */
export function archiveSource(source: SourceDefinition, baseUrl: string, perSecond = DEFAULT_ARCHIVE_PER_SECOND): SourceDefinition {
  return { ...source, url: baseUrl, homepage: baseUrl, render: 'http', rate_limit: { per_second: perSecond, concurrency: 1 } };
}
