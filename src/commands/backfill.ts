import type { Command } from 'commander';
import { NotImplementedYetError } from '../errors.ts';

export function registerBackfill(program: Command): void {
  program
    .command('backfill')
    .description('bring archived articles (Wayback, WARC, sitemaps, saved pages) through the pipeline')
    .action(() => {
      throw new NotImplementedYetError('courtwatch backfill (issue 7)');
    });
}
