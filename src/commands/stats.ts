import type { Command } from 'commander';

export function registerStats(program: Command): void {
  program
    .command('stats')
    .description('how reviewers judged each extraction rule: accepted, corrected, rejected (weakest first)')
    .action(async () => {
      const { loadSettings } = await import('../config.ts');
      const { Db } = await import('../store/db.ts');
      const { reviewStats } = await import('../store/review.ts');
      const { statsToText } = await import('../web/stats-text.ts');
      const db = new Db(loadSettings().databaseUrl, { max: 1 });
      try {
        process.stdout.write(statsToText(await reviewStats(db)));
      } finally {
        await db.close();
      }
    });
}
