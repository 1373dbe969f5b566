import Fastify, { type FastifyInstance } from 'fastify';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncRulesFromConfig, type AlertDeps } from '../../src/alerts/engine.ts';
import { alertFeedRoutes, tokensEqual } from '../../src/alerts/feed-routes.ts';
import { parseAlertsConfig } from '../../src/alerts/rules-config.ts';
import { processAlertJob } from '../../src/workers/alert-worker.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';
import { insertArticle, insertCase, insertRecord } from './helpers.ts';

const TOKEN = 'feed-token-0123456789abcdef';

let tdb: TestDb;
let app: FastifyInstance;

beforeAll(async () => {
  tdb = await createTestDb('alerts_feed');
  const config = parseAlertsConfig(
    `
rules:
  - id: fraud-feed
    name: Fraud & bribery
    match: { charges: [fraud] }
    feed_token: ${TOKEN}
  - id: generated-token
    name: No token given
    match: { statuses: [acquitted] }
`,
    'alerts.yml',
  );
  await syncRulesFromConfig(tdb.db, config);
  const deps: AlertDeps = { db: tdb.db, settings: config.settings, publicUrl: 'http://review.test' };
  const articleId = await insertArticle(tdb.db, { url: 'https://news.example/feed-1?a=1&b=2', title: 'Two <script>alert(1)</script> jailed' });
  const shared = await insertCase(tdb.db, 'first');
  await insertRecord(tdb.db, { articleId, caseId: shared, name: 'First <Defendant>', ordinal: 0 });
  await insertRecord(tdb.db, { articleId, caseId: await insertCase(tdb.db, 'second'), name: 'Second Defendant', ordinal: 1 });
  await insertRecord(tdb.db, { articleId, caseId: await insertCase(tdb.db, 'third'), name: 'Theft Only', charges: ['theft'], ordinal: 2 });
  await processAlertJob(deps, { articleId });
  // the same verdict from another outlet adds no second entry
  const other = await insertArticle(tdb.db, { url: 'https://other.example/feed-1' });
  await insertRecord(tdb.db, { articleId: other, caseId: shared, name: 'First <Defendant>' });
  await processAlertJob(deps, { articleId: other });

  app = Fastify();
  await app.register(alertFeedRoutes, { db: tdb.db, publicUrl: 'http://review.test' });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  await tdb?.drop();
});

describe('GET /feeds/:rule.atom', () => {
  it('serves an Atom feed of the rule matches that parses back', async () => {
    const res = await app.inject(`/feeds/fraud-feed.atom?token=${TOKEN}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/atom\+xml/);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(res.body) as {
      feed: { title: string; entry: Array<{ title: { '#text': string }; id: string; link: { '@href': string }; updated: string }> };
    };
    expect(doc.feed.title).toBe('courtwatch: Fraud & bribery');
    const entries = doc.feed.entry;
    expect(entries).toHaveLength(2);
    const titles = entries.map((e) => e.title['#text']).sort();
    // type="html": a reader shows "First <Defendant>" as text
    expect(titles[0]).toContain('First &lt;Defendant&gt;: convicted — fraud');
    expect(titles[1]).toContain('Second Defendant');
    expect(entries[0]!.link['@href']).toBe('https://news.example/feed-1?a=1&b=2');
    expect(new Set(entries.map((e) => e.id)).size).toBe(2);
    expect(res.body).not.toContain('<script>');
    expect(res.body).toMatch(/<author>\s*<name>courtwatch<\/name>/);
  });

  it('answers 404 for an unknown rule and 403 for a missing or wrong token', async () => {
    expect((await app.inject(`/feeds/nope.atom?token=${TOKEN}`)).statusCode).toBe(404);
    expect((await app.inject('/feeds/fraud-feed.atom')).statusCode).toBe(403);
    expect((await app.inject('/feeds/fraud-feed.atom?token=wrong')).statusCode).toBe(403);
    expect((await app.inject(`/feeds/generated-token.atom?token=${TOKEN}`)).statusCode).toBe(403);
  });

  it('generates a feed token when the file gives none, and keeps it across syncs', async () => {
    const [row] = await tdb.db.query(`SELECT feed_token FROM alert_rules WHERE id = 'generated-token'`);
    const token = row!.feed_token as string;
    expect(token.length).toBeGreaterThanOrEqual(24);
    const config = parseAlertsConfig(`rules:\n  - id: generated-token\n    name: Renamed\n    match: { statuses: [acquitted] }\n`, 'alerts.yml');
    await syncRulesFromConfig(tdb.db, config);
    const [again] = await tdb.db.query(`SELECT feed_token, name FROM alert_rules WHERE id = 'generated-token'`);
    expect(again).toEqual({ feed_token: token, name: 'Renamed' });
    const res = await app.inject(`/feeds/generated-token.atom?token=${encodeURIComponent(token)}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<feed');
  });

  it('compares tokens without depending on their length', () => {
    expect(tokensEqual('abc', 'abc')).toBe(true);
    expect(tokensEqual('abc', 'abcd')).toBe(false);
    expect(tokensEqual('', 'abc')).toBe(false);
  });
});
