import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VerdictRecord } from '../../src/extract/types.ts';
import { upsertArticle } from '../../src/store/articles.ts';
import { caseNameKey, datesCompatible, recordKeys, replaceArticleRecords, toStoredDate } from '../../src/store/records.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';

function rec(partial: Partial<VerdictRecord>): VerdictRecord {
  return {
    name: 'Akzhol Zhandarbekov', count: 1, age: null, ageRange: null, charges: ['participation in mass riots'],
    court: 'Almaty district court', sentence: { kind: 'prison', months: 48, monthsMax: null, fine: null },
    verdictDate: '2024-06-11', status: 'convicted', evidence: { name: [[10, 29]] }, rules: { name: 'name-subject' }, confidence: 0.9, ...partial,
  };
}

let t: TestDb;
let articleSeq = 0;
async function newArticle(): Promise<number> {
  articleSeq++;
  const { id } = await upsertArticle(t.db, {
    canonicalUrl: `https://news.example/a/${articleSeq}`, sourceId: null, pageId: null, title: 't', author: null,
    publishedAt: null, language: 'en', text: 'text', textHash: `h${articleSeq}`,
  }, 'v1');
  return id;
}

beforeAll(async () => {
  t = await createTestDb('records');
});
afterAll(async () => {
  await t.drop();
});

describe('record keys and dates', () => {
  it('keys records by folded name, groups by count and position, repeats with a suffix', () => {
    expect(recordKeys([rec({ name: 'Ärlan Özbek' }), rec({ name: null, count: 10 }), rec({ name: 'arlan ozbek' })])).toEqual([
      'arlan ozbek', 'group:10:1', 'arlan ozbek#2',
    ]);
  });
  it('folds transliteration variants of one name to one case key', () => {
    expect(caseNameKey('Karim Massimov')).toBe(caseNameKey('Karim Masimov'));
    expect(caseNameKey('Bolat Zhakupov')).toBe(caseNameKey('Bolat Jakupov'));
    expect(caseNameKey('Bolat Zhakupov')).not.toBe(caseNameKey('Bolat Zhunusov'));
  });
  it('compares dates at the coarser precision', () => {
    expect(datesCompatible(toStoredDate('2022-11')!, toStoredDate('2022-11-15')!)).toBe(true);
    expect(datesCompatible(toStoredDate('2022-11')!, toStoredDate('2022-12-01')!)).toBe(false);
    expect(datesCompatible(toStoredDate('2023')!, toStoredDate('2023-04-02')!)).toBe(true);
  });
});

