/**
 * Metrics: after a small crawl through the workers, the registry's Prometheus text has pages fetched by
 * source and status, extraction times and queue depths, with the values the crawl produced.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../helpers/db.ts';
import { startFaultSite, type FaultSite } from '../helpers/fault/fault-site.ts';
import { waitUntil } from '../helpers/fault/wait.ts';
import { createTestRedis, type TestRedis } from '../helpers/redis.ts';
import { createHarness, type Harness } from './harness.ts';

const ARTICLES = 3;

let t: TestDb;
let r: TestRedis;
let site: FaultSite;
let h: Harness;

beforeAll(async () => {
  t = await createTestDb('metrics');
  r = await createTestRedis('metrics');
  site = await startFaultSite({ limit: ARTICLES });
  h = await createHarness(t, r, site.sourceYaml('fault'));
  h.start();
});

afterAll(async () => {
  await h?.close();
  await site?.close();
  await r?.cleanup();
  await t?.drop();
});

/** The value of one series in Prometheus text format, or undefined. */
function series(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const wanted = Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`));
    if (wanted) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}

describe('metrics after a small crawl', () => {
  it('exposes pages fetched by source and status, extraction time and queue depths', async () => {
    await h.runtime.enqueueFetches('fault', [
      ...site.articlePaths.map((p) => ({ url: `${site.url}${p}`, lastmod: null })),
      { url: `${site.url}/articles/missing.html`, lastmod: null },
    ]);
    await waitUntil('the crawl to finish', async () => (await h.runtime.pending()) === 0 && (await h.runtime.queues.extract.getJobCounts('completed')).completed === ARTICLES, {
      timeoutMs: 120_000, describe: async () => JSON.stringify(await h.runtime.counts()),
    });
    const text = await h.metrics.registry.metrics();

    expect(series(text, 'courtwatch_pages_fetched_total', { source: 'fault', status: 'ok' })).toBe(ARTICLES);
    // the 404 is counted under its status
    expect(series(text, 'courtwatch_pages_fetched_total', { source: 'fault', status: '404' })).toBe(1);
    expect(series(text, 'courtwatch_extract_seconds_count')).toBe(ARTICLES);
    expect(series(text, 'courtwatch_extract_seconds_sum')).toBeGreaterThan(0);
    expect(series(text, 'courtwatch_queue_jobs', { queue: 'fetch', state: 'completed' })).toBe(ARTICLES);
    expect(series(text, 'courtwatch_queue_jobs', { queue: 'fetch', state: 'failed' })).toBe(1);
    expect(series(text, 'courtwatch_queue_jobs', { queue: 'extract', state: 'completed' })).toBe(ARTICLES);
    expect(series(text, 'courtwatch_queue_jobs', { queue: 'fetch', state: 'waiting' })).toBe(0);
    expect(text).toContain('# TYPE courtwatch_pages_fetched_total counter');
    expect(text).toContain('# TYPE courtwatch_extract_seconds histogram');
    expect(text).toContain('# TYPE courtwatch_queue_jobs gauge');
  }, 180_000);
});
