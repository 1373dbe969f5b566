import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flushDueDeliveries, syncRulesFromConfig, type AlertDeps } from '../../src/alerts/engine.ts';
import { parseAlertsConfig } from '../../src/alerts/rules-config.ts';
import { onRecordsAccepted, processAlertJob } from '../../src/workers/alert-worker.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';
import {
  insertArticle, insertCase, insertRecord, startSmtpReceiver, startWebhookReceiver, type SmtpReceiver, type WebhookReceiver,
} from './helpers.ts';

const SECRET = 'slack-secret-0123456789';
const MIN = 60_000;

let tdb: TestDb;
let smtp: SmtpReceiver;
let slack: WebhookReceiver;
let clock: Date;
let deps: AlertDeps;

beforeAll(async () => {
  tdb = await createTestDb('alerts_channels');
  smtp = await startSmtpReceiver();
  slack = await startWebhookReceiver(SECRET);
  const config = parseAlertsConfig(
    `
settings:
  batch_window: 2m
  digest_hour: 7
  smtp: { url: "${smtp.url}", from: "courtwatch <alerts@courtwatch.test>" }
  admins: [ops@paper.test]
rules:
  - id: dead-hook
    name: Dead receiver
    match: { keywords: [deadhook] }
    channels:
      - { type: webhook, url: "http://127.0.0.1:1/nobody-listens", secret: "${SECRET}" }
  - id: almaty-email
    name: Almaty court
    match: { courts: [almaty] }
    channels:
      - { type: email, to: [editor@paper.test, desk@paper.test] }
  - id: slack-long
    name: Long sentences
    match: { min_sentence_months: 120 }
    channels:
      - { type: webhook, url: "${slack.url}", secret: "${SECRET}", format: slack }
  - id: accepted-only
    name: Accepted fraud
    when: accepted
    match: { charges: [bribery] }
    channels:
      - { type: email, id: desk, to: desk@paper.test }
  - id: daily-digest
    name: Daily digest
    delivery: daily
    match: { sources: [digest-news] }
    channels:
      - { type: email, to: digest@paper.test }
`,
    'alerts.yml',
  );
  await syncRulesFromConfig(tdb.db, config);
  clock = new Date('2026-01-05T10:00:00Z');
  deps = { db: tdb.db, settings: config.settings, publicUrl: 'http://review.test', now: () => clock };
});

afterAll(async () => {
  await smtp?.close();
  await slack?.close();
  await tdb?.drop();
});

