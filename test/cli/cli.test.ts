import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

const COMMANDS = ['migrate', 'start', 'worker', 'scheduler', 'serve', 'crawl', 'status', 'extract', 'reextract', 'backfill', 'export', 'user', 'alerts', 'stats', 'demo'];

describe('courtwatch CLI', { timeout: 60_000 }, () => {
  it('--help lists every command with a one-line description', async () => {
    const res = await runCli(['--help'], {});
    expect(res.code).toBe(0);
    for (const name of COMMANDS) expect(res.stdout).toMatch(new RegExp(`^  ${name}\\b.*\\S`, 'm'));
  });

  it('an unreachable Postgres is one clear line naming the URL and how to start it, exit 1', async () => {
    const res = await runCli(['migrate'], { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere' });
    expect(res.code).toBe(1);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).toMatch(/cannot reach Postgres at postgres:\/\/postgres@127\.0\.0\.1:1\/nowhere: start it with `docker compose up -d postgres`/);
    expect(res.stderr).not.toMatch(/\n\s+at /);
  });

  it('a database that was never created says to run migrate, exit 1', async () => {
    const res = await runCli(['stats'], { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/cw_never_created_db' });
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/cw_never_created_db does not exist: run `npx courtwatch migrate`/);
    expect(res.stderr).not.toMatch(/\n\s+at /);
  });

  it('an unreachable Redis is one clear line too', async () => {
    const res = await runCli(['status'], { REDIS_URL: 'redis://127.0.0.1:1' });
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/cannot reach Redis at redis:\/\/127\.0\.0\.1:1: start it with `docker compose up -d redis`/);
    expect(res.stderr).not.toMatch(/\n\s+at /);
  });

  it('a bad sources file names the file, the source, the field and the expectation', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'cw-cli-')), 'sources.yml');
    writeFileSync(file, 'contact_url: https://example.org\nsources:\n  - id: bad-one\n    name: Bad\n    kind: rss\n    url: not a url\n');
    const res = await runCli(['crawl', '--once'], { COURTWATCH_SOURCES: file });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain(`${file}: source "bad-one": field "url": expected an absolute http(s) URL`);
  });
});
