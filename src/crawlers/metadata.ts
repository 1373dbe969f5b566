/**
 * Article metadata from the page head and markup: published date (JSON-LD, then Open Graph /
 * article:published_time and similar metas, then <time>, then the visible text), author, canonical URL.
 */
import * as chrono from 'chrono-node';
import { normalizeUrl, resolveHttpUrl } from './normalize-url.ts';
import { cleanLine } from './text.ts';
import type { DomDocument } from './dom.ts';

/** schema.org types whose datePublished/author describe the article itself. */
const articleTypeRe = /Article|BlogPosting|Report|NewsArticle|WebPage|LiveBlogPosting/i;
/** <meta> names/properties/itemprops that carry the publication date, most specific first (lowercase). */
const PUBLISHED_METAS = [
  'article:published_time', 'og:published_time', 'datepublished', 'pubdate', 'publishdate', 'publish-date',
  'parsely-pub-date', 'sailthru.date', 'dc.date.issued', 'dcterms.created', 'date', 'og:updated_time',
];
const AUTHOR_METAS = ['author', 'article:author', 'parsely-author', 'sailthru.author'];
const byPrefixRe = /^(by|von|par|por|автор:?|от)\s+/i;
/** Visible-text dates are only searched near the top: later dates are usually events, not publication. */
const VISIBLE_DATE_CHARS = 600;

type Json = unknown;

/** Every JSON-LD object in the given script bodies, @graph arrays flattened. Malformed blocks are skipped. */
export function readJsonLd(blocks: string[]): Record<string, Json>[] {
  const out: Record<string, Json>[] = [];
  for (const block of blocks) {
    let data: Json;
    try {
      data = JSON.parse(block);
    } catch {
      continue; // broken JSON-LD is common in the wild; the other sources of metadata still apply
    }
    const queue: Json[] = [data];
    while (queue.length) {
      const item = queue.shift();
      if (Array.isArray(item)) queue.push(...item);
      else if (item && typeof item === 'object') {
        const obj = item as Record<string, Json>;
        out.push(obj);
        if (obj['@graph']) queue.push(obj['@graph']);
      }
    }
  }
  return out;
}

function typeOf(obj: Record<string, Json>): string {
  const t = obj['@type'];
  return Array.isArray(t) ? t.join(' ') : typeof t === 'string' ? t : '';
}

export function toIso(value: string | null | undefined): string | null {
  if (!value) return null;
  const text = value.trim();
  if (!text) return null;
  const d = new Date(text);
  if (!Number.isNaN(d.getTime()) && /\d{4}/.test(text)) return d.toISOString();
  const parsed = chrono.parseDate(text);
  return parsed ? parsed.toISOString() : null;
}

/** Every <meta> content by its lowercased name, property or itemprop (first one wins). One pass, no CSS. */
export type MetaMap = Map<string, string>;

export function readMetas(doc: DomDocument): MetaMap {
  const map: MetaMap = new Map();
  const metas = doc.getElementsByTagName('meta');
  for (let i = 0; i < metas.length; i++) {
    const m = metas[i]!;
    const content = m.getAttribute('content');
    if (content === null) continue;
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = m.getAttribute(attr)?.trim().toLowerCase();
      if (key && !map.has(key)) map.set(key, content);
    }
  }
  return map;
}

export function findPublished(
  doc: DomDocument,
  metas: MetaMap,
  jsonLd: Record<string, Json>[],
  /** the page's visible text, computed only if no markup gives the date */
  visibleText: () => string,
  overrideSelector?: string,
): string | null {
  if (overrideSelector) {
    const el = doc.querySelector(overrideSelector);
    const v = toIso(el?.getAttribute('datetime') ?? el?.getAttribute('content') ?? el?.textContent);
    if (v) return v;
  }
  for (const obj of jsonLd) {
    if (!articleTypeRe.test(typeOf(obj))) continue;
    const v = toIso(typeof obj.datePublished === 'string' ? obj.datePublished : null) ?? toIso(typeof obj.dateCreated === 'string' ? obj.dateCreated : null);
    if (v) return v;
  }
  for (const key of PUBLISHED_METAS) {
    const v = toIso(metas.get(key));
    if (v) return v;
  }
  const times = doc.getElementsByTagName('time');
  for (let i = 0; i < times.length; i++) {
    const v = toIso(times[i]!.getAttribute('datetime'));
    if (v) return v;
  }
  const head = visibleText().slice(0, VISIBLE_DATE_CHARS);
  const found = chrono.parse(head)[0];
  // a bare time ("at 10:30") or a weekday is not a publication date: require a known day and month
  if (found && found.start.isCertain('day') && found.start.isCertain('month')) return found.start.date().toISOString();
  return null;
}

function authorName(value: Json): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    const names = value.map(authorName).filter((n): n is string => !!n);
    return names.length ? names.join(', ') : null;
  }
  if (value && typeof value === 'object') {
    const name = (value as Record<string, Json>).name;
    return typeof name === 'string' ? name : null;
  }
  return null;
}

function tidyAuthor(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const line = cleanLine(raw).replace(byPrefixRe, '');
  if (!line || /^https?:\/\//.test(line) || line.length > 200) return null;
  return line;
}

export function findAuthor(metas: MetaMap, jsonLd: Record<string, Json>[], byline: string | null | undefined): string | null {
  for (const obj of jsonLd) {
    if (!articleTypeRe.test(typeOf(obj))) continue;
    const v = tidyAuthor(authorName(obj.author));
    if (v) return v;
  }
  for (const key of AUTHOR_METAS) {
    const v = tidyAuthor(metas.get(key));
    if (v) return v;
  }
  return tidyAuthor(byline);
}

/** <link rel=canonical> when it is a plausible article URL, else the normalised final URL. */
export function findCanonical(doc: DomDocument, finalUrl: string): string {
  let href: string | null = null;
  const links = doc.getElementsByTagName('link');
  for (let i = 0; i < links.length && href === null; i++) {
    if (links[i]!.getAttribute('rel')?.trim().toLowerCase() === 'canonical') href = links[i]!.getAttribute('href');
  }
  const resolved = href ? resolveHttpUrl(href, finalUrl) : null;
  if (resolved) {
    const c = new URL(resolved);
    const f = new URL(finalUrl);
    // a canonical pointing at the home page of a deeper URL is a site-wide template mistake, not this article
    const toHome = c.pathname === '/' && f.pathname !== '/';
    if (!toHome) return normalizeUrl(resolved);
  }
  return normalizeUrl(finalUrl);
}
