import type { Command } from 'commander';
import { NotImplementedYetError } from '../errors.ts';

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('apply migrations, then run the scheduler, the workers and the review server')
    .action(() => {
      throw new NotImplementedYetError('courtwatch start (issue 2)');
    });
}
