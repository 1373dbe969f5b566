import type { Command } from 'commander';
import { NotImplementedYetError } from '../errors.ts';

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('export records as CSV or JSON')
    .action(() => {
      throw new NotImplementedYetError('courtwatch export (issue 6)');
    });
}
