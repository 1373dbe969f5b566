/**
 * Review queue at 100,000 records: milliseconds per queue page (first page, a deep keyset page, a status
 * tab, a name search) and for the per-status counts, in a fresh migrated database. The plans behind
 * these figures are asserted (index scans, no sort) in test/web/queue-plan.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Db, dropDatabase } from '../src/store/db.ts';
import { migrate } from '../src/store/migrate.ts';
import { countByStatus, listQueue, queueKeyOf, type QueueFilters, type QueueKey } from '../src/store/review.ts';
import { PG_BASE_URL, databaseUrl } from '../test/helpers/db.ts';
import { seedBulkRecords } from '../test/web/helpers/bulk.ts';
import type { BenchFigure } from './run.ts';

const RECORDS = 100_000;
const PAGE = 50;
/** repetitions per figure; the median is reported */
const RUNS = 25;

async function medianMs(fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm the cache and the plan
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export default async function bench(): Promise<BenchFigure[]> {
  const name = `cw_bench_queue_${randomUUID().slice(0, 8)}`;
  const url = databaseUrl(name);
  await migrate(url);
  const db = new Db(url, { max: 2 });
  try {
    await seedBulkRecords(db, RECORDS);
    const [mid] = await listQueue(db, {}, { limit: 1, after: { pending: false, date: '2019-06-01', id: 1 } });
    const deep: QueueKey = queueKeyOf(mid!);
    const page = (f: QueueFilters, after?: QueueKey) => () => listQueue(db, f, { limit: PAGE + 1, after });
    const note = `${RECORDS} records, ${PAGE}-row page, median of ${RUNS}`;
    return [
      { name: 'review_queue.first_page_ms', value: await medianMs(page({})), unit: 'ms', better: 'lower', note },
      { name: 'review_queue.deep_page_ms', value: await medianMs(page({}, deep)), unit: 'ms', better: 'lower', note: `${note}, ~70,000 rows deep` },
      { name: 'review_queue.status_tab_ms', value: await medianMs(page({ reviewStatus: 'accepted' })), unit: 'ms', better: 'lower', note },
      { name: 'review_queue.name_search_ms', value: await medianMs(page({ q: 'ab1' })), unit: 'ms', better: 'lower', note },
      { name: 'review_queue.counts_ms', value: await medianMs(() => countByStatus(db, {})), unit: 'ms', better: 'lower', note: `${RECORDS} records, counts per review status` },
    ];
  } finally {
    await db.close();
    await dropDatabase(PG_BASE_URL, name);
  }
}
