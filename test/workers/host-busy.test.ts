/**
 * A job whose host is busy (politeness limit) is delayed in the queue instead of holding a worker slot
 * while it waits; it uses no attempt, and the host's limits still hold.
 */
import { QueueEvents } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCrawler } from '../../src/crawlers/index.ts';
import { RedisHostLimiter } from '../../src/crawlers/rate-limiter.ts';
import { HostBusyError } from '../../src/errors.ts';
import { log } from '../../src/log.ts';
import { QUEUE } from '../../src/workers/queues.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';
import { startFaultSite, type FaultSite } from '../helpers/fault/fault-site.ts';
import { waitUntil } from '../helpers/fault/wait.ts';
import { createTestRedis, type TestRedis } from '../helpers/redis.ts';
import { createHarness, tableCounts, type Harness } from './harness.ts';

const ARTICLES = 5;
let t: TestDb;
let r: TestRedis;
let site: FaultSite;
let h: Harness;
let events: QueueEvents;

beforeAll(async () => {
  t = await createTestDb('host_busy');
  r = await createTestRedis('host-busy');
  site = await startFaultSite({ limit: ARTICLES });
  h = await createHarness(t, r, site.sourceYaml('busy', '', '{ per_second: 4, concurrency: 1 }'));
  // the production setting in miniature: a Redis-shared limiter and a short wait before giving the slot up
  h.deps.crawler = createCrawler({ contactUrl: 'https://example.org/courtwatch', redis: r.redis, keyPrefix: r.prefix, maxSlotWaitMs: 50, log });
  events = new QueueEvents(QUEUE.fetch, { connection: { url: r.url }, prefix: r.prefix });
  await events.waitUntilReady();
});

afterAll(async () => {
  await events?.close();
  await h?.close();
  await site?.close();
  await r?.cleanup();
  await t?.drop();
});

describe('a busy host', { timeout: 120_000 }, () => {
  it('the limiter gives up with HostBusyError and the wait it needs, instead of waiting past maxWaitMs', async () => {
    const limiter = new RedisHostLimiter(r.redis, `${r.prefix}:unit`, 10_000);
    const release = await limiter.acquire('news.example', { perSecond: 1, concurrency: 1, maxWaitMs: 100 });
    const err = await limiter.acquire('news.example', { perSecond: 1, concurrency: 1, maxWaitMs: 100 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostBusyError);
    expect((err as HostBusyError).retryAfterMs).toBeGreaterThan(100);
    expect((err as HostBusyError).retryAfterMs).toBeLessThanOrEqual(1000);
    await release();
  });

  it('delays fetch jobs in the queue, uses no attempt, stores every article, and keeps the host limits', async () => {
    let delayed = 0;
    events.on('delayed', () => delayed++);
    h.start({ concurrency: { fetch: 4 } });
    await h.runtime.enqueueDiscover('busy');
    await waitUntil('every article stored', async () => (await tableCounts(t)).articles >= ARTICLES, { timeoutMs: 90_000 });
    expect((await tableCounts(t)).articles).toBe(ARTICLES);
    expect(delayed).toBeGreaterThan(0);
    const done = await h.runtime.queues.fetch.getCompleted();
    expect(done).toHaveLength(ARTICLES);
    // parked jobs were not charged an attempt: each finished on its first
    expect(done.map((j) => j.attemptsMade)).toEqual(done.map(() => 1));
    expect(site.maxInFlight).toBe(1);
  });
});
