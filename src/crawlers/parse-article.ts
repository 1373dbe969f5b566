/**
 * Page -> article text and metadata. Pure: no I/O. Readability (Mozilla's reader view) on a linkedom
 * DOM finds the body unless the source names a CSS selector for it; metadata is read first, because
 * Readability rewrites the document it works on.
 */
import { Readability } from '@mozilla/readability';
import { NotAnArticleError } from '../errors.ts';
import { decodeWith } from './charset.ts';
import { blockText, parseDocument, type DomDocument, type DomElement } from './dom.ts';
import { detectLanguage, primaryLanguage } from './language.ts';
import { findAuthor, findCanonical, findPublished, readJsonLd, readMetas } from './metadata.ts';
import { isTextType, refuseBinaryBody } from './page-kind.ts';
import { pruneHtml } from './prune.ts';
import { cleanLine, cleanText } from './text.ts';
import type { FetchedPage, ParsedArticle, SourceDefinition } from './types.ts';

export type ArticleHints = Partial<Pick<SourceDefinition, 'article' | 'language'>>;

/** Readability gives up on pages with more elements than this (a guard against pathological pages). */
const MAX_ELEMS_TO_PARSE = 20_000;

/** The article body from the source's selector, joined in document order; null when it matches nothing. */
function bodyBySelector(doc: DomDocument, selector: string): string | null {
  const els = doc.querySelectorAll(selector);
  const parts: string[] = [];
  for (let i = 0; i < els.length; i++) parts.push(blockText(els[i]!));
  const text = cleanText(parts.join('\n\n'));
  return text ? text : null;
}

/**
 * Readability asks for elements by tag name hundreds of times per page, through querySelectorAll; on
 * linkedom every such call compiles a CSS selector first (about a quarter of the parse time). A single
 * tag name is answered by getElementsByTagName instead: same elements, same document order.
 */
class LinkedomReadability extends Readability<unknown> {
  _getAllNodesWithTag(node: DomElement, tagNames: string[]): ArrayLike<DomElement> {
    if (tagNames.length === 1) return node.getElementsByTagName(tagNames[0]!);
    return node.querySelectorAll(tagNames.join(','));
  }
}

function textByReadability(doc: DomDocument): { text: string; title: string | null; byline: string | null } {
  const reader = new LinkedomReadability(doc as never, { maxElemsToParse: MAX_ELEMS_TO_PARSE, serializer: (node: unknown) => node });
  const result = reader.parse();
  if (!result?.content) return { text: '', title: result?.title ?? null, byline: result?.byline ?? null };
  return { text: cleanText(blockText(result.content as never)), title: result.title ?? null, byline: result.byline ?? null };
}

/** The page's own headline when the <title> is that headline plus the site name ("Headline — Site"). */
function pickTitle(candidate: string | null, h1: string | null): string | null {
  if (!candidate) return h1;
  if (h1 && h1 !== candidate && candidate.includes(h1) && h1.length >= candidate.length * 0.5) return h1;
  return candidate;
}

/**
 * Extracts the article text (paragraphs separated by blank lines), title, published date (ISO 8601),
 * author, language and canonical URL. Throws NotAnArticleError for non-HTML bodies.
 */
export function parseArticle(page: FetchedPage, source?: ArticleHints): ParsedArticle {
  refuseBinaryBody(page.body, page.finalUrl);
  if (!isTextType(page.contentType)) throw new NotAnArticleError(page.finalUrl, `content type ${page.contentType} is not a web page`);
  const html = decodeWith(page.body, page.charset, page.contentType);
  const { html: pruned, jsonLd: jsonLdBlocks } = pruneHtml(html);
  const doc = parseDocument(pruned);
  const overrides = source?.article ?? {};

  const jsonLd = readJsonLd(jsonLdBlocks);
  const canonicalUrl = findCanonical(doc, page.finalUrl);
  const htmlLang = primaryLanguage(doc.documentElement?.getAttribute('lang') ?? doc.documentElement?.getAttribute('xml:lang'));
  const titleOverride = overrides.title ? cleanLine(doc.querySelector(overrides.title)?.textContent ?? '') || null : null;
  const metas = readMetas(doc);
  const ogTitle = metas.get('og:title') ?? null;
  const docTitle = doc.title || null;
  const h1 = cleanLine(doc.getElementsByTagName('h1')[0]?.textContent ?? '') || null;
  const published = findPublished(doc, metas, jsonLd, () => cleanText(blockText(doc.body ?? doc.documentElement!).slice(0, 5000)), overrides.published);
  const authorBeforeReadability = findAuthor(metas, jsonLd, null);

  let text: string | null = overrides.body ? bodyBySelector(doc, overrides.body) : null;
  let readerTitle: string | null = null;
  let byline: string | null = null;
  if (text === null) {
    const r = textByReadability(doc);
    text = r.text;
    readerTitle = r.title;
    byline = r.byline;
  }
  const title = titleOverride ?? pickTitle(cleanLine(readerTitle ?? ogTitle ?? docTitle ?? '') || null, h1);
  return {
    canonicalUrl,
    title,
    text,
    publishedAt: published,
    author: authorBeforeReadability ?? findAuthor(metas, [], byline),
    language: htmlLang ?? primaryLanguage(source?.language) ?? detectLanguage(text),
  };
}
