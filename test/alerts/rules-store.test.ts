import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActiveRules, saveRuleFromUi, syncRulesFromConfig } from '../../src/alerts/engine.ts';
import { parseAlertsConfig } from '../../src/alerts/rules-config.ts';
import { loadSettings } from '../../src/config.ts';
import { ConfigError } from '../../src/errors.ts';
import { prepareAlertDeps } from '../../src/workers/alert-worker.ts';
import { getAlertRule, listAlertRules, setAlertRuleEnabled } from '../../src/store/alerts.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';

const env = { HOOK_SECRET: 'store-secret-0123456789' };
const file = (name: string) => `
rules:
  - id: from-file
    name: ${name}
    channels: [{ type: webhook, url: https://hooks.example.org/x, secret: "\${HOOK_SECRET}" }]
  - id: edited-in-ui
    name: File version
`;

let tdb: TestDb;

beforeAll(async () => {
  tdb = await createTestDb('alerts_rules');
});

afterAll(async () => {
  await tdb?.drop();
});

describe('alert rules in the database', () => {
  it('syncs the file, keeps secrets as references, and lets UI edits win over the file', async () => {
    await syncRulesFromConfig(tdb.db, parseAlertsConfig(file('First'), 'alerts.yml', env));
    const stored = await getAlertRule(tdb.db, 'from-file');
    expect(stored).toMatchObject({ name: 'First', origin: 'file', enabled: true });
    expect(JSON.stringify(stored!.definition)).toContain('${HOOK_SECRET}');
    expect(JSON.stringify(stored!.definition)).not.toContain(env.HOOK_SECRET);

    await saveRuleFromUi(tdb.db, { id: 'edited-in-ui', name: 'UI version', match: { statuses: ['acquitted'] } }, env);
    await syncRulesFromConfig(tdb.db, parseAlertsConfig(file('Second'), 'alerts.yml', env));
    expect(await getAlertRule(tdb.db, 'from-file')).toMatchObject({ name: 'Second' });
    expect(await getAlertRule(tdb.db, 'edited-in-ui')).toMatchObject({ name: 'UI version', origin: 'ui' });

    const active = await loadActiveRules(tdb.db, env);
    expect(active.map((a) => a.rule.id).sort()).toEqual(['edited-in-ui', 'from-file']);
    expect(active.find((a) => a.rule.id === 'from-file')!.rule.channels[0]).toMatchObject({ key: 'webhook-1', secret: env.HOOK_SECRET });
  });

  it('rejects an invalid UI edit with the field, and disables rules by switch or by removal from the file', async () => {
    await expect(saveRuleFromUi(tdb.db, { id: 'bad', name: 'Bad', delivery: 'hourly' }, env)).rejects.toThrow(ConfigError);
    await expect(saveRuleFromUi(tdb.db, { id: 'bad', name: 'Bad', delivery: 'hourly' }, env)).rejects.toThrow(/field "delivery"/);
    expect(await getAlertRule(tdb.db, 'bad')).toBeNull();

    expect(await setAlertRuleEnabled(tdb.db, 'edited-in-ui', false)).toBe(true);
    expect((await loadActiveRules(tdb.db, env)).map((a) => a.rule.id)).toEqual(['from-file']);

    await syncRulesFromConfig(tdb.db, parseAlertsConfig('rules: []', 'alerts.yml', env));
    expect((await listAlertRules(tdb.db)).map((r) => [r.id, r.enabled])).toEqual([['edited-in-ui', false], ['from-file', false]]);
    expect(await loadActiveRules(tdb.db, env)).toEqual([]);
  });
});

describe('prepareAlertDeps', () => {
  it('treats a missing default alerts file as no rules, but a missing COURTWATCH_ALERTS file as an error', async () => {
    const settings = { ...loadSettings({}), alertsFile: '/nonexistent/alerts.yml' };
    const deps = await prepareAlertDeps(tdb.db, settings, {});
    expect(deps.settings.batch_window).toBe(300_000);
    await expect(prepareAlertDeps(tdb.db, settings, { COURTWATCH_ALERTS: '/nonexistent/alerts.yml' })).rejects.toThrow(
      /\/nonexistent\/alerts\.yml: cannot read the alerts file/,
    );
  });
});
