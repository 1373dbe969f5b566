/**
 * The review queue and reviewers' changes to records. Every change writes review_events rows (who, when,
 * field, old, new) in the same transaction as the change itself, so the trail can never disagree with
 * the data.
 */
import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from './db.ts';
import { caseNameKey } from './records.ts';

export type ReviewStatus = 'pending' | 'accepted' | 'rejected';
export const REVIEW_STATUSES: readonly ReviewStatus[] = ['pending', 'accepted', 'rejected'];
export const VERDICT_STATUSES = ['convicted', 'acquitted', 'charged_only', 'appeal_upheld', 'appeal_reduced'] as const;
export const SENTENCE_KINDS = [
  'prison', 'suspended', 'probation', 'restricted_freedom', 'fine', 'life', 'death', 'acquitted', 'community', 'other',
] as const;

export interface Reviewer {
  id: number;
  username: string;
}

/** Columns a reviewer may edit, with their type and the evidence field (VerdictRecord key) they belong to. */
export const EDITABLE_FIELDS = {
  name: { type: 'text', evidence: 'name' },
  count: { type: 'int', evidence: 'count' },
  age: { type: 'int', evidence: 'age' },
  age_min: { type: 'int', evidence: 'ageRange' },
  age_max: { type: 'int', evidence: 'ageRange' },
  charges: { type: 'text[]', evidence: 'charges' },
  court: { type: 'text', evidence: 'court' },
  sentence_kind: { type: 'text', evidence: 'sentence' },
  sentence_months: { type: 'numeric', evidence: 'sentence' },
  sentence_months_max: { type: 'numeric', evidence: 'sentence' },
  fine: { type: 'text', evidence: 'sentence' },
  verdict_date: { type: 'date', evidence: 'verdictDate' },
  verdict_date_precision: { type: 'text', evidence: 'verdictDate' },
  status: { type: 'text', evidence: 'status' },
} as const;
export type EditableField = keyof typeof EDITABLE_FIELDS;
export type FieldValue = string | number | string[] | null;
export type RecordFields = { [K in EditableField]: FieldValue };

export interface QueueFilters {
  source?: string;
  court?: string;
  charge?: string;
  reviewStatus?: ReviewStatus;
  verdictStatus?: string;
  dateFrom?: string;
  dateTo?: string;
  monthsMin?: number;
  monthsMax?: number;
  /** free text over defendants' names */
  q?: string;
}

/** Position in the queue order: (pending first, newest verdict date, newest id). */
export interface QueueKey {
  pending: boolean;
  date: string;
  id: number;
}

export type QueueRow = RecordFields & {
  id: number;
  review_status: ReviewStatus;
  edited: boolean;
  confidence: number;
  case_id: number | null;
  has_conflict: boolean;
  article_id: number;
  title: string | null;
  source_id: string | null;
  sort_pending: boolean;
  sort_date: string;
};

const ORDER_KEY = `(r.review_status = 'pending'), COALESCE(r.verdict_date, '-infinity'::date), r.id`;
const FIELD_COLUMNS = Object.keys(EDITABLE_FIELDS).map((c) => `r.${c}`).join(', ');

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** WHERE clause for the filters; pushes parameters onto `params`. */
function filterSql(f: QueueFilters, params: unknown[]): string {
  const where: string[] = [];
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (f.source) where.push(`r.article_id IN (SELECT id FROM articles WHERE source_id = ${add(f.source)})`);
  if (f.court) where.push(`r.court ILIKE ${add(`%${escapeLike(f.court)}%`)}`);
  if (f.charge) where.push(`EXISTS (SELECT 1 FROM unnest(r.charges) c WHERE c ILIKE ${add(`%${escapeLike(f.charge)}%`)})`);
  if (f.reviewStatus) where.push(`r.review_status = ${add(f.reviewStatus)}`);
  if (f.verdictStatus) where.push(`r.status = ${add(f.verdictStatus)}`);
  if (f.dateFrom) where.push(`r.verdict_date >= ${add(f.dateFrom)}::date`);
  if (f.dateTo) where.push(`r.verdict_date <= ${add(f.dateTo)}::date`);
  if (f.monthsMin !== undefined) where.push(`r.sentence_months >= ${add(f.monthsMin)}`);
  if (f.monthsMax !== undefined) where.push(`r.sentence_months <= ${add(f.monthsMax)}`);
  if (f.q) where.push(`r.name ILIKE ${add(`%${escapeLike(f.q)}%`)}`);
  return where.length ? where.join(' AND ') : 'true';
}

