import type { Command } from 'commander';
import { NotImplementedYetError } from '../errors.ts';

export function registerScheduler(program: Command): void {
  program
    .command('scheduler')
    .description('keep each source’s crawl schedule as a BullMQ job scheduler')
    .action(() => {
      throw new NotImplementedYetError('courtwatch scheduler (issue 5)');
    });
}
