import type { Command } from 'commander';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('create the database if missing and apply pending migrations (idempotent)')
    .action(async () => {
      const { loadSettings } = await import('../config.ts');
      const { migrate } = await import('../store/migrate.ts');
      const settings = loadSettings();
      const applied = await migrate(settings.databaseUrl);
      process.stdout.write(applied.length ? `applied ${applied.length} migration(s): ${applied.join(', ')}\n` : 'database is up to date\n');
    });
}
