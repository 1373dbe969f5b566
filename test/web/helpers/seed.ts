/** Test data for the web tests: plain INSERTs, independent of the pipeline's store modules. */
import type { Db } from '../../../src/store/db.ts';
import { hashPassword } from '../../../src/web/passwords.ts';

let counter = 0;

export async function seedUser(db: Db, username: string, password: string, role: 'reviewer' | 'admin' = 'reviewer'): Promise<number> {
  const rows = await db.query<{ id: number }>(`INSERT INTO users (username, password_hash, role) VALUES ($1, $2, $3) RETURNING id`, [
    username, await hashPassword(password), role,
  ]);
  return rows[0]!.id;
}

export async function seedSource(db: Db, id: string, name = id): Promise<void> {
  await db.query(`INSERT INTO sources (id, name, kind, url) VALUES ($1, $2, 'rss', $3) ON CONFLICT (id) DO NOTHING`, [id, name, `https://${id}.example/feed`]);
}

export async function seedPage(db: Db, body: string, sourceId: string | null = null): Promise<number> {
  counter += 1;
  const rows = await db.query<{ id: number }>(
    `INSERT INTO pages (source_id, url, final_url, status, body, content_type, charset, content_hash)
     VALUES ($1, $2, $2, 200, $3, 'text/html', 'utf-8', $4) RETURNING id`,
    [sourceId, `https://news.example/p/${counter}-${Date.now()}`, Buffer.from(body, 'utf8'), `hash-${counter}-${Math.random()}`],
  );
  return rows[0]!.id;
}

export async function seedArticle(
  db: Db,
  a: { title: string; text: string; sourceId?: string | null; url?: string; pageId?: number | null; published?: string },
): Promise<number> {
  counter += 1;
  const rows = await db.query<{ id: number }>(
    `INSERT INTO articles (canonical_url, source_id, page_id, title, published_at, text, text_hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [a.url ?? `https://news.example/a/${counter}-${Math.random().toString(36).slice(2)}`, a.sourceId ?? null, a.pageId ?? null, a.title,
      a.published ?? '2024-05-01T10:00:00Z', a.text, `th-${counter}-${Math.random()}`],
  );
  return rows[0]!.id;
}

export interface SeedRecord {
  name?: string | null;
  count?: number;
  age?: number | null;
  charges?: string[];
  court?: string | null;
  sentenceKind?: string | null;
  months?: number | null;
  verdictDate?: string | null;
  status?: string;
  reviewStatus?: 'pending' | 'accepted' | 'rejected';
  evidence?: Record<string, [number, number][]>;
  rules?: Record<string, string>;
  caseId?: number | null;
}

export async function seedRecord(db: Db, articleId: number, r: SeedRecord): Promise<number> {
  counter += 1;
  const rows = await db.query<{ id: number }>(
    `INSERT INTO records (article_id, record_key, name, name_key, count, age, charges, court, sentence_kind, sentence_months,
                          verdict_date, verdict_date_precision, status, evidence, rules, confidence, extractor_version, review_status, case_id)
     VALUES ($1, $2, $3, lower($3), $4, $5, $6, $7, $8, $9, $10, CASE WHEN $10::date IS NULL THEN NULL ELSE 'day' END, $11, $12, $13, 0.8, 'test-1', $14, $15)
     RETURNING id`,
    [articleId, `k${counter}`, r.name === undefined ? `Defendant ${counter}` : r.name, r.count ?? 1, r.age ?? null, r.charges ?? [],
      r.court ?? null, r.sentenceKind ?? null, r.months ?? null, r.verdictDate ?? null, r.status ?? 'convicted',
      JSON.stringify(r.evidence ?? {}), JSON.stringify(r.rules ?? {}), r.reviewStatus ?? 'pending', r.caseId ?? null],
  );
  return rows[0]!.id;
}

export async function seedCase(db: Db, nameKey: string, courtKey: string | null = null, verdictDate: string | null = null): Promise<number> {
  const rows = await db.query<{ id: number }>(`INSERT INTO cases (name_key, court_key, verdict_date) VALUES ($1, $2, $3) RETURNING id`, [nameKey, courtKey, verdictDate]);
  return rows[0]!.id;
}
