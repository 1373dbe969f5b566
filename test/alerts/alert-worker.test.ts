import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncRulesFromConfig } from '../../src/alerts/engine.ts';
import { parseAlertsConfig } from '../../src/alerts/rules-config.ts';
import { startAlertWorker, type AlertWorkerHandle } from '../../src/workers/alert-worker.ts';
import { QUEUE } from '../../src/workers/queues.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';
import { createTestRedis, type TestRedis } from '../helpers/redis.ts';
import { insertArticle, insertCase, insertRecord, startWebhookReceiver, type WebhookReceiver } from './helpers.ts';

const SECRET = 'worker-secret-0123456789';

let tdb: TestDb;
let tredis: TestRedis;
let hook: WebhookReceiver;
let handle: AlertWorkerHandle;
let queue: Queue;
let events: QueueEvents;
let conn: Redis;
let eventsConn: Redis;

async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  tdb = await createTestDb('alerts_worker');
  tredis = await createTestRedis('alerts');
  hook = await startWebhookReceiver(SECRET);
  const config = parseAlertsConfig(
    `
settings: { batch_window: 0s }
rules:
  - id: fraud
    name: Fraud
    match: { charges: [fraud] }
    channels: [{ type: webhook, url: "${hook.url}", secret: "${SECRET}" }]
`,
    'alerts.yml',
  );
  await syncRulesFromConfig(tdb.db, config);
  handle = await startAlertWorker(
    { db: tdb.db, settings: config.settings, publicUrl: 'http://review.test' },
    { redisUrl: tredis.url, prefix: tredis.prefix, flushEveryMs: 200 },
  );
  conn = new Redis(tredis.url, { maxRetriesPerRequest: null });
  queue = new Queue(QUEUE.alert, { connection: conn, prefix: tredis.prefix });
  eventsConn = new Redis(tredis.url, { maxRetriesPerRequest: null });
  events = new QueueEvents(QUEUE.alert, { connection: eventsConn, prefix: tredis.prefix });
  await events.waitUntilReady();
});

afterAll(async () => {
  await handle?.close();
  await events?.close();
  await queue?.close();
  conn?.disconnect();
  eventsConn?.disconnect();
  await hook?.close();
  await tredis?.cleanup();
  await tdb?.drop();
});

describe('startAlertWorker', () => {
  it('processes alert jobs from the queue and delivers once, even when the job runs twice', async () => {
    const articleId = await insertArticle(tdb.db, { url: 'https://news.example/worker' });
    await insertRecord(tdb.db, { articleId, caseId: await insertCase(tdb.db, 'w'), name: 'Worker Case' });
    const first = await queue.add('alert', { articleId });
    await first.waitUntilFinished(events, 30_000);
    const second = await queue.add('alert', { articleId });
    await second.waitUntilFinished(events, 30_000);
    await until(() => hook.accepted.length >= 1, 'the webhook delivery');
    // give the repeatable flush a few more turns: nothing else may arrive
    const flushes = async (): Promise<number> => (await queue.getJobCounts('completed')).completed ?? 0;
    const seen = await flushes();
    await until(async () => (await flushes()) >= seen + 3, 'three more flush runs');
    expect(hook.accepted).toHaveLength(1);
    const rows = await tdb.db.query(`SELECT status FROM alert_deliveries WHERE channel = 'webhook-1'`);
    expect(rows).toEqual([{ status: 'sent' }]);
  });

  it('fails a job with a bad payload without retrying it', async () => {
    const job = await queue.add('alert', { articleId: 'seven' }, { attempts: 3, backoff: { type: 'fixed', delay: 10 } });
    await expect(job.waitUntilFinished(events, 30_000)).rejects.toThrow(/articleId/);
    const failed = await queue.getJob(job.id!);
    expect(failed!.attemptsMade).toBe(1);
  });
});
