/**
 * The crawlers' public contract: what the workers get back from discovery, fetching and parsing.
 * Nothing here knows about the database or the queue.
 */
import type { Redis } from 'ioredis';
import type { Logger } from '../log.ts';
import type { SourceDefinition } from '../config.ts';
import type { HttpResponse } from './http.ts';

export type { SourceDefinition };

/** An HTTP response as fetched, with the charset used to decode it, its hash and when it was fetched. */
export interface FetchedPage extends HttpResponse {
  /** the charset used to decode (header, then <meta>, then sniffing); null for non-text bodies */
  charset: string | null;
  /** sha256 hex of body */
  contentHash: string;
  fetchedAt: Date;
}

export interface DiscoveredUrl {
  url: string;
  /** ISO 8601 date from the feed/sitemap entry, when it had one */
  lastmod: string | null;
}

/** What discovery remembers about a source between runs, so an unchanged source costs one cheap request. */
export interface DiscoveryState {
  etag?: string;
  lastModified?: string;
  contentHash?: string;
}

export interface DiscoveryResult {
  urls: DiscoveredUrl[];
  /** true when the server answered 304 or the content hash is unchanged: nothing else was fetched */
  notModified: boolean;
  state: DiscoveryState;
}

export interface ParsedArticle {
  canonicalUrl: string;
  title: string | null;
  text: string;
  /** ISO 8601 */
  publishedAt: string | null;
  author: string | null;
  language: string | null;
}

export interface CrawlerTimeouts {
  /** TCP + TLS connect */
  connectMs?: number;
  /** until the response headers arrive */
  headersMs?: number;
  /** max silence between body chunks */
  bodyMs?: number;
  /** hard cap on one request, all of it */
  totalMs?: number;
  /** hard cap on a browser page load including the wait condition */
  browserMs?: number;
}

export interface CrawlerOptions {
  /** a URL where site owners can reach us; goes into the User-Agent */
  contactUrl: string;
  /** shared per-host rate limiter and robots cache; in-memory (per process) if absent */
  redis?: Redis;
  /** prefix of every Redis key the crawler writes */
  keyPrefix?: string;
  /** response size cap in bytes (after decompression); default 5 MB */
  maxBytes?: number;
  timeouts?: CrawlerTimeouts;
  /** Chromium binary; default CHROMIUM_PATH or /usr/bin/chromium */
  chromiumPath?: string;
  log?: Logger;
  /** attempts per fetch for retryable failures (5xx, 429, network errors); default 3 */
  maxAttempts?: number;
  /** longest Retry-After we wait in-process; longer ones are thrown back as FetchError.retryAfterMs */
  maxRetryAfterMs?: number;
  /** base of the exponential backoff between attempts; default 500 ms */
  backoffBaseMs?: number;
  /** turns off robots.txt and the rate limiter: only for benchmarks against our own local server */
  politeness?: boolean;
  /**
   * longest wait for a host's politeness slot before fetch throws HostBusyError (queue workers set it, so
   * a job waiting for a busy host is delayed in the queue instead of holding a worker); default: wait
   */
  maxSlotWaitMs?: number;
  /** browser pages kept open at once; default 2 */
  browserPages?: number;
}

export interface Crawler {
  /** finds article URLs; previous state makes unchanged sources cheap (conditional GET + hash) */
  discover(source: SourceDefinition, previous?: DiscoveryState): Promise<DiscoveryResult>;
  /**
   * fetches one page politely (robots, per-host rate limit + concurrency, private-address check);
   * http or browser per source.render; throws FetchError / TooLargeError / DisallowedError / BlockedError,
   * and NotAnArticleError for a binary body (PDF, image) at an article URL
   */
  fetch(url: string, source: SourceDefinition): Promise<FetchedPage>;
  close(): Promise<void>;
}
