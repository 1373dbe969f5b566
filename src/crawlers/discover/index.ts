/**
 * Discovery: from a source's feed, sitemap or listing to the article URLs worth fetching.
 * An unchanged source costs one conditional GET: a 304, or a 200 whose body hashes the same as last
 * time (servers that keep the ETag while content changes are caught by the hash, never trusted blindly).
 */
import { gunzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { decodeBody } from '../charset.ts';
import { normalizeUrl } from '../normalize-url.ts';
import type { DiscoveredUrl, DiscoveryResult, DiscoveryState, SourceDefinition } from '../types.ts';
import type { HttpResponse } from '../http.ts';
import type { DiscoveryFetcher, FoundEntry } from './context.ts';
import { looksLikeFeed, parseFeed } from './feed.ts';
import { parseListing } from './listing.ts';
import { parseSitemap } from './sitemap.ts';

/** A sitemap index can list thousands of children; this many are read per run. */
const MAX_CHILD_SITEMAPS = 50;
/** gzipped sitemaps are capped at 50 MB uncompressed by the sitemaps protocol */
const MAX_SITEMAP_BYTES = 50 * 1024 * 1024;

function conditionalHeaders(previous: DiscoveryState): Record<string, string> {
  const h: Record<string, string> = {};
  if (previous.etag) h['if-none-match'] = previous.etag;
  if (previous.lastModified) h['if-modified-since'] = previous.lastModified;
  return h;
}

function bodyText(res: HttpResponse): string {
  // sitemap.xml.gz files are served as gzip files, not with Content-Encoding
  const body = res.body[0] === 0x1f && res.body[1] === 0x8b ? gunzipSync(res.body, { maxOutputLength: MAX_SITEMAP_BYTES }) : res.body;
  const xml = /xml|rss|atom/i.test(res.contentType ?? '') || /^\s*<\?xml/.test(body.subarray(0, 64).toString('latin1'));
  return decodeBody(body, res.contentType, xml).text;
}

async function discoverFeedOrSitemap(f: DiscoveryFetcher, source: SourceDefinition, first: HttpResponse): Promise<FoundEntry[]> {
  const text = bodyText(first);
  if (source.kind !== 'sitemap' && looksLikeFeed(text)) return parseFeed(text, first.finalUrl);
  const top = parseSitemap(text, first.finalUrl);
  const found = [...top.urls];
  const minDate = source.max_age ? Date.now() - source.max_age : null;
  const children = top.sitemaps
    .filter((s) => minDate === null || s.lastmod === null || Date.parse(s.lastmod) >= minDate)
    .slice(0, MAX_CHILD_SITEMAPS);
  for (const child of children) {
    const log = f.log.child({ source: source.id, url: child.url });
    try {
      const res = await f.politeGet(child.url, source);
      const sub = parseSitemap(bodyText(res), res.finalUrl);
      found.push(...sub.urls);
      if (sub.sitemaps.length) log.warn({ nested: sub.sitemaps.length }, 'sitemap index inside a sitemap index; nested level skipped');
    } catch (err) {
      // one broken child sitemap should not hide the others
      log.warn({ err }, 'child sitemap skipped');
    }
  }
  return found;
}

async function discoverListing(f: DiscoveryFetcher, source: SourceDefinition, firstHtml: string, firstUrl: string): Promise<FoundEntry[]> {
  const listing = source.listing!;
  const found: FoundEntry[] = [];
  const visited = new Set<string>([normalizeUrl(firstUrl)]);
  let page = parseListing(firstHtml, firstUrl, { articleLinks: listing.article_links, nextPage: listing.next_page });
  found.push(...page.articles);
  for (let n = 1; n < listing.max_pages && page.nextPage; n++) {
    const next = page.nextPage;
    if (visited.has(normalizeUrl(next))) break;
    visited.add(normalizeUrl(next));
    const html = await fetchListingHtml(f, source, next);
    page = parseListing(html.text, html.finalUrl, { articleLinks: listing.article_links, nextPage: listing.next_page });
    found.push(...page.articles);
  }
  return found;
}

async function fetchListingHtml(f: DiscoveryFetcher, source: SourceDefinition, url: string): Promise<{ text: string; finalUrl: string }> {
  if (source.render === 'browser') {
    const page = await f.fetchWithBrowser(url, source);
    return { text: page.body.toString('utf8'), finalUrl: page.finalUrl };
  }
  const res = await f.politeGet(url, source);
  return { text: decodeBody(res.body, res.contentType).text, finalUrl: res.finalUrl };
}

/** Include/exclude patterns, max_age, normalisation, de-duplication and robots.txt (skipped and logged). */
async function filterEntries(f: DiscoveryFetcher, source: SourceDefinition, entries: FoundEntry[]): Promise<DiscoveredUrl[]> {
  const include = source.include.map((r) => new RegExp(r));
  const exclude = source.exclude.map((r) => new RegExp(r));
  const minDate = source.max_age ? Date.now() - source.max_age : null;
  const log = f.log.child({ source: source.id });
  const byUrl = new Map<string, DiscoveredUrl>();
  let tooOld = 0;
  for (const e of entries) {
    const url = normalizeUrl(e.url);
    if (include.length && !include.some((r) => r.test(url))) continue;
    if (exclude.some((r) => r.test(url))) continue;
    if (minDate !== null && e.lastmod !== null && Date.parse(e.lastmod) < minDate) {
      tooOld++;
      continue;
    }
    const seen = byUrl.get(url);
    if (!seen || (e.lastmod && (!seen.lastmod || e.lastmod > seen.lastmod))) byUrl.set(url, { url, lastmod: e.lastmod });
  }
  const out: DiscoveredUrl[] = [];
  for (const entry of byUrl.values()) {
    if (await f.isAllowed(entry.url, source, log)) out.push(entry);
  }
  log.info({ found: entries.length, kept: out.length, tooOld, disallowed: byUrl.size - out.length }, 'discovered');
  return out;
}

export async function discoverSource(f: DiscoveryFetcher, source: SourceDefinition, previous: DiscoveryState): Promise<DiscoveryResult> {
  let entries: FoundEntry[];
  let state: DiscoveryState;
  if (source.kind === 'listing' && source.render === 'browser') {
    const page = await f.fetchWithBrowser(source.url, source);
    const hash = createHash('sha256').update(page.body).digest('hex');
    if (previous.contentHash === hash) return { urls: [], notModified: true, state: { contentHash: hash } };
    state = { contentHash: hash };
    entries = await discoverListing(f, source, page.body.toString('utf8'), page.finalUrl);
  } else {
    const res = await f.politeGet(source.url, source, { headers: conditionalHeaders(previous) });
    if (res.status === 304) {
      f.log.debug({ source: source.id, url: source.url }, 'not modified (304)');
      return { urls: [], notModified: true, state: previous };
    }
    const hash = createHash('sha256').update(res.body).digest('hex');
    state = { contentHash: hash };
    if (res.headers.etag) state.etag = res.headers.etag;
    if (res.headers['last-modified']) state.lastModified = res.headers['last-modified'];
    if (previous.contentHash === hash) {
      f.log.debug({ source: source.id, url: source.url }, 'not modified (same content hash)');
      return { urls: [], notModified: true, state };
    }
    entries =
      source.kind === 'listing'
        ? await discoverListing(f, source, decodeBody(res.body, res.contentType).text, res.finalUrl)
        : await discoverFeedOrSitemap(f, source, res);
  }
  return { urls: await filterEntries(f, source, entries), notModified: false, state };
}
