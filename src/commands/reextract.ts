import type { Command } from 'commander';
import { NotImplementedYetError } from '../errors.ts';

export function registerReextract(program: Command): void {
  program
    .command('reextract')
    .description('re-run the current rules over stored pages (no network)')
    .action(() => {
      throw new NotImplementedYetError('courtwatch reextract (issue 7)');
    });
}
