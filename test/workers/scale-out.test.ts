/**
 * Scale out: three `courtwatch worker` processes share one queue through Redis, and the per-host limits
 * (requests in flight, spacing between request starts) hold across all of them, because the limiter
 * state lives in Redis rather than in each process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueueRuntime } from '../../src/workers/queue-runtime.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';
import { startFaultSite, type FaultSite } from '../helpers/fault/fault-site.ts';
import { pipelineEnv, writeSourcesFile } from '../helpers/fault/pipeline-env.ts';
import { waitUntil } from '../helpers/fault/wait.ts';
import { spawnWorker, type WorkerProcess } from '../helpers/fault/worker-process.ts';
import { createTestRedis, type TestRedis } from '../helpers/redis.ts';

const PER_SECOND = 4;
const HOST_CONCURRENCY = 2;
const INTERVAL_MS = 1000 / PER_SECOND;
// arrival times jitter with scheduling and the network; the spacing bound over a window of WINDOW
// requests allows this much slack in total
const WINDOW = 5;
const SLACK_MS = 150;

let t: TestDb;
let r: TestRedis;
let site: FaultSite;
let runtime: QueueRuntime;
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  t = await createTestDb('scale_out');
  r = await createTestRedis('scale-out');
  site = await startFaultSite();
  runtime = new QueueRuntime(r.url, r.prefix);
});

afterAll(async () => {
  for (const w of workers) await w.kill();
  await runtime?.close();
  await site?.close();
  await r?.cleanup();
  await t?.drop();
});

describe('three worker processes', () => {
  it('share the work and together keep to the per-host rate and concurrency', async () => {
    site.setDelay(300);
    const sourcesFile = writeSourcesFile([site.sourceYaml('fault', '', `{ per_second: ${PER_SECOND}, concurrency: ${HOST_CONCURRENCY} }`)]);
    const env = { ...pipelineEnv({ databaseUrl: t.url, redisUrl: r.url, prefix: r.prefix, sourcesFile }), LOG_LEVEL: 'debug' };
    for (let i = 0; i < 3; i++) workers.push(spawnWorker(['--concurrency', 'fetch=4', '--grace', '2s'], env));
    await Promise.all(workers.map((w) => w.waitForLog('workers started', 180_000)));

    const total = site.articlePaths.length;
    await runtime.enqueueFetches('fault', site.articlePaths.map((p) => ({ url: `${site.url}${p}`, lastmod: null })));
    await waitUntil('every article to be stored', async () => {
      const rows = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM articles');
      return rows[0]!.n === total && (await runtime.pending()) === 0;
    }, { timeoutMs: 180_000, describe: async () => JSON.stringify(await runtime.counts()) });

    // the work was shared: more than one process completed fetch jobs
    const fetchesPerWorker = workers.map((w) => w.logs.filter((l) => l.msg === 'job done' && l.queue === 'fetch').length);
    expect(fetchesPerWorker.reduce((a, b) => a + b, 0)).toBe(total);
    expect(fetchesPerWorker.filter((n) => n > 0).length).toBeGreaterThan(1);

    // per-host limits held across the processes
    expect(site.maxInFlight).toBeLessThanOrEqual(HOST_CONCURRENCY);
    const starts = site.arrivals.filter((a) => site.articlePaths.includes(a.path)).map((a) => a.at);
    expect(starts).toHaveLength(total);
    for (let i = 0; i + WINDOW - 1 < starts.length; i++) {
      expect(starts[i + WINDOW - 1]! - starts[i]!).toBeGreaterThanOrEqual((WINDOW - 1) * INTERVAL_MS - SLACK_MS);
    }
  }, 400_000);
});
