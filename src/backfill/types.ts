/**
 * Vocabulary of the backfill: readers turn an archive (Wayback, WARC, sitemaps, a folder) into
 * BackfillItems; the runner checkpoints each item and hands its page to the pipeline's ingest function.
 * Readers know HTTP and files, never the database.
 */

import type { FetchedPage } from '../crawlers/types.ts';

export type { FetchedPage };

export type BackfillMode = 'wayback' | 'warc' | 'sitemap' | 'dir';

/** One page-to-be found by a reader. `load` does the expensive part (network or file read) lazily. */
export interface BackfillItem {
  /** stable inside its run: the checkpoint key (capture timestamp+URL, WARC record id, file path...) */
  key: string;
  /** the article's own URL (never the archive's) */
  url: string;
  /** when the archive captured it (as listed; a followed redirect may land on another capture) */
  archivedAt: Date | null;
  load(): Promise<LoadedPage>;
}

export interface LoadedPage {
  page: FetchedPage;
  archivedAt: Date | null;
}

/** A reader's answer: the items, and why others were left out (counted in the summary). */
export interface ItemSource {
  /** how many items there are, when known before iterating */
  total: number | null;
  items: AsyncIterable<BackfillItem>;
  /** skipped before any fetch: reason -> count (404 capture, duplicate digest, not HTML...) */
  skipped: Map<string, number>;
}

export interface IngestMeta {
  sourceId: string | null;
  origin: BackfillMode;
  archivedAt: Date | null;
}

/** What the pipeline reports for one page. */
export interface IngestOutcome {
  /** the page (same final URL and content hash) was already stored */
  known: boolean;
  pageId: number | null;
  recordsCreated: number;
}

/** The pipeline's ingest entry point (src/workers/pipeline.ts), injected so the runner stays testable. */
export type IngestFn = (page: FetchedPage, meta: IngestMeta) => Promise<IngestOutcome>;

/** Fetches a URL politely (robots, per-host rate limit shared through Redis): the crawler's fetch. */
export type PageFetcher = (url: string) => Promise<FetchedPage>;

/**
 * Readers fetch two kinds of things: resources (CDX answers, robots.txt, sitemaps, possibly gzip) and
 * article pages (HTML, refused when binary). Both go through the crawler's politeness.
 */
export interface Fetchers {
  resource: PageFetcher;
  article: PageFetcher;
}

export function addCount(map: Map<string, number>, reason: string, n = 1): void {
  map.set(reason, (map.get(reason) ?? 0) + n);
}
