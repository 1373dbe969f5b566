import type { Command } from 'commander';

export function registerScheduler(program: Command): void {
  program
    .command('scheduler')
    .description('sync each source’s schedule into BullMQ job schedulers (added, updated, removed), then exit')
    .action(async () => {
      const { loadSettings } = await import('../config.ts');
      const { openPipeline } = await import('../workers/main.ts');
      const { syncSchedules } = await import('../workers/scheduler.ts');
      const ctx = await openPipeline(loadSettings());
      try {
        const { upserted, removed } = await syncSchedules(ctx.runtime.queues.discover, ctx.sourcesConfig.sources);
        process.stdout.write(`scheduler: ${upserted.length} source schedule(s) in place${removed.length ? `, removed: ${removed.join(', ')}` : ''}\n`);
      } finally {
        await ctx.close();
      }
    });
}
