/**
 * Runs once per `vitest run`: makes sure Postgres and Redis answer, and builds the migrated template
 * database that each test file copies. Concurrent runs share the template under an advisory lock.
 */
import pg from 'pg';
import { Redis } from 'ioredis';
import { migrate } from '../../src/store/migrate.ts';
import { PG_BASE_URL, databaseUrl, templateName } from './db.ts';
import { REDIS_URL } from './redis.ts';

const TEMPLATE_LOCK_KEY = 4_242_001;

export default async function setup(): Promise<void> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    throw new Error(`tests need Redis at ${REDIS_URL}: start it with \`redis-server --daemonize yes\` (${String(err)})`);
  } finally {
    redis.disconnect();
  }

  const name = templateName();
  const admin = new pg.Client({ connectionString: PG_BASE_URL });
  try {
    await admin.connect();
  } catch (err) {
    throw new Error(`tests need Postgres at ${PG_BASE_URL}: start it with \`pg_ctlcluster 15 main start\` (${String(err)})`);
  }
  try {
    await admin.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK_KEY]);
    const { rows } = await admin.query('SELECT datistemplate FROM pg_database WHERE datname = $1', [name]);
    if (rows.length === 0 || rows[0].datistemplate !== true) {
      await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)}`);
      await migrate(databaseUrl(name));
      await admin.query(`ALTER DATABASE ${pg.escapeIdentifier(name)} WITH is_template true`);
    }
  } finally {
    await admin.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK_KEY]).catch(() => undefined);
    await admin.end();
  }
}
