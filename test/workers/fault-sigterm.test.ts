/**
 * Fault: SIGTERM to `courtwatch worker --grace 5s` while a job is running.
 * - The job finishes within the grace period: the worker completes it, then exits by itself (code 0).
 * - The job outlasts the grace period: the worker returns it to the queue and exits without waiting for
 *   it; the next worker (with the default 30 s lock) does it at once, with no stalled-job recovery.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shortHash, type QueueRuntime } from '../../src/workers/queue-runtime.ts';
import type { TestDb } from '../helpers/db.ts';
import { openFaultEnv, type FaultEnv } from '../helpers/fault/fault-env.ts';
import type { FaultSite } from '../helpers/fault/fault-site.ts';
import { waitUntil } from '../helpers/fault/wait.ts';
import { spawnWorker, type WorkerProcess } from '../helpers/fault/worker-process.ts';

let t: TestDb;
let site: FaultSite;
let runtime: QueueRuntime;
let env: Record<string, string>;
let f: FaultEnv;
let workers: WorkerProcess[] = [];

beforeAll(async () => {
  f = await openFaultEnv('sigterm', { limit: 2 });
  ({ t, site, runtime, env, workers } = f);
});

afterAll(async () => {
  await f?.close();
});

async function startWorker(args: string[]): Promise<WorkerProcess> {
  const w = spawnWorker(args, env);
  workers.push(w);
  await w.waitForLog('workers started', 120_000);
  return w;
}

/** Queues a fetch of the article and resolves once the worker is holding it (the job is active). */
async function startHeldJob(articlePath: string): Promise<string> {
  const held = site.hold((p) => p === articlePath);
  const url = `${site.url}${articlePath}`;
  await runtime.enqueueFetches('fault', [{ url, lastmod: null }]);
  await waitUntil('the worker to request the held article', async () => (await Promise.race([held, null])) ?? false, { timeoutMs: 60_000 });
  return url;
}

async function articleCount(url: string): Promise<number> {
  const rows = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM articles WHERE canonical_url = $1', [url]);
  return rows[0]!.n;
}

describe('SIGTERM with a grace period', () => {
  it('lets a job that finishes within the grace period complete, then exits cleanly', async () => {
    const w = await startWorker(['--grace', '5s']);
    const url = await startHeldJob(site.articlePaths[0]!);
    w.child.kill('SIGTERM');
    await w.waitForLog('shutting down', 30_000);
    site.release();
    const exit = await w.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(w.logs.find((l) => l.msg === 'workers stopped')).toMatchObject({ timedOut: false, returned: [] });
    const job = await runtime.queues.fetch.getJob(`fetch-${shortHash(url)}`);
    expect(await job?.getState()).toBe('completed');
  }, 240_000);

  it('returns a job that outlasts the grace period, exits, and the next worker does the job', async () => {
    const w = await startWorker(['--grace', '5s']);
    const url = await startHeldJob(site.articlePaths[1]!);
    const jobId = `fetch-${shortHash(url)}`;
    w.child.kill('SIGTERM');
    // the response is still held: the worker must not wait for it
    const exit = await Promise.race([w.exited, new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 90_000))]);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(w.logs.find((l) => l.msg === 'workers stopped')).toMatchObject({ timedOut: true, returned: [`fetch/${jobId}`] });
    expect(await (await runtime.queues.fetch.getJob(jobId))?.getState()).toBe('waiting');
    site.release();

    // default lock duration (30 s): the job is done because it was returned, not because its lock expired
    const next = await startWorker([]);
    await waitUntil('the next worker to complete the returned job', async () => (await runtime.pending()) === 0 && (await articleCount(url)) === 1, {
      timeoutMs: 90_000,
      describe: async () => JSON.stringify(await runtime.counts()) + next.output(),
    });
    expect(await (await runtime.queues.fetch.getJob(jobId))?.getState()).toBe('completed');
    expect(next.logs.some((l) => typeof l.msg === 'string' && l.msg.startsWith('stalled job'))).toBe(false);
    const pages = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM pages WHERE url = $1', [url]);
    expect(pages[0]!.n).toBe(1);
  }, 240_000);
});
