import type { Command } from 'commander';
import { NotImplementedYetError } from '../errors.ts';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('serve the offline fixture news site and run the whole system against it')
    .action(() => {
      throw new NotImplementedYetError('courtwatch demo (issue 2)');
    });
}
