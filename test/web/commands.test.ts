/** `courtwatch user add` and `courtwatch export`, run as real processes against a test database. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../helpers/db.ts';
import { runCli } from '../helpers/cli.ts';
import { verifyPassword } from '../../src/web/passwords.ts';
import { seedArticle, seedCase, seedRecord } from './helpers/seed.ts';

describe('courtwatch user / export', { timeout: 120_000 }, () => {
  let t: TestDb;
  let env: Record<string, string>;
  beforeAll(async () => {
    t = await createTestDb('web_cli');
    env = { DATABASE_URL: t.url };
  });
  afterAll(async () => t?.drop());

  it('adds a user with the password read from stdin, stored as a salted scrypt hash', async () => {
    const res = await runCli(['user', 'add', 'ada', '--role', 'admin'], env, { input: 'a long secret 42\n' });
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('added admin "ada"');
    const [user] = await t.db.query<{ role: string; password_hash: string }>(`SELECT role, password_hash FROM users WHERE username = 'ada'`);
    expect(user!.role).toBe('admin');
    expect(user!.password_hash).toMatch(/^scrypt\$\d+\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(user!.password_hash).not.toContain('a long secret');
    expect(await verifyPassword('a long secret 42', user!.password_hash)).toBe(true);
    expect(await verifyPassword('a long secret 43', user!.password_hash)).toBe(false);

    const again = await runCli(['user', 'add', 'ada'], env, { input: 'another secret 1\n' });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('user "ada" exists; pass --force');
    const short = await runCli(['user', 'add', 'bob'], env, { input: 'short\n' });
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('password: expected 8-1024 characters');
  });

  it('exports accepted records as CSV (to a file) and JSON (to stdout)', async () => {
    const caseId = await seedCase(t.db, 'anna ivanova');
    const a1 = await seedArticle(t.db, { title: 'A', text: 'x', url: 'https://one.example/a' });
    const a2 = await seedArticle(t.db, { title: 'B', text: 'y', url: 'https://two.example/b' });
    await seedRecord(t.db, a1, { name: 'Anna "Anya" Ivanova, Jr', charges: ['fraud', 'forgery'], months: 24, verdictDate: '2024-03-01', reviewStatus: 'accepted', caseId });
    await seedRecord(t.db, a2, { name: 'Anna Ivanova', charges: ['fraud'], months: 24, verdictDate: '2024-03-01', reviewStatus: 'accepted', caseId });
    await seedRecord(t.db, a2, { name: 'Pending Person', reviewStatus: 'pending' });

    const out = path.join(mkdtempSync(path.join(tmpdir(), 'cw-export-')), 'accepted.csv');
    const csv = await runCli(['export', '--format', 'csv', '--status', 'accepted', '--out', out], env);
    expect(csv.code).toBe(0);
    expect(csv.stderr).toContain(`wrote 1 row(s) to ${out}`);
    const text = readFileSync(out, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]!.split(',')).toContain('source_urls');
    expect(lines[1]).toContain('"Anna ""Anya"" Ivanova, Jr"');
    expect(lines[1]).toContain(',fraud; forgery,'); // no comma or quote inside: no quotes needed
    expect(lines[1]).toMatch(/https:\/\/one\.example\/a https:\/\/two\.example\/b|https:\/\/two\.example\/b https:\/\/one\.example\/a/);
    expect(lines).toHaveLength(3);

    const json = await runCli(['export', '--format', 'json', '--status', 'all'], env);
    expect(json.code).toBe(0);
    const rows = JSON.parse(json.stdout) as Array<{ name: string; review_status: string }>;
    expect(rows.map((r) => r.review_status).sort()).toEqual(['accepted', 'pending']);

    const bad = await runCli(['export', '--format', 'xlsx'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--format: expected csv or json');
  });
});
