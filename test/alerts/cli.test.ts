import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';
import { insertArticle, insertCase, insertRecord, startWebhookReceiver, type WebhookReceiver } from './helpers.ts';

const run = promisify(execFile);
const SECRET = 'cli-secret-0123456789';

let tdb: TestDb;
let hook: WebhookReceiver;
let dir: string;
let env: NodeJS.ProcessEnv;

async function courtwatch(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const r = await run(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'src/cli.ts'), ...args], { env, cwd: PROJECT_ROOT });
    return { ...r, code: 0 };
  } catch (err) {
    const e = err as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

beforeAll(async () => {
  tdb = await createTestDb('alerts_cli');
  hook = await startWebhookReceiver(SECRET);
  dir = mkdtempSync(path.join(tmpdir(), 'cw-alerts-'));
  const file = path.join(dir, 'alerts.yml');
  writeFileSync(file, `
rules:
  - id: fraud
    name: Fraud
    match: { charges: [fraud] }
    channels:
      - { type: webhook, url: "${hook.url}", secret: "\${CLI_HOOK_SECRET}" }
`);
  env = { ...process.env, DATABASE_URL: tdb.url, COURTWATCH_ALERTS: file, CLI_HOOK_SECRET: SECRET, LOG_LEVEL: 'silent' };
  const articleId = await insertArticle(tdb.db, { url: 'https://news.example/cli', title: 'Fraud verdict' });
  await insertRecord(tdb.db, { articleId, caseId: await insertCase(tdb.db, 'a'), name: 'Fraud Person', ordinal: 0 });
  await insertRecord(tdb.db, { articleId, caseId: await insertCase(tdb.db, 'b'), name: 'Theft Person', charges: ['theft'], ordinal: 1 });
});

afterAll(async () => {
  await hook?.close();
  await tdb?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('courtwatch alerts test RULE', () => {
  it('shows the recent records the rule matches and sends one signed test message', async () => {
    const r = await courtwatch('alerts', 'test', 'fraud');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/rule fraud: 1 of the 2 most recent records match/);
    expect(r.stdout).toContain('Fraud Person: convicted — fraud');
    expect(r.stdout).not.toContain('Theft Person');
    expect(r.stdout).toMatch(/test message to webhook-1: sent/);
    expect(hook.accepted).toHaveLength(1);
    expect(hook.accepted[0]!.type).toBe('courtwatch.alert.test');
    // a test message does not use up the real delivery
    const [row] = await tdb.db.query('SELECT count(*)::int AS n FROM alert_deliveries');
    expect(row!.n).toBe(0);
  });

  it('lists the rules with their feed URLs', async () => {
    const r = await courtwatch('alerts', 'list');
    expect(r.code).toBe(0);
    const [row] = await tdb.db.query(`SELECT feed_token FROM alert_rules WHERE id = 'fraud'`);
    expect(r.stdout).toContain('fraud  enabled  extracted/immediate  origin=file  "Fraud"');
    expect(r.stdout).toContain(`/feeds/fraud.atom?token=${encodeURIComponent(row!.feed_token as string)}`);
  });

  it('fails with one clear line for an unknown rule', async () => {
    const r = await courtwatch('alerts', 'test', 'nope', '--no-send');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^courtwatch: alert rule "nope" not found/);
  });
});
