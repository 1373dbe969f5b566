/** Listing pages: article links by a CSS selector, and the "next page" link by another. */
import * as cheerio from 'cheerio';
import { resolveHttpUrl } from '../normalize-url.ts';
import type { FoundEntry } from './context.ts';

export interface ParsedListing {
  articles: FoundEntry[];
  nextPage: string | null;
}

function hrefOf($: cheerio.CheerioAPI, el: Parameters<cheerio.CheerioAPI>[0]): string | null {
  const node = $(el);
  const href = node.attr('href') ?? node.find('a[href]').first().attr('href');
  return href ?? null;
}

/** Article links and the next-page link of one listing page, resolved against `pageUrl`. */
export function parseListing(html: string, pageUrl: string, selectors: { articleLinks: string; nextPage?: string }): ParsedListing {
  const $ = cheerio.load(html);
  const base = $('base[href]').attr('href');
  const baseUrl = base ? (resolveHttpUrl(base, pageUrl) ?? pageUrl) : pageUrl;
  const articles: FoundEntry[] = [];
  $(selectors.articleLinks).each((_, el) => {
    const href = hrefOf($, el);
    const url = href ? resolveHttpUrl(href, baseUrl) : null;
    if (url) articles.push({ url, lastmod: null });
  });
  let nextPage: string | null = null;
  if (selectors.nextPage) {
    const el = $(selectors.nextPage).first();
    const href = el.length ? hrefOf($, el.get(0)!) : null;
    nextPage = href ? resolveHttpUrl(href, baseUrl) : null;
  }
  return { articles, nextPage };
}
