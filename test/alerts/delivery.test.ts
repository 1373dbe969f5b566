import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FEED_CHANNEL, flushDueDeliveries, loadActiveRules, syncRulesFromConfig, toCandidate, type AlertDeps } from '../../src/alerts/engine.ts';
import { parseAlertsConfig } from '../../src/alerts/rules-config.ts';
import { defaultSenders } from '../../src/alerts/senders.ts';
import { alertStatusSummary, claimPendingDeliveries, enableChannel, listChannelHealth, loadDeliveryItems } from '../../src/store/alerts.ts';
import { processAlertJob } from '../../src/workers/alert-worker.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';
import { insertArticle, insertCase, insertRecord, startWebhookReceiver, type WebhookReceiver } from './helpers.ts';

const SECRET = 'test-secret-0123456789';
const MIN = 60_000;

let tdb: TestDb;
let hook: WebhookReceiver;
let clock: Date;
let deps: AlertDeps;
let urlSeq = 0;

function advance(ms: number): void {
  clock = new Date(clock.getTime() + ms);
}

async function deliveries(channel: string): Promise<Array<Record<string, unknown>>> {
  return tdb.db.query('SELECT * FROM alert_deliveries WHERE channel = $1 ORDER BY id', [channel]);
}

/** An article with one record per defendant; each defendant gets its own case unless one is given. */
async function storeArticle(names: string[], opts: { caseIds?: number[]; charges?: string[] } = {}): Promise<{ articleId: number; caseIds: number[] }> {
  urlSeq += 1;
  const articleId = await insertArticle(tdb.db, { url: `https://news.example/a/${urlSeq}`, sourceId: 'demo-news', title: `Trial ${urlSeq}` });
  const caseIds: number[] = [];
  for (const [i, name] of names.entries()) {
    const caseId = opts.caseIds?.[i] ?? (await insertCase(tdb.db, name.toLowerCase()));
    caseIds.push(caseId);
    await insertRecord(tdb.db, { articleId, caseId, name, ordinal: i, charges: opts.charges ?? ['fraud'] });
  }
  return { articleId, caseIds };
}

beforeAll(async () => {
  tdb = await createTestDb('alerts_delivery');
  hook = await startWebhookReceiver(SECRET);
  const config = parseAlertsConfig(
    `
settings:
  batch_window: 5m
  retry_base: 1m
  retry_max: 6h
  retry_for: 2d
rules:
  - id: fraud
    name: Fraud verdicts
    match: { charges: [fraud] }
    channels:
      - { type: webhook, url: "${hook.url}", secret: "\${HOOK_SECRET}" }
`,
    'alerts.yml',
    { HOOK_SECRET: SECRET },
  );
  await syncRulesFromConfig(tdb.db, config);
  clock = new Date('2026-01-05T10:00:00Z');
  deps = { db: tdb.db, settings: config.settings, publicUrl: 'http://review.test', now: () => clock, env: { HOOK_SECRET: SECRET } };
});

afterAll(async () => {
  await hook?.close();
  await tdb?.drop();
});

beforeEach(async () => {
  await tdb.db.query('DELETE FROM alert_deliveries');
  await tdb.db.query('DELETE FROM alert_channels');
  hook.accepted.length = 0;
  hook.requests = 0;
  hook.failNext = 0;
});