describe('replaceArticleRecords', () => {
  it('is idempotent: the same records written twice leave one row each', async () => {
    const a = await newArticle();
    const records = [rec({}), rec({ name: null, count: 10, ageRange: [22, 53], sentence: { kind: 'prison', months: 21, monthsMax: null, fine: null } })];
    const first = await t.db.withTransaction((tx) => replaceArticleRecords(tx, a, records, 'v1'));
    expect(first).toMatchObject({ added: 2, changed: 0, removed: 0 });
    const second = await t.db.withTransaction((tx) => replaceArticleRecords(tx, a, records, 'v1'));
    expect(second).toMatchObject({ added: 0, changed: 0, removed: 0, unchanged: 2, conflicts: 0 });
    const rows = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM records WHERE article_id = $1', [a]);
    expect(rows[0]!.n).toBe(2);
    // which rule produced each field is kept with the record (reviewers' per-rule statistics)
    const provenance = await t.db.query<{ rules: Record<string, string> }>('SELECT rules FROM records WHERE article_id = $1 ORDER BY ordinal', [a]);
    expect(provenance[0]!.rules).toEqual({ name: 'name-subject' });
  });

  it('replaces unreviewed records and flags a conflict instead of overwriting a reviewed one', async () => {
    const a = await newArticle();
    await t.db.withTransaction((tx) => replaceArticleRecords(tx, a, [rec({}), rec({ name: 'Nursultan Isaev', age: 32 })], 'v1'));
    await t.db.query("UPDATE records SET review_status = 'accepted', reviewed_by = 'ana' WHERE article_id = $1 AND name = 'Nursultan Isaev'", [a]);
    const newer = [rec({ sentence: { kind: 'prison', months: 60, monthsMax: null, fine: null } }), rec({ name: 'Nursultan Isaev', age: 33 })];
    const summary = await t.db.withTransaction((tx) => replaceArticleRecords(tx, a, newer, 'v2'));
    expect(summary).toMatchObject({ changed: 1, conflicts: 1 });
    const rows = await t.db.query<{ name: string; age: number | null; sentence_months: number; conflict: { record?: { age: number } } | null; review_status: string }>(
      'SELECT name, age, sentence_months, conflict, review_status FROM records WHERE article_id = $1 ORDER BY ordinal', [a],
    );
    expect(rows[0]).toMatchObject({ name: 'Akzhol Zhandarbekov', sentence_months: 60, conflict: null });
    expect(rows[1]).toMatchObject({ name: 'Nursultan Isaev', age: 32, review_status: 'accepted' });
    expect(rows[1]!.conflict?.record?.age).toBe(33);
  });

  it('removes unreviewed records the rules no longer find, keeps reviewed ones with a conflict', async () => {
    const a = await newArticle();
    await t.db.withTransaction((tx) => replaceArticleRecords(tx, a, [rec({}), rec({ name: 'Kanat Beisebaev' }), rec({ name: 'Dana Ospan' })], 'v1'));
    await t.db.query("UPDATE records SET review_status = 'rejected' WHERE article_id = $1 AND name = 'Dana Ospan'", [a]);
    const summary = await t.db.withTransaction((tx) => replaceArticleRecords(tx, a, [rec({})], 'v2'));
    expect(summary).toMatchObject({ removed: 1, conflicts: 1, unchanged: 1 });
    const names = await t.db.query<{ name: string; conflict: unknown }>('SELECT name, conflict FROM records WHERE article_id = $1 ORDER BY name', [a]);
    expect(names.map((r) => r.name)).toEqual(['Akzhol Zhandarbekov', 'Dana Ospan']);
    expect(names[1]!.conflict).toMatchObject({ removed: true });
  });

  it('groups the same defendant from two articles into one case, and a different verdict into another', async () => {
    const a1 = await newArticle();
    const a2 = await newArticle();
    const a3 = await newArticle();
    await t.db.withTransaction((tx) => replaceArticleRecords(tx, a1, [rec({ name: 'Kazybek Kudaibergenov', court: null, verdictDate: '2022-11' })], 'v1'));
    await t.db.withTransaction((tx) => replaceArticleRecords(tx, a2, [rec({ name: 'Kazybek Kudaibergenov', court: 'Kyzylorda regional court', verdictDate: '2022-11-24' })], 'v1'));
    await t.db.withTransaction((tx) => replaceArticleRecords(tx, a3, [rec({ name: 'Kazybek Kudaibergenov', court: 'Supreme Court', verdictDate: '2024-02-01' })], 'v1'));
    const rows = await t.db.query<{ article_id: number; case_id: number }>(
      "SELECT article_id, case_id FROM records WHERE name = 'Kazybek Kudaibergenov' ORDER BY article_id",
    );
    expect(rows[0]!.case_id).toBe(rows[1]!.case_id);
    expect(rows[2]!.case_id).not.toBe(rows[0]!.case_id);
  });

  it('rolls back everything when a record is invalid (no half-written article)', async () => {
    const a = await newArticle();
    await expect(
      t.db.withTransaction((tx) => replaceArticleRecords(tx, a, [rec({ name: 'Valid Person' }), rec({ name: 'Bad Age', age: 400 })], 'v1')),
    ).rejects.toThrow();
    const rows = await t.db.query('SELECT 1 FROM records WHERE article_id = $1', [a]);
    expect(rows).toHaveLength(0);
  });
});
