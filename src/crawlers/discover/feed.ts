/** RSS 2.0, RSS 1.0 (RDF) and Atom feeds: the item links and their dates. */
import { XMLParser } from 'fast-xml-parser';
import { resolveHttpUrl } from '../normalize-url.ts';
import { toIsoDate, type FoundEntry } from './context.ts';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  // feeds often use HTML entities (&nbsp;, &eacute;) in titles and links
  htmlEntities: true,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

type Node = Record<string, unknown>;

function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (value && typeof value === 'object' && '#text' in value) return textOf((value as Node)['#text']);
  return null;
}

function atomLink(links: unknown): string | null {
  const list = Array.isArray(links) ? (links as unknown[]) : [links];
  let fallback: string | null = null;
  for (const link of list) {
    if (link && typeof link === 'object') {
      const l = link as Node;
      const href = textOf(l['@_href']);
      const rel = textOf(l['@_rel']) ?? 'alternate';
      if (href && rel === 'alternate') return href;
      if (href) fallback ??= href;
    } else {
      const t = textOf(link);
      if (t) fallback ??= t;
    }
  }
  return fallback;
}

/** True when the text is a feed (RSS or Atom) rather than a sitemap or HTML. */
export function looksLikeFeed(xml: string): boolean {
  return /<(rss|feed|rdf:RDF)[\s>]/i.test(xml.slice(0, 4096));
}

/** Item links (resolved against `baseUrl`) and their publication/update dates. Throws on malformed XML. */
export function parseFeed(xml: string, baseUrl: string): FoundEntry[] {
  const doc = parser.parse(xml) as Node;
  const out: FoundEntry[] = [];
  const rss = doc.rss as Node | undefined;
  const channel = (rss?.channel ?? (doc.RDF as Node | undefined)) as Node | undefined;
  const rdfItems = (doc.RDF as Node | undefined)?.item;
  const items = ((channel?.item ?? rdfItems) as Node[] | undefined) ?? [];
  for (const item of items) {
    const link = atomLink(item.link) ?? (textOf((item.guid as Node | undefined)?.['@_isPermaLink']) !== 'false' ? textOf(item.guid) : null);
    const url = link ? resolveHttpUrl(link, baseUrl) : null;
    if (url) out.push({ url, lastmod: toIsoDate(textOf(item.pubDate) ?? textOf(item.date) ?? textOf(item.updated)) });
  }
  const feed = doc.feed as Node | undefined;
  for (const entry of (feed?.entry as Node[] | undefined) ?? []) {
    const link = atomLink(entry.link);
    const url = link ? resolveHttpUrl(link, baseUrl) : null;
    if (url) out.push({ url, lastmod: toIsoDate(textOf(entry.published) ?? textOf(entry.updated)) });
  }
  return out;
}
