/**
 * The alert processor. `processAlertJob` is a plain function (testable without a queue): it matches the
 * records of one stored article against the `when: extracted` rules, records their deliveries, and sends
 * whatever is due. `onRecordsAccepted` is the reviewer-accept entry point the web app calls. Sending on
 * a batching window, at digest time and on retry is done by `flushAlerts`, which `startAlertWorker` runs
 * as a repeatable job on the alert queue.
 */
import { existsSync } from 'node:fs';
import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { AppError, PayloadValidationError, coerceError } from '../errors.ts';
import { log } from '../log.ts';
import { flushDueDeliveries, recordMatches, syncRulesFromConfig, toCandidate, type AlertDeps, type FlushResult } from '../alerts/engine.ts';
import { loadAlertsConfig, parseAlertsConfig } from '../alerts/rules-config.ts';
import type { Settings } from '../config.ts';
import type { Db } from '../store/db.ts';
import { loadCandidatesByArticle, loadCandidatesByRecordIds } from '../store/alerts.ts';
import { ALERT_FLUSH_JOB, QUEUE, alertPayload } from './queues.ts';

export type { AlertDeps };

export { ALERT_FLUSH_JOB };
// Batching windows are minutes long; checking every 30 s keeps an alert within ~30 s of its slot.
export const FLUSH_EVERY_MS = 30_000;
const JOB_RETRY_BASE_MS = 5_000;

export interface AlertJobResult {
  created: number;
  flush: FlushResult;
}

/** Matches one article's records (`when: extracted` rules) and sends what is due. Throws PayloadValidationError. */
export async function processAlertJob(deps: AlertDeps, payload: unknown): Promise<AlertJobResult> {
  const parsed = alertPayload.safeParse(payload);
  if (!parsed.success) {
    throw new PayloadValidationError(`alert job: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`).join('; ')}`);
  }
  const candidates = (await loadCandidatesByArticle(deps.db, parsed.data.articleId)).map(toCandidate);
  const created = await recordMatches(deps, candidates, 'extracted');
  return { created, flush: await flushDueDeliveries(deps) };
}

/**
 * Called by the review app after a reviewer accepts records: records deliveries for `when: accepted`
 * rules. It does not send (the request should stay fast); the alert worker's flush does, within
 * FLUSH_EVERY_MS of the batch window closing.
 */
export async function onRecordsAccepted(deps: AlertDeps, recordIds: number[]): Promise<number> {
  if (recordIds.length === 0) return 0;
  const candidates = (await loadCandidatesByRecordIds(deps.db, recordIds)).map(toCandidate);
  return recordMatches(deps, candidates, 'accepted');
}

/** Sends due batches, digests and retries (the repeatable job's body; also usable from a CLI). */
export async function flushAlerts(deps: AlertDeps): Promise<FlushResult> {
  return flushDueDeliveries(deps);
}

/**
 * Loads the alerts file, copies its rules into alert_rules and returns the processor's dependencies.
 * A missing file at the default path means "no rules yet" (the feed and store functions still work); a
 * missing file named by COURTWATCH_ALERTS, or an invalid one, throws ConfigError.
 */
export async function prepareAlertDeps(db: Db, settings: Settings, env: NodeJS.ProcessEnv = process.env): Promise<AlertDeps> {
  const explicit = env.COURTWATCH_ALERTS !== undefined;
  const config = !explicit && !existsSync(settings.alertsFile)
    ? parseAlertsConfig('rules: []', settings.alertsFile, env)
    : loadAlertsConfig(settings.alertsFile, env);
  await syncRulesFromConfig(db, config);
  log.info({ rules: config.rules.length, file: settings.alertsFile }, 'alert rules loaded');
  return { db, settings: config.settings, publicUrl: settings.publicUrl, env };
}

export interface AlertWorkerHandle {
  worker: Worker;
  queue: Queue;
  close(): Promise<void>;
}

/** Starts the BullMQ worker on QUEUE.alert plus the repeatable flush job. */
export async function startAlertWorker(
  deps: AlertDeps,
  options: { redisUrl: string; prefix: string; flushEveryMs?: number; concurrency?: number },
): Promise<AlertWorkerHandle> {
  const queueConn = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
  const workerConn = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue(QUEUE.alert, { connection: queueConn, prefix: options.prefix });
  await queue.upsertJobScheduler(ALERT_FLUSH_JOB, { every: options.flushEveryMs ?? FLUSH_EVERY_MS }, {
    name: ALERT_FLUSH_JOB,
    data: {},
    opts: { removeOnComplete: 100, removeOnFail: 100 },
  });
  const worker = new Worker(
    QUEUE.alert,
    async (job: Job) => {
      try {
        if (job.name === ALERT_FLUSH_JOB) return await flushAlerts(deps);
        return await processAlertJob(deps, job.data);
      } catch (err) {
        // Our non-retryable errors (bad payload) must not be retried by BullMQ.
        if (err instanceof AppError && !err.retryable) {
          const unrecoverable = new UnrecoverableError(err.message);
          unrecoverable.cause = err;
          throw unrecoverable;
        }
        throw err;
      }
    },
    {
      connection: workerConn,
      prefix: options.prefix,
      concurrency: options.concurrency ?? 2,
      // jobs queued by QueueRuntime carry the 'courtwatch' backoff type; a DB hiccup is worth a quick retry
      settings: { backoffStrategy: (attemptsMade: number) => Math.min(JOB_RETRY_BASE_MS * 2 ** Math.max(attemptsMade - 1, 0), 600_000) },
    },
  );
  worker.on('error', (err) => log.error({ err: coerceError(err).message }, 'alert worker error'));
  worker.on('failed', (job, err) => log.warn({ jobId: job?.id, name: job?.name, err: err.message }, 'alert job failed'));
  return {
    worker,
    queue,
    async close() {
      await worker.close();
      await queue.close();
      queueConn.disconnect();
      workerConn.disconnect();
    },
  };
}
