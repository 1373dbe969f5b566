import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { loadAlertsConfig, parseAlertsConfig, parseRuleDefinition } from '../../src/alerts/rules-config.ts';
import { PROJECT_ROOT } from '../../src/config.ts';
import { ConfigError } from '../../src/errors.ts';

const good = `
settings:
  batch_window: 3m
  smtp: { url: "\${SMTP_URL:-smtp://127.0.0.1:25}", from: "courtwatch <alerts@example.org>" }
rules:
  - id: fraud-almaty
    name: Fraud in Almaty
    when: extracted
    delivery: immediate
    match: { charges: [fraud], courts: [Almaty], min_sentence_months: 12 }
    channels:
      - { type: webhook, url: https://hooks.example.org/x, secret: "\${HOOK_SECRET}", format: slack }
      - { type: webhook, url: https://hooks.example.org/y, secret: 0123456789abcdef0 }
      - { type: email, to: desk@example.org }
`;
const env = { HOOK_SECRET: 'a-long-enough-secret' };

describe('parseAlertsConfig', () => {
  it('accepts a valid file, applies defaults, expands env references and keys channels', () => {
    const cfg = parseAlertsConfig(good, 'config/alerts.yml', env);
    expect(cfg.settings).toMatchObject({ batch_window: 180_000, retry_for: 172_800_000, digest_hour: 7, smtp: { url: 'smtp://127.0.0.1:25' } });
    const rule = cfg.rules[0]!;
    expect(rule).toMatchObject({ id: 'fraud-almaty', when: 'extracted', delivery: 'immediate', enabled: true });
    expect(rule.channels.map((c) => c.key)).toEqual(['webhook-1', 'webhook-2', 'email-1']);
    expect(rule.channels[0]).toMatchObject({ secret: 'a-long-enough-secret', format: 'slack' });
    expect(rule.channels[2]).toMatchObject({ to: ['desk@example.org'] });
    // the stored definition keeps the reference, not the secret
    expect(JSON.stringify(cfg.rawRules.get('fraud-almaty'))).toContain('${HOOK_SECRET}');
  });

  it('names the file, the rule and the field of a bad entry', () => {
    const bad = good.replace('delivery: immediate', 'delivery: hourly');
    expect(() => parseAlertsConfig(bad, 'config/alerts.yml', env)).toThrow(ConfigError);
    expect(() => parseAlertsConfig(bad, 'config/alerts.yml', env)).toThrow(/config\/alerts\.yml: rule "fraud-almaty": field "delivery"/);
    const badField = good.replace('min_sentence_months: 12', 'min_sentence_months: -1');
    expect(() => parseAlertsConfig(badField, 'a.yml', env)).toThrow(/field "match.min_sentence_months"/);
    const unknown = good.replace('courts: [Almaty]', 'cortus: [Almaty]');
    expect(() => parseAlertsConfig(unknown, 'a.yml', env)).toThrow(/rule "fraud-almaty": field "match": .*cortus/);
    const badUrl = good.replace('https://hooks.example.org/x', 'not a url');
    expect(() => parseAlertsConfig(badUrl, 'a.yml', env)).toThrow(/field "channels.0.url": expected an absolute/);
  });

  it('names a missing environment variable, a duplicate id and bad settings', () => {
    expect(() => parseAlertsConfig(good, 'a.yml', {})).toThrow(/rule "fraud-almaty": environment variable HOOK_SECRET is not set/);
    const dup = `${good}  - { id: fraud-almaty, name: Again }\n`;
    expect(() => parseAlertsConfig(dup, 'a.yml', env)).toThrow(/rule "fraud-almaty": field "id": duplicate id/);
    expect(() => parseAlertsConfig(good.replace('batch_window: 3m', 'batch_window: soon'), 'a.yml', env)).toThrow(
      /a\.yml: settings: field "batch_window": expected a duration/,
    );
    expect(() => parseAlertsConfig('rules: [', 'a.yml')).toThrow(/not valid YAML/);
  });

  it('requires a secret for JSON webhooks but not for Slack hooks, and only http(s) URLs', () => {
    const hook = (ch: Record<string, unknown>) => ({ id: 'h', name: 'h', channels: [{ type: 'webhook', url: 'https://hooks.example.org/x', ...ch }] });
    expect(() => parseRuleDefinition(hook({}), 'r')).toThrow(/field "channels.0.secret": a json webhook needs a "secret"/);
    expect(parseRuleDefinition(hook({ format: 'slack' }), 'r').channels[0]).toMatchObject({ format: 'slack', key: 'webhook-1' });
    expect(() => parseRuleDefinition(hook({ format: 'slack', url: 'ftp://hooks.example.org/x' }), 'r')).toThrow(/field "channels.0.url"/);
  });

  it('labels an entry without an id by its position and rejects duplicate channel ids', () => {
    expect(() => parseAlertsConfig('rules:\n  - name: x\n', 'a.yml')).toThrow(/rule #1: field "id"/);
    const raw = {
      id: 'x', name: 'x',
      channels: [{ type: 'email', id: 'desk', to: 'a@b.org' }, { type: 'email', id: 'desk', to: 'c@d.org' }],
    };
    expect(() => parseRuleDefinition(raw, 'alert_rules "x"')).toThrow(/duplicate channel id "desk"/);
  });
});

describe('config/alerts.yml', () => {
  it('is a valid example without any environment set', () => {
    const cfg = loadAlertsConfig(path.join(PROJECT_ROOT, 'config/alerts.yml'), {});
    expect(cfg.rules.length).toBeGreaterThan(0);
    expect(new Set(cfg.rules.map((r) => r.when))).toEqual(new Set(['extracted', 'accepted']));
  });
});