describe('alerts: channels', () => {
  it('emails a plain-text and an HTML body through SMTP, escaping scraped text', async () => {
    const articleId = await insertArticle(tdb.db, { url: 'https://news.example/almaty', title: 'Court <b>verdict</b> & more' });
    const caseId = await insertCase(tdb.db, 'ivanov');
    await insertRecord(tdb.db, { articleId, caseId, name: 'Sergei Ivanov', court: 'Almaty City Court', sentenceMonths: 24 });
    await processAlertJob(deps, { articleId });
    clock = new Date(clock.getTime() + 2 * MIN);
    await flushDueDeliveries(deps);
    expect(smtp.messages).toHaveLength(1);
    const msg = smtp.messages[0]!;
    expect(msg.from).toBe('alerts@courtwatch.test');
    expect(msg.to.sort()).toEqual(['desk@paper.test', 'editor@paper.test']);
    expect(msg.raw).toMatch(/Subject: \[courtwatch\] Almaty court: 1 new verdict/);
    expect(msg.raw).toMatch(/Content-Type: text\/plain/);
    expect(msg.raw).toMatch(/Content-Type: text\/html/);
    const unfolded = msg.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    expect(unfolded).toContain('Sergei Ivanov');
    expect(unfolded).toContain('https://news.example/almaty');
    expect(unfolded).toContain('Court &lt;b&gt;verdict&lt;/b&gt; &amp; more');
    expect(unfolded).not.toContain('<b>verdict</b></a>');
  });

  it('formats Slack-compatible incoming-webhook messages', async () => {
    const articleId = await insertArticle(tdb.db, { url: 'https://news.example/long', title: 'Twelve years' });
    const caseId = await insertCase(tdb.db, 'long');
    await insertRecord(tdb.db, { articleId, caseId, name: 'Long Sentence', court: 'Shymkent court', sentenceMonths: 144 });
    await processAlertJob(deps, { articleId });
    clock = new Date(clock.getTime() + 2 * MIN);
    await flushDueDeliveries(deps);
    expect(slack.badSignatures).toBe(0);
    expect(slack.accepted).toHaveLength(1);
    const body = slack.accepted[0] as { text: string; blocks: Array<{ type: string; text?: { text: string } }> };
    expect(body.text).toBe('Long sentences: 1 new verdict');
    expect(body.blocks[0]!.type).toBe('header');
    expect(body.blocks[1]!.text!.text).toContain('Long Sentence: convicted — fraud; 12 years prison (Shymkent court)');
    expect(body.blocks[1]!.text!.text).toContain('<https://news.example/long|Twelve years>');
  });

  it('alerts a `when: accepted` rule only after a reviewer accepts the record', async () => {
    const before = smtp.messages.length;
    const articleId = await insertArticle(tdb.db, { url: 'https://news.example/bribe', title: 'Bribe' });
    const caseId = await insertCase(tdb.db, 'bribe');
    const recordId = await insertRecord(tdb.db, { articleId, caseId, name: 'Bribe Taker', charges: ['bribery'], court: 'Astana court' });
    await processAlertJob(deps, { articleId });
    expect(await onRecordsAccepted(deps, [recordId])).toBe(0); // still pending review
    await tdb.db.query(`UPDATE records SET review_status = 'accepted' WHERE id = $1`, [recordId]);
    expect(await onRecordsAccepted(deps, [recordId])).toBe(2); // the feed entry and the email
    expect(await onRecordsAccepted(deps, [recordId])).toBe(0); // accepting again changes nothing
    clock = new Date(clock.getTime() + 2 * MIN);
    await flushDueDeliveries(deps);
    expect(smtp.messages.length).toBe(before + 1);
    expect(smtp.messages.at(-1)!.to).toEqual(['desk@paper.test']);
  });

  it('sends a daily digest once, at the digest hour', async () => {
    const before = smtp.messages.length;
    for (const name of ['Digest One', 'Digest Two']) {
      const articleId = await insertArticle(tdb.db, { url: `https://news.example/${name.replace(' ', '-')}`, sourceId: 'digest-news' });
      await insertRecord(tdb.db, { articleId, caseId: await insertCase(tdb.db, name), name, court: 'Kostanay court' });
      await processAlertJob(deps, { articleId });
    }
    clock = new Date(clock.getTime() + 60 * MIN);
    await flushDueDeliveries(deps);
    expect(smtp.messages.length).toBe(before); // not before the next 07:00 UTC
    clock = new Date('2026-01-06T07:00:00Z');
    const result = await flushDueDeliveries(deps);
    expect(result).toMatchObject({ messages: 1, sent: 2 });
    const digest = smtp.messages.at(-1)!;
    expect(digest.to).toEqual(['digest@paper.test']);
    expect(digest.raw).toMatch(/Subject: \[courtwatch\] Daily digest: daily digest, 2 verdicts/);
  });
});

describe('alerts: a channel that keeps failing', () => {
  it('is disabled after the retry window and the admins are emailed', async () => {
    const before = smtp.messages.length;
    const articleId = await insertArticle(tdb.db, { url: 'https://news.example/dead', text: 'The deadhook trial ended.' });
    await insertRecord(tdb.db, { articleId, caseId: await insertCase(tdb.db, 'dead'), name: 'Dead Hook', court: 'Taraz court' });
    await processAlertJob(deps, { articleId });
    for (let i = 0; i < 30; i += 1) {
      clock = new Date(clock.getTime() + 6 * 60 * MIN);
      if ((await flushDueDeliveries(deps)).failed) break;
    }
    const [health] = await tdb.db.query(`SELECT enabled, disabled_reason FROM alert_channels WHERE rule_id = 'dead-hook'`);
    expect(health).toMatchObject({ enabled: false, disabled_reason: expect.stringMatching(/^failed continuously since .*last error: webhook-1: POST/) });
    const notices = smtp.messages.slice(before).filter((m) => m.to.includes('ops@paper.test'));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.raw).toMatch(/Subject: \[courtwatch\] alert channel dead-hook\/webhook-1 disabled/);
  });
});
