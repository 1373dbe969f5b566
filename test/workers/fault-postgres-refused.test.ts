/**
 * Fault: Postgres refuses connections for a while in the middle of a crawl. The worker process reaches
 * Postgres through a TCP proxy; the test closes the proxy (cutting open connections and refusing new
 * ones) for several seconds, then reopens it. Failed jobs retry with backoff, the pg Pool reconnects, and
 * the crawl finishes with every article stored once and no failed job.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueueRuntime } from '../../src/workers/queue-runtime.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';
import { startFaultSite, type FaultSite } from '../helpers/fault/fault-site.ts';
import { pipelineEnv, writeSourcesFile } from '../helpers/fault/pipeline-env.ts';
import { startTcpProxy, type TcpProxy } from '../helpers/fault/tcp-proxy.ts';
import { waitUntil } from '../helpers/fault/wait.ts';
import { spawnWorker, type WorkerProcess } from '../helpers/fault/worker-process.ts';
import { createTestRedis, type TestRedis } from '../helpers/redis.ts';

const OUTAGE_MS = 6_000;

let t: TestDb;
let r: TestRedis;
let proxy: TcpProxy;
let site: FaultSite;
let runtime: QueueRuntime;
let worker: WorkerProcess | undefined;

beforeAll(async () => {
  t = await createTestDb('pg_refused');
  r = await createTestRedis('pg-refused');
  const pgUrl = new URL(t.url);
  proxy = await startTcpProxy({ host: pgUrl.hostname, port: Number(pgUrl.port || 5432) });
  site = await startFaultSite();
  runtime = new QueueRuntime(r.url, r.prefix);
});

afterAll(async () => {
  await worker?.kill();
  await runtime?.close();
  await site?.close();
  await proxy?.close();
  await r?.cleanup();
  await t?.drop();
});

async function storedArticles(): Promise<number> {
  const rows = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM articles');
  return rows[0]!.n;
}

describe('Postgres connections refused for a while', () => {
  it('jobs retry and finish; nothing is lost or duplicated', async () => {
    const total = site.articlePaths.length;
    site.setDelay(1_000);
    const viaProxy = new URL(t.url);
    viaProxy.port = String(proxy.port);
    const env = pipelineEnv({ databaseUrl: viaProxy.toString(), redisUrl: r.url, prefix: r.prefix, sourcesFile: writeSourcesFile([site.sourceYaml('fault')]) });
    worker = spawnWorker(['--concurrency', 'fetch=2', '--grace', '2s'], env);
    await worker.waitForLog('workers started', 120_000);

    await runtime.enqueueDiscover('fault');
    await waitUntil('the first articles to be stored', async () => (await storedArticles()) >= 2, { timeoutMs: 90_000 });
    expect(await storedArticles()).toBeLessThan(total);

    const acceptedBefore = proxy.accepted;
    await proxy.refuse();
    await sleep(OUTAGE_MS);
    await proxy.reopen();

    await waitUntil(
      'every article to be stored after Postgres came back',
      async () => (await storedArticles()) === total && (await runtime.pending()) === 0,
      { timeoutMs: 180_000, intervalMs: 500, describe: async () => `${await storedArticles()}/${total} stored; ${JSON.stringify(await runtime.counts())}\n${worker!.output()}` },
    );
    expect(worker.child.exitCode).toBeNull();
    // the pool really lost its connections and made new ones
    expect(proxy.accepted).toBeGreaterThan(acceptedBefore);
    // some job really failed during the outage and was retried
    expect(worker.logs.some((l) => l.msg === 'job failed')).toBe(true);

    const counts = await runtime.counts();
    expect(counts.fetch).toMatchObject({ failed: 0, completed: total });
    expect(counts.extract).toMatchObject({ failed: 0 });
    const articles = await t.db.query<{ canonical_url: string; extractor_version: string | null }>(
      'SELECT canonical_url, extractor_version FROM articles ORDER BY canonical_url',
    );
    expect(articles.map((a) => a.canonical_url)).toEqual(site.articlePaths.map((p) => `${site.url}${p}`).sort());
    // no article half-written: every one was extracted
    expect(articles.filter((a) => a.extractor_version === null)).toEqual([]);
    const pageDupes = await t.db.query('SELECT final_url FROM pages GROUP BY final_url HAVING count(*) > 1');
    expect(pageDupes).toEqual([]);
  }, 400_000);
});
