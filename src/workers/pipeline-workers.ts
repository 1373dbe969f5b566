/**
 * BullMQ workers for discover, fetch, extract and the bulk lane. Each processor validates its payload,
 * calls a plain pipeline step, and queues the next step. Our error types decide retrying: non-retryable
 * ones become UnrecoverableError; a Retry-After from a site sets the next attempt's delay.
 */
import { DelayedError, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { z } from 'zod';
import { AppError, FetchError, HostBusyError, PayloadValidationError, coerceError } from '../errors.ts';
import { log } from '../log.ts';
import { recordSourceFailure } from '../store/sources.ts';
import type { Metrics } from '../metrics.ts';
import { discoverSource, extractStoredPage, fetchAndStorePage, type PipelineDeps } from './pipeline.ts';
import { QUEUE, discoverPayload, extractPayload, fetchPayload } from './queues.ts';
import { RETRY_BASE_MS, createRedis, type Lane, type QueueRuntime } from './queue-runtime.ts';

export interface WorkerConcurrency {
  discover: number;
  fetch: number;
  extract: number;
  bulk: number;
}

export const DEFAULT_CONCURRENCY: WorkerConcurrency = { discover: 2, fetch: 8, extract: 2, bulk: 4 };

export interface PipelineWorkerOptions {
  redisUrl: string;
  concurrency?: Partial<WorkerConcurrency>;
  metrics?: Metrics;
  normalizeUrl?: (url: string) => string;
  /**
   * How long a job's lock lasts without renewal (BullMQ default 30 s). A worker that dies mid-job holds
   * the job this long before another worker's stalled check takes it back; fault tests make it short.
   */
  lockDurationMs?: number;
  /** How often each worker looks for jobs whose lock expired (BullMQ default 30 s). */
  stalledIntervalMs?: number;
  /** base of the exponential retry delay (default RETRY_BASE_MS) */
  retryBaseMs?: number;
}

/** What stopWorkers needs besides the Worker: its own connection and the jobs it is running. */
interface WorkerHandle {
  connection: Redis;
  active: Map<string, { job: Job; token: string | undefined }>;
}
const HANDLES = new WeakMap<Worker, WorkerHandle>();

function validate<T>(schema: z.ZodType<T>, job: Job): T {
  const parsed = schema.safeParse(job.data);
  if (!parsed.success) throw new PayloadValidationError(`${job.queueName} job ${job.id}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** Our errors -> BullMQ's retry semantics, keeping the original as the cause. */
function translate(err: unknown): Error {
  const e = coerceError(err);
  if (e instanceof AppError && !e.retryable) return new UnrecoverableError(`${e.code}: ${e.message}`);
  return e;
}

/** Exponential backoff with jitter, or the site's Retry-After when it gave one. */
export function retryDelay(attemptsMade: number, err: Error | undefined, baseMs = RETRY_BASE_MS): number {
  if (err instanceof FetchError && err.retryAfterMs !== undefined) return err.retryAfterMs;
  const base = baseMs * 2 ** Math.max(0, attemptsMade - 1);
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

export function startPipelineWorkers(runtime: QueueRuntime, deps: PipelineDeps, options: PipelineWorkerOptions): Worker[] {
  const concurrency = { ...DEFAULT_CONCURRENCY, ...options.concurrency };
  const normalize = options.normalizeUrl ?? ((u: string) => u);
  const metrics = options.metrics;

  async function fetchStep(job: Job, lane: Lane): Promise<unknown> {
    const payload = validate(fetchPayload, job);
    try {
      const { pageId, isNew } = await fetchAndStorePage(deps, payload);
      metrics?.pagesFetched.inc({ source: payload.sourceId ?? 'none', status: 'ok' });
      // Queued even when the page is not new: if an earlier run crashed before extracting, this is the
      // retry; if it did extract, the job id (page + extractor version) is already done and nothing is added.
      await runtime.enqueueExtract(pageId, deps.extractorVersion, lane);
      return { pageId, isNew };
    } catch (err) {
      const status = err instanceof FetchError && err.status !== undefined ? String(err.status) : err instanceof AppError ? err.code : 'error';
      metrics?.pagesFetched.inc({ source: payload.sourceId ?? 'none', status });
      throw err;
    }
  }

  async function extractStep(job: Job): Promise<unknown> {
    const { pageId } = validate(extractPayload, job);
    const end = metrics?.extractSeconds.startTimer();
    const outcome = await extractStoredPage(deps, pageId);
    end?.();
    const s = outcome.summary;
    if (s && (s.added > 0 || s.changed > 0)) await runtime.enqueueAlert(outcome.articleId, s.caseIds);
    return { articleId: outcome.articleId, extracted: outcome.extracted, ...(s ? { added: s.added, changed: s.changed, removed: s.removed, conflicts: s.conflicts } : {}) };
  }

  async function discoverStep(job: Job): Promise<unknown> {
    const { sourceId } = validate(discoverPayload, job);
    try {
      const { urls, notModified } = await discoverSource(deps, sourceId);
      await runtime.enqueueFetches(sourceId, urls, 'live', normalize);
      return { urls: urls.length, notModified };
    } catch (err) {
      await recordSourceFailure(deps.db, sourceId, coerceError(err).message).catch((e: Error) => log.warn({ err: e.message }, 'could not record source failure'));
      throw err;
    }
  }

  const processors: Record<string, (job: Job) => Promise<unknown>> = {
    [QUEUE.discover]: discoverStep,
    [QUEUE.fetch]: (job) => fetchStep(job, 'live'),
    [QUEUE.extract]: extractStep,
    // the bulk lane carries both kinds of job, told apart by name
    [QUEUE.bulk]: (job) => (job.name === 'extract' ? extractStep(job) : fetchStep(job, 'bulk')),
  };

  return Object.entries(processors).map(([queueName, step]) => {
    const handle: WorkerHandle = { connection: createRedis(options.redisUrl), active: new Map() };
    const worker = new Worker(
      queueName,
      async (job, token) => {
        const jobLog = log.child({ queue: queueName, jobId: job.id });
        const key = String(job.id);
        handle.active.set(key, { job, token });
        try {
          const result = await step(job);
          jobLog.debug('job done');
          return result;
        } catch (err) {
          if (err instanceof HostBusyError && token) {
            // The host's politeness slot is taken: park the job (no attempt used) and free this worker.
            jobLog.debug({ delayMs: err.retryAfterMs }, 'host busy: job delayed');
            await job.moveToDelayed(Date.now() + err.retryAfterMs, token);
            throw new DelayedError();
          }
          jobLog.warn({ err: coerceError(err).message, attempt: job.attemptsMade + 1 }, 'job failed');
          throw translate(err);
        } finally {
          handle.active.delete(key);
        }
      },
      {
        connection: handle.connection,
        prefix: runtime.prefix,
        concurrency: concurrency[queueName as keyof WorkerConcurrency],
        ...(options.lockDurationMs !== undefined ? { lockDuration: options.lockDurationMs } : {}),
        ...(options.stalledIntervalMs !== undefined ? { stalledInterval: options.stalledIntervalMs } : {}),
        settings: { backoffStrategy: (attemptsMade, _type, err) => retryDelay(attemptsMade, err, options.retryBaseMs) },
      },
    );
    worker.on('error', (err) => log.warn({ queue: queueName, err: err.message }, 'worker error'));
    worker.on('stalled', (jobId) => log.warn({ queue: queueName, jobId }, 'stalled job taken back (its worker died or hung)'));
    HANDLES.set(worker, handle);
    return worker;
  });
}

export interface StopResult {
  /** true when the grace period ran out with jobs still running */
  timedOut: boolean;
  /** jobs moved back to waiting for another worker, as queue/id */
  returned: string[];
}

/**
 * Stops taking jobs; active jobs get `graceMs` to finish. Jobs still running after that are moved back
 * to waiting at once (not left to lock expiry), so the next worker starts them without delay; their
 * writes are idempotent, so a half-run attempt here and a full one there leave one result. When this
 * times out, the abandoned processors may still hold sockets: the caller should exit the process.
 */
export async function stopWorkers(workers: Worker[], graceMs: number): Promise<StopResult> {
  // pause(), not close(): BullMQ memoises close(), so a close(true) after a waiting close() would still wait.
  const finishing = Promise.all(workers.map((w) => w.pause()));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), graceMs)));
  const outcome = await Promise.race([finishing, timeout]);
  clearTimeout(timer);
  const returned: string[] = [];
  if (outcome === 'timeout') {
    for (const w of workers) {
      for (const { job, token } of HANDLES.get(w)?.active.values() ?? []) {
        try {
          await job.moveToWait(token);
          returned.push(`${w.name}/${job.id}`);
        } catch (err) {
          log.warn({ queue: w.name, jobId: job.id, err: coerceError(err).message }, 'could not return job; its lock will expire instead');
        }
      }
    }
    log.warn({ graceMs, returned }, 'grace period over: active jobs returned to the queue');
  }
  await Promise.all(workers.map((w) => w.close(outcome === 'timeout')));
  // BullMQ does not close a connection it was given; ours would keep the process alive.
  for (const w of workers) HANDLES.get(w)?.connection.disconnect();
  return { timedOut: outcome === 'timeout', returned };
}
