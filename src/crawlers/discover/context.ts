/** What discovery needs from the crawler: polite fetching and the robots check, nothing else. */
import type { Logger } from '../../log.ts';
import type { HttpResponse } from '../http.ts';
import type { FetchedPage, SourceDefinition } from '../types.ts';

export interface DiscoveryFetcher {
  readonly log: Logger;
  politeGet(url: string, source: SourceDefinition, opts?: { headers?: Record<string, string> }): Promise<HttpResponse>;
  fetchWithBrowser(url: string, source: SourceDefinition): Promise<FetchedPage>;
  isAllowed(url: string, source: SourceDefinition, log: Logger): Promise<boolean>;
}

/** One entry found in a feed, sitemap or listing, before filtering. */
export interface FoundEntry {
  url: string;
  lastmod: string | null;
}

/** Parses a date written any common way (RFC 822, ISO 8601, W3C) into ISO 8601, or null. */
export function toIsoDate(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const text = String(value).trim();
  if (!text) return null;
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
