/**
 * Yielding to live work. A backfill runs in-process (see runner.ts for why) but must never delay today's
 * articles: before each item it asks whether the live queues (discover, fetch, extract) have jobs waiting
 * or running, and while they do it sleeps. Archive fetches also go through the crawler's per-host rate
 * limiter, which is shared through Redis with the live workers.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../log.ts';
import type { QueueRuntime } from '../workers/queue-runtime.ts';
import { QUEUE } from '../workers/queues.ts';

// How stale the live-queue answer may be: one Redis round trip per second at most, however fast we go.
const PROBE_EVERY_MS = 1_000;
// While live work is pending, look again this often.
const PAUSED_POLL_MS = 2_000;

/** Number of live jobs waiting or active. */
export type LiveBacklogProbe = () => Promise<number>;

export interface LiveWorkGate {
  /** resolves when there is no live work pending (or the signal aborts) */
  wait(signal?: AbortSignal): Promise<void>;
  /** how many times the run paused for live work */
  readonly pauses: number;
}

export function createLiveWorkGate(probe: LiveBacklogProbe, log: Logger, options: { probeEveryMs?: number; pausedPollMs?: number } = {}): LiveWorkGate {
  const probeEveryMs = options.probeEveryMs ?? PROBE_EVERY_MS;
  const pausedPollMs = options.pausedPollMs ?? PAUSED_POLL_MS;
  let checkedAt = 0;
  let backlog = 0;
  let pending: Promise<number> | null = null;
  let pauses = 0;

  async function current(force: boolean): Promise<number> {
    if (!force && Date.now() - checkedAt < probeEveryMs) return backlog;
    // Concurrent callers share one probe.
    pending ??= probe().finally(() => {
      pending = null;
      checkedAt = Date.now();
    });
    backlog = await pending;
    return backlog;
  }

  return {
    get pauses() {
      return pauses;
    },
    async wait(signal) {
      if ((await current(false)) === 0) return;
      pauses++;
      log.info({ liveJobs: backlog }, 'backfill paused: live work is pending');
      while (!signal?.aborted && (await current(true)) > 0) {
        await sleep(pausedPollMs, undefined, { signal }).catch(() => undefined); // an abort ends the pause early
      }
      log.info('backfill resumed');
    },
  };
}

/**
 * Live jobs waiting or running in the discover, fetch and extract queues. Delayed jobs are left out: a
 * retry waiting minutes for its backoff should not stall a backfill.
 */
export function liveQueueBacklog(runtime: Pick<QueueRuntime, 'queues'>): LiveBacklogProbe {
  return async () => {
    let total = 0;
    for (const name of [QUEUE.discover, QUEUE.fetch, QUEUE.extract] as const) {
      const counts = await runtime.queues[name].getJobCounts('waiting', 'active', 'prioritized');
      total += Object.values(counts).reduce((a, b) => a + b, 0);
    }
    return total;
  };
}

/** A gate that never waits (tests, or a deployment without live workers). */
export const NO_LIVE_WORK: LiveWorkGate = { pauses: 0, wait: async () => undefined };
