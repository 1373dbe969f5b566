/** Seeds many records at once (INSERT ... SELECT generate_series), for query-plan tests and the bench. */
import type { Db } from '../../../src/store/db.ts';

export async function seedBulkRecords(db: Db, count: number): Promise<void> {
  const articles = Math.ceil(count / 2);
  await db.query(`INSERT INTO sources (id, name, kind, url) SELECT 'bulk-' || g, 'Bulk ' || g, 'rss', 'https://bulk' || g || '.example/feed' FROM generate_series(0, 4) g`);
  await db.query(
    `INSERT INTO articles (canonical_url, source_id, title, text, text_hash, published_at)
     SELECT 'https://bulk.example/' || g, 'bulk-' || (g % 5), 'Article ' || g, 'Text of article ' || g, 'h' || g, now() - g * interval '1 hour'
       FROM generate_series(1, $1::int) g`,
    [articles],
  );
  await db.query(
    `INSERT INTO records (article_id, record_key, name, name_key, charges, court, sentence_kind, sentence_months, verdict_date,
                          verdict_date_precision, status, extractor_version, review_status, confidence)
     SELECT a.id, 'k' || g, 'Person ' || substr(md5(g::text), 1, 8), 'person ' || substr(md5(g::text), 1, 8),
            ARRAY['charge ' || (g % 20)], 'Court ' || (g % 30), 'prison', g % 240,
            CASE WHEN g % 50 = 0 THEN NULL ELSE date '2015-01-01' + (g % 3650) END, 'day', 'convicted', 'bulk',
            CASE WHEN g % 10 < 6 THEN 'pending' WHEN g % 10 < 9 THEN 'accepted' ELSE 'rejected' END, 0.5
       FROM generate_series(1, $1::int) g JOIN articles a ON a.canonical_url = 'https://bulk.example/' || ((g + 1) / 2)`,
    [count],
  );
  // autovacuum's steady state: visibility map set, so counts can be index-only scans
  await db.query('VACUUM ANALYZE records');
  await db.query('ANALYZE');
}
