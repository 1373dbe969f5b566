import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { Db, dropDatabase } from '../../src/store/db.ts';
import { migrate } from '../../src/store/migrate.ts';
import { PG_BASE_URL, databaseUrl } from '../helpers/db.ts';

describe('migrate', () => {
  const name = `cw_test_migrate_${randomUUID().slice(0, 8)}`;
  const url = databaseUrl(name);
  afterAll(() => dropDatabase(PG_BASE_URL, name));

  it('creates a missing database, applies every migration, and is a no-op the second time', async () => {
    const first = await migrate(url);
    expect(first.length).toBeGreaterThan(0);
    expect(first[0]).toBe('0001_create_core_tables');
    const db = new Db(url);
    try {
      const tables = await db.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
      );
      const names = tables.map((t) => t.table_name);
      for (const t of ['sources', 'pages', 'articles', 'records', 'review_events', 'alert_rules', 'alert_deliveries']) {
        expect(names).toContain(t);
      }
    } finally {
      await db.close();
    }
    expect(await migrate(url)).toEqual([]);
  });
});
