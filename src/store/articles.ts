/** Articles: one row per canonical URL, whichever URL or page it was reached through. */
import type { Queryable } from './db.ts';

export interface ArticleInput {
  canonicalUrl: string;
  sourceId: string | null;
  pageId: number | null;
  title: string | null;
  author: string | null;
  publishedAt: string | null;
  language: string | null;
  text: string;
  textHash: string;
}

export interface ArticleRow {
  id: number;
  canonical_url: string;
  source_id: string | null;
  page_id: number | null;
  title: string | null;
  published_at: Date | null;
  language: string | null;
  text: string;
  text_hash: string;
  extractor_version: string | null;
}

/**
 * Inserts or updates the article. Returns its id and whether its text or the extractor changed since the
 * last extraction (false means the stored records are already what the rules would produce).
 */
export async function upsertArticle(
  db: Queryable,
  article: ArticleInput,
  extractorVersion: string,
): Promise<{ id: number; needsExtraction: boolean }> {
  const rows = await db.query<{ id: number; needs: boolean }>(
    `WITH prev AS (SELECT text_hash, extractor_version FROM articles WHERE canonical_url = $1)
     INSERT INTO articles (canonical_url, source_id, page_id, title, author, published_at, language, text, text_hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (canonical_url) DO UPDATE SET
       source_id = COALESCE(articles.source_id, EXCLUDED.source_id),
       page_id = EXCLUDED.page_id, title = EXCLUDED.title, author = EXCLUDED.author,
       published_at = COALESCE(EXCLUDED.published_at, articles.published_at),
       language = EXCLUDED.language, text = EXCLUDED.text, text_hash = EXCLUDED.text_hash, updated_at = now()
     RETURNING id, NOT EXISTS (SELECT 1 FROM prev WHERE prev.text_hash = $9 AND prev.extractor_version = $10) AS needs`,
    [
      article.canonicalUrl, article.sourceId, article.pageId, article.title, article.author, article.publishedAt,
      article.language, article.text, article.textHash, extractorVersion,
    ],
  );
  return { id: rows[0]!.id, needsExtraction: rows[0]!.needs };
}

export async function markExtracted(db: Queryable, articleId: number, extractorVersion: string): Promise<void> {
  await db.query('UPDATE articles SET extractor_version = $2, extracted_at = now() WHERE id = $1', [articleId, extractorVersion]);
}

export async function getArticle(db: Queryable, id: number): Promise<ArticleRow | null> {
  const rows = await db.query<ArticleRow & Record<string, unknown>>(
    'SELECT id, canonical_url, source_id, page_id, title, published_at, language, text, text_hash, extractor_version FROM articles WHERE id = $1',
    [id],
  );
  return rows[0] ?? null;
}

export async function countArticles(db: Queryable): Promise<number> {
  const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM articles');
  return rows[0]!.n;
}
