/**
 * Per-test-file Postgres databases, copied from a migrated template (fast, and no shared data).
 */
import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Db, createDatabaseFromTemplate, dropDatabase } from '../../src/store/db.ts';
import { MIGRATIONS_DIR } from '../../src/store/migrate.ts';

export const PG_BASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function databaseUrl(name: string): string {
  const u = new URL(PG_BASE_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

/** The template's name changes whenever a migration changes, so a stale template is never used. */
export function templateName(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(MIGRATIONS_DIR).sort()) {
    hash.update(file);
    hash.update(readFileSync(path.join(MIGRATIONS_DIR, file)));
  }
  return `cw_tpl_${hash.digest('hex').slice(0, 12)}`;
}

export interface TestDb {
  db: Db;
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database for one test file. Call drop() in afterAll. */
export async function createTestDb(label = 'db'): Promise<TestDb> {
  const name = `cw_test_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomUUID().slice(0, 8)}`;
  await createDatabaseFromTemplate(PG_BASE_URL, name, templateName());
  const url = databaseUrl(name);
  const db = new Db(url, { max: 5 });
  return {
    db,
    url,
    name,
    async drop() {
      await db.close();
      await dropDatabase(PG_BASE_URL, name);
    },
  };
}
