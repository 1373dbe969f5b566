/**
 * The queue stays fast at 100,000 records because its pages are read from indexes, not by sorting the
 * table: asserted on the query plans (a behaviour, not a timing). The plans are printed for reading.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../helpers/db.ts';
import { listQueue, queueKeyOf, queuePageQuery, type QueueFilters, type QueueKey } from '../../src/store/review.ts';
import { QUEUE_PAGE_SIZE } from '../../src/web/routes/records.ts';
import { seedBulkRecords } from './helpers/bulk.ts';

const RECORDS = 100_000;

describe(`review queue at ${RECORDS} records`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb('web_plan');
    await seedBulkRecords(t.db, RECORDS);
  }, 180_000);
  afterAll(async () => t?.drop());

  async function plan(name: string, f: QueueFilters, page: { after?: QueueKey; before?: QueueKey } = {}): Promise<string> {
    const q = queuePageQuery(f, { limit: QUEUE_PAGE_SIZE + 1, ...page });
    const rows = await t.db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ${q.sql}`, q.params);
    const text = rows.map((r) => r['QUERY PLAN']).join('\n');
    mkdirSync('test-output/plans', { recursive: true });
    writeFileSync(`test-output/plans/${name}.txt`, `${q.sql}\n\n${text}\n`);
    process.stdout.write(`\n--- queue plan: ${name}\n${text}\n`);
    return text;
  }

  const seqScanOnRecords = /Seq Scan on records/;

  it('reads the default page and deep keyset pages from the queue-order index', async () => {
    const first = await plan('default-page', {});
    expect(first).not.toMatch(seqScanOnRecords);
    expect(first).toMatch(/Index Scan (Backward )?using records_queue_order_idx on records/);
    expect(first).not.toMatch(/Sort Key/);

    // 1,000 pages deep (past all pending records) costs the same kind of plan.
    const deep = await listQueue(t.db, {}, { limit: 1, after: { pending: false, date: '2019-06-01', id: 1 } });
    const deepPlan = await plan('deep-page', {}, { after: queueKeyOf(deep[0]!) });
    expect(deepPlan).not.toMatch(seqScanOnRecords);
    expect(deepPlan).not.toMatch(/Sort Key/);

    const back = await plan('previous-page', {}, { before: queueKeyOf(deep[0]!) });
    expect(back).not.toMatch(seqScanOnRecords);
  });

  it('uses indexes for the status tab and for name search', async () => {
    const tab = await plan('status-accepted', { reviewStatus: 'accepted' });
    expect(tab).not.toMatch(seqScanOnRecords);
    expect(tab).toMatch(/Index Scan (Backward )?using records_status_queue_idx on records/);
    expect(tab).not.toMatch(/Sort Key/);
    const deepTab = await listQueue(t.db, { reviewStatus: 'accepted' }, { limit: 1, after: { pending: false, date: '2019-06-01', id: 1 } });
    const deepTabPlan = await plan('status-accepted-deep', { reviewStatus: 'accepted' }, { after: queueKeyOf(deepTab[0]!) });
    expect(deepTabPlan).toMatch(/Index Cond: .*review_status = 'accepted'/);
    expect(deepTabPlan).not.toMatch(/Sort Key/);
    const search = await plan('name-search', { q: 'ab12' });
    expect(search).not.toMatch(seqScanOnRecords);
    expect(search).toMatch(/records_name_trgm_idx/);
  });

  it('pages through the whole order without gaps or repeats (keyset), with and without a status tab', async () => {
    const walk = async (filters: QueueFilters, expectedSql: string) => {
      const seen: number[] = [];
      const pageStarts: QueueKey[] = [];
      let after: QueueKey | undefined;
      for (;;) {
        const rows = await listQueue(t.db, filters, { limit: QUEUE_PAGE_SIZE, after });
        if (rows[0]) pageStarts.push(queueKeyOf(rows[0]));
        seen.push(...rows.map((r) => r.id));
        if (rows.length < QUEUE_PAGE_SIZE) break;
        after = queueKeyOf(rows[rows.length - 1]!);
      }
      const all = await t.db.query<{ id: number }>(expectedSql);
      expect(seen).toEqual(all.map((r) => r.id));
      expect(new Set(seen).size).toBe(seen.length);
      // "Previous" from the start of page 3 gives page 2 exactly.
      const previous = await listQueue(t.db, filters, { limit: QUEUE_PAGE_SIZE, before: pageStarts[2]! });
      expect(previous.map((r) => r.id)).toEqual(seen.slice(QUEUE_PAGE_SIZE, 2 * QUEUE_PAGE_SIZE));
    };
    await walk({ court: 'Court 7', monthsMax: 120 }, `SELECT id FROM records WHERE court ILIKE '%Court 7%' AND sentence_months <= 120
      ORDER BY review_status = 'pending' DESC, COALESCE(verdict_date, '-infinity'::date) DESC, id DESC`);
    await walk({ court: 'Court 7', reviewStatus: 'rejected' }, `SELECT id FROM records WHERE court ILIKE '%Court 7%' AND review_status = 'rejected'
      ORDER BY COALESCE(verdict_date, '-infinity'::date) DESC, id DESC`);
  });
});
