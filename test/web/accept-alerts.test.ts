/**
 * A reviewer's accept in the UI reaches the alert rules that wait for review (`when: accepted`): the
 * delivery row is recorded, once, for the accepted record's case.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { syncRulesFromConfig, type AlertDeps } from '../../src/alerts/engine.ts';
import { parseAlertsConfig } from '../../src/alerts/rules-config.ts';
import { buildApp } from '../../src/web/app.ts';
import { onRecordsAccepted } from '../../src/workers/alert-worker.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';
import { seedArticle, seedCase, seedRecord, seedUser } from './helpers/seed.ts';
import { form, loginWithInject, type InjectSession } from './helpers/session.ts';

let t: TestDb;
let app: FastifyInstance;
let s: InjectSession;
const ids: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestDb('web_accept_alerts');
  await seedUser(t.db, 'rita', 'correct horse battery');
  const config = parseAlertsConfig(
    `rules:
  - id: accepted-bribery
    name: Accepted bribery verdicts
    when: accepted
    match: { charges: [bribery] }
`,
    'alerts.yml',
  );
  await syncRulesFromConfig(t.db, config);
  const deps: AlertDeps = { db: t.db, settings: config.settings, publicUrl: 'http://review.test' };
  const article = await seedArticle(t.db, { title: 'Akim jailed', text: 'The former akim was jailed for bribery.', url: 'https://news.example/akim' });
  ids.caseId = await seedCase(t.db, 'erlan tokenov');
  ids.bribery = await seedRecord(t.db, article, { name: 'Erlan Tokenov', charges: ['bribery'], months: 96, verdictDate: '2024-05-02', caseId: ids.caseId });
  ids.theft = await seedRecord(t.db, article, { name: 'Other Person', charges: ['theft'], months: 12, verdictDate: '2024-05-02' });
  app = await buildApp({ db: t.db, secureCookies: false, onAccepted: (recordIds) => onRecordsAccepted(deps, recordIds) });
  s = await loginWithInject(app, 'rita', 'correct horse battery');
});

afterAll(async () => {
  await app?.close();
  await t?.drop();
});

const accept = (id: number) =>
  app.inject({ method: 'POST', url: `/records/${id}/accept`, headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: form({ _csrf: s.csrf }) });
const deliveries = () => t.db.query<{ rule_id: string; case_id: number }>('SELECT rule_id, case_id FROM alert_deliveries ORDER BY id');

describe('accepting a record in the review UI', () => {
  it('records no delivery before review, one after the matching record is accepted', async () => {
    expect(await deliveries()).toEqual([]);
    expect((await accept(ids.theft!)).statusCode).toBe(303);
    expect(await deliveries()).toEqual([]);
    expect((await accept(ids.bribery!)).statusCode).toBe(303);
    expect(await deliveries()).toEqual([{ rule_id: 'accepted-bribery', case_id: ids.caseId }]);
  });

  it('accepting again does not record a second delivery', async () => {
    await accept(ids.bribery!);
    expect(await deliveries()).toHaveLength(1);
  });
});
