/**
 * Backfill checkpoints (backfill_runs, backfill_items) and the reads re-extraction needs.
 * A run is found again by its key (a hash of its parameters), so re-running a command resumes it.
 */
import type { Queryable } from './db.ts';

export type BackfillRunStatus = 'running' | 'interrupted' | 'failed' | 'completed';
export type BackfillItemOutcome = 'stored' | 'known' | 'skipped' | 'failed';

export interface BackfillRunCounts {
  found: number;
  done: number;
  fetched: number;
  skippedKnown: number;
  skippedOther: number;
  failed: number;
  recordsCreated: number;
}

export interface BackfillRun extends BackfillRunCounts {
  id: number;
  runKey: string;
  mode: string;
  sourceId: string | null;
  params: Record<string, unknown>;
  status: BackfillRunStatus;
  lastError: string | null;
  startedAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
}

// a type alias (not an interface) so it satisfies Db's Row constraint
type RunRow = {
  id: number;
  run_key: string;
  mode: string;
  source_id: string | null;
  params: Record<string, unknown>;
  status: BackfillRunStatus;
  found: number;
  done: number;
  fetched: number;
  skipped_known: number;
  skipped_other: number;
  failed: number;
  records_created: number;
  last_error: string | null;
  started_at: Date;
  updated_at: Date;
  finished_at: Date | null;
};

function toRun(r: RunRow): BackfillRun {
  return {
    id: r.id, runKey: r.run_key, mode: r.mode, sourceId: r.source_id, params: r.params, status: r.status, found: r.found,
    done: r.done, fetched: r.fetched, skippedKnown: r.skipped_known, skippedOther: r.skipped_other, failed: r.failed,
    recordsCreated: r.records_created, lastError: r.last_error, startedAt: r.started_at, updatedAt: r.updated_at,
    finishedAt: r.finished_at,
  };
}

/** Finds the run with this key or creates it, and marks it running again. Returns it and whether it resumed. */
export async function startBackfillRun(
  db: Queryable,
  input: { runKey: string; mode: string; sourceId: string | null; params: Record<string, unknown> },
): Promise<{ run: BackfillRun; resumed: boolean }> {
  const rows = await db.query<RunRow & { resumed: boolean }>(
    `INSERT INTO backfill_runs (run_key, mode, source_id, params) VALUES ($1, $2, $3, $4)
     ON CONFLICT (run_key) DO UPDATE SET status = 'running', last_error = NULL, finished_at = NULL, updated_at = now()
     RETURNING *, (xmax <> 0) AS resumed`,
    [input.runKey, input.mode, input.sourceId, JSON.stringify(input.params)],
  );
  const row = rows[0]!;
  return { run: toRun(row), resumed: row.resumed };
}

/** Item keys the run is finished with (failed items are not: they are tried again). */
export async function listFinishedItemKeys(db: Queryable, runId: number): Promise<Set<string>> {
  const rows = await db.query<{ item_key: string }>(
    "SELECT item_key FROM backfill_items WHERE run_id = $1 AND outcome <> 'failed'",
    [runId],
  );
  return new Set(rows.map((r) => r.item_key));
}

export interface BackfillItemResult {
  itemKey: string;
  url: string;
  outcome: BackfillItemOutcome;
  pageId: number | null;
  records: number;
  reason: string | null;
}

/** Records what happened to a batch of items (one statement: the checkpoint is cheap per page). */
export async function recordBackfillItems(db: Queryable, runId: number, items: BackfillItemResult[]): Promise<void> {
  if (items.length === 0) return;
  await db.query(
    `INSERT INTO backfill_items (run_id, item_key, url, outcome, page_id, records, reason)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::bigint[], $6::int[], $7::text[])
     ON CONFLICT (run_id, item_key) DO UPDATE SET outcome = EXCLUDED.outcome, page_id = EXCLUDED.page_id,
       records = EXCLUDED.records, reason = EXCLUDED.reason, updated_at = now()`,
    [
      runId, items.map((i) => i.itemKey), items.map((i) => i.url), items.map((i) => i.outcome), items.map((i) => i.pageId),
      items.map((i) => i.records), items.map((i) => i.reason),
    ],
  );
}