/**
 * SQL and parameters for one queue page. `after` continues past a key (next page); `before` reads the
 * page preceding a key (previous page, returned in queue order). Keyset pagination: the cost of a page
 * does not grow with its depth.
 */
export function queuePageQuery(
  f: QueueFilters,
  page: { limit: number; after?: QueueKey; before?: QueueKey },
): { sql: string; params: unknown[]; reversed: boolean } {
  const params: unknown[] = [];
  let where = filterSql(f, params);
  const key = page.after ?? page.before;
  const reversed = !page.after && !!page.before;
  // Under a review-status filter the "pending first" part of the order is constant, so the shorter key
  // lets Postgres read records_status_queue_idx in order.
  const byStatus = f.reviewStatus !== undefined;
  if (key) {
    const op = reversed ? '>' : '<';
    if (byStatus) {
      params.push(key.date, key.id);
      where += ` AND (COALESCE(r.verdict_date, '-infinity'::date), r.id) ${op} ($${params.length - 1}::date, $${params.length}::bigint)`;
    } else {
      params.push(key.pending, key.date, key.id);
      const n = params.length;
      where += ` AND (${ORDER_KEY}) ${op} ($${n - 2}::boolean, $${n - 1}::date, $${n}::bigint)`;
    }
  }
  params.push(page.limit);
  const dir = reversed ? 'ASC' : 'DESC';
  const pendingOrder = byStatus ? '' : `(r.review_status = 'pending') ${dir}, `;
  const sql = `
    SELECT r.id, ${FIELD_COLUMNS}, r.review_status, r.edited, r.confidence, r.case_id, r.conflict IS NOT NULL AS has_conflict,
           r.article_id, a.title, a.source_id,
           (r.review_status = 'pending') AS sort_pending, COALESCE(r.verdict_date, '-infinity'::date) AS sort_date
      FROM records r JOIN articles a ON a.id = r.article_id
     WHERE ${where}
     ORDER BY ${pendingOrder}COALESCE(r.verdict_date, '-infinity'::date) ${dir}, r.id ${dir}
     LIMIT $${params.length}`;
  return { sql, params, reversed };
}

export function queueKeyOf(row: Pick<QueueRow, 'sort_pending' | 'sort_date' | 'id'>): QueueKey {
  return { pending: row.sort_pending, date: row.sort_date, id: row.id };
}

export async function listQueue(
  db: Queryable,
  f: QueueFilters,
  page: { limit: number; after?: QueueKey; before?: QueueKey },
): Promise<QueueRow[]> {
  const q = queuePageQuery(f, page);
  const rows = await db.query<QueueRow>(q.sql, q.params);
  return q.reversed ? rows.reverse() : rows;
}

/** Number of records per review status under the filters (the review-status filter itself is ignored). */
export async function countByStatus(db: Queryable, f: QueueFilters): Promise<Record<ReviewStatus, number>> {
  const params: unknown[] = [];
  const where = filterSql({ ...f, reviewStatus: undefined }, params);
  const rows = await db.query<{ review_status: ReviewStatus; n: number }>(
    `SELECT r.review_status, count(*)::int AS n FROM records r WHERE ${where} GROUP BY r.review_status`,
    params,
  );
  const counts: Record<ReviewStatus, number> = { pending: 0, accepted: 0, rejected: 0 };
  for (const row of rows) counts[row.review_status] = row.n;
  return counts;
}

