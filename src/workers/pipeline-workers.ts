/**
 * BullMQ workers for discover, fetch, extract and the bulk lane. Each processor validates its payload,
 * calls a plain pipeline step, and queues the next step. Our error types decide retrying: non-retryable
 * ones become UnrecoverableError; a Retry-After from a site sets the next attempt's delay.
 */
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { z } from 'zod';
import { AppError, FetchError, PayloadValidationError, coerceError } from '../errors.ts';
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
}

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
export function retryDelay(attemptsMade: number, err: Error | undefined): number {
  if (err instanceof FetchError && err.retryAfterMs !== undefined) return err.retryAfterMs;
  const base = RETRY_BASE_MS * 2 ** Math.max(0, attemptsMade - 1);
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
    // Our own connection per worker (BullMQ does not close a connection it was given), closed in stopWorkers.
    const connection = createRedis(options.redisUrl);
    const worker = new Worker(
      queueName,
      async (job) => {
        const jobLog = log.child({ queue: queueName, jobId: job.id });
        try {
          return await step(job);
        } catch (err) {
          jobLog.warn({ err: coerceError(err).message, attempt: job.attemptsMade + 1 }, 'job failed');
          throw translate(err);
        }
      },
      {
        connection,
        prefix: runtime.prefix,
        concurrency: concurrency[queueName as keyof WorkerConcurrency],
        settings: { backoffStrategy: (attemptsMade, _type, err) => retryDelay(attemptsMade, err) },
      },
    );
    worker.on('error', (err) => log.warn({ queue: queueName, err: err.message }, 'worker error'));
    worker.on('closed', () => connection.disconnect());
    return worker;
  });
}

/** Stops taking jobs; active jobs get `graceMs` to finish, then are returned to the queue by the lock expiry. */
export async function stopWorkers(workers: Worker[], graceMs: number): Promise<void> {
  const closing = Promise.all(workers.map((w) => w.close()));
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), graceMs).unref());
  if ((await Promise.race([closing, timeout])) === 'timeout') {
    log.warn({ graceMs }, 'grace period over: closing workers without waiting for active jobs');
    await Promise.all(workers.map((w) => w.close(true)));
  }
}
