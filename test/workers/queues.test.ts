/**
 * Queues: content-derived job ids (the same work is never queued twice), exponential retries, and a job
 * that keeps failing landing in the failed state with its error, listed by `courtwatch status`.
 */
import { Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeUrl } from '../../src/crawlers/index.ts';
import type { Crawler, DiscoveryResult, FetchedPage } from '../../src/crawlers/types.ts';
import { FetchError } from '../../src/errors.ts';
import { retryDelay } from '../../src/workers/pipeline-workers.ts';
import { JOB_DEFAULTS, RETRY_BASE_MS, createRedis, shortHash } from '../../src/workers/queue-runtime.ts';
import { runCli } from '../helpers/cli.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';
import { waitUntil } from '../helpers/fault/wait.ts';
import { createTestRedis, type TestRedis } from '../helpers/redis.ts';
import { createHarness, type Harness } from './harness.ts';

const SOURCES = `  - id: flaky
    name: Flaky
    kind: rss
    url: http://127.0.0.1:9/rss.xml
  - id: steady
    name: Steady
    kind: rss
    url: http://127.0.0.1:9/steady.xml
`;
const RETRY_BASE_FOR_TEST = 100;

let t: TestDb;
let r: TestRedis;
let h: Harness;
const attemptsAt = new Map<string, number[]>();

/** A crawler whose flaky source and pages always fail: 503 (retryable) or 404 (not). */
const failingCrawler: Pick<Crawler, 'discover' | 'fetch'> = {
  async discover(source): Promise<DiscoveryResult> {
    if (source.id === 'flaky') throw new FetchError(source.url, 'server error', { status: 503 });
    return { urls: [], notModified: true, state: {} };
  },
  async fetch(url): Promise<FetchedPage> {
    attemptsAt.set(url, [...(attemptsAt.get(url) ?? []), Date.now()]);
    throw new FetchError(url, url.includes('gone') ? 'not found' : 'server error', { status: url.includes('gone') ? 404 : 503 });
  },
};

beforeAll(async () => {
  t = await createTestDb('queues');
  r = await createTestRedis('queues');
  h = await createHarness(t, r, SOURCES);
});

afterAll(async () => {
  await h?.close();
  await r?.cleanup();
  await t?.drop();
});

describe('content-derived job ids', () => {
  it('queues one fetch per canonical URL, even when rediscovered or reached through a tracking variant', async () => {
    const q = h.runtime.queues.fetch;
    const url = 'https://news.example/articles/verdict.html';
    await h.runtime.enqueueFetches('flaky', [{ url, lastmod: null }], 'live', normalizeUrl);
    await h.runtime.enqueueFetches('flaky', [{ url, lastmod: '2024-06-01' }, { url: `${url}?utm_source=rss#top`, lastmod: null }], 'live', normalizeUrl);
    const jobs = await q.getJobs(['waiting']);
    expect(jobs.map((j) => j.id)).toEqual([`fetch-${shortHash(normalizeUrl(url))}`]);
    // once done, the URL is not queued again while the completed job is retained (7 days)
    const connection = createRedis(r.url);
    const worker = new Worker(q.name, async () => 'done', { connection, prefix: r.prefix });
    await waitUntil('the stand-in worker to complete the job', async () => (await q.getJobCounts('completed')).completed === 1);
    await worker.close();
    connection.disconnect();
    await h.runtime.enqueueFetches('flaky', [{ url, lastmod: null }], 'live', normalizeUrl);
    expect(await q.getJobCounts('waiting', 'completed')).toEqual({ waiting: 0, completed: 1 });
    await q.obliterate({ force: true });
  });

  it('queues one extraction per page and extractor version', async () => {
    const q = h.runtime.queues.extract;
    await h.runtime.enqueueExtract(41, '1.0.0');
    await h.runtime.enqueueExtract(41, '1.0.0');
    await h.runtime.enqueueExtract(42, '1.0.0');
    await h.runtime.enqueueExtract(41, '1.1.0');
    const ids = (await q.getJobs(['waiting'])).map((j) => j.id).sort();
    expect(ids).toEqual(['extract-41-1.0.0', 'extract-41-1.1.0', 'extract-42-1.0.0']);
    // the bulk lane (re-extraction) is a separate queue: it never delays live extraction
    await h.runtime.enqueueExtract(41, '1.1.0', 'bulk');
    expect((await h.runtime.queues.bulk.getJobs(['waiting'])).map((j) => j.id)).toEqual(['extract-41-1.1.0']);
    await q.obliterate({ force: true });
    await h.runtime.queues.bulk.obliterate({ force: true });
  });
});