/** Recomputes the run's counters from its items (so a resumed run reports the whole run, not the last leg). */
export async function updateBackfillRunCounts(db: Queryable, runId: number, extra: { found: number; skippedBeforeFetch: number }): Promise<BackfillRun> {
  const rows = await db.query<RunRow>(
    `UPDATE backfill_runs r SET
       found = $2,
       done = s.done, fetched = s.fetched, skipped_known = s.known, skipped_other = s.skipped + $3, failed = s.failed,
       records_created = s.records, updated_at = now()
     FROM (SELECT count(*) FILTER (WHERE outcome <> 'failed')::int AS done,
                  count(*) FILTER (WHERE outcome IN ('stored', 'known'))::int AS fetched,
                  count(*) FILTER (WHERE outcome = 'known')::int AS known,
                  count(*) FILTER (WHERE outcome = 'skipped')::int AS skipped,
                  count(*) FILTER (WHERE outcome = 'failed')::int AS failed,
                  COALESCE(sum(records), 0)::int AS records
             FROM backfill_items WHERE run_id = $1) s
     WHERE r.id = $1 RETURNING r.*`,
    [runId, extra.found, extra.skippedBeforeFetch],
  );
  return toRun(rows[0]!);
}

export async function finishBackfillRun(db: Queryable, runId: number, status: Exclude<BackfillRunStatus, 'running'>, lastError: string | null = null): Promise<void> {
  await db.query(
    `UPDATE backfill_runs SET status = $2, last_error = $3, updated_at = now(),
       finished_at = CASE WHEN $2 = 'completed' THEN now() ELSE NULL END WHERE id = $1`,
    [runId, status, lastError],
  );
}

/** Failure reasons of a run's items, most frequent first (for the summary). */
export async function listBackfillFailures(db: Queryable, runId: number, limit = 20): Promise<Array<{ reason: string; count: number; example: string }>> {
  return db.query<{ reason: string; count: number; example: string }>(
    `SELECT COALESCE(reason, 'unknown') AS reason, count(*)::int AS count, min(url) AS example
       FROM backfill_items WHERE run_id = $1 AND outcome = 'failed'
      GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT $2`,
    [runId, limit],
  );
}

/** For `courtwatch status`: the most recently active backfill runs with their checkpoints. */
export async function listBackfillRuns(db: Queryable, limit = 20): Promise<BackfillRun[]> {
  const rows = await db.query<RunRow>('SELECT * FROM backfill_runs ORDER BY updated_at DESC, id DESC LIMIT $1', [limit]);
  return rows.map(toRun);
}

/** Of these archive captures, the ones already stored (same final URL and capture time): no refetch. */
export async function findStoredCaptures(db: Queryable, captures: Array<{ url: string; archivedAt: Date }>): Promise<Set<string>> {
  if (captures.length === 0) return new Set();
  const rows = await db.query<{ final_url: string; archived_at: Date }>(
    `SELECT p.final_url, p.archived_at FROM pages p
       JOIN unnest($1::text[], $2::timestamptz[]) AS c(url, archived_at)
         ON p.final_url = c.url AND p.archived_at = c.archived_at`,
    [captures.map((c) => c.url), captures.map((c) => c.archivedAt)],
  );
  return new Set(rows.map((r) => `${r.archived_at.toISOString()} ${r.final_url}`));
}

/** True when some page was stored with this final URL (indexed: the (final_url, content_hash) key). */
export async function isUrlStored(db: Queryable, url: string): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM pages WHERE final_url = $1 LIMIT 1', [url]);
  return rows.length > 0;
}

export interface ReextractTarget {
  articleId: number;
  pageId: number;
  extractorVersion: string | null;
}

/**
 * The page behind each article (its latest), filtered by source and by date (published on or after
 * `since`, or stored on or after it when the publication date is unknown).
 */
export async function listReextractTargets(db: Queryable, filter: { sourceId?: string; since?: string }): Promise<ReextractTarget[]> {
  const rows = await db.query<{ article_id: number; page_id: number; extractor_version: string | null }>(
    `SELECT a.id AS article_id, a.page_id, a.extractor_version
       FROM articles a JOIN pages p ON p.id = a.page_id
      WHERE ($1::text IS NULL OR a.source_id = $1)
        AND ($2::timestamptz IS NULL OR COALESCE(a.published_at, p.fetched_at) >= $2)
      ORDER BY a.id`,
    [filter.sourceId ?? null, filter.since ?? null],
  );
  return rows.map((r) => ({ articleId: r.article_id, pageId: r.page_id, extractorVersion: r.extractor_version }));
}
