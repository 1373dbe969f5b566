/** The alerts part of `courtwatch status` (register with STATUS_SECTIONS in src/workers/status.ts). */
import type { Queryable } from '../store/db.ts';
import { alertStatusSummary } from '../store/alerts.ts';

function when(d: Date | null): string {
  return d ? d.toISOString().replace('T', ' ').slice(0, 19) : '-';
}

export async function alertStatusSection(db: Queryable): Promise<{ title: string; lines: string[] }> {
  const s = await alertStatusSummary(db);
  const lines = [`deliveries: ${s.pending} pending, ${s.sending} sending, ${s.failed} failed, ${s.sentLast24h} sent in the last 24h`];
  for (const ch of s.disabledChannels) {
    lines.push(`DISABLED ${ch.ruleId}/${ch.channel} since ${when(ch.disabledAt)}: ${ch.disabledReason ?? ''} (re-enable: courtwatch alerts enable-channel ${ch.ruleId} ${ch.channel})`);
  }
  for (const f of s.recentFailures.slice(0, 10)) {
    lines.push(`failed delivery ${f.id} ${f.ruleId}/${f.channel} case ${f.caseId} after ${f.attempts} attempt(s): ${f.lastError ?? ''}`);
  }
  return { title: 'Alerts', lines };
}
