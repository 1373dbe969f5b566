import type { Command } from 'commander';
import { NotImplementedYetError } from '../errors.ts';

export function registerStatus(program: Command): void {
  program
    .command('status')
    .description('show queue counts, failed jobs, source health and backfill checkpoints')
    .action(() => {
      throw new NotImplementedYetError('courtwatch status (issue 5)');
    });
}
