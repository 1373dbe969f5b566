import type { Command } from 'commander';

export function registerReextract(program: Command): void {
  program
    .command('reextract')
    .description('re-run the current rules over stored pages (no network)')
    .option('--source <id>', 'only articles of this source')
    .option('--since <date>', 'only articles published (or stored, when undated) on or after YYYY-MM-DD')
    .option('--version-below <v>', 'only articles last extracted by an extractor version below this one')
    .option('--no-yield', 'do not pause while live crawling has work queued')
    .action(async (opts: { source?: string; since?: string; versionBelow?: string; yield: boolean }) => {
      const { loadSettings } = await import('../config.ts');
      const { runReextractCommand } = await import('../backfill/reextract-command.ts');
      const summary = await runReextractCommand(loadSettings(), { ...opts, yieldToLive: opts.yield });
      if (summary.interrupted) process.exitCode = 130;
    });
}
