/**
 * Sitemaps by date: walks a source's sitemaps (index -> child sitemaps -> URLs) and keeps the URLs whose
 * <lastmod> falls in the range. The crawlers' discovery keeps only recent entries and exposes no parser
 * for this, so this is the smallest walker that does: fast-xml-parser, gzip bodies, bounded depth/count.
 *
 * Where the sitemaps are: the source's own URL when its kind is "sitemap", else robots.txt `Sitemap:`
 * lines, else /sitemap.xml at the site's origin. A child sitemap whose own lastmod is before the range
 * cannot hold entries modified in it, and is not fetched.
 */
import { gunzipSync } from 'node:zlib';
import { XMLParser } from 'fast-xml-parser';
import type { SourceDefinition } from '../config.ts';
import { addCount, type BackfillItem, type ItemSource, type PageFetcher } from './types.ts';

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

const parser = new XMLParser({ ignoreAttributes: true, removeNSPrefix: true, trimValues: true, processEntities: true });

function asArray<T>(v: T | T[] | undefined): T[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** Parses a sitemap or sitemap index body (gzip or plain XML). */
export function parseSitemap(body: Buffer): { kind: 'index' | 'urlset' | 'unknown'; entries: SitemapEntry[] } {
  const xml = body[0] === 0x1f && body[1] === 0x8b ? gunzipSync(body, { maxOutputLength: MAX_SITEMAP_BYTES }) : body;
  const doc = parser.parse(xml.toString('utf8')) as Record<string, unknown>;
  const toEntry = (e: unknown): SitemapEntry | null => {
    const o = e as { loc?: unknown; lastmod?: unknown } | null;
    const loc = typeof o?.loc === 'string' ? o.loc.trim() : '';
    return loc ? { loc, lastmod: o?.lastmod === undefined || o.lastmod === null ? null : String(o.lastmod).trim() } : null;
  };
  const index = doc.sitemapindex as { sitemap?: unknown } | undefined;
  if (index) return { kind: 'index', entries: asArray(index.sitemap).map(toEntry).filter((e): e is SitemapEntry => e !== null) };
  const urlset = doc.urlset as { url?: unknown } | undefined;
  if (urlset) return { kind: 'urlset', entries: asArray(urlset.url).map(toEntry).filter((e): e is SitemapEntry => e !== null) };
  return { kind: 'unknown', entries: [] };
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
    const page = await fetchPage(url);
    if (page.status !== 200) {
      addCount(skipped, `sitemap answered ${page.status}`);
      continue;
    }
    const parsed = parseSitemap(page.body);
    if (parsed.kind === 'index') {
      for (const child of parsed.entries) {
        const mod = parseLastmod(child.lastmod);
        if (mod && mod.getTime() < from) addCount(skipped, 'child sitemap last modified before the range');
        else if (depth + 1 > MAX_DEPTH) addCount(skipped, 'child sitemap nested too deep');
        else queue.push({ url: new URL(child.loc, url).toString(), depth: depth + 1 });
      }
      continue;
    }
    for (const e of parsed.entries) {
      const mod = parseLastmod(e.lastmod);
      let loc: string;
      try {
        loc = new URL(e.loc, url).toString();
      } catch {
        addCount(skipped, 'sitemap entry with an invalid URL');
        continue;
      }
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

/** The sitemap reader: article pages are fetched live (politely, through `fetchArticle`). */
export async function readSitemapsByDate(
  fetchPage: PageFetcher,
  source: Pick<SourceDefinition, 'kind' | 'url' | 'homepage' | 'include' | 'exclude'>,
  range: SitemapRange,
): Promise<ItemSource> {
  const roots = await findSitemaps(fetchPage, source);
  const { entries, skipped } = await walkSitemaps(fetchPage, roots, range, {
    include: source.include.map((p) => new RegExp(p)),
    exclude: source.exclude.map((p) => new RegExp(p)),
  });
  async function* items(): AsyncGenerator<BackfillItem> {
    for (const e of entries) {
      yield { key: e.loc, url: e.loc, archivedAt: null, load: async () => ({ page: await fetchPage(e.loc), archivedAt: null }) };
    }
  }
  return { total: entries.length, items: items(), skipped };
}
