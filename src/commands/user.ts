import type { Command } from 'commander';
import { NotImplementedYetError } from '../errors.ts';

export function registerUser(program: Command): void {
  program
    .command('user')
    .description('manage review users (user add NAME)')
    .action(() => {
      throw new NotImplementedYetError('courtwatch user (issue 6)');
    });
}
