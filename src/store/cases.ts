/**
 * Cases: the same verdict reported by several articles. The extraction store assigns case_id on insert
 * (normalised name plus court or date); reviewers merge and split cases here, each move audited.
 * Cases are never deleted: alert_deliveries refer to them, and deleting would let an alert fire twice.
 */
import type { Db, Queryable } from './db.ts';
import { insertEvent, type Reviewer } from './review.ts';

export type CaseSummary = {
  id: number;
  name_key: string | null;
  court_key: string | null;
  verdict_date: string | null;
  records: number;
  articles: number;
  names: string[];
  pending: number;
};

/** Cases with their record counts, newest first; `multi` keeps only cases reported by 2+ records. */
export async function listCases(db: Queryable, opts: { q?: string; multi?: boolean; limit: number; beforeId?: number }): Promise<CaseSummary[]> {
  const params: unknown[] = [];
  const where: string[] = [];
  if (opts.q) {
    params.push(`%${opts.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
    where.push(`EXISTS (SELECT 1 FROM records x WHERE x.case_id = c.id AND x.name ILIKE $${params.length})`);
  }
  if (opts.beforeId) {
    params.push(opts.beforeId);
    where.push(`c.id < $${params.length}`);
  }
  params.push(opts.multi ? 2 : 1, opts.limit);
  return db.query<CaseSummary>(
    `SELECT c.id, c.name_key, c.court_key, c.verdict_date, s.records, s.articles, s.names, s.pending
       FROM cases c
       JOIN LATERAL (SELECT count(*)::int AS records, count(DISTINCT r.article_id)::int AS articles,
                            array_remove(array_agg(DISTINCT r.name), NULL) AS names,
                            count(*) FILTER (WHERE r.review_status = 'pending')::int AS pending
                       FROM records r WHERE r.case_id = c.id) s ON s.records >= $${params.length - 1}
      WHERE ${where.length ? where.join(' AND ') : 'true'}
      ORDER BY c.id DESC LIMIT $${params.length}`,
    params,
  );
}

export type CaseRecord = {
  id: number;
  name: string | null;
  count: number;
  age: number | null;
  charges: string[];
  court: string | null;
  sentence_kind: string | null;
  sentence_months: number | null;
  verdict_date: string | null;
  status: string;
  review_status: string;
  article_id: number;
  title: string | null;
  canonical_url: string;
  source_id: string | null;
};

export async function getCase(db: Queryable, id: number): Promise<{ summary: CaseSummary; records: CaseRecord[] } | null> {
  const rows = await db.query<CaseSummary>(
    `SELECT c.id, c.name_key, c.court_key, c.verdict_date,
            (SELECT count(*)::int FROM records r WHERE r.case_id = c.id) AS records,
            (SELECT count(DISTINCT r.article_id)::int FROM records r WHERE r.case_id = c.id) AS articles,
            ARRAY(SELECT DISTINCT r.name FROM records r WHERE r.case_id = c.id AND r.name IS NOT NULL) AS names,
            (SELECT count(*)::int FROM records r WHERE r.case_id = c.id AND r.review_status = 'pending') AS pending
       FROM cases c WHERE c.id = $1`,
    [id],
  );
  if (!rows[0]) return null;
  const records = await db.query<CaseRecord>(
    `SELECT r.id, r.name, r.count, r.age, r.charges, r.court, r.sentence_kind, r.sentence_months, r.verdict_date, r.status,
            r.review_status, r.article_id, a.title, a.canonical_url, a.source_id
       FROM records r JOIN articles a ON a.id = r.article_id WHERE r.case_id = $1 ORDER BY a.published_at NULLS LAST, r.id`,
    [id],
  );
  return { summary: rows[0], records };
}

async function moveRecords(tx: Queryable, who: Reviewer, recordIds: number[], toCase: number, action: string): Promise<number> {
  const moved = await tx.query<{ id: number; old_case: number | null }>(
    `UPDATE records r SET case_id = $2, updated_at = now()
       FROM (SELECT id, case_id FROM records WHERE id = ANY($1::bigint[]) FOR UPDATE) old
      WHERE r.id = old.id AND old.case_id IS DISTINCT FROM $2
      RETURNING r.id, old.case_id AS old_case`,
    [recordIds, toCase],
  );
  for (const m of moved) {
    await insertEvent(tx, who, { recordId: m.id, caseId: toCase, action, field: 'case_id', oldValue: m.old_case, newValue: toCase });
  }
  return moved.length;
}

/** Moves every record of the `from` cases into `into`. Returns how many records moved. */
export async function mergeCases(db: Db, into: number, from: number[], who: Reviewer): Promise<number> {
  return db.withTransaction(async (tx) => {
    const target = await tx.query(`SELECT id FROM cases WHERE id = $1 FOR UPDATE`, [into]);
    if (target.length === 0) return 0;
    const ids = await tx.query<{ id: number }>(`SELECT id FROM records WHERE case_id = ANY($1::bigint[]) AND case_id <> $2`, [from, into]);
    return moveRecords(tx, who, ids.map((r) => r.id), into, 'merge_case');
  });
}

/** Moves the given records of a case into a new case (keys copied from the first). Returns the new case id. */
export async function splitCase(db: Db, caseId: number, recordIds: number[], who: Reviewer): Promise<number | null> {
  return db.withTransaction(async (tx) => {
    const own = await tx.query<{ id: number }>(`SELECT id FROM records WHERE case_id = $1 AND id = ANY($2::bigint[]) ORDER BY id`, [caseId, recordIds]);
    if (own.length === 0) return null;
    const created = await tx.query<{ id: number }>(
      `INSERT INTO cases (name_key, court_key, verdict_date)
       SELECT r.name_key, c.court_key, COALESCE(r.verdict_date, c.verdict_date) FROM records r JOIN cases c ON c.id = r.case_id WHERE r.id = $1
       RETURNING id`,
      [own[0]!.id],
    );
    const newId = created[0]!.id;
    await moveRecords(tx, who, own.map((r) => r.id), newId, 'split_case');
    return newId;
  });
}

/** Puts a record into an existing case (the record-view "same verdict as case N" action). */
export async function assignRecordToCase(db: Db, recordId: number, caseId: number, who: Reviewer): Promise<boolean> {
  return db.withTransaction(async (tx) => {
    const target = await tx.query(`SELECT id FROM cases WHERE id = $1`, [caseId]);
    if (target.length === 0) return false;
    await moveRecords(tx, who, [recordId], caseId, 'merge_case');
    return true;
  });
}
