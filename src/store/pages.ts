/** Raw fetched pages. A page is identified by its final URL and content hash, so refetching an unchanged
 * page stores nothing new and tells the caller not to re-extract it. */
import type { Queryable } from './db.ts';

export type PageOrigin = 'live' | 'wayback' | 'warc' | 'sitemap' | 'dir';

export interface PageInput {
  sourceId: string | null;
  url: string;
  finalUrl: string;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  contentType: string | null;
  charset: string | null;
  contentHash: string;
  fetchedAt: Date;
  origin: PageOrigin;
  archivedAt: Date | null;
}

export interface StoredPage extends PageInput {
  id: number;
}

/** Returns the page id and whether this exact content was new. */
export async function insertPage(db: Queryable, page: PageInput): Promise<{ id: number; isNew: boolean }> {
  const rows = await db.query<{ id: number; is_new: boolean }>(
    `INSERT INTO pages (source_id, url, final_url, status, headers, body, content_type, charset, content_hash,
                        origin, archived_at, fetched_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (final_url, content_hash) DO UPDATE SET fetched_at = EXCLUDED.fetched_at
     RETURNING id, (xmax = 0) AS is_new`,
    [
      page.sourceId, page.url, page.finalUrl, page.status, JSON.stringify(page.headers), page.body, page.contentType,
      page.charset, page.contentHash, page.origin, page.archivedAt, page.fetchedAt,
    ],
  );
  const row = rows[0]!;
  return { id: row.id, isNew: row.is_new };
}

interface PageRow {
  id: number;
  source_id: string | null;
  url: string;
  final_url: string;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  content_type: string | null;
  charset: string | null;
  content_hash: string;
  fetched_at: Date;
  origin: PageOrigin;
  archived_at: Date | null;
}

function toPage(r: PageRow): StoredPage {
  return {
    id: r.id, sourceId: r.source_id, url: r.url, finalUrl: r.final_url, status: r.status, headers: r.headers, body: r.body,
    contentType: r.content_type, charset: r.charset, contentHash: r.content_hash, fetchedAt: r.fetched_at, origin: r.origin,
    archivedAt: r.archived_at,
  };
}

export async function getPage(db: Queryable, id: number): Promise<StoredPage | null> {
  const rows = await db.query<PageRow & Record<string, unknown>>('SELECT * FROM pages WHERE id = $1', [id]);
  return rows[0] ? toPage(rows[0]) : null;
}

/** True when a page with this URL (as requested or final) is already stored: backfills skip it. */
export async function hasPageForUrl(db: Queryable, url: string): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM pages WHERE final_url = $1 OR url = $1 LIMIT 1', [url]);
  return rows.length > 0;
}
