/**
 * alert_rules, alert_deliveries and alert_channels: one function per operation. Times that drive
 * scheduling are passed in (`now`) rather than taken from the server clock, so retries and digests can be
 * tested with an injected clock.
 */
import type { Queryable, Row } from './db.ts';

export interface AlertRuleRow {
  id: string;
  name: string;
  definition: unknown;
  origin: 'file' | 'ui';
  enabled: boolean;
  feedToken: string;
  updatedAt: Date;
}

function toRuleRow(r: Row): AlertRuleRow {
  return {
    id: r.id as string,
    name: r.name as string,
    definition: r.definition,
    origin: r.origin as 'file' | 'ui',
    enabled: r.enabled as boolean,
    feedToken: r.feed_token as string,
    updatedAt: r.updated_at as Date,
  };
}

export async function listAlertRules(db: Queryable): Promise<AlertRuleRow[]> {
  return (await db.query('SELECT * FROM alert_rules ORDER BY id')).map(toRuleRow);
}

export async function getAlertRule(db: Queryable, id: string): Promise<AlertRuleRow | null> {
  const rows = await db.query('SELECT * FROM alert_rules WHERE id = $1', [id]);
  return rows[0] ? toRuleRow(rows[0]) : null;
}

/**
 * Writes a rule. A 'file' write never overwrites a rule an admin edited in the UI (origin 'ui'), and never
 * touches `enabled` of an existing row (that switch belongs to admins). The feed token is kept unless one
 * is given. Returns false when a UI-edited rule was left alone.
 */
