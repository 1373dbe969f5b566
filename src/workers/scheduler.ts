/**
 * Keeps one BullMQ job scheduler per enabled source. Called at every start: schedulers of sources that
 * were edited are updated, new ones added, and those no longer in the sources file removed.
 */
import type { Queue } from 'bullmq';
import type { SourceDefinition } from '../config.ts';
import { log } from '../log.ts';
import type { DiscoverPayload } from './queues.ts';
import { shortHash } from './queue-runtime.ts';

const SCHEDULER_PREFIX = 'source-';

/** A stable per-source offset inside the jitter window, so sources do not all fire at the same instant. */
export function jitterOffset(sourceId: string, jitterMs: number): number {
  if (jitterMs <= 0) return 0;
  return parseInt(shortHash(sourceId).slice(0, 8), 16) % jitterMs;
}

export interface ScheduleSyncResult {
  upserted: string[];
  removed: string[];
}

export async function syncSchedules(discoverQueue: Queue, sources: SourceDefinition[]): Promise<ScheduleSyncResult> {
  const wanted = sources.filter((s) => s.enabled);
  const upserted: string[] = [];
  for (const source of wanted) {
    const { every, cron, jitter } = source.schedule;
    const repeat = cron ? { pattern: cron } : { every: every!, offset: jitterOffset(source.id, jitter) };
    const data: DiscoverPayload = { sourceId: source.id };
    await discoverQueue.upsertJobScheduler(`${SCHEDULER_PREFIX}${source.id}`, repeat, { name: 'discover', data });
    upserted.push(source.id);
  }
  const keep = new Set(wanted.map((s) => `${SCHEDULER_PREFIX}${s.id}`));
  const removed: string[] = [];
  for (const existing of await discoverQueue.getJobSchedulers(0, -1)) {
    const id = existing.key;
    if (id.startsWith(SCHEDULER_PREFIX) && !keep.has(id)) {
      await discoverQueue.removeJobScheduler(id);
      await removePendingRuns(discoverQueue, id);
      removed.push(id.slice(SCHEDULER_PREFIX.length));
    }
  }
  return { upserted, removed };
}

/**
 * removeJobScheduler drops only the scheduler's delayed next run. An `every` scheduler's first run is
 * queued as waiting at once, and it would still crawl a source just removed or disabled.
 */
async function removePendingRuns(discoverQueue: Queue, schedulerId: string): Promise<void> {
  for (const job of await discoverQueue.getJobs(['waiting', 'delayed', 'prioritized'])) {
    // a job that a worker took meanwhile is locked; it runs once more, which is harmless
    if (job.repeatJobKey === schedulerId) {
      await job.remove().catch((err: Error) => log.info({ jobId: job.id, err: err.message }, 'scheduled run already started; it runs once more'));
    }
  }
}
