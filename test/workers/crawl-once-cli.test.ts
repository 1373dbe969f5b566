/**
 * `courtwatch crawl --once [--source ID]` through the real CLI: only the chosen source is crawled, the
 * progress line is reported, the summary counts what was done, and an unknown id is one clear error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';
import { startFaultSite, type FaultSite } from '../helpers/fault/fault-site.ts';
import { pipelineEnv, writeSourcesFile } from '../helpers/fault/pipeline-env.ts';
import { createTestRedis, type TestRedis } from '../helpers/redis.ts';

let t: TestDb;
let r: TestRedis;
let one: FaultSite;
let two: FaultSite;
let env: Record<string, string>;

beforeAll(async () => {
  t = await createTestDb('crawl_once');
  r = await createTestRedis('crawl-once');
  one = await startFaultSite({ limit: 2 });
  two = await startFaultSite({ limit: 3 });
  env = pipelineEnv({ databaseUrl: t.url, redisUrl: r.url, prefix: r.prefix, sourcesFile: writeSourcesFile([one.sourceYaml('site-one'), two.sourceYaml('site-two')]) });
});

afterAll(async () => {
  await one?.close();
  await two?.close();
  await r?.cleanup();
  await t?.drop();
});

async function articlesBySource(): Promise<Record<string, number>> {
  const rows = await t.db.query<{ source_id: string; n: number }>('SELECT source_id, count(*)::int AS n FROM articles GROUP BY source_id');
  return Object.fromEntries(rows.map((x) => [x.source_id, x.n]));
}

describe('courtwatch crawl --once', () => {
  it('--source crawls only that source, reports progress and a summary', async () => {
    const run = await runCli(['crawl', '--once', '--source', 'site-one', '--timeout', '2m'], { ...env, LOG_LEVEL: 'info' }, { timeoutMs: 240_000 });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('crawl: 1 source(s), 2 page(s) fetched, 2 extracted, 0 failed\n');
    // not a terminal: progress goes to the log as structured lines
    const progress = run.stderr.split('\n').filter((l) => l.includes('"msg":"progress"')).map((l) => JSON.parse(l) as { progress: string });
    expect(progress.length).toBeGreaterThan(0);
    expect(progress[0]!.progress).toMatch(/^discovered \d\/1 sources · fetched \d+ · extracted \d+ · failed 0 · pending \d+$/);
    expect(await articlesBySource()).toEqual({ 'site-one': 2 });
    expect(two.requests).toEqual([]);
  }, 300_000);

  it('without --source crawls every enabled source, and does not fetch site-one’s articles again', async () => {
    const run = await runCli(['crawl', '--once', '--timeout', '2m'], env, { timeoutMs: 240_000 });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^crawl: 2 source\(s\), 3 page\(s\) fetched, 3 extracted, 0 failed\n$/);
    expect(await articlesBySource()).toEqual({ 'site-one': 2, 'site-two': 3 });
    for (const p of one.articlePaths) expect(one.requests.filter((x) => x === p)).toHaveLength(1);
  }, 300_000);

  it('an unknown source id is one clear error', async () => {
    const run = await runCli(['crawl', '--once', '--source', 'nope'], env, { timeoutMs: 240_000 });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^courtwatch: .*no source with id "nope" \(known: site-one, site-two\)\n$/);
  }, 300_000);
});
