/** Applies migrations/ with node-pg-migrate. Idempotent: a second run applies nothing. */
import path from 'node:path';
import { runner } from 'node-pg-migrate';
import { PROJECT_ROOT } from '../config.ts';
import { log } from '../log.ts';
import { ensureDatabase } from './db.ts';

export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'migrations');

/** Creates the database if missing, then applies every pending migration. Returns the names applied. */
export async function migrate(databaseUrl: string): Promise<string[]> {
  await ensureDatabase(databaseUrl);
  const applied = await runner({
    databaseUrl,
    dir: MIGRATIONS_DIR,
    direction: 'up',
    migrationsTable: 'pgmigrations',
    count: Infinity,
    singleTransaction: true,
    // Numbered files from parallel branches may land out of order; each is still applied once.
    checkOrder: false,
    // Several workers starting together each run migrate(): the others wait for the first, then find
    // nothing to apply (the default, 'fail', made them exit).
    advisoryLockMode: 'wait',
    log: (msg: string) => log.debug({ msg }, 'migrate'),
  });
  return applied.map((m) => m.name);
}
