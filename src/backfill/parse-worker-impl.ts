/**
 * What a parse-pool thread does: the pure, CPU-bound part of the pipeline for one page (readability and
 * the rules), exactly as extractStoredPage would do it on the main thread. `extract: false` parses only
 * (the crawl benchmark).
 */
import { parseArticle } from '../crawlers/index.ts';
import type { FetchedPage, ParsedArticle } from '../crawlers/types.ts';
import { extractVerdicts } from '../extract/index.ts';
import type { ExtractResult } from '../extract/types.ts';
import type { ArticleHints } from '../crawlers/parse-article.ts';

export interface ParseRequest {
  id: number;
  page: FetchedPage;
  source?: ArticleHints;
  /** run the rules too (default) */
  extract?: boolean;
}

export type ParseResponse =
  | { id: number; ok: true; parsed: ParsedArticle; extracted: ExtractResult | null }
  // the main thread parses again and gets the real error with its type
  | { id: number; ok: false };

export function parseAndExtract(req: ParseRequest): ParseResponse {
  try {
    // structured clone turns the Buffer into a Uint8Array
    const body = Buffer.from(req.page.body.buffer, req.page.body.byteOffset, req.page.body.byteLength);
    const parsed = parseArticle({ ...req.page, body }, req.source);
    const published = parsed.publishedAt ? parsed.publishedAt.slice(0, 10) : null;
    return { id: req.id, ok: true, parsed, extracted: req.extract === false ? null : extractVerdicts(parsed.text, { published }) };
  } catch {
    return { id: req.id, ok: false };
  }
}
