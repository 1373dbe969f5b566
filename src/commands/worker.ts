import type { Command } from 'commander';
import type { WorkerConcurrency } from '../workers/pipeline-workers.ts';

const concurrencyItemRe = /^(discover|fetch|extract|bulk)=(\d+)$/;

/** "fetch=8,extract=2" -> { fetch: 8, extract: 2 }; null when malformed. */
export function parseConcurrency(text: string): Partial<WorkerConcurrency> | null {
  const out: Partial<WorkerConcurrency> = {};
  for (const item of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = concurrencyItemRe.exec(item);
    if (!m || Number(m[2]) < 1) return null;
    out[m[1] as keyof WorkerConcurrency] = Number(m[2]);
  }
  return out;
}

interface WorkerFlags {
  grace: string;
  concurrency?: string;
  lockDuration?: string;
  stalledInterval?: string;
}

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('run queue workers (discover, fetch, extract, bulk lane) until SIGTERM; run as many as you like, on any machine')
    .option('--grace <duration>', 'on SIGTERM, how long active jobs may take to finish before they are returned to the queue', '30s')
    .option('--concurrency <list>', 'jobs at once per queue, e.g. "fetch=8,extract=2" (defaults: discover=2,fetch=8,extract=2,bulk=4)')
    .option('--lock-duration <duration>', 'how long a job stays claimed without renewal; a dead worker’s job is taken back after this (default 30s)')
    .option('--stalled-interval <duration>', 'how often to look for jobs whose worker died (default 30s)')
    .action(async (opts: WorkerFlags) => {
      const { loadSettings, parseDuration } = await import('../config.ts');
      const { ConfigError } = await import('../errors.ts');
      const { normalizeUrl } = await import('../crawlers/index.ts');
      const { openPipeline } = await import('../workers/main.ts');
      const { startPipelineWorkers, stopWorkers } = await import('../workers/pipeline-workers.ts');
      const { log } = await import('../log.ts');
      const { untilSignal } = await import('./signals.ts');
      const duration = (flag: string, text: string | undefined): number | undefined => {
        if (text === undefined) return undefined;
        const ms = parseDuration(text);
        if (ms === null) throw new ConfigError(`${flag}: expected a duration like "500ms", "5s" or "1m", got "${text}"`);
        return ms;
      };
      const graceMs = duration('--grace', opts.grace)!;
      const lockDurationMs = duration('--lock-duration', opts.lockDuration);
      const stalledIntervalMs = duration('--stalled-interval', opts.stalledInterval);
      const concurrency = opts.concurrency === undefined ? {} : parseConcurrency(opts.concurrency);
      if (concurrency === null) throw new ConfigError(`--concurrency: expected a list like "fetch=8,extract=2", got "${opts.concurrency}"`);

      const ctx = await openPipeline(loadSettings());
      const workers = startPipelineWorkers(ctx.runtime, ctx.deps, {
        redisUrl: ctx.settings.redisUrl, concurrency, metrics: ctx.metrics, normalizeUrl, lockDurationMs, stalledIntervalMs,
      });
      const { prepareAlertDeps, startAlertWorker } = await import('../workers/alert-worker.ts');
      const alertWorker = await startAlertWorker(await prepareAlertDeps(ctx.db, ctx.settings), { redisUrl: ctx.settings.redisUrl, prefix: ctx.settings.queuePrefix });
      log.info({ queues: [...workers.map((w) => w.name), 'alert'], pid: process.pid }, 'workers started');
      await untilSignal();
      const [{ timedOut, returned }] = await Promise.all([stopWorkers(workers, graceMs), alertWorker.close()]);
      log.info({ timedOut, returned }, 'workers stopped');
      if (timedOut) {
        // The abandoned processors may still hold sockets and pool clients: do not wait for them.
        await Promise.race([ctx.close(), new Promise((r) => setTimeout(r, 2_000).unref())]);
        process.exit(0);
      }
      await ctx.close();
    });
}
