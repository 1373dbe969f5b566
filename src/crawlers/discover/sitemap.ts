/** XML sitemaps, sitemap indexes and Google News sitemaps (news:publication_date counts as lastmod). */
import { XMLParser } from 'fast-xml-parser';
import { resolveHttpUrl } from '../normalize-url.ts';
import { toIsoDate, type FoundEntry } from './context.ts';

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  isArray: (name) => name === 'url' || name === 'sitemap',
});

type Node = Record<string, unknown>;

export interface ParsedSitemap {
  /** article (or any page) URLs of a urlset */
  urls: FoundEntry[];
  /** child sitemaps of a sitemap index */
  sitemaps: FoundEntry[];
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  if (value && typeof value === 'object' && '#text' in value) return text((value as Node)['#text']);
  return null;
}

/** Parses a sitemap or sitemap index. Throws on malformed XML. */
export function parseSitemap(xml: string, baseUrl: string): ParsedSitemap {
  const doc = parser.parse(xml) as Node;
  const result: ParsedSitemap = { urls: [], sitemaps: [] };
  const urlset = doc.urlset as Node | undefined;
  for (const entry of (urlset?.url as Node[] | undefined) ?? []) {
    const loc = text(entry.loc);
    const url = loc ? resolveHttpUrl(loc, baseUrl) : null;
    if (!url) continue;
    const news = entry.news as Node | undefined;
    const lastmod = toIsoDate(text(entry.lastmod)) ?? toIsoDate(text(news?.publication_date));
    result.urls.push({ url, lastmod });
  }
  const index = doc.sitemapindex as Node | undefined;
  for (const entry of (index?.sitemap as Node[] | undefined) ?? []) {
    const loc = text(entry.loc);
    const url = loc ? resolveHttpUrl(loc, baseUrl) : null;
    if (url) result.sitemaps.push({ url, lastmod: toIsoDate(text(entry.lastmod)) });
  }
  return result;
}