describe('alerts: exactly once', () => {
  it('sends a signed JSON payload with the record, the case and the article URL after the batch window', async () => {
    const { articleId, caseIds } = await storeArticle(['Sergei Ivanov']);
    const first = await processAlertJob(deps, { articleId });
    expect(first.created).toBe(2); // the feed entry and the webhook delivery
    expect(first.flush.messages).toBe(0); // still inside the batch window
    expect(hook.requests).toBe(0);

    advance(5 * MIN);
    const flushed = await flushDueDeliveries(deps);
    expect(flushed).toMatchObject({ sent: 1, messages: 1 });
    expect(hook.badSignatures).toBe(0);
    expect(hook.accepted).toHaveLength(1);
    const body = hook.accepted[0] as { rule: { id: string }; items: Array<Record<string, unknown>> };
    expect(body.rule.id).toBe('fraud');
    expect(body.items[0]).toMatchObject({
      case: { id: caseIds[0] },
      record: { name: 'Sergei Ivanov', charges: ['fraud'], status: 'convicted', sentence: { kind: 'prison', months: 72 } },
      article: { url: expect.stringMatching(/^https:\/\/news\.example\/a\//) },
    });
    const [row] = await deliveries('webhook-1');
    expect(row).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('does not alert again for the same verdict from a second article or after re-extraction', async () => {
    const a = await storeArticle(['Asel Nurlanova']);
    await processAlertJob(deps, { articleId: a.articleId });
    advance(5 * MIN);
    await flushDueDeliveries(deps);
    expect(hook.accepted).toHaveLength(1);

    // a second outlet reports the same verdict: its record joins the same case
    const b = await storeArticle(['Asel Nurlanova'], { caseIds: a.caseIds });
    expect((await processAlertJob(deps, { articleId: b.articleId })).created).toBe(0);
    // re-extraction replaces the first article's records with new rows of the same case
    await tdb.db.query('DELETE FROM records WHERE article_id = $1', [a.articleId]);
    await insertRecord(tdb.db, { articleId: a.articleId, caseId: a.caseIds[0]!, name: 'Asel Nurlanova' });
    expect((await processAlertJob(deps, { articleId: a.articleId })).created).toBe(0);

    advance(60 * MIN);
    await flushDueDeliveries(deps);
    expect(hook.accepted).toHaveLength(1);
    expect(await deliveries('webhook-1')).toHaveLength(1);
    expect(await deliveries(FEED_CHANNEL)).toHaveLength(1);
  });

  it('still sends once when a re-extraction replaces the records while the batch waits', async () => {
    const { articleId, caseIds } = await storeArticle(['Replaced Record']);
    await processAlertJob(deps, { articleId });
    await tdb.db.query('DELETE FROM records WHERE article_id = $1', [articleId]);
    const newId = await insertRecord(tdb.db, { articleId, caseId: caseIds[0]!, name: 'Replaced Record', charges: ['fraud', 'forgery'] });
    expect((await processAlertJob(deps, { articleId })).created).toBe(0);
    advance(5 * MIN);
    expect(await flushDueDeliveries(deps)).toMatchObject({ sent: 1, messages: 1 });
    const item = (hook.accepted[0]!.items as Array<{ record: { id: number; charges: string[] } }>)[0]!;
    expect(item.record).toMatchObject({ id: newId, charges: ['fraud', 'forgery'] });
  });

  it('batches one trial with 45 defendants into one message', async () => {
    const names = Array.from({ length: 45 }, (_, i) => `Defendant Number${i + 1}`);
    const { articleId } = await storeArticle(names);
    await processAlertJob(deps, { articleId });
    advance(2 * MIN);
    // a related article inside the window joins the same batch
    const late = await storeArticle(['Late Defendant']);
    await processAlertJob(deps, { articleId: late.articleId });
    advance(3 * MIN);
    const result = await flushDueDeliveries(deps);
    expect(result).toMatchObject({ messages: 1, sent: 46 });
    expect(hook.accepted).toHaveLength(1);
    expect((hook.accepted[0]!.items as unknown[]).length).toBe(46);
  });

  it('two workers flushing at the same time send each delivery once', async () => {
    const { articleId } = await storeArticle(['Parallel One', 'Parallel Two', 'Parallel Three']);
    await processAlertJob(deps, { articleId });
    advance(5 * MIN);
    const results = await Promise.all([flushDueDeliveries(deps), flushDueDeliveries(deps), flushDueDeliveries(deps)]);
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(3);
    const ids = hook.accepted.flatMap((b) => (b.items as Array<{ deliveryId: number }>).map((i) => i.deliveryId));
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(3);
  });

  it('retries a receiver that fails twice with growing backoff and delivers exactly once', async () => {
    hook.failNext = 2;
    const { articleId } = await storeArticle(['Retry Person']);
    await processAlertJob(deps, { articleId });
    advance(5 * MIN);
    expect(await flushDueDeliveries(deps)).toMatchObject({ retried: 1, sent: 0 });
    const [afterFirst] = await deliveries('webhook-1');
    expect(afterFirst).toMatchObject({ status: 'pending', attempts: 1 });
    const firstDelay = (afterFirst!.next_attempt_at as Date).getTime() - clock.getTime();
    expect(firstDelay).toBe(1 * MIN);

    advance(30_000); // not yet due: nothing is sent
    expect(await flushDueDeliveries(deps)).toMatchObject({ retried: 0, sent: 0, messages: 0 });
    advance(30_000);
    expect(await flushDueDeliveries(deps)).toMatchObject({ retried: 1 });
    const [afterSecond] = await deliveries('webhook-1');
    expect((afterSecond!.next_attempt_at as Date).getTime() - clock.getTime()).toBe(2 * MIN); // doubled

    advance(2 * MIN);
    expect(await flushDueDeliveries(deps)).toMatchObject({ sent: 1 });
    advance(60 * MIN);
    await flushDueDeliveries(deps);
    expect(hook.requests).toBe(3);
    expect(hook.accepted).toHaveLength(1);
    const [done] = await deliveries('webhook-1');
    expect(done).toMatchObject({ status: 'sent', attempts: 3 });
    expect((await listChannelHealth(tdb.db, 'fraud'))[0]).toMatchObject({ enabled: true, consecutiveFailures: 0 });
  });

  it('gives up after about two days, disables the channel and shows it in the status summary', async () => {
    hook.failNext = 10_000;
    const { articleId } = await storeArticle(['Never Delivered']);
    await processAlertJob(deps, { articleId });
    advance(5 * MIN);
    let attempts = 0;
    for (let i = 0; i < 40; i += 1) {
      const r = await flushDueDeliveries(deps);
      if (r.retried || r.failed) attempts += 1;
      if (r.failed) break;
      advance(6 * 60 * MIN);
    }
    const [row] = await deliveries('webhook-1');
    expect(row).toMatchObject({ status: 'failed' });
    expect(attempts).toBeGreaterThan(5);
    const summary = await alertStatusSummary(tdb.db, clock);
    expect(summary.failed).toBe(1);
    expect(summary.disabledChannels).toMatchObject([{ ruleId: 'fraud', channel: 'webhook-1', enabled: false }]);

    // while disabled, new matches are recorded as failed (visible, not sent)
    const next = await storeArticle(['Another Person']);
    await processAlertJob(deps, { articleId: next.articleId });
    expect((await deliveries('webhook-1')).map((d) => d.status)).toEqual(['failed', 'failed']);

    // an admin fixes the receiver and re-enables the channel: both go out once
    hook.failNext = 0;
    expect(await enableChannel(tdb.db, 'fraud', 'webhook-1', clock)).toBe(2);
    expect(await flushDueDeliveries(deps)).toMatchObject({ sent: 2, messages: 1 });
    expect(hook.accepted).toHaveLength(1);
  });

  it('a crash between sending and recording sends at most one duplicate', async () => {
    const { articleId } = await storeArticle(['Crash Case']);
    await processAlertJob(deps, { articleId });
    advance(5 * MIN);
    // a worker claims the row, sends, and dies before recording the outcome
    const claimed = await claimPendingDeliveries(tdb.db, 'fraud', 'webhook-1', clock, 10);
    expect(claimed).toHaveLength(1);
    const rule = (await loadActiveRules(tdb.db, deps.env))[0]!.rule;
    const channel = rule.channels[0]!;
    if (channel.type !== 'webhook') throw new Error('expected the webhook channel');
    const items = (await loadDeliveryItems(tdb.db, [claimed[0]!.id])).map((r) => ({ deliveryId: r.delivery_id as number, candidate: toCandidate(r) }));
    await defaultSenders.webhook(channel, { rule, items, publicUrl: 'http://review.test', sentAt: clock });
    expect(hook.accepted).toHaveLength(1);

    // other workers leave the row alone while the lease runs
    advance(5 * MIN);
    expect(await flushDueDeliveries(deps)).toMatchObject({ sent: 0 });
    // after the lease it is requeued once and re-sent: one duplicate, then never again
    advance(10 * MIN);
    expect(await flushDueDeliveries(deps)).toMatchObject({ sent: 1 });
    advance(60 * MIN);
    await flushDueDeliveries(deps);
    expect(hook.accepted).toHaveLength(2);
    const ids = hook.accepted.map((b) => (b.items as Array<{ deliveryId: number }>)[0]!.deliveryId);
    expect(ids[0]).toBe(ids[1]); // the receiver can drop the duplicate by deliveryId
    expect((await deliveries('webhook-1'))[0]).toMatchObject({ status: 'sent' });
  });
});
