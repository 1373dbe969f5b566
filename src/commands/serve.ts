import type { Command } from 'commander';
import { NotImplementedYetError } from '../errors.ts';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the review web server')
    .action(() => {
      throw new NotImplementedYetError('courtwatch serve (issue 6)');
    });
}
