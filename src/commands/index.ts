/** Every CLI command, in the order `courtwatch --help` lists them. */
import type { Command } from 'commander';
import { registerMigrate } from './migrate.ts';
import { registerStart } from './start.ts';
import { registerWorker } from './worker.ts';
import { registerScheduler } from './scheduler.ts';
import { registerServe } from './serve.ts';
import { registerCrawl } from './crawl.ts';
import { registerStatus } from './status.ts';
import { registerExtract } from './extract.ts';
import { registerReextract } from './reextract.ts';
import { registerBackfill } from './backfill.ts';
import { registerExport } from './export.ts';
import { registerUser } from './user.ts';
import { registerAlerts } from './alerts.ts';
import { registerDemo } from './demo.ts';
import { registerStats } from './stats.ts';

export const COMMANDS: Array<(program: Command) => void> = [
  registerMigrate, registerStart, registerWorker, registerScheduler, registerServe, registerCrawl, registerStatus,
  registerExtract, registerReextract, registerBackfill, registerExport, registerUser, registerAlerts, registerStats, registerDemo,
];
