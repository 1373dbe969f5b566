import type { Command } from 'commander';

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('export records as CSV or JSON, one row per defendant with its source URLs')
    .option('--format <format>', 'csv or json', 'csv')
    .option('--status <status>', 'review status to export: accepted, pending, rejected or all', 'accepted')
    .option('--out <file>', 'write to this file instead of stdout')
    .action(async (opts: { format: string; status: string; out?: string }) => {
      const { ConfigError } = await import('../errors.ts');
      if (opts.format !== 'csv' && opts.format !== 'json') throw new ConfigError(`--format: expected csv or json, got "${opts.format}"`);
      if (!['accepted', 'pending', 'rejected', 'all'].includes(opts.status)) {
        throw new ConfigError(`--status: expected accepted, pending, rejected or all, got "${opts.status}"`);
      }
      const { loadSettings } = await import('../config.ts');
      const { Db } = await import('../store/db.ts');
      const { listExportRows } = await import('../store/export.ts');
      const { toCsv, toJson } = await import('../web/export-format.ts');
      const db = new Db(loadSettings().databaseUrl, { max: 1 });
      try {
        const status = opts.status === 'all' ? undefined : (opts.status as 'accepted' | 'pending' | 'rejected');
        const rows = await listExportRows(db, { reviewStatus: status });
        const text = opts.format === 'csv' ? toCsv(rows) : toJson(rows);
        if (opts.out) {
          const { writeFile } = await import('node:fs/promises');
          await writeFile(opts.out, text, 'utf8');
          process.stderr.write(`wrote ${rows.length} row(s) to ${opts.out}\n`);
        } else {
          process.stdout.write(text);
        }
      } finally {
        await db.close();
      }
    });
}
