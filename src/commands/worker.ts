import type { Command } from 'commander';
import { NotImplementedYetError } from '../errors.ts';

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('run queue workers (fetch, extract, store, alert)')
    .action(() => {
      throw new NotImplementedYetError('courtwatch worker (issue 5)');
    });
}
