/**
 * The whole path on real services: the fixture news site on 127.0.0.1 -> `courtwatch crawl --once`
 * (a real child process) -> Postgres. Then a second run must add nothing.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';
import { startSiteServer, type SiteServer } from '../../src/demo/site-server.ts';
import { runCli } from '../helpers/cli.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';
import { createTestRedis, type TestRedis } from '../helpers/redis.ts';

let t: TestDb;
let r: TestRedis;
let site: SiteServer;
let env: Record<string, string>;

beforeAll(async () => {
  t = await createTestDb('e2e');
  r = await createTestRedis('e2e');
  site = await startSiteServer(path.join(PROJECT_ROOT, 'fixtures/sites/steppe-herald'));
  const dir = mkdtempSync(path.join(tmpdir(), 'courtwatch-e2e-'));
  const sourcesFile = path.join(dir, 'sources.yml');
  // Two sources over the same site (feed and sitemap): the same articles arrive twice and must be stored once.
  writeFileSync(
    sourcesFile,
    `contact_url: https://example.org/courtwatch
sources:
  - id: steppe-rss
    name: The Steppe Herald (RSS)
    kind: rss
    url: ${site.url}/rss.xml
    rate_limit: { per_second: 50, concurrency: 4 }
    allow_private_network: true
  - id: steppe-sitemap
    name: The Steppe Herald (sitemap)
    kind: sitemap
    url: ${site.url}/sitemap.xml
    rate_limit: { per_second: 50, concurrency: 4 }
    allow_private_network: true
`,
  );
  env = { DATABASE_URL: t.url, REDIS_URL: r.url, COURTWATCH_QUEUE_PREFIX: r.prefix, COURTWATCH_SOURCES: sourcesFile };
});

afterAll(async () => {
  await site?.close();
  await r?.cleanup();
  await t?.drop();
});

async function tableCounts(): Promise<Record<string, number>> {
  const rows = await t.db.query<{ pages: number; articles: number; records: number }>(
    'SELECT (SELECT count(*) FROM pages)::int AS pages, (SELECT count(*) FROM articles)::int AS articles, (SELECT count(*) FROM records)::int AS records',
  );
  return rows[0]!;
}

describe('courtwatch crawl --once against the fixture site', { timeout: 240_000 }, () => {
  it('stores the example article with its records, politely', async () => {
    const run = await runCli(['crawl', '--once', '--timeout', '150s'], env, { timeoutMs: 200_000 });
    expect(run.stderr).not.toMatch(/Error:/);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/crawl: 2 source\(s\)/);

    const articles = await t.db.query<{ id: number; canonical_url: string; title: string; published_at: Date }>(
      "SELECT id, canonical_url, title, published_at FROM articles WHERE canonical_url LIKE '%bloody-january-almaty-11-convicted.html'",
    );
    expect(articles).toHaveLength(1);
    expect(articles[0]!.published_at.toISOString().slice(0, 10)).toBe('2024-06-14');

    const records = await t.db.query<{ name: string | null; count: number; sentence_kind: string; sentence_months: number; status: string; verdict_date: string }>(
      'SELECT name, count, sentence_kind, sentence_months, status, verdict_date FROM records WHERE article_id = $1 ORDER BY ordinal',
      [articles[0]!.id],
    );
    expect(records.find((x) => x.name === 'Akzhol Zhandarbekov')).toMatchObject({
      count: 1, sentence_kind: 'prison', sentence_months: 48, status: 'convicted', verdict_date: '2024-06-11',
    });
    expect(records.map((x) => x.name)).not.toContain('Kanat Beisebaev');

    // robots.txt disallows /private/: never requested
    expect(site.requests.filter((p) => p.startsWith('/private/'))).toEqual([]);
    expect(site.requests).toContain('/robots.txt');
  });

  it('a second run adds no page, article or record', async () => {
    const before = await tableCounts();
    expect(before.pages).toBeGreaterThan(5);
    const run = await runCli(['crawl', '--once', '--timeout', '150s'], env, { timeoutMs: 200_000 });
    expect(run.code).toBe(0);
    expect(await tableCounts()).toEqual(before);
    const dupes = await t.db.query('SELECT canonical_url FROM articles GROUP BY canonical_url HAVING count(*) > 1');
    expect(dupes).toEqual([]);
  });
});