export type RecordDetail = QueueRow & {
  record_key: string;
  evidence: Record<string, unknown>;
  rules: Record<string, unknown>;
  conflict: unknown;
  extractor_version: string;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  text: string;
  canonical_url: string;
  published_at: Date | null;
  page_id: number | null;
};

export async function getRecord(db: Queryable, id: number): Promise<RecordDetail | null> {
  const rows = await db.query<RecordDetail>(
    `SELECT r.id, ${FIELD_COLUMNS}, r.review_status, r.edited, r.confidence, r.case_id, r.conflict IS NOT NULL AS has_conflict,
            r.article_id, a.title, a.source_id, (r.review_status = 'pending') AS sort_pending,
            COALESCE(r.verdict_date, '-infinity'::date) AS sort_date, r.record_key, r.evidence, r.rules, r.conflict,
            r.extractor_version, r.reviewed_by, r.reviewed_at, a.text, a.canonical_url, a.published_at, a.page_id
       FROM records r JOIN articles a ON a.id = r.article_id WHERE r.id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

/** The records just after and just before `key` in the filtered queue order (for j / k). */
export async function queueNeighbours(db: Queryable, f: QueueFilters, key: QueueKey): Promise<{ next: number | null; prev: number | null }> {
  const [next] = await listQueue(db, f, { limit: 1, after: key });
  const [prev] = await listQueue(db, f, { limit: 1, before: key });
  return { next: next?.id ?? null, prev: prev?.id ?? null };
}

export type ReviewEvent = {
  id: number;
  record_id: number | null;
  case_id: number | null;
  username: string;
  action: string;
  field: string | null;
  old_value: unknown;
  new_value: unknown;
  created_at: Date;
};

export async function listRecordEvents(db: Queryable, recordId: number): Promise<ReviewEvent[]> {
  return db.query<ReviewEvent>(
    `SELECT id, record_id, case_id, username, action, field, old_value, new_value, created_at
       FROM review_events WHERE record_id = $1 ORDER BY created_at, id`,
    [recordId],
  );
}

export async function insertEvent(
  tx: Queryable,
  who: Reviewer,
  e: { recordId: number | null; caseId?: number | null; action: string; field?: string | null; oldValue?: unknown; newValue?: unknown },
): Promise<void> {
  await tx.query(
    `INSERT INTO review_events (record_id, case_id, user_id, username, action, field, old_value, new_value)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb)`,
    [e.recordId, e.caseId ?? null, who.id, who.username, e.action, e.field ?? null,
      e.oldValue === undefined ? null : JSON.stringify(e.oldValue), e.newValue === undefined ? null : JSON.stringify(e.newValue)],
  );
}

async function lockRecord(tx: Queryable, id: number): Promise<(RecordFields & { review_status: ReviewStatus; article_id: number; case_id: number | null; extractor_version: string }) | null> {
  const rows = await tx.query<RecordFields & { review_status: ReviewStatus; article_id: number; case_id: number | null; extractor_version: string }>(
    `SELECT ${FIELD_COLUMNS}, r.review_status, r.article_id, r.case_id, r.extractor_version FROM records r WHERE r.id = $1 FOR UPDATE`,
    [id],
  );
  return rows[0] ?? null;
}

/** Accepts or rejects a record. Returns false when the record does not exist. */
export async function setReviewStatus(db: Db, id: number, who: Reviewer, status: ReviewStatus): Promise<boolean> {
  return db.withTransaction(async (tx) => {
    const rec = await lockRecord(tx, id);
    if (!rec) return false;
    if (rec.review_status === status) return true; // a repeated click changes nothing and leaves no event
    await tx.query(
      `UPDATE records SET review_status = $2, reviewed_by = $3, reviewed_at = now(), updated_at = now() WHERE id = $1`,
      [id, status, who.username],
    );
    const action = status === 'accepted' ? 'accept' : status === 'rejected' ? 'reject' : 'reopen';
    await insertEvent(tx, who, { recordId: id, caseId: rec.case_id, action, field: 'review_status', oldValue: rec.review_status, newValue: status });
    return true;
  });
}

function sameValue(a: FieldValue, b: FieldValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Applies the changed fields (one review_events row per field that really changed) and marks the
 * record edited. Returns the names of the changed fields, or null when the record does not exist.
 */
export async function editRecord(db: Db, id: number, who: Reviewer, changes: Partial<RecordFields>): Promise<EditableField[] | null> {
  return db.withTransaction(async (tx) => {
    const rec = await lockRecord(tx, id);
    if (!rec) return null;
    const changed = (Object.keys(changes) as EditableField[]).filter((f) => f in EDITABLE_FIELDS && !sameValue(rec[f], changes[f] ?? null));
    if (changed.length === 0) return [];
    const sets = changed.map((f, i) => `${f} = $${i + 2}`);
    const values: unknown[] = changed.map((f) => changes[f] ?? null);
    // A corrected name must also match the same defendant in later articles (case grouping).
    if (changed.includes('name')) {
      values.push(typeof changes.name === 'string' ? caseNameKey(changes.name) : null);
      sets.push(`name_key = $${values.length + 1}`);
    }
    await tx.query(
      `UPDATE records SET ${sets.join(', ')}, edited = true, reviewed_by = $${values.length + 2}, reviewed_at = now(), updated_at = now() WHERE id = $1`,
      [id, ...values, who.username],
    );
    for (const f of changed) {
      await insertEvent(tx, who, { recordId: id, caseId: rec.case_id, action: 'edit', field: f, oldValue: rec[f], newValue: changes[f] ?? null });
    }
    return changed;
  });
}

async function insertManualRecord(tx: Queryable, articleId: number, fields: Partial<RecordFields>, who: Reviewer): Promise<number> {
  const cols = (Object.keys(fields) as EditableField[]).filter((f) => f in EDITABLE_FIELDS && fields[f] !== undefined);
  const nameKey = typeof fields.name === 'string' ? caseNameKey(fields.name) : null;
  const params: unknown[] = [articleId, `manual:${randomUUID()}`, who.username, nameKey, ...cols.map((c) => fields[c] ?? null)];
  const rows = await tx.query<{ id: number }>(
    `INSERT INTO records (article_id, record_key, ordinal, extractor_version, review_status, edited, reviewed_by, reviewed_at, name_key${cols.map((c) => `, ${c}`).join('')})
     VALUES ($1, $2, (SELECT COALESCE(max(ordinal), -1) + 1 FROM records WHERE article_id = $1), 'manual', 'accepted', true, $3, now(), $4${cols.map((_, i) => `, $${i + 5}`).join('')})
     RETURNING id`,
    params,
  );
  return rows[0]!.id;
}

/** Adds a defendant the extractor missed to an article, as an accepted, reviewer-made record. */
export async function addDefendant(db: Db, articleId: number, who: Reviewer, fields: Partial<RecordFields> & { name: string; status: string }): Promise<number> {
  return db.withTransaction(async (tx) => {
    const id = await insertManualRecord(tx, articleId, fields, who);
    await insertEvent(tx, who, { recordId: id, action: 'add_defendant', field: null, oldValue: null, newValue: fields });
    return id;
  });
}

/**
 * Splits named defendants out of a group record ("the other 10 defendants"): each name becomes its own
 * record with the group's facts; the group's count shrinks, and a group left with nobody is rejected.
 * Returns the new records' ids, or null when the record does not exist.
 */
export async function splitGroup(db: Db, id: number, who: Reviewer, names: string[]): Promise<number[] | null> {
  return db.withTransaction(async (tx) => {
    const rec = await lockRecord(tx, id);
    if (!rec) return null;
    const ids: number[] = [];
    for (const name of names) {
      const { review_status: _s, article_id: _a, case_id: _c, extractor_version: _v, ...facts } = rec;
      const newId = await insertManualRecord(tx, rec.article_id, { ...facts, name, count: 1 }, who);
      await insertEvent(tx, who, { recordId: newId, caseId: rec.case_id, action: 'split_from', field: 'name', oldValue: { record: id }, newValue: name });
      ids.push(newId);
    }
    const oldCount = Number(rec.count ?? 1);
    const left = oldCount - names.length;
    await tx.query(`UPDATE records SET count = $2, edited = true, updated_at = now() WHERE id = $1`, [id, Math.max(1, left)]);
    await insertEvent(tx, who, { recordId: id, caseId: rec.case_id, action: 'split', field: 'count', oldValue: oldCount, newValue: Math.max(1, left) });
    if (left < 1) {
      await tx.query(`UPDATE records SET review_status = 'rejected', reviewed_by = $2, reviewed_at = now() WHERE id = $1`, [id, who.username]);
      await insertEvent(tx, who, { recordId: id, caseId: rec.case_id, action: 'reject', field: 'review_status', oldValue: rec.review_status, newValue: 'rejected' });
    }
    return ids;
  });
}

export type RuleStat = {
  field: string;
  rule: string;
  accepted: number;
  corrected: number;
  rejected: number;
};

const EVIDENCE_OF_COLUMN_SQL = `CASE e.field ${Object.entries(EDITABLE_FIELDS).map(([c, d]) => `WHEN '${c}' THEN '${d.evidence}'`).join(' ')} END`;

/**
 * Per field and extraction rule, how reviewers judged it: accepted as is, corrected (an edit of that
 * field), or rejected (the whole record). Weakest rules (most corrected + rejected) first.
 */
export async function reviewStats(db: Queryable): Promise<RuleStat[]> {
  return db.query<RuleStat>(`
    WITH reviewed AS (SELECT id, review_status, evidence, rules FROM records WHERE review_status <> 'pending'),
    edits AS (SELECT DISTINCT e.record_id, ${EVIDENCE_OF_COLUMN_SQL} AS field FROM review_events e WHERE e.action = 'edit'),
    fields AS (
      SELECT rv.id, rv.review_status, f.k AS field, COALESCE(rv.rules ->> f.k, '(unrecorded)') AS rule
        FROM reviewed rv,
        LATERAL (SELECT jsonb_object_keys(rv.evidence) UNION SELECT jsonb_object_keys(rv.rules)
                 UNION SELECT ed.field FROM edits ed WHERE ed.record_id = rv.id) AS f(k)
    )
    SELECT f.field, f.rule,
           count(*) FILTER (WHERE f.review_status = 'accepted' AND ed.record_id IS NULL)::int AS accepted,
           count(*) FILTER (WHERE f.review_status = 'accepted' AND ed.record_id IS NOT NULL)::int AS corrected,
           count(*) FILTER (WHERE f.review_status = 'rejected')::int AS rejected
      FROM fields f LEFT JOIN edits ed ON ed.record_id = f.id AND ed.field = f.field
     WHERE f.field IS NOT NULL
     GROUP BY f.field, f.rule
     ORDER BY (count(*) FILTER (WHERE f.review_status = 'rejected' OR ed.record_id IS NOT NULL))::float / count(*) DESC, f.field, f.rule`);
}

export async function listSources(db: Queryable): Promise<{ id: string; name: string }[]> {
  return db.query<{ id: string; name: string }>(`SELECT id, name FROM sources ORDER BY name, id`);
}

/** The stored raw page (bytes, as fetched), or null. */
export async function getRawPage(db: Queryable, id: number): Promise<{ body: Buffer; charset: string | null; final_url: string } | null> {
  const rows = await db.query<{ body: Buffer; charset: string | null; final_url: string }>(
    `SELECT body, charset, final_url FROM pages WHERE id = $1`,
    [id],
  );
  return rows[0] ?? null;
}
