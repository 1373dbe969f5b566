/**
 * Sitemaps by date: walks a source's sitemaps (index -> child sitemaps -> URLs) and keeps the URLs whose
 * <lastmod> falls in the range. Parsing is the crawlers' (src/crawlers/discover/sitemap.ts); the walk is
 * here because discovery keeps only recent entries: gzip bodies, bounded depth and count.
 *
 * Where the sitemaps are: the source's own URL when its kind is "sitemap", else robots.txt `Sitemap:`
 * lines, else /sitemap.xml at the site's origin. A child sitemap whose own lastmod is before the range
 * cannot hold entries modified in it, and is not fetched.
 */
import { gunzipSync } from 'node:zlib';
import type { SourceDefinition } from '../config.ts';
import { parseSitemap } from '../crawlers/discover/sitemap.ts';
import { addCount, type BackfillItem, type FetchedPage, type Fetchers, type ItemSource, type PageFetcher } from './types.ts';

// A sitemap index rarely nests more than twice; deeper is a loop or a trap.
const MAX_DEPTH = 3;
// Sitemap files fetched per run at most (news sites split by month: 20 years = 240).
const MAX_SITEMAPS = 2_000;
// The sitemap protocol caps an uncompressed file at 50 MB.
const MAX_SITEMAP_BYTES = 50 * 1024 * 1024;

const robotsSitemapRe = /^\s*sitemap\s*:\s*(\S+)/gim;

export interface SitemapEntry {
  loc: string;
  lastmod: string | null;
}

/** Parses a sitemap or sitemap index body, gzip or plain, with the crawlers' parser. */
export function parseSitemapBody(body: Buffer, baseUrl: string): ReturnType<typeof parseSitemap> {
  const xml = body[0] === 0x1f && body[1] === 0x8b ? gunzipSync(body, { maxOutputLength: MAX_SITEMAP_BYTES }) : body;
  return parseSitemap(xml.toString('utf8'), baseUrl);
}

/** lastmod as an instant; a bare date ("2023-05-01") is that day in UTC. Null when unparseable. */
export function parseLastmod(lastmod: string | null): Date | null {
  if (!lastmod) return null;
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(lastmod) ? `${lastmod}T00:00:00Z` : lastmod);
  return Number.isNaN(d.getTime()) ? null : d;
}

export interface SitemapRange {
  /** inclusive days, YYYY-MM-DD (UTC) */
  from: string;
  to: string;
}

function rangeBounds(range: SitemapRange): [number, number] {
  return [Date.parse(`${range.from}T00:00:00Z`), Date.parse(`${range.to}T23:59:59.999Z`)];
}

/** The sitemap URLs to start from. */
export async function findSitemaps(fetchPage: PageFetcher, source: Pick<SourceDefinition, 'kind' | 'url' | 'homepage'>): Promise<string[]> {
  if (source.kind === 'sitemap') return [source.url];
  const origin = new URL(source.homepage ?? source.url).origin;
  try {
    const robots = await fetchPage(`${origin}/robots.txt`);
    if (robots.status === 200) {
      const found = [...robots.body.toString('utf8').matchAll(robotsSitemapRe)].map((m) => m[1]!);
      if (found.length) return found;
    }
  } catch {
    // no robots.txt (or unreachable): fall back to the conventional place below
  }
  return [`${origin}/sitemap.xml`];
}

/** Walks the sitemaps; returns the in-range URL entries and why others were left out. */
export async function walkSitemaps(
  fetchPage: PageFetcher,
  roots: string[],
  range: SitemapRange,
  filter: { include?: RegExp[]; exclude?: RegExp[] } = {},
): Promise<{ entries: SitemapEntry[]; skipped: Map<string, number> }> {
  const [from, to] = rangeBounds(range);
  const skipped = new Map<string, number>();
  const seenSitemaps = new Set<string>();
  const seenUrls = new Set<string>();
  const entries: SitemapEntry[] = [];
  const queue: Array<{ url: string; depth: number }> = roots.map((url) => ({ url, depth: 0 }));
  while (queue.length) {
    const { url, depth } = queue.shift()!;
    if (seenSitemaps.has(url)) continue;
    if (seenSitemaps.size >= MAX_SITEMAPS) {
      addCount(skipped, `sitemap not read: more than ${MAX_SITEMAPS} sitemaps`);
      continue;
    }
    seenSitemaps.add(url);
    let page: FetchedPage;
    try {
      page = await fetchPage(url);
    } catch (err) {
      // one missing child sitemap must not lose the others: count it and go on
      const code = (err as { code?: unknown }).code;
      addCount(skipped, `sitemap not fetched (${typeof code === 'string' ? code : (err as Error).name})`);
      continue;
    }
    if (page.status !== 200) {
      addCount(skipped, `sitemap answered ${page.status}`);
      continue;
    }
    const parsed = parseSitemapBody(page.body, page.finalUrl);
    for (const child of parsed.sitemaps) {
      const mod = parseLastmod(child.lastmod);
      if (mod && mod.getTime() < from) addCount(skipped, 'child sitemap last modified before the range');
      else if (depth + 1 > MAX_DEPTH) addCount(skipped, 'child sitemap nested too deep');
      else queue.push({ url: child.url, depth: depth + 1 });
    }
    for (const e of parsed.urls) {
      const mod = parseLastmod(e.lastmod);
      const loc = e.url;
      if (!mod) addCount(skipped, 'sitemap entry without a usable lastmod');
      else if (mod.getTime() < from || mod.getTime() > to) addCount(skipped, 'lastmod outside the range');
      else if (filter.include?.length && !filter.include.some((re) => re.test(loc))) addCount(skipped, 'URL not matched by the source include patterns');
      else if (filter.exclude?.some((re) => re.test(loc))) addCount(skipped, 'URL matched a source exclude pattern');
      else if (seenUrls.has(loc)) addCount(skipped, 'URL listed twice');
      else {
        seenUrls.add(loc);
        entries.push({ loc, lastmod: e.lastmod });
      }
    }
  }
  return { entries, skipped };
}

/** The sitemap reader: article pages are fetched live (politely, through `fetchers.article`). */
export async function readSitemapsByDate(
  fetchers: Fetchers,
  source: Pick<SourceDefinition, 'kind' | 'url' | 'homepage' | 'include' | 'exclude'>,
  range: SitemapRange,
): Promise<ItemSource> {
  const roots = await findSitemaps(fetchers.resource, source);
  const { entries, skipped } = await walkSitemaps(fetchers.resource, roots, range, {
    include: source.include.map((p) => new RegExp(p)),
    exclude: source.exclude.map((p) => new RegExp(p)),
  });
  async function* items(): AsyncGenerator<BackfillItem> {
    for (const e of entries) {
      yield { key: e.loc, url: e.loc, archivedAt: null, load: async () => ({ page: await fetchers.article(e.loc), archivedAt: null }) };
    }
  }
  return { total: entries.length, items: items(), skipped };
}
