/** What `courtwatch status` shows: queue counts, failed jobs with their errors, and source health. */
import { alertStatusSection } from '../alerts/status-section.ts';
import { backfillStatusSection } from '../backfill/status.ts';
import type { Settings } from '../config.ts';
import { Db } from '../store/db.ts';
import { listSourceHealth, type SourceHealth } from '../store/sources.ts';
import { QueueRuntime, pingRedis } from './queue-runtime.ts';
import type { QueueName } from './queues.ts';

export interface FailedJob {
  queue: string;
  id: string;
  name: string;
  data: unknown;
  error: string;
  attempts: number;
  failedAt: string | null;
}

export interface PipelineStatus {
  queues: Record<QueueName, Record<string, number>>;
  failed: FailedJob[];
  sources: SourceHealth[];
  /** filled in by other parts (backfill checkpoints, alert channel health) */
  sections: Array<{ title: string; lines: string[] }>;
}

/** Sections contributed by other parts: backfill checkpoints, alert deliveries and channel health. */
export type StatusSection = (db: Db) => Promise<{ title: string; lines: string[] }>;
export const STATUS_SECTIONS: readonly StatusSection[] = [(db) => backfillStatusSection(db), alertStatusSection];

export async function collectStatus(settings: Settings, options: { failedPerQueue: number }): Promise<PipelineStatus> {
  await pingRedis(settings.redisUrl);
  const db = new Db(settings.databaseUrl, { max: 2 });
  const runtime = new QueueRuntime(settings.redisUrl, settings.queuePrefix);
  try {
    await db.ping();
    const queues = await runtime.counts();
    const failed: FailedJob[] = [];
    for (const q of Object.values(runtime.queues)) {
      if (options.failedPerQueue === 0) break;
      for (const job of await q.getFailed(0, options.failedPerQueue - 1)) {
        failed.push({
          queue: q.name, id: String(job.id), name: job.name, data: job.data, error: job.failedReason ?? '',
          attempts: job.attemptsMade, failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
        });
      }
    }
    const sources = await listSourceHealth(db);
    const sections = [];
    for (const section of STATUS_SECTIONS) sections.push(await section(db));
    return { queues, failed, sources, sections };
  } finally {
    await runtime.close();
    await db.close();
  }
}

function when(d: Date | string | null): string {
  return d ? new Date(d).toISOString().replace('T', ' ').slice(0, 19) : '-';
}

export function formatStatus(s: PipelineStatus): string {
  const out: string[] = ['Queues', `  ${'queue'.padEnd(10)}${['waiting', 'active', 'delayed', 'failed', 'completed'].map((h) => h.padStart(11)).join('')}`];
  for (const [name, c] of Object.entries(s.queues)) {
    out.push(`  ${name.padEnd(10)}${['waiting', 'active', 'delayed', 'failed', 'completed'].map((k) => String(c[k] ?? 0).padStart(11)).join('')}`);
  }
  out.push('', `Failed jobs${s.failed.length ? '' : ': none'}`);
  for (const f of s.failed) out.push(`  ${f.queue}/${f.id} after ${f.attempts} attempt(s) at ${when(f.failedAt)}: ${f.error}  ${JSON.stringify(f.data)}`);
  out.push('', 'Sources', `  ${'id'.padEnd(24)}${'articles'.padStart(9)}  ${'last success'.padEnd(20)} ${'last failure'.padEnd(20)} last error`);
  for (const src of s.sources) {
    out.push(`  ${src.id.padEnd(24)}${String(src.articles).padStart(9)}  ${when(src.last_success_at).padEnd(20)} ${when(src.last_failure_at).padEnd(20)} ${src.last_error ?? ''}`);
  }
  for (const section of s.sections) out.push('', section.title, ...section.lines.map((l) => `  ${l}`));
  return `${out.join('\n')}\n`;
}
