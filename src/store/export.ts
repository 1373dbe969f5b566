/**
 * Export: one row per defendant. Records of one case are one defendant (their source URLs are listed
 * together); a record without a case stands alone. The row's facts come from the case's most
 * trustworthy record: reviewer-edited first, then most recently reviewed.
 */
import type { Queryable } from './db.ts';
import type { ReviewStatus } from './review.ts';

export type ExportRow = {
  case_id: number | null;
  record_ids: number[];
  name: string | null;
  count: number;
  age: number | null;
  age_min: number | null;
  age_max: number | null;
  charges: string[];
  court: string | null;
  sentence_kind: string | null;
  sentence_months: number | null;
  sentence_months_max: number | null;
  fine: string | null;
  verdict_date: string | null;
  verdict_date_precision: string | null;
  status: string;
  review_status: string;
  reviewed_by: string | null;
  source_urls: string[];
};

export const EXPORT_COLUMNS: readonly (keyof ExportRow)[] = [
  'case_id', 'record_ids', 'name', 'count', 'age', 'age_min', 'age_max', 'charges', 'court', 'sentence_kind',
  'sentence_months', 'sentence_months_max', 'fine', 'verdict_date', 'verdict_date_precision', 'status', 'review_status',
  'reviewed_by', 'source_urls',
];

/** Rows for export, optionally only of one review status, ordered by verdict date then id. */
export async function listExportRows(db: Queryable, opts: { reviewStatus?: ReviewStatus }): Promise<ExportRow[]> {
  const rows = await db.query<ExportRow>(
    `WITH chosen AS (
       SELECT r.*, a.canonical_url, COALESCE('c' || r.case_id, 'r' || r.id) AS grp
         FROM records r JOIN articles a ON a.id = r.article_id
        WHERE $1::text IS NULL OR r.review_status = $1
     ), best AS (
       SELECT DISTINCT ON (grp) * FROM chosen ORDER BY grp, edited DESC, reviewed_at DESC NULLS LAST, id
     ), grouped AS (
       SELECT grp, array_agg(id ORDER BY id) AS record_ids, array_agg(DISTINCT canonical_url) AS source_urls FROM chosen GROUP BY grp
     )
     SELECT b.case_id, g.record_ids, b.name, b.count, b.age, b.age_min, b.age_max, b.charges, b.court, b.sentence_kind,
            b.sentence_months, b.sentence_months_max, b.fine, b.verdict_date, b.verdict_date_precision, b.status,
            b.review_status, b.reviewed_by, g.source_urls
       FROM best b JOIN grouped g USING (grp)
      ORDER BY b.verdict_date NULLS LAST, b.id`,
    [opts.reviewStatus ?? null],
  );
  // pg returns bigint[] elements as strings (the scalar int8 parser does not apply inside arrays)
  return rows.map((r) => ({ ...r, record_ids: r.record_ids.map(Number) }));
}
