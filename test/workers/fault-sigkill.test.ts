/**
 * Fault: a worker process is killed with SIGKILL in the middle of a fetch job (the site holds the
 * response, so "the middle" is deterministic). A second worker takes the stalled job back once its lock
 * expires, completes it, and the database holds every page and article exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueueRuntime } from '../../src/workers/queue-runtime.ts';
import type { TestDb } from '../helpers/db.ts';
import { openFaultEnv, type FaultEnv } from '../helpers/fault/fault-env.ts';
import type { FaultSite } from '../helpers/fault/fault-site.ts';
import { waitUntil } from '../helpers/fault/wait.ts';
import { spawnWorker, type WorkerProcess } from '../helpers/fault/worker-process.ts';

const ARTICLES = 3;
// short lock so the test waits seconds, not the 30 s default, for the dead worker's job
const WORKER_ARGS = ['--lock-duration', '3s', '--stalled-interval', '1s', '--grace', '2s'];

let t: TestDb;
let site: FaultSite;
let runtime: QueueRuntime;
let env: Record<string, string>;
let f: FaultEnv;
let workers: WorkerProcess[] = [];

beforeAll(async () => {
  f = await openFaultEnv('sigkill', { limit: ARTICLES });
  ({ t, site, runtime, env, workers } = f);
});

afterAll(async () => {
  await f?.close();
});

describe('a worker killed with SIGKILL mid-job', () => {
  it('leaves the job to the next worker, which completes it with no duplicate row', async () => {
    const first = spawnWorker(WORKER_ARGS, env);
    workers.push(first);
    await first.waitForLog('workers started', 120_000);

    const slowPath = site.articlePaths[0]!;
    const slowUrl = `${site.url}${slowPath}`;
    const held = site.hold((p) => p === slowPath);
    await runtime.enqueueFetches('fault', site.articlePaths.map((p) => ({ url: `${site.url}${p}`, lastmod: null })));
    await waitUntil('the first worker to request the held article', async () => (await Promise.race([held, null])) ?? false, { timeoutMs: 60_000 });

    // the job is active in the first worker, whose HTTP request is held: kill it there
    expect((await runtime.queues.fetch.getJobCounts('active')).active ?? 0).toBeGreaterThanOrEqual(1);
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    site.release();

    const second = spawnWorker(WORKER_ARGS, env);
    workers.push(second);
    await second.waitForLog('workers started', 120_000);
    await waitUntil(
      'the queues to drain after the second worker took the stalled job back',
      async () => (await runtime.pending()) === 0 && ((await runtime.queues.extract.getJobCounts('completed')).completed ?? 0) >= ARTICLES,
      { timeoutMs: 90_000, describe: async () => JSON.stringify(await runtime.counts()) + second.output() },
    );

    expect(second.logs.some((l) => l.msg === 'stalled job taken back (its worker died or hung)')).toBe(true);
    expect(site.requests.filter((p) => p === slowPath).length).toBeGreaterThanOrEqual(2);
    const counts = await runtime.counts();
    expect(counts.fetch).toMatchObject({ completed: ARTICLES, failed: 0 });
    expect(counts.extract).toMatchObject({ completed: ARTICLES, failed: 0 });

    const pages = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM pages WHERE url = $1', [slowUrl]);
    expect(pages[0]!.n).toBe(1);
    const articles = await t.db.query<{ canonical_url: string }>('SELECT canonical_url FROM articles ORDER BY canonical_url');
    expect(articles.map((a) => a.canonical_url)).toEqual(site.articlePaths.map((p) => `${site.url}${p}`).sort());
    const dupes = await t.db.query('SELECT article_id, record_key FROM records GROUP BY 1, 2 HAVING count(*) > 1');
    expect(dupes).toEqual([]);
  }, 300_000);
});
