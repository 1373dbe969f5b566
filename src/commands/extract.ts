import type { Command } from 'commander';
import { NotImplementedYetError } from '../errors.ts';

export function registerExtract(program: Command): void {
  program
    .command('extract [file]')
    .description('extract verdict records from an article file (- for stdin)')
    .action(() => {
      throw new NotImplementedYetError('courtwatch extract (issue 3)');
    });
}
