/**
 * Fault: Redis stops for 10 s in the middle of a crawl and comes back. The test runs its own
 * redis-server with an append-only file fsynced on every write (how Redis for BullMQ should run in
 * production: without persistence a restart loses every queued job). The worker process reconnects on
 * its own and the crawl finishes with every article stored once.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueueRuntime } from '../../src/workers/queue-runtime.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';
import { startFaultSite, type FaultSite } from '../helpers/fault/fault-site.ts';
import { pipelineEnv, writeSourcesFile } from '../helpers/fault/pipeline-env.ts';
import { startRedisServer, type RedisServer } from '../helpers/fault/redis-server.ts';
import { waitUntil } from '../helpers/fault/wait.ts';
import { spawnWorker, type WorkerProcess } from '../helpers/fault/worker-process.ts';

const OUTAGE_MS = 10_000;
const PREFIX = 'fault-redis';

let t: TestDb;
let redis: RedisServer;
let site: FaultSite;
let runtime: QueueRuntime;
let worker: WorkerProcess | undefined;

beforeAll(async () => {
  t = await createTestDb('redis_restart');
  redis = await startRedisServer({ persistent: true });
  site = await startFaultSite();
  runtime = new QueueRuntime(redis.url, PREFIX);
});

afterAll(async () => {
  await worker?.kill();
  await runtime?.close();
  await site?.close();
  await redis?.destroy();
  await t?.drop();
});

async function storedArticles(): Promise<number> {
  const rows = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM articles');
  return rows[0]!.n;
}

describe('Redis stopped for 10 s during a crawl', () => {
  it('the crawl finishes after the restart with every article stored once', async () => {
    const total = site.articlePaths.length;
    expect(total).toBeGreaterThanOrEqual(6);
    // slow articles and two fetches at a time: the crawl is still going when Redis stops
    site.setDelay(1_000);
    const env = pipelineEnv({ databaseUrl: t.url, redisUrl: redis.url, prefix: PREFIX, sourcesFile: writeSourcesFile([site.sourceYaml('fault')]) });
    worker = spawnWorker(['--concurrency', 'fetch=2', '--grace', '2s'], env);
    await worker.waitForLog('workers started', 120_000);

    await runtime.enqueueDiscover('fault');
    await waitUntil('the first articles to be stored', async () => (await storedArticles()) >= 2, { timeoutMs: 90_000 });
    const beforeOutage = await storedArticles();
    expect(beforeOutage).toBeLessThan(total);

    await redis.stop();
    await sleep(OUTAGE_MS);
    await redis.start();

    await waitUntil(
      'every article to be stored after the restart',
      async () => (await storedArticles()) === total && (await runtime.pending()) === 0,
      { timeoutMs: 180_000, intervalMs: 500, describe: async () => `${await storedArticles()}/${total} stored; ${JSON.stringify(await runtime.counts())}\n${worker!.output()}` },
    );
    expect(worker.child.exitCode).toBeNull();
    const counts = await runtime.counts();
    expect(counts.fetch).toMatchObject({ failed: 0, completed: total });
    expect(counts.extract).toMatchObject({ failed: 0 });

    const articles = await t.db.query<{ canonical_url: string }>('SELECT canonical_url FROM articles ORDER BY canonical_url');
    expect(articles.map((a) => a.canonical_url)).toEqual(site.articlePaths.map((p) => `${site.url}${p}`).sort());
    const pageDupes = await t.db.query('SELECT final_url FROM pages GROUP BY final_url HAVING count(*) > 1');
    expect(pageDupes).toEqual([]);
    // every article was requested at least once after the outage began or before: nothing was skipped
    for (const p of site.articlePaths) expect(site.requests).toContain(p);
  }, 400_000);
});
