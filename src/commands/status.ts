import type { Command } from 'commander';

export function registerStatus(program: Command): void {
  program
    .command('status')
    .description('show queue counts, failed jobs, source health and backfill checkpoints')
    .option('--failed <n>', 'how many failed jobs to list per queue', '10')
    .option('--json', 'print JSON instead of text')
    .action(async (opts: { failed: string; json?: boolean }) => {
      const { loadSettings } = await import('../config.ts');
      const { collectStatus, formatStatus } = await import('../workers/status.ts');
      const status = await collectStatus(loadSettings(), { failedPerQueue: Math.max(0, Number(opts.failed) || 0) });
      process.stdout.write(opts.json ? `${JSON.stringify(status, null, 2)}\n` : formatStatus(status));
    });
}
