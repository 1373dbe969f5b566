/**
 * Idempotent writes: each processor run twice on the same work (through the queue, under different job
 * ids, as a retry or a duplicate delivery would) leaves the database as if it ran once; re-extraction
 * with new rules never overwrites a reviewer's decision but records a conflict.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractStoredPage } from '../../src/workers/pipeline.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';
import { startFaultSite, type FaultSite } from '../helpers/fault/fault-site.ts';
import { waitUntil } from '../helpers/fault/wait.ts';
import { createTestRedis, type TestRedis } from '../helpers/redis.ts';
import { createHarness, tableCounts, type Harness } from './harness.ts';

let t: TestDb;
let r: TestRedis;
let site: FaultSite;
let h: Harness;

beforeAll(async () => {
  t = await createTestDb('idempotent');
  r = await createTestRedis('idempotent');
  site = await startFaultSite();
  h = await createHarness(t, r, site.sourceYaml('fault'));
  h.start();
});

afterAll(async () => {
  await h?.close();
  await site?.close();
  await r?.cleanup();
  await t?.drop();
});

/** Everything a run writes, minus timestamps that record when it ran. */
async function snapshot(): Promise<unknown> {
  return {
    pages: await t.db.query('SELECT id, url, final_url, content_hash, status FROM pages ORDER BY id'),
    articles: await t.db.query('SELECT id, canonical_url, page_id, text_hash, extractor_version FROM articles ORDER BY id'),
    records: await t.db.query(
      `SELECT id, article_id, record_key, name, count, age, charges, court, sentence_kind, sentence_months, verdict_date,
              status, review_status, conflict, case_id FROM records ORDER BY id`,
    ),
    cases: await t.db.query('SELECT id, name_key, verdict_date FROM cases ORDER BY id'),
  };
}

async function runAll(tag: string): Promise<void> {
  const fetch = h.runtime.queues.fetch;
  for (const p of site.articlePaths) await fetch.add('fetch', { sourceId: 'fault', url: `${site.url}${p}`, lastmod: null }, { jobId: `${tag}-fetch-${p}` });
  await waitUntil(`the ${tag} fetches to complete`, async () => (await fetch.getJobCounts('completed')).completed! >= site.articlePaths.length * (tag === 'first' ? 1 : 2) && (await h.runtime.pending()) === 0, {
    timeoutMs: 120_000, describe: async () => JSON.stringify(await h.runtime.counts()),
  });
  // the extract processor, run again on every page under a new job id
  const pages = await t.db.query<{ id: number }>('SELECT id FROM pages ORDER BY id');
  const extract = h.runtime.queues.extract;
  const before = (await extract.getJobCounts('completed')).completed!;
  for (const { id } of pages) await extract.add('extract', { pageId: id }, { jobId: `${tag}-extract-${id}` });
  await waitUntil(`the ${tag} extractions to complete`, async () => (await extract.getJobCounts('completed')).completed! >= before + pages.length && (await h.runtime.pending()) === 0, {
    timeoutMs: 120_000, describe: async () => JSON.stringify(await h.runtime.counts()),
  });
}

describe('a job that runs twice', () => {
  it('leaves pages, articles, records and cases as if it ran once', async () => {
    await runAll('first');
    const once = await snapshot();
    const counts = await tableCounts(t);
    expect(counts.articles).toBe(site.articlePaths.length);
    expect(counts.records).toBeGreaterThan(0);

    await runAll('second');
    expect(await snapshot()).toEqual(once);
    expect((await h.runtime.counts()).fetch).toMatchObject({ failed: 0, completed: site.articlePaths.length * 2 });

    // forced re-extraction (same rules), twice: records keep their ids and values
    const pages = await t.db.query<{ id: number }>('SELECT id FROM pages ORDER BY id');
    for (let i = 0; i < 2; i++) for (const { id } of pages) await extractStoredPage(h.deps, id, { force: true });
    expect(await snapshot()).toEqual(once);
  }, 300_000);

  it('re-extraction with new rules never overwrites a reviewer’s decision; it flags a conflict', async () => {
    const [target] = await t.db.query<{ id: number; article_id: number; sentence_months: number | null; page_id: number }>(
      `SELECT r.id, r.article_id, r.sentence_months, a.page_id FROM records r JOIN articles a ON a.id = r.article_id
        WHERE r.name IS NOT NULL AND r.sentence_months IS NOT NULL ORDER BY r.id LIMIT 1`,
    );
    expect(target).toBeDefined();
    const corrected = Number(target!.sentence_months) + 12;
    await t.db.query(
      `UPDATE records SET review_status = 'accepted', edited = true, sentence_months = $2, reviewed_by = 'reviewer', reviewed_at = now()
        WHERE id = $1`,
      [target!.id, corrected],
    );
    const newRules = { ...h.deps, extractorVersion: `${h.deps.extractorVersion}-next` };
    for (let i = 0; i < 2; i++) {
      const outcome = await extractStoredPage(newRules, target!.page_id);
      expect(outcome.extracted).toBe(i === 0);
    }
    const [after] = await t.db.query<{ review_status: string; edited: boolean; sentence_months: number; reviewed_by: string; conflict: unknown }>(
      'SELECT review_status, edited, sentence_months, reviewed_by, conflict FROM records WHERE id = $1',
      [target!.id],
    );
    expect(after).toMatchObject({ review_status: 'accepted', edited: true, sentence_months: corrected, reviewed_by: 'reviewer' });
    expect(after!.conflict).not.toBeNull();
    const dupes = await t.db.query('SELECT article_id, record_key FROM records GROUP BY 1, 2 HAVING count(*) > 1');
    expect(dupes).toEqual([]);
  }, 120_000);
});
