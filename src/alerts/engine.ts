/**
 * The alert engine: match stored records against the rules, record one delivery per rule, case and
 * channel, and send what is due in batches.
 *
 * Exactly once. `recordMatches` INSERTs the delivery row under UNIQUE (rule_id, case_id, channel) BEFORE
 * anything is sent; a case that already has its row (same verdict from a second article, a re-extraction,
 * a retried job) inserts nothing, so it can never be sent again. `flushDueDeliveries` claims rows by moving
 * them from 'pending' to 'sending' (SKIP LOCKED, one claimer per row, with a lease timestamp), sends, then
 * marks them 'sent'.
 *
 * Why a crash between sending and recording gives at most one duplicate: the only way a row leaves
 * 'sending' without its outcome is `requeueStaleSending`, which runs once the lease (DELIVERY_LEASE_MS,
 * far longer than SEND_TIMEOUT_MS) has expired, so a live sender is never overlapped. A crash in that
 * window leaves the rows in 'sending'; they are requeued exactly once and re-sent in one message — the
 * receiver sees that batch twice, never more unless the process crashes again in the same few
 * milliseconds after the re-send. Every item carries its stable `deliveryId` (and the
 * X-Courtwatch-Delivery header lists them), so a receiver can drop even that duplicate.
 */
import { randomBytes } from 'node:crypto';
import { coerceError } from '../errors.ts';
import { log } from '../log.ts';
import type { Db, Queryable, Row } from '../store/db.ts';
import * as store from '../store/alerts.ts';
import { matchesRule } from './match.ts';
import { parseRuleDefinition, type AlertChannel, type AlertRule, type AlertSettings, type AlertsConfig } from './rules-config.ts';
import { firstDueAt, retryDelayMs } from './schedule.ts';
import { defaultSenders, emailAdmins, sendToChannel, type Senders } from './senders.ts';
import type { AlertCandidate, AlertItem } from './types.ts';

/** A row left in 'sending' this long belongs to a dead worker (see the header). */
export const DELIVERY_LEASE_MS = 10 * 60_000;
/** Upper bound on one message; a bigger backlog goes out in several messages. */
export const MAX_BATCH_ITEMS = 200;
export const FEED_CHANNEL = 'feed';

export interface AlertDeps {
  db: Db;
  settings: AlertSettings;
  /** public base URL of the review server, for links */
  publicUrl: string;
  /** injected in tests to drive batching windows and retries without waiting */
  now?: () => Date;
  senders?: Senders;
  env?: NodeJS.ProcessEnv;
}

export interface ActiveRule {
  rule: AlertRule;
  feedToken: string;
}

export function toCandidate(r: Row): AlertCandidate {
  return {
    recordId: r.record_id as number,
    caseId: (r.case_id as number | null) ?? null,
    articleId: r.article_id as number,
    name: (r.name as string | null) ?? null,
    count: r.count as number,
    age: (r.age as number | null) ?? null,
    charges: (r.charges as string[] | null) ?? [],
    court: (r.court as string | null) ?? null,
    sentenceKind: (r.sentence_kind as AlertCandidate['sentenceKind']) ?? null,
    sentenceMonths: (r.sentence_months as number | null) ?? null,
    sentenceMonthsMax: (r.sentence_months_max as number | null) ?? null,
    fine: (r.fine as string | null) ?? null,
    verdictDate: (r.verdict_date as string | null) ?? null,
    status: r.status as AlertCandidate['status'],
    reviewStatus: r.review_status as AlertCandidate['reviewStatus'],
    confidence: Number(r.confidence),
    articleUrl: r.canonical_url as string,
    articleTitle: (r.title as string | null) ?? null,
    sourceId: (r.source_id as string | null) ?? null,
    publishedAt: r.published_at instanceof Date ? r.published_at.toISOString() : ((r.published_at as string | null) ?? null),
    articleText: (r.article_text as string | undefined) ?? '',
  };
}

/** Copies the file's rules into alert_rules (rules edited in the UI win; see upsertAlertRule). */
export async function syncRulesFromConfig(db: Queryable, config: AlertsConfig): Promise<void> {
  for (const rule of config.rules) {
    const kept = await store.upsertAlertRule(db, {
      id: rule.id,
      name: rule.name,
      definition: config.rawRules.get(rule.id),
      origin: 'file',
      feedToken: rule.feed_token ?? randomBytes(24).toString('base64url'),
      keepToken: rule.feed_token === undefined,
    });
    if (!kept) log.info({ ruleId: rule.id }, 'alert rule was edited in the UI; the file version is ignored');
  }
  const dropped = await store.disableFileRulesExcept(db, config.rules.map((r) => r.id));
  if (dropped.length) log.info({ ruleIds: dropped }, 'alert rules no longer in the alerts file were disabled');
}

