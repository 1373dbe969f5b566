/**
 * The pipeline's steps as plain functions of their input: discover -> fetch -> extract -> store.
 * BullMQ wiring lives in queue-runtime.ts; backfill and re-extraction call these directly.
 */
import { createHash } from 'node:crypto';
import type { SourceDefinition } from '../config.ts';
import type { Crawler, DiscoveredUrl, FetchedPage, ParsedArticle } from '../crawlers/types.ts';
import { NotAnArticleError, PayloadValidationError } from '../errors.ts';
import type { ExtractOptions, ExtractResult, VerdictRecord } from '../extract/types.ts';
import type { Logger } from '../log.ts';
import { markExtracted, upsertArticle } from '../store/articles.ts';
import type { Db } from '../store/db.ts';
import { getPage, insertPage, type PageOrigin, type StoredPage } from '../store/pages.ts';
import { replaceArticleRecords, type RecordWriteSummary } from '../store/records.ts';
import { getDiscoveryState, recordDiscoverySuccess } from '../store/sources.ts';

export interface PipelineDeps {
  db: Db;
  crawler: Pick<Crawler, 'discover' | 'fetch'>;
  sources: ReadonlyMap<string, SourceDefinition>;
  parseArticle: (page: FetchedPage, source?: SourceDefinition) => ParsedArticle;
  extract: (text: string, options: ExtractOptions) => ExtractResult;
  extractorVersion: string;
  log: Logger;
}

export function sourceOf(deps: Pick<PipelineDeps, 'sources'>, sourceId: string | null): SourceDefinition | undefined {
  if (sourceId === null) return undefined;
  const source = deps.sources.get(sourceId);
  if (!source) throw new PayloadValidationError(`unknown source "${sourceId}": not in the sources file`);
  return source;
}

/** Finds the source's article URLs. An unchanged feed or sitemap costs one conditional request. */
export async function discoverSource(deps: PipelineDeps, sourceId: string): Promise<{ urls: DiscoveredUrl[]; notModified: boolean }> {
  const source = sourceOf(deps, sourceId)!;
  const previous = (await getDiscoveryState(deps.db, sourceId)) ?? {};
  const result = await deps.crawler.discover(source, previous);
  await recordDiscoverySuccess(deps.db, sourceId, result.state);
  return { urls: result.urls, notModified: result.notModified };
}

export interface PageMeta {
  sourceId: string | null;
  origin: PageOrigin;
  archivedAt?: Date | null;
}

/** Stores the raw page; `isNew` is false when these exact bytes at this URL were stored before. */
export async function storePage(deps: Pick<PipelineDeps, 'db'>, page: FetchedPage, meta: PageMeta): Promise<{ pageId: number; isNew: boolean }> {
  const { id, isNew } = await insertPage(deps.db, { ...page, sourceId: meta.sourceId, origin: meta.origin, archivedAt: meta.archivedAt ?? null });
  return { pageId: id, isNew };
}

/** Fetches a URL and stores the page. */
export async function fetchAndStorePage(
  deps: PipelineDeps,
  input: { sourceId: string | null; url: string },
): Promise<{ pageId: number; isNew: boolean }> {
  const source = sourceOf(deps, input.sourceId);
  if (!source) throw new PayloadValidationError(`fetch ${input.url}: a live fetch needs a configured source`);
  const page = await deps.crawler.fetch(input.url, source);
  return storePage(deps, page, { sourceId: input.sourceId, origin: 'live' });
}

/** Problems that make a record unfit to store (checked before any insert). */
export function sanityProblems(record: VerdictRecord, today = new Date()): string[] {
  const problems: string[] = [];
  if (record.name !== null && record.name.trim() === '') problems.push('empty name');
  if (record.name === null && record.count < 2) problems.push('unnamed record that is not a group');
  if (record.age !== null && (record.age < 0 || record.age > 120)) problems.push(`implausible age ${record.age}`);
  if (record.ageRange && (record.ageRange[0] > record.ageRange[1] || record.ageRange[0] < 0 || record.ageRange[1] > 120)) {
    problems.push(`implausible age range ${record.ageRange.join('-')}`);
  }
  if (record.verdictDate && record.verdictDate > today.toISOString().slice(0, 10)) problems.push(`verdict date ${record.verdictDate} is in the future`);
  if (record.sentence?.months !== null && record.sentence?.months !== undefined && record.sentence.months < 0) problems.push('negative sentence');
  return problems;
}

export interface ExtractOutcome {
  articleId: number;
  /** false when the article's text and the extractor version are unchanged since the last run */
  extracted: boolean;
  summary: RecordWriteSummary | null;
}

function isHtmlPage(page: StoredPage): boolean {
  return page.status >= 200 && page.status < 300 && (page.contentType === null || /html|xml/i.test(page.contentType));
}

/**
 * Turns a stored page into an article and its records, in one transaction: a crash leaves either the
 * previous state or the new one, never half of it.
 */
export async function extractStoredPage(
  deps: PipelineDeps,
  pageId: number,
  options: { force?: boolean; /** the page as just stored, saving a read of its bytes */ page?: StoredPage } = {},
): Promise<ExtractOutcome> {
  const page = options.page ?? (await getPage(deps.db, pageId));
  if (!page) throw new PayloadValidationError(`page ${pageId} does not exist`);
  if (!isHtmlPage(page)) throw new NotAnArticleError(page.finalUrl, `status ${page.status}, content type ${page.contentType ?? 'unknown'}`);
  const source = page.sourceId ? deps.sources.get(page.sourceId) : undefined;
  const parsed = deps.parseArticle(page, source);
  const textHash = createHash('sha256').update(parsed.text).digest('hex');
  const published = parsed.publishedAt ? parsed.publishedAt.slice(0, 10) : null;
  return deps.db.withTransaction(async (tx) => {
    const article = await upsertArticle(
      tx,
      {
        canonicalUrl: parsed.canonicalUrl, sourceId: page.sourceId, pageId: page.id, title: parsed.title, author: parsed.author,
        publishedAt: parsed.publishedAt, language: parsed.language, text: parsed.text, textHash,
      },
      deps.extractorVersion,
    );
    if (!article.needsExtraction && !options.force) return { articleId: article.id, extracted: false, summary: null };
    const { records } = deps.extract(parsed.text, { published });
    const fit = records.filter((r) => {
      const problems = sanityProblems(r);
      if (problems.length) deps.log.warn({ pageId, url: page.finalUrl, problems }, 'record skipped: failed sanity check');
      return problems.length === 0;
    });
    const summary = await replaceArticleRecords(tx, article.id, fit, deps.extractorVersion);
    await markExtracted(tx, article.id, deps.extractorVersion);
    return { articleId: article.id, extracted: true, summary };
  });
}

/**
 * Stores an already-fetched page (backfill) and extracts it. Extraction runs even when the page was
 * stored before: a crash between the two steps must not leave a stored page that is never extracted,
 * and extracting an unchanged article is a cheap no-op.
 */
export async function ingestPage(deps: PipelineDeps, page: FetchedPage, meta: PageMeta): Promise<{ pageId: number; isNew: boolean; outcome: ExtractOutcome }> {
  const stored = await storePage(deps, page, meta);
  const asStored: StoredPage = { ...page, id: stored.pageId, sourceId: meta.sourceId, origin: meta.origin, archivedAt: meta.archivedAt ?? null };
  return { ...stored, outcome: await extractStoredPage(deps, stored.pageId, { page: asStored }) };
}
