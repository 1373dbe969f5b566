/**
 * `courtwatch alerts sync | list | test RULE | flush | enable-channel RULE CHANNEL`.
 * Every subcommand first copies config/alerts.yml into alert_rules, so what it shows is what the worker uses.
 */
import type { Command } from 'commander';

async function withAlertDeps<T>(fn: (ctx: import('../alerts/engine.ts').AlertDeps) => Promise<T>): Promise<T> {
  const { loadSettings } = await import('../config.ts');
  const { Db } = await import('../store/db.ts');
  const { loadAlertsConfig } = await import('../alerts/rules-config.ts');
  const { syncRulesFromConfig } = await import('../alerts/engine.ts');
  const settings = loadSettings();
  const config = loadAlertsConfig(settings.alertsFile);
  const db = new Db(settings.databaseUrl, { max: 2 });
  try {
    await syncRulesFromConfig(db, config);
    return await fn({ db, settings: config.settings, publicUrl: settings.publicUrl });
  } finally {
    await db.close();
  }
}

function out(line = ''): void {
  process.stdout.write(`${line}\n`);
}

export function registerAlerts(program: Command): void {
  const alerts = program.command('alerts').description('manage and test alert rules (alerts test RULE)');

  alerts
    .command('sync')
    .description('copy the alerts file (COURTWATCH_ALERTS, default config/alerts.yml) into the database')
    .action(async () => {
      const { listAlertRules } = await import('../store/alerts.ts');
      await withAlertDeps(async ({ db }) => out(`${(await listAlertRules(db)).length} alert rule(s) in the database`));
    });

  alerts
    .command('list')
    .description('list rules, their channels, channel health and feed URLs')
    .action(async () => {
      const { listAlertRules, listChannelHealth } = await import('../store/alerts.ts');
      await withAlertDeps(async ({ db, publicUrl }) => {
        const health = await listChannelHealth(db);
        for (const r of await listAlertRules(db)) {
          const def = r.definition as { when?: string; delivery?: string };
          out(`${r.id}  ${r.enabled ? 'enabled' : 'DISABLED'}  ${def.when ?? 'extracted'}/${def.delivery ?? 'immediate'}  origin=${r.origin}  "${r.name}"`);
          out(`  feed: ${publicUrl.replace(/\/+$/, '')}/feeds/${r.id}.atom?token=${encodeURIComponent(r.feedToken)}`);
          for (const h of health.filter((x) => x.ruleId === r.id)) {
            out(`  ${h.channel}: ${h.enabled ? 'ok' : `DISABLED (${h.disabledReason ?? ''})`}, ${h.consecutiveFailures} consecutive failure(s)`);
          }
        }
      });
    });

  alerts
    .command('test <rule>')
    .description('show the recent records RULE would match and send one test message to each of its channels')
    .option('--channel <key>', 'only this channel (e.g. webhook-1, email-1)')
    .option('--no-send', 'only show the matching records')
    .option('--limit <n>', 'show at most this many records', '20')
    .action(async (ruleId: string, opts: { channel?: string; send: boolean; limit: string }) => {
      const { ConfigError } = await import('../errors.ts');
      const { testRule } = await import('../alerts/test-rule.ts');
      const { summarize } = await import('../alerts/format.ts');
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new ConfigError(`--limit: expected a positive integer, got "${opts.limit}"`);
      await withAlertDeps(async (deps) => {
        const result = await testRule(deps, ruleId, { send: opts.send, channel: opts.channel, limit });
        out(`rule ${result.ruleId}: ${result.matched.length} of the ${result.scanned} most recent records match${result.matched.length === limit ? ' (limit reached)' : ''}`);
        for (const c of result.matched) out(`  record ${c.recordId} case ${c.caseId ?? '-'} ${c.verdictDate ?? '          '}  ${summarize(c)}  ${c.articleUrl}`);
        for (const s of result.sends) out(`test message to ${s.channel}: ${s.ok ? 'sent' : `FAILED: ${s.error}`}`);
        if (result.sends.some((s) => !s.ok)) process.exitCode = 1;
      });
    });

  alerts
    .command('flush')
    .description('send every due alert batch, digest and retry now (the alert worker does this every 30s)')
    .action(async () => {
      const { flushDueDeliveries } = await import('../alerts/engine.ts');
      await withAlertDeps(async (deps) => {
        const r = await flushDueDeliveries(deps);
        out(`${r.messages} message(s): ${r.sent} delivered, ${r.retried} to retry, ${r.failed} failed`);
      });
    });

  alerts
    .command('enable-channel <rule> <channel>')
    .description('re-enable a channel disabled after repeated failures and requeue its failed deliveries')
    .action(async (ruleId: string, channel: string) => {
      const { reenableChannel } = await import('../alerts/engine.ts');
      await withAlertDeps(async (deps) => out(`${ruleId}/${channel} enabled; ${await reenableChannel(deps, ruleId, channel)} deliveries requeued`));
    });
}
