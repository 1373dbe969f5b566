import type { Command } from 'commander';
import { NotImplementedYetError } from '../errors.ts';

export function registerCrawl(program: Command): void {
  program
    .command('crawl')
    .description('crawl sources now (--once) and wait until the queues drain')
    .action(() => {
      throw new NotImplementedYetError('courtwatch crawl (issue 2)');
    });
}
