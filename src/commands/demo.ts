import type { Command } from 'commander';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('serve the offline fixture news site and run the whole system against it')
    .option('--site-port <port>', 'port of the fixture news site (default: any free port)', '0')
    .action(async (opts: { sitePort: string }) => {
      const { loadSettings } = await import('../config.ts');
      const { startDemo, demoSettings, DEMO_USER, DEMO_PASSWORD } = await import('../demo/demo.ts');
      const { untilSignal } = await import('./signals.ts');
      const demo = await startDemo(demoSettings(loadSettings()), {
        sitePort: Number(opts.sitePort) || 0,
        onListening: (url) => process.stdout.write(`demo: review UI at ${url}  — log in as ${DEMO_USER} / ${DEMO_PASSWORD}\n`),
      });
      process.stdout.write(`demo: fixture news site at ${demo.site.url}/ (feed, sitemap and listing sources); records appear as pages are crawled. Ctrl-C to stop.\n`);
      await untilSignal();
      await demo.stop();
    });
}