export async function upsertAlertRule(
  db: Queryable,
  rule: { id: string; name: string; definition: unknown; origin: 'file' | 'ui'; feedToken: string; keepToken: boolean },
): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO alert_rules (id, name, definition, origin, feed_token)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (id) DO UPDATE SET
       name = EXCLUDED.name, definition = EXCLUDED.definition, origin = EXCLUDED.origin,
       feed_token = CASE WHEN $6 THEN alert_rules.feed_token ELSE EXCLUDED.feed_token END, updated_at = now()
     WHERE EXCLUDED.origin = 'ui' OR alert_rules.origin = 'file'
     RETURNING id`,
    [rule.id, rule.name, JSON.stringify(rule.definition), rule.origin, rule.feedToken, rule.keepToken],
  );
  return rows.length > 0;
}

export async function setAlertRuleEnabled(db: Queryable, id: string, enabled: boolean): Promise<boolean> {
  const rows = await db.query('UPDATE alert_rules SET enabled = $2, updated_at = now() WHERE id = $1 RETURNING id', [id, enabled]);
  return rows.length > 0;
}

/** File rules that disappeared from the file are switched off, not deleted: their delivery history stays. */
export async function disableFileRulesExcept(db: Queryable, keepIds: string[]): Promise<string[]> {
  const rows = await db.query(
    `UPDATE alert_rules SET enabled = false, updated_at = now()
     WHERE origin = 'file' AND enabled AND NOT (id = ANY($1::text[])) RETURNING id`,
    [keepIds],
  );
  return rows.map((r) => r.id as string);
}

const CANDIDATE_COLUMNS = `
  r.id AS record_id, r.case_id, r.article_id, r.name, r.count, r.age, r.charges, r.court, r.sentence_kind,
  r.sentence_months, r.sentence_months_max, r.fine, r.verdict_date::text AS verdict_date, r.status, r.review_status,
  r.confidence, a.canonical_url, a.title, a.source_id, a.published_at`;

export interface CandidateRow extends Row {
  record_id: number;
  case_id: number | null;
  article_id: number;
}

/** Records of one article (not rejected), with the article, for matching; text included when asked. */
export async function loadCandidatesByArticle(db: Queryable, articleId: number): Promise<Row[]> {
  return db.query(
    `SELECT ${CANDIDATE_COLUMNS}, a.text AS article_text FROM records r JOIN articles a ON a.id = r.article_id
     WHERE r.article_id = $1 AND r.review_status <> 'rejected' ORDER BY r.ordinal, r.id`,
    [articleId],
  );
}

export async function loadCandidatesByRecordIds(db: Queryable, recordIds: number[]): Promise<Row[]> {
  return db.query(
    `SELECT ${CANDIDATE_COLUMNS}, a.text AS article_text FROM records r JOIN articles a ON a.id = r.article_id
     WHERE r.id = ANY($1::bigint[]) ORDER BY r.article_id, r.ordinal, r.id`,
    [recordIds],
  );
}

/** The most recent records (by article publication), for `courtwatch alerts test`. */
export async function loadRecentCandidates(db: Queryable, limit: number): Promise<Row[]> {
  return db.query(
    `SELECT ${CANDIDATE_COLUMNS}, a.text AS article_text FROM records r JOIN articles a ON a.id = r.article_id
     WHERE r.review_status <> 'rejected'
     ORDER BY coalesce(a.published_at, a.created_at) DESC, r.id DESC LIMIT $1`,
    [limit],
  );
}

export interface NewDelivery {
  ruleId: string;
  caseId: number;
  channel: string;
  recordIds: number[];
  status: 'pending' | 'sent' | 'failed';
  dueAt: Date;
  lastError: string | null;
}

/**
 * Inserts delivery rows under UNIQUE (rule_id, case_id, channel); a row that exists is left as it is, so
 * the same verdict from a second article or a re-extraction never gets a second delivery. Returns the
 * rows actually inserted.
 */
export async function insertDeliveries(db: Queryable, rows: NewDelivery[], now: Date): Promise<Array<{ id: number; ruleId: string; channel: string }>> {
  if (rows.length === 0) return [];
  const inserted = await db.query(
    `INSERT INTO alert_deliveries (rule_id, case_id, channel, record_ids, status, next_attempt_at, last_error, sent_at, created_at)
     SELECT d.rule_id, d.case_id, d.channel, ARRAY(SELECT jsonb_array_elements_text(d.record_ids)::bigint), d.status,
            d.due_at, d.last_error, CASE WHEN d.status = 'sent' THEN $2::timestamptz END, $2::timestamptz
     FROM jsonb_to_recordset($1::jsonb) AS d(rule_id text, case_id bigint, channel text, record_ids jsonb, status text, due_at timestamptz, last_error text)
     ON CONFLICT (rule_id, case_id, channel) DO NOTHING
     RETURNING id, rule_id, channel`,
    [
      JSON.stringify(rows.map((r) => ({
        rule_id: r.ruleId, case_id: r.caseId, channel: r.channel, record_ids: r.recordIds, status: r.status,
        due_at: r.dueAt.toISOString(), last_error: r.lastError,
      }))),
      now.toISOString(),
    ],
  );
  return inserted.map((r) => ({ id: r.id as number, ruleId: r.rule_id as string, channel: r.channel as string }));
}

/** Rows left in 'sending' by a worker that died are due again (the one duplicate a crash can cause). */
export async function requeueStaleSending(db: Queryable, now: Date, leaseMs: number): Promise<number> {
  const rows = await db.query(
    `UPDATE alert_deliveries SET status = 'pending', next_attempt_at = $1, sending_since = NULL,
       last_error = 'requeued: the sending worker did not record the outcome (crash?)'
     WHERE status = 'sending' AND sending_since < $1::timestamptz - make_interval(secs => $2::double precision / 1000)
     RETURNING id`,
    [now.toISOString(), leaseMs],
  );
  return rows.length;
}

/** (rule, channel) pairs with at least one pending delivery that is due. */
export async function listDueChannels(db: Queryable, now: Date): Promise<Array<{ ruleId: string; channel: string }>> {
  const rows = await db.query(
    `SELECT DISTINCT rule_id, channel FROM alert_deliveries WHERE status = 'pending' AND next_attempt_at <= $1 ORDER BY rule_id, channel`,
    [now.toISOString()],
  );
  return rows.map((r) => ({ ruleId: r.rule_id as string, channel: r.channel as string }));
}

export interface ClaimedDelivery {
  id: number;
  caseId: number;
  recordIds: number[];
  attempts: number;
  firstAttemptAt: Date;
}

/**
 * Claims every pending delivery of one rule and channel (due or not: a batch takes all that wait) by
 * moving it to 'sending' under a lease. SKIP LOCKED: two workers never claim the same row.
 */
export async function claimPendingDeliveries(db: Queryable, ruleId: string, channel: string, now: Date, limit: number): Promise<ClaimedDelivery[]> {
  const rows = await db.query(
    `WITH picked AS (
       SELECT id FROM alert_deliveries WHERE rule_id = $1 AND channel = $2 AND status = 'pending'
       ORDER BY id LIMIT $4 FOR UPDATE SKIP LOCKED)
     UPDATE alert_deliveries d SET status = 'sending', sending_since = $3, attempts = d.attempts + 1,
       first_attempt_at = coalesce(d.first_attempt_at, $3)
     FROM picked WHERE d.id = picked.id
     RETURNING d.id, d.case_id, d.record_ids, d.attempts, d.first_attempt_at`,
    [ruleId, channel, now.toISOString(), limit],
  );
  return rows
    .map((r) => ({
      id: r.id as number,
      caseId: r.case_id as number,
      recordIds: (r.record_ids as Array<number | string>).map(Number),
      attempts: r.attempts as number,
      firstAttemptAt: r.first_attempt_at as Date,
    }))
    .sort((a, b) => a.id - b.id);
}

export async function markDeliveriesSent(db: Queryable, ids: number[], now: Date): Promise<void> {
  await db.query(
    `UPDATE alert_deliveries SET status = 'sent', sent_at = $2, sending_since = NULL, last_error = NULL
     WHERE id = ANY($1::bigint[]) AND status = 'sending'`,
    [ids, now.toISOString()],
  );
}

export async function scheduleDeliveryRetry(db: Queryable, id: number, nextAttemptAt: Date, error: string): Promise<void> {
  await db.query(
    `UPDATE alert_deliveries SET status = 'pending', next_attempt_at = $2, sending_since = NULL, last_error = $3
     WHERE id = $1 AND status = 'sending'`,
    [id, nextAttemptAt.toISOString(), error.slice(0, 2000)],
  );
}

export async function markDeliveriesFailed(db: Queryable, ids: number[], error: string): Promise<void> {
  await db.query(
    `UPDATE alert_deliveries SET status = 'failed', sending_since = NULL, last_error = $2 WHERE id = ANY($1::bigint[])`,
    [ids, error.slice(0, 2000)],
  );
}

/** Every pending delivery of a channel that was just disabled shows as failed (kept for re-enabling). */
export async function failPendingForChannel(db: Queryable, ruleId: string, channel: string, error: string): Promise<number> {
  const rows = await db.query(
    `UPDATE alert_deliveries SET status = 'failed', last_error = $3 WHERE rule_id = $1 AND channel = $2 AND status = 'pending' RETURNING id`,
    [ruleId, channel, error.slice(0, 2000)],
  );
  return rows.length;
}

export interface ChannelHealth {
  ruleId: string;
  channel: string;
  enabled: boolean;
  consecutiveFailures: number;
  failingSince: Date | null;
  lastError: string | null;
  lastSuccessAt: Date | null;
  disabledAt: Date | null;
  disabledReason: string | null;
}

function toHealth(r: Row): ChannelHealth {
  return {
    ruleId: r.rule_id as string,
    channel: r.channel as string,
    enabled: r.enabled as boolean,
    consecutiveFailures: r.consecutive_failures as number,
    failingSince: (r.failing_since as Date | null) ?? null,
    lastError: (r.last_error as string | null) ?? null,
    lastSuccessAt: (r.last_success_at as Date | null) ?? null,
    disabledAt: (r.disabled_at as Date | null) ?? null,
    disabledReason: (r.disabled_reason as string | null) ?? null,
  };
}

export async function listChannelHealth(db: Queryable, ruleId?: string): Promise<ChannelHealth[]> {
  const rows = ruleId
    ? await db.query('SELECT * FROM alert_channels WHERE rule_id = $1 ORDER BY channel', [ruleId])
    : await db.query('SELECT * FROM alert_channels ORDER BY rule_id, channel');
  return rows.map(toHealth);
}

export async function disabledChannelKeys(db: Queryable, ruleId: string): Promise<Set<string>> {
  const rows = await db.query('SELECT channel FROM alert_channels WHERE rule_id = $1 AND NOT enabled', [ruleId]);
  return new Set(rows.map((r) => r.channel as string));
}

export async function recordChannelSuccess(db: Queryable, ruleId: string, channel: string, now: Date): Promise<void> {
  await db.query(
    `INSERT INTO alert_channels (rule_id, channel, last_success_at, updated_at) VALUES ($1, $2, $3, $3)
     ON CONFLICT (rule_id, channel) DO UPDATE SET consecutive_failures = 0, failing_since = NULL,
       last_success_at = $3, updated_at = $3`,
    [ruleId, channel, now.toISOString()],
  );
}

export async function recordChannelFailure(db: Queryable, ruleId: string, channel: string, now: Date, error: string): Promise<ChannelHealth> {
  const rows = await db.query(
    `INSERT INTO alert_channels (rule_id, channel, consecutive_failures, failing_since, last_error, updated_at)
     VALUES ($1, $2, 1, $3, $4, $3)
     ON CONFLICT (rule_id, channel) DO UPDATE SET consecutive_failures = alert_channels.consecutive_failures + 1,
       failing_since = coalesce(alert_channels.failing_since, $3), last_error = $4, updated_at = $3
     RETURNING *`,
    [ruleId, channel, now.toISOString(), error.slice(0, 2000)],
  );
  return toHealth(rows[0]!);
}

export async function disableChannel(db: Queryable, ruleId: string, channel: string, now: Date, reason: string): Promise<void> {
  await db.query(
    `INSERT INTO alert_channels (rule_id, channel, enabled, disabled_at, disabled_reason, updated_at)
     VALUES ($1, $2, false, $3, $4, $3)
     ON CONFLICT (rule_id, channel) DO UPDATE SET enabled = false, disabled_at = $3, disabled_reason = $4, updated_at = $3`,
    [ruleId, channel, now.toISOString(), reason.slice(0, 2000)],
  );
}

/** Re-enables a channel and puts its failed deliveries back in the queue. Returns how many were requeued. */
export async function enableChannel(db: Queryable, ruleId: string, channel: string, now: Date): Promise<number> {
  await db.query(
    `UPDATE alert_channels SET enabled = true, consecutive_failures = 0, failing_since = NULL, disabled_at = NULL,
       disabled_reason = NULL, updated_at = $3 WHERE rule_id = $1 AND channel = $2`,
    [ruleId, channel, now.toISOString()],
  );
  const rows = await db.query(
    `UPDATE alert_deliveries SET status = 'pending', next_attempt_at = $3, attempts = 0, first_attempt_at = NULL
     WHERE rule_id = $1 AND channel = $2 AND status = 'failed' RETURNING id`,
    [ruleId, channel, now.toISOString()],
  );
  return rows.length;
}

/**
 * Record, case and article of each delivery: the first record it was matched on, or — when a
 * re-extraction replaced those rows — the case's current first record.
 */
export async function loadDeliveryItems(db: Queryable, deliveryIds: number[]): Promise<Row[]> {
  return db.query(
    `SELECT d.id AS delivery_id, d.created_at AS delivered_at, ${CANDIDATE_COLUMNS}
     FROM alert_deliveries d
     JOIN records r ON r.id = coalesce(
       (SELECT min(x) FROM unnest(d.record_ids) AS x WHERE EXISTS (SELECT 1 FROM records WHERE id = x)),
       (SELECT min(id) FROM records WHERE case_id = d.case_id AND review_status <> 'rejected'))
     JOIN articles a ON a.id = r.article_id
     WHERE d.id = ANY($1::bigint[]) ORDER BY d.id`,
    [deliveryIds],
  );
}

/** The newest feed entries of a rule (the 'feed' channel's deliveries), newest first. */
export async function listFeedItems(db: Queryable, ruleId: string, limit: number): Promise<Row[]> {
  const ids = await db.query(
    `SELECT id FROM alert_deliveries WHERE rule_id = $1 AND channel = 'feed' ORDER BY created_at DESC, id DESC LIMIT $2`,
    [ruleId, limit],
  );
  const rows = await loadDeliveryItems(db, ids.map((r) => r.id as number));
  return rows.sort((a, b) => (b.delivery_id as number) - (a.delivery_id as number));
}

export interface AlertStatusSummary {
  pending: number;
  sending: number;
  failed: number;
  sentLast24h: number;
  disabledChannels: ChannelHealth[];
  recentFailures: Array<{ id: number; ruleId: string; channel: string; caseId: number; attempts: number; lastError: string | null }>;
}

/** For `courtwatch status` and the review UI: queue depth, failures and disabled channels. */
export async function alertStatusSummary(db: Queryable, now: Date = new Date()): Promise<AlertStatusSummary> {
  const counts = await db.query(
    `SELECT count(*) FILTER (WHERE status = 'pending') AS pending, count(*) FILTER (WHERE status = 'sending') AS sending,
            count(*) FILTER (WHERE status = 'failed') AS failed,
            count(*) FILTER (WHERE status = 'sent' AND channel <> 'feed' AND sent_at > $1::timestamptz - interval '1 day') AS sent
     FROM alert_deliveries`,
    [now.toISOString()],
  );
  const failures = await db.query(
    `SELECT id, rule_id, channel, case_id, attempts, last_error FROM alert_deliveries WHERE status = 'failed' ORDER BY id DESC LIMIT 20`,
  );
  const disabled = await db.query('SELECT * FROM alert_channels WHERE NOT enabled ORDER BY rule_id, channel');
  const c = counts[0]!;
  return {
    pending: Number(c.pending),
    sending: Number(c.sending),
    failed: Number(c.failed),
    sentLast24h: Number(c.sent),
    disabledChannels: disabled.map(toHealth),
    recentFailures: failures.map((r) => ({
      id: r.id as number, ruleId: r.rule_id as string, channel: r.channel as string, caseId: r.case_id as number,
      attempts: r.attempts as number, lastError: (r.last_error as string | null) ?? null,
    })),
  };
}
