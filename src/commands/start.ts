import type { Command } from 'commander';

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('apply migrations, then run the scheduler, the workers and the review server, and start crawling')
    .option('--no-web', 'do not serve the review UI')
    .option('--grace <duration>', 'on SIGTERM, how long active jobs may take to finish', '30s')
    .action(async (opts: { web: boolean; grace: string }) => {
      const { loadSettings, parseDuration } = await import('../config.ts');
      const { startSystem } = await import('../runtime.ts');
      const { untilSignal } = await import('./signals.ts');
      const settings = loadSettings();
      const system = await startSystem(settings, {
        web: opts.web,
        onListening: (url) => process.stdout.write(`courtwatch: review UI at ${url}  (create a login with \`npx courtwatch user add NAME\`)\n`),
      });
      process.stdout.write(`courtwatch: crawling ${system.ctx.sourcesConfig.sources.filter((s) => s.enabled).length} source(s) from ${settings.sourcesFile}; Ctrl-C to stop\n`);
      await untilSignal();
      await system.stop(parseDuration(opts.grace) ?? 30_000);
    });
}
