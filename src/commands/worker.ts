import type { Command } from 'commander';

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('run queue workers (discover, fetch, extract, bulk lane) until SIGTERM')
    .option('--grace <duration>', 'on SIGTERM, how long active jobs may take to finish', '30s')
    .action(async (opts: { grace: string }) => {
      const { loadSettings, parseDuration } = await import('../config.ts');
      const { openPipeline, startWorkers, stopWorkers } = await import('../workers/main.ts');
      const { log } = await import('../log.ts');
      const { untilSignal } = await import('./signals.ts');
      const ctx = await openPipeline(loadSettings());
      const workers = startWorkers(ctx);
      log.info({ queues: workers.map((w) => w.name) }, 'workers started');
      await untilSignal();
      await stopWorkers(workers, parseDuration(opts.grace) ?? 30_000);
      await ctx.close();
    });
}
