/**
 * `courtwatch backfill` as a real child process, with the real crawler (robots, rate limit, private-address
 * guard) against the fake archive: Ctrl-C mid-run, then the same command continues without refetching.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backfillStatusSection } from '../../src/backfill/status.ts';
import { PROJECT_ROOT } from '../../src/config.ts';
import { runCli } from '../helpers/cli.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';
import { createTestRedis, type TestRedis } from '../helpers/redis.ts';
import { writeWarc } from './helpers/build-warc.ts';
import { articleHtml, startFakeArchive, type FakeArchive, type FakeCapture } from './helpers/fake-archive.ts';

const SITE = 'https://news.example.org';
const TEXT = readFileSync(path.join(PROJECT_ROOT, 'fixtures/articles/almaty-bloody-january-11-defendants.txt'), 'utf8');
const N = 30;

const captures: FakeCapture[] = Array.from({ length: N }, (_, i) => ({
  timestamp: `2023${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 27)).padStart(2, '0')}1200${String(i).padStart(2, '0')}`,
  original: `${SITE}/2023/verdict-${i}`,
  mimetype: 'text/html',
  statuscode: '200',
  digest: `D${i}`,
  body: articleHtml(`Verdict ${i}`, `Report number ${i}.\n\n${TEXT}`),
}));
captures.push({ timestamp: '20230105000000', original: `${SITE}/2023/gone`, mimetype: 'text/html', statuscode: '404', digest: 'DX' });

let t: TestDb;
let r: TestRedis;
let archive: FakeArchive;
let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  t = await createTestDb('backfill_cli');
  r = await createTestRedis('backfill_cli');
  archive = await startFakeArchive(captures, { pageSize: 10 });
  dir = mkdtempSync(path.join(tmpdir(), 'cw-backfill-cli-'));
  const sourcesFile = path.join(dir, 'sources.yml');
  writeFileSync(
    sourcesFile,
    `contact_url: https://example.org/courtwatch
sources:
  - id: kz-news
    name: KZ News
    kind: rss
    url: ${SITE}/rss.xml
    allow_private_network: true
`,
  );
  env = { DATABASE_URL: t.url, REDIS_URL: r.url, COURTWATCH_QUEUE_PREFIX: r.prefix, COURTWATCH_SOURCES: sourcesFile };
});

afterAll(async () => {
  await archive?.close();
  await r?.cleanup();
  await t?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const WAYBACK_ARGS = () => [
  'backfill', '--source', 'kz-news', '--from', '2022-01-01', '--to', '2024-12-31', '--wayback',
  '--wayback-url', archive.baseUrl, '--archive-rate', '10', '--concurrency', '2',
];

/** Starts the CLI and sends SIGINT once `ready()` holds. */
function runAndInterrupt(args: string[], ready: () => boolean): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'bin/courtwatch.js'), ...args], {
      cwd: PROJECT_ROOT, env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    let sent = false;
    const poll = setInterval(() => {
      if (!sent && ready()) {
        sent = true;
        child.kill('SIGINT');
      }
    }, 20);
    const killer = setTimeout(() => child.kill('SIGKILL'), 180_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      clearTimeout(killer);
      resolve({ code, stdout, stderr });
    });
  });
}

// Each CLI start loads the TypeScript sources through tsx: seconds on an idle machine, far more on a busy one.
const CLI_TEST_TIMEOUT_MS = 240_000;

describe('courtwatch backfill (CLI)', { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it('--wayback: Ctrl-C stops with a checkpoint; the same command continues without refetching', async () => {
    const first = await runAndInterrupt(WAYBACK_ARGS(), () => archive.captureRequests().length >= 6);
    expect(first.code, first.stderr).toBe(130);
    expect(first.stdout).toContain('interrupted');
    const fetchedFirst = archive.captureRequests().length;
    expect(fetchedFirst).toBeGreaterThanOrEqual(6);
    expect(fetchedFirst).toBeLessThan(N);
    const [run] = await t.db.query<{ status: string; done: number }>('SELECT status, done FROM backfill_runs');
    expect(run).toMatchObject({ status: 'interrupted', done: fetchedFirst });

    const second = await runCli(WAYBACK_ARGS(), env);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain('(resumed)');
    expect(second.stdout).toMatch(new RegExp(`already done:\\s+${fetchedFirst}\\b`));
    expect(second.stdout).toContain('capture status 404');

    // every capture fetched exactly once over both runs
    const fetched = archive.captureRequests();
    expect(fetched.length).toBe(N);
    expect(new Set(fetched).size).toBe(N);

    const pages = await t.db.query<{ final_url: string; origin: string; archived_at: Date; source_id: string }>(
      'SELECT final_url, origin, archived_at, source_id FROM pages ORDER BY final_url',
    );
    expect(pages.length).toBe(N);
    const byUrl = new Map(pages.map((p) => [p.final_url, p]));
    for (const c of captures.slice(0, N)) {
      const p = byUrl.get(c.original);
      expect(p, c.original).toBeDefined();
      expect(p).toMatchObject({ origin: 'wayback', source_id: 'kz-news' });
      expect(p!.archived_at.toISOString().replace(/[-:T]/g, '').slice(0, 14)).toBe(c.timestamp);
    }
    const [articles] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM articles');
    expect(articles!.n).toBe(N);

    const status = await backfillStatusSection(t.db);
    expect(status.lines.join('\n')).toMatch(/wayback\s+kz-news\s+completed\s+30\s+31/);
  });

  it('--warc: stores the HTML responses; running it again fetches nothing', async () => {
    const file = path.join(dir, 'crawl.warc.gz');
    await writeWarc(
      file,
      [
        ...Array.from({ length: 5 }, (_, i) => ({ type: 'response' as const, url: `${SITE}/warc/${i}`, date: `2021-03-0${i + 1}T10:00:00Z`, body: articleHtml(`W${i}`, `Story ${i}.\n\n${TEXT}`) })),
        { type: 'request' as const, url: `${SITE}/warc/0`, date: '2021-03-01T10:00:00Z' },
        { type: 'response' as const, url: `${SITE}/logo.png`, date: '2021-03-01T10:00:00Z', contentType: 'image/png', body: Buffer.from([0x89, 0x50]) },
      ],
      { gzip: true },
    );
    const first = await runCli(['backfill', '--warc', file, '--source', 'kz-news'], env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/fetched:\s+5\b/);
    // 5 HTML responses + a request record + a PNG response
    expect(first.stdout).toMatch(/found:\s+7\b/);
    expect(first.stdout).toContain('WARC request record');
    const rows = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM pages WHERE origin = 'warc' AND archived_at IS NOT NULL");
    expect(rows[0]!.n).toBe(5);
    const again = await runCli(['backfill', '--warc', file, '--source', 'kz-news'], env);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/fetched:\s+0\b/);
    expect(again.stdout).toMatch(/already done:\s+5\b/);
  });

  it('rejects contradictory flags with one clear line', async () => {
    const res = await runCli(['backfill', '--wayback', '--dir', dir], env);
    expect(res.code).toBe(1);
    expect(res.stderr.trim()).toBe('courtwatch: backfill: give exactly one of --wayback, --sitemap, --warc FILE..., --dir DIR (got wayback, dir)');
  });
});