describe('retries and failure', () => {
  it('computes exponential delays with jitter, and honours Retry-After', () => {
    for (let attempt = 1; attempt <= 5; attempt++) {
      const d = retryDelay(attempt, new Error('x'));
      expect(d).toBeGreaterThanOrEqual(RETRY_BASE_MS * 2 ** (attempt - 1) * 0.8);
      expect(d).toBeLessThanOrEqual(RETRY_BASE_MS * 2 ** (attempt - 1) * 1.2);
    }
    expect(retryDelay(2, new FetchError('https://x.example', 'slow down', { status: 429, retryAfterMs: 120_000 }))).toBe(120_000);
    expect(JOB_DEFAULTS).toMatchObject({ attempts: 6, backoff: { type: 'courtwatch' } });
  });

  it('retries a failing job with growing delays, then lists it as failed with its error in `courtwatch status`', async () => {
    h.deps.crawler = failingCrawler;
    h.start({ retryBaseMs: RETRY_BASE_FOR_TEST });
    const flakyUrl = 'https://news.example/articles/flaky.html';
    const goneUrl = 'https://news.example/articles/gone.html';
    await h.runtime.enqueueFetches('flaky', [{ url: flakyUrl, lastmod: null }, { url: goneUrl, lastmod: null }]);
    await h.runtime.enqueueDiscover('flaky');
    await h.runtime.enqueueDiscover('steady');

    await waitUntil('both fetch jobs and the flaky discovery to fail for good', async () => {
      const c = await h.runtime.counts();
      return c.fetch!.failed === 2 && c.discover!.failed === 1 && c.discover!.completed === 1;
    }, { timeoutMs: 60_000, describe: async () => JSON.stringify(await h.runtime.counts()) });

    const flaky = await h.runtime.queues.fetch.getJob(`fetch-${shortHash(flakyUrl)}`);
    expect(flaky!.attemptsMade).toBe(6);
    expect(flaky!.failedReason).toMatch(/server error/);
    const at = attemptsAt.get(flakyUrl)!;
    expect(at).toHaveLength(6);
    // each wait at least the exponential lower bound: 80, 160, 320, 640, 1280 ms
    at.slice(1).forEach((time, i) => expect(time - at[i]!).toBeGreaterThanOrEqual(RETRY_BASE_FOR_TEST * 2 ** i * 0.8));

    // a 404 is not retried
    const gone = await h.runtime.queues.fetch.getJob(`fetch-${shortHash(goneUrl)}`);
    expect(gone!.attemptsMade).toBe(1);
    expect(attemptsAt.get(goneUrl)).toHaveLength(1);
    expect(gone!.failedReason).toMatch(/^FETCH_FAILED: not found/);

    const env = { DATABASE_URL: t.url, REDIS_URL: r.url, COURTWATCH_QUEUE_PREFIX: r.prefix };
    const run = await runCli(['status'], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines.find((l) => l.trim().startsWith('queue'))!.trim().split(/\s+/)).toEqual(['queue', 'waiting', 'active', 'delayed', 'failed', 'completed']);
    expect(lines.find((l) => l.trim().startsWith('fetch '))!.trim().split(/\s+/)).toEqual(['fetch', '0', '0', '0', '2', '0']);
    expect(lines.find((l) => l.trim().startsWith('discover '))!.trim().split(/\s+/)).toEqual(['discover', '0', '0', '0', '1', '1']);
    expect(run.stdout).toContain(`fetch/fetch-${shortHash(flakyUrl)} after 6 attempt(s)`);
    expect(run.stdout).toMatch(/fetch\/fetch-\w+ after 1 attempt\(s\) at .*FETCH_FAILED: not found/);
    expect(run.stdout).toContain(flakyUrl);
    // the sections other parts contribute: backfill checkpoints and alert delivery health
    expect(run.stdout).toMatch(/^Backfill runs/m);
    expect(run.stdout).toMatch(/^Alerts\n {2}deliveries: \d+ pending/m);
    const flakyLine = lines.find((l) => l.trim().startsWith('flaky '))!;
    expect(flakyLine).toMatch(/flaky\s+0\s+-\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+server error/);
    const steadyLine = lines.find((l) => l.trim().startsWith('steady '))!;
    expect(steadyLine).toMatch(/steady\s+0\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+-/);

    const json = await runCli(['status', '--json'], env);
    const parsed = JSON.parse(json.stdout) as { failed: Array<{ queue: string; error: string }> };
    expect(parsed.failed.filter((f) => f.queue === 'fetch')).toHaveLength(2);
  }, 180_000);
});
