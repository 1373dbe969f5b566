import type { Command } from 'commander';
import { NotImplementedYetError } from '../errors.ts';

export function registerAlerts(program: Command): void {
  program
    .command('alerts')
    .description('manage and test alert rules (alerts test RULE)')
    .action(() => {
      throw new NotImplementedYetError('courtwatch alerts (issue 8)');
    });
}
