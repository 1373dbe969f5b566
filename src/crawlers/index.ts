/**
 * src/crawlers: discovering article URLs per source, fetching pages politely and correctly, and turning a
 * page into clean article text with metadata. Knows HTTP and HTML; not the database or the queue.
 */
export type {
  Crawler,
  CrawlerOptions,
  CrawlerTimeouts,
  DiscoveredUrl,
  DiscoveryResult,
  DiscoveryState,
  FetchedPage,
  ParsedArticle,
  SourceDefinition,
} from './types.ts';
export { createCrawler, DEFAULT_MAX_BYTES, parseRetryAfter } from './crawler.ts';
export { parseArticle, type ArticleHints } from './parse-article.ts';
export { normalizeUrl } from './normalize-url.ts';
export { cleanText } from './text.ts';
export { isPrivateAddress } from './address-guard.ts';
