import type { Command } from 'commander';
import { NotImplementedYetError } from '../errors.ts';

export function registerCrawl(program: Command): void {
  program
    .command('crawl')
    .description('crawl sources now (--once) and wait until the queues drain')
    .option('--once', 'discover now, fetch and extract everything found, then exit')
    .option('--source <id...>', 'only these source ids (default: every enabled source)')
    .option('--timeout <duration>', 'give up waiting after this long', '10m')
    .option('--no-workers', 'only enqueue and wait: workers run in other processes')
    .action(async (opts: { once?: boolean; source?: string[]; timeout: string; workers: boolean }) => {
      if (!opts.once) throw new NotImplementedYetError('continuous `courtwatch crawl` (use `courtwatch start`, or `crawl --once`)');
      const { loadSettings, parseDuration } = await import('../config.ts');
      const { ConfigError } = await import('../errors.ts');
      const { openPipeline, startWorkers, stopWorkers, crawlOnce, selectSources } = await import('../workers/main.ts');
      const { progressReporter } = await import('./progress.ts');
      const timeoutMs = parseDuration(opts.timeout);
      if (timeoutMs === null) throw new ConfigError(`--timeout: expected a duration like "90s" or "10m", got "${opts.timeout}"`);
      const settings = loadSettings();
      const ctx = await openPipeline(settings);
      const workers = opts.workers ? startWorkers(ctx) : [];
      const report = progressReporter('crawl');
      try {
        const sources = selectSources(ctx.sourcesConfig, opts.source, settings.sourcesFile);
        const result = await crawlOnce(ctx, sources, {
          timeoutMs,
          onProgress: (p) => report.update(`discovered ${p.discovered}/${sources.length} sources · fetched ${p.fetched} · extracted ${p.extracted} · failed ${p.failed} · pending ${p.pending}`, p.fetched, p.elapsedMs),
        });
        report.done();
        process.stdout.write(
          `crawl: ${sources.length} source(s), ${result.fetched} page(s) fetched, ${result.extracted} extracted, ${result.failed} failed` +
            `${result.timedOut ? `; gave up waiting after ${opts.timeout} with ${result.pending} job(s) pending` : ''}\n`,
        );
        if (result.failed > 0) process.stdout.write('crawl: see `courtwatch status` for the failed jobs and their errors\n');
        if (result.timedOut) process.exitCode = 1;
      } finally {
        await stopWorkers(workers, 10_000);
        await ctx.close();
      }
    });
}