/** Enabled rules from alert_rules; a definition that no longer validates is skipped with an error log. */
export async function loadActiveRules(db: Queryable, env: NodeJS.ProcessEnv = process.env): Promise<ActiveRule[]> {
  const active: ActiveRule[] = [];
  for (const row of await store.listAlertRules(db)) {
    if (!row.enabled) continue;
    try {
      const rule = parseRuleDefinition(row.definition, `alert_rules "${row.id}"`, env);
      if (rule.enabled) active.push({ rule: { ...rule, id: row.id }, feedToken: row.feedToken });
    } catch (err) {
      log.error({ ruleId: row.id, err: coerceError(err).message }, 'alert rule skipped: its definition is invalid');
    }
  }
  return active;
}

/**
 * Matches candidates against the rules that fire on `trigger` and records their deliveries (feed entries
 * immediately as 'sent'; channels as 'pending' until the batch window or digest slot). Records without a
 * case cannot be de-duplicated and are skipped with a warning. Returns the number of rows created.
 */
export async function recordMatches(deps: AlertDeps, candidates: AlertCandidate[], trigger: 'extracted' | 'accepted'): Promise<number> {
  const now = deps.now?.() ?? new Date();
  const rules = (await loadActiveRules(deps.db, deps.env)).filter((r) => r.rule.when === trigger);
  let created = 0;
  for (const { rule } of rules) {
    const byCase = new Map<number, number[]>();
    for (const c of candidates) {
      if (trigger === 'accepted' && c.reviewStatus !== 'accepted') continue;
      if (c.reviewStatus === 'rejected' || !matchesRule(rule, c)) continue;
      if (c.caseId === null) {
        log.warn({ ruleId: rule.id, recordId: c.recordId }, 'matching record has no case yet; not alerted');
        continue;
      }
      byCase.set(c.caseId, [...(byCase.get(c.caseId) ?? []), c.recordId]);
    }
    if (byCase.size === 0) continue;
    const disabled = await store.disabledChannelKeys(deps.db, rule.id);
    const due = firstDueAt(rule, now, deps.settings);
    const rows: store.NewDelivery[] = [];
    for (const [caseId, recordIds] of byCase) {
      rows.push({ ruleId: rule.id, caseId, channel: FEED_CHANNEL, recordIds, status: 'sent', dueAt: now, lastError: null });
      for (const ch of rule.channels) {
        const off = disabled.has(ch.key);
        rows.push({ ruleId: rule.id, caseId, channel: ch.key, recordIds, status: off ? 'failed' : 'pending', dueAt: due, lastError: off ? 'channel disabled' : null });
      }
    }
    const inserted = await store.insertDeliveries(deps.db, rows, now);
    created += inserted.length;
    if (inserted.length) log.info({ ruleId: rule.id, deliveries: inserted.length }, 'alert deliveries recorded');
  }
  return created;
}

export interface FlushResult {
  sent: number;
  retried: number;
  failed: number;
  messages: number;
}

/** Sends every due batch: one message per rule and channel carrying all of its pending cases. */
export async function flushDueDeliveries(deps: AlertDeps): Promise<FlushResult> {
  const now = deps.now?.() ?? new Date();
  const result: FlushResult = { sent: 0, retried: 0, failed: 0, messages: 0 };
  const requeued = await store.requeueStaleSending(deps.db, now, DELIVERY_LEASE_MS);
  if (requeued) log.warn({ requeued }, 'alert deliveries left in sending by a dead worker were requeued');
  const due = await store.listDueChannels(deps.db, now);
  if (due.length === 0) return result;
  const rules = new Map((await loadActiveRules(deps.db, deps.env)).map((r) => [r.rule.id, r.rule]));
  for (const { ruleId, channel } of due) {
    const rule = rules.get(ruleId);
    if (!rule) continue; // rule disabled: its rows wait until it is enabled again
    const ch = rule.channels.find((c) => c.key === channel);
    if (!ch) {
      const n = await store.failPendingForChannel(deps.db, ruleId, channel, 'the channel was removed from the rule');
      log.warn({ ruleId, channel, deliveries: n }, 'pending alert deliveries of a removed channel marked failed');
      continue;
    }
    const claimed = await store.claimPendingDeliveries(deps.db, ruleId, channel, now, MAX_BATCH_ITEMS);
    if (claimed.length === 0) continue;
    await sendBatch(deps, rule, ch, claimed, now, result);
  }
  return result;
}

