/**
 * `courtwatch start` and `courtwatch demo`: one process running the scheduler, the workers and the review
 * server, which begins crawling at once. (In production they can run as separate processes instead:
 * `scheduler`, `worker`, `serve` — see docker-compose.yml.)
 */
import type { Settings } from './config.ts';
import { log } from './log.ts';
import { openPipeline, startWorkers, stopWorkers, type PipelineContext } from './workers/main.ts';
import { syncSchedules } from './workers/scheduler.ts';

export interface RunningSystem {
  ctx: PipelineContext;
  url: string | null;
  stop(graceMs?: number): Promise<void>;
}

export interface StartOptions {
  /** serve the review UI (default true) */
  web?: boolean;
  /** enqueue discovery of every source now, not only on schedule (default true) */
  crawlNow?: boolean;
  /** printed once the review server listens */
  onListening?: (url: string) => void;
}

export async function startSystem(settings: Settings, options: StartOptions = {}): Promise<RunningSystem> {
  const ctx = await openPipeline(settings);
  const schedules = await syncSchedules(ctx.runtime.queues.discover, ctx.sourcesConfig.sources);
  log.info({ sources: schedules.upserted.length, removed: schedules.removed }, 'schedules in place');
  const workers = startWorkers(ctx);
  const stopExtras: Array<() => Promise<void>> = [];
  const { prepareAlertDeps, startAlertWorker, onRecordsAccepted } = await import('./workers/alert-worker.ts');
  const alertDeps = await prepareAlertDeps(ctx.db, settings);
  const alertWorker = await startAlertWorker(alertDeps, { redisUrl: settings.redisUrl, prefix: settings.queuePrefix });
  stopExtras.push(() => alertWorker.close());

  let url: string | null = null;
  if (options.web !== false) {
    const { startServer, insecureOriginNote } = await import('./web/server.ts');
    const { alertFeedRoutes } = await import('./alerts/feed-routes.ts');
    const web = await startServer(
      {
        db: ctx.db,
        queues: Object.values(ctx.runtime.queues),
        metrics: ctx.metrics.registry,
        // the Atom feeds authenticate by the token in their URL
        plugins: [{ plugin: alertFeedRoutes, options: { db: ctx.db, publicUrl: settings.publicUrl }, public: true }],
        onAccepted: (ids) => onRecordsAccepted(alertDeps, ids),
      },
      { host: settings.host, port: settings.port },
    );
    url = web.url;
    const note = insecureOriginNote(settings.publicUrl);
    if (note) log.warn({ publicUrl: settings.publicUrl }, note);
    stopExtras.push(() => web.close());
    options.onListening?.(web.url);
  }
  if (options.crawlNow !== false) {
    for (const s of ctx.sourcesConfig.sources.filter((x) => x.enabled)) await ctx.runtime.enqueueDiscover(s.id);
  }
  return {
    ctx,
    url,
    async stop(graceMs = 30_000) {
      await stopWorkers(workers, graceMs);
      for (const stop of stopExtras) await stop();
      await ctx.close();
    },
  };
}
