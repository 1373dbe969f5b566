/** Admins edit alert rules in the review UI; reviewers cannot; bad definitions are refused with the reason. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { syncRulesFromConfig } from '../../src/alerts/engine.ts';
import { parseAlertsConfig } from '../../src/alerts/rules-config.ts';
import { getAlertRule } from '../../src/store/alerts.ts';
import { buildApp } from '../../src/web/app.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';
import { seedUser } from './helpers/seed.ts';
import { form, loginWithInject, type InjectSession } from './helpers/session.ts';

let t: TestDb;
let app: FastifyInstance;
let admin: InjectSession;
let reviewer: InjectSession;

beforeAll(async () => {
  t = await createTestDb('web_alert_rules');
  await seedUser(t.db, 'ada', 'admin password 1', 'admin');
  await seedUser(t.db, 'rita', 'reviewer password 1');
  await syncRulesFromConfig(t.db, parseAlertsConfig('rules:\n  - id: riots\n    name: Mass riots\n    match: { charges: [mass riots] }\n', 'alerts.yml'));
  app = await buildApp({ db: t.db, secureCookies: false });
  admin = await loginWithInject(app, 'ada', 'admin password 1');
  reviewer = await loginWithInject(app, 'rita', 'reviewer password 1');
});

afterAll(async () => {
  await app?.close();
  await t?.drop();
});

const post = (s: InjectSession, url: string, body: Record<string, string>) =>
  app.inject({ method: 'POST', url, headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: form({ _csrf: s.csrf, ...body }) });

describe('alert rules in the review UI', () => {
  it('lists the rules for admins and refuses reviewers', async () => {
    const page = await app.inject({ url: '/admin/alerts', headers: { cookie: admin.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Mass riots');
    expect(page.body).toContain('/feeds/riots.atom?token=');
    expect((await app.inject({ url: '/admin/alerts', headers: { cookie: reviewer.cookie } })).statusCode).toBe(403);
    expect((await post(reviewer, '/admin/alerts/riots/enabled', { enabled: 'false' })).statusCode).toBe(403);
    expect((await getAlertRule(t.db, 'riots'))!.enabled).toBe(true);
  });

  it('switches a rule off and on', async () => {
    expect((await post(admin, '/admin/alerts/riots/enabled', { enabled: 'false' })).statusCode).toBe(303);
    expect((await getAlertRule(t.db, 'riots'))!.enabled).toBe(false);
    await post(admin, '/admin/alerts/riots/enabled', { enabled: 'true' });
    expect((await getAlertRule(t.db, 'riots'))!.enabled).toBe(true);
  });

  it('saves an edited definition (keeping the feed token) and creates a new rule', async () => {
    const before = (await getAlertRule(t.db, 'riots'))!;
    const edited = { id: 'riots', name: 'Mass riots, long sentences', match: { charges: ['mass riots'], min_sentence_months: 60 } };
    expect((await post(admin, '/admin/alerts', { definition: JSON.stringify(edited) })).statusCode).toBe(303);
    const after = (await getAlertRule(t.db, 'riots'))!;
    expect(after).toMatchObject({ name: 'Mass riots, long sentences', origin: 'ui', feedToken: before.feedToken });
    expect(after.definition).toMatchObject({ match: { min_sentence_months: 60 } });

    const created = { id: 'treason', name: 'Treason', match: { charges: ['treason'] } };
    expect((await post(admin, '/admin/alerts', { definition: JSON.stringify(created) })).statusCode).toBe(303);
    expect(await getAlertRule(t.db, 'treason')).toMatchObject({ name: 'Treason', origin: 'ui', enabled: true });
  });

  it('refuses bad JSON and an invalid definition with the reason, changing nothing', async () => {
    const badJson = await post(admin, '/admin/alerts', { definition: '{ not json' });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.body).toContain('Not valid JSON');
    const invalid = await post(admin, '/admin/alerts', { definition: JSON.stringify({ id: 'riots', name: 'x', match: { min_sentence_months: 'long' } }) });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toMatch(/min_sentence_months/);
    expect((await getAlertRule(t.db, 'riots'))!.name).toBe('Mass riots, long sentences');
  });
});