async function sendBatch(deps: AlertDeps, rule: AlertRule, ch: AlertChannel, claimed: store.ClaimedDelivery[], now: Date, result: FlushResult): Promise<void> {
  const items: AlertItem[] = (await store.loadDeliveryItems(deps.db, claimed.map((d) => d.id))).map((r) => ({
    deliveryId: r.delivery_id as number,
    candidate: toCandidate(r),
  }));
  const withItem = new Set(items.map((i) => i.deliveryId));
  const orphans = claimed.filter((d) => !withItem.has(d.id)).map((d) => d.id);
  if (orphans.length) await store.markDeliveriesFailed(deps.db, orphans, 'its records were deleted before sending');
  if (items.length === 0) return;
  const jobLog = log.child({ ruleId: rule.id, channel: ch.key, items: items.length });
  try {
    await sendToChannel(deps.senders ?? defaultSenders, ch, { rule, items, publicUrl: deps.publicUrl, sentAt: now }, deps.settings);
  } catch (err) {
    await handleFailure(deps, rule, ch.key, claimed.filter((d) => withItem.has(d.id)), now, coerceError(err), result);
    return;
  }
  await store.markDeliveriesSent(deps.db, [...withItem], now);
  await store.recordChannelSuccess(deps.db, rule.id, ch.key, now);
  result.sent += items.length;
  result.messages += 1;
  jobLog.info('alert sent');
}

async function handleFailure(
  deps: AlertDeps, rule: AlertRule, channel: string, rows: store.ClaimedDelivery[], now: Date, err: Error, result: FlushResult,
): Promise<void> {
  const health = await store.recordChannelFailure(deps.db, rule.id, channel, now, err.message);
  const expired: number[] = [];
  for (const d of rows) {
    if (now.getTime() - d.firstAttemptAt.getTime() >= deps.settings.retry_for) {
      expired.push(d.id);
    } else {
      await store.scheduleDeliveryRetry(deps.db, d.id, new Date(now.getTime() + retryDelayMs(d.attempts, deps.settings)), err.message);
      result.retried += 1;
    }
  }
  log.warn({ ruleId: rule.id, channel, err: err.message, failures: health.consecutiveFailures }, 'alert delivery failed; will retry');
  if (expired.length === 0) return;
  // A delivery that failed for the whole retry window means the channel keeps failing: stop using it.
  await store.markDeliveriesFailed(deps.db, expired, `gave up after retrying: ${err.message}`);
  const reason = `failed continuously since ${health.failingSince?.toISOString() ?? now.toISOString()} (${health.consecutiveFailures} attempts); last error: ${err.message}`;
  await store.disableChannel(deps.db, rule.id, channel, now, reason);
  const alsoFailed = await store.failPendingForChannel(deps.db, rule.id, channel, 'channel disabled');
  result.failed += expired.length + alsoFailed;
  log.error({ ruleId: rule.id, channel, reason, failedDeliveries: expired.length + alsoFailed }, 'alert channel disabled: it keeps failing; an admin must fix and re-enable it');
  await emailAdmins(
    deps.settings,
    `[courtwatch] alert channel ${rule.id}/${channel} disabled`,
    `The alert channel "${channel}" of rule "${rule.id}" was disabled: ${reason}\n` +
      `${expired.length + alsoFailed} deliveries are marked failed; re-enabling the channel requeues them.`,
  ).catch((mailErr: unknown) => log.error({ err: coerceError(mailErr).message }, 'could not email the admins about a disabled alert channel'));
}

/** Re-enables a disabled channel and requeues its failed deliveries (for the UI and the CLI). */
export async function reenableChannel(deps: AlertDeps, ruleId: string, channel: string): Promise<number> {
  return store.enableChannel(deps.db, ruleId, channel, deps.now?.() ?? new Date());
}

/**
 * Saves a rule edited in the review UI: validates it like the file does (throws ConfigError naming the
 * field) and stores it with origin 'ui', so later file syncs leave it alone. Keeps the feed token.
 */
export async function saveRuleFromUi(db: Queryable, raw: unknown, env: NodeJS.ProcessEnv = process.env): Promise<AlertRule> {
  const rule = parseRuleDefinition(raw, 'alert rule', env);
  const existing = await store.getAlertRule(db, rule.id);
  await store.upsertAlertRule(db, {
    id: rule.id,
    name: rule.name,
    definition: raw,
    origin: 'ui',
    feedToken: rule.feed_token ?? existing?.feedToken ?? randomBytes(24).toString('base64url'),
    keepToken: rule.feed_token === undefined,
  });
  return rule;
}
