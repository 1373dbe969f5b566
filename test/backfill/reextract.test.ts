/**
 * Re-extraction after a rule change: unreviewed records follow the new rules (added, changed, removed),
 * reviewed ones are left alone with the new finding flagged in records.conflict.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReextract, compareVersions } from '../../src/backfill/reextract.ts';
import { PROJECT_ROOT, sourceSchema } from '../../src/config.ts';
import { parseArticle } from '../../src/crawlers/index.ts';
import type { ExtractResult, VerdictRecord } from '../../src/extract/types.ts';
import { log } from '../../src/log.ts';
import { upsertSources } from '../../src/store/sources.ts';
import { ingestPage, type PipelineDeps } from '../../src/workers/pipeline.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';
import { articleHtml } from './helpers/fake-archive.ts';
import { simpleFetcher } from './helpers/simple-fetcher.ts';

function rec(name: string, months: number, extra: Partial<VerdictRecord> = {}): VerdictRecord {
  return {
    name, count: 1, age: null, ageRange: null, charges: ['mass riots'], court: 'Almaty district court',
    sentence: { kind: 'prison', months, monthsMax: null, fine: null }, verdictDate: '2022-06-11', status: 'convicted',
    evidence: {}, confidence: 0.9, ...extra,
  };
}

const fixture = (slug: string) => readFileSync(path.join(PROJECT_ROOT, 'fixtures/articles', `${slug}.txt`), 'utf8');
const TEXT_A = fixture('almaty-bloody-january-11-defendants');
const TEXT_B = fixture('kz-kyzylorda-rare-acquittal');

// Rules v1 and v2 are injected: v2 changes X's and Y's terms, no longer finds Z, finds Q; R is the same.
const RULES_V1 = (text: string): ExtractResult =>
  text === TEXT_A
    ? { records: [rec('Xan Xanov', 48), rec('Yer Yerov', 12), rec('Zhan Zhanov', 6), rec('Ruslan Rov', 36)] }
    : { records: [rec('Bek Bekov', 24)] };
const RULES_V2 = (text: string): ExtractResult =>
  text === TEXT_A
    ? { records: [rec('Xan Xanov', 60), rec('Yer Yerov', 24), rec('Ruslan Rov', 36), rec('Qas Qasov', 30)] }
    : { records: [rec('Bek Bekov', 24)] };

describe('re-extraction', () => {
  let t: TestDb;
  let base: Omit<PipelineDeps, 'extract' | 'extractorVersion'>;
  beforeAll(async () => {
    t = await createTestDb('reextract');
    const sources = ['kz-news', 'kz-other'].map((id) => sourceSchema.parse({ id, name: id, kind: 'rss', url: `https://${id}.example/rss` }));
    await upsertSources(t.db, sources.map((s) => ({ id: s.id, name: s.name, kind: s.kind, url: s.url, config: s })));
    const noNetwork = { discover: () => Promise.reject(new Error('no network')), fetch: () => Promise.reject(new Error('no network')) };
    base = { db: t.db, crawler: noNetwork, sources: new Map(sources.map((s) => [s.id, s])), parseArticle, log };
    const v1: PipelineDeps = { ...base, extract: RULES_V1, extractorVersion: '1.0.0' };
    const page = async (url: string, text: string) => {
      const p = await simpleFetcher('data:text/html;charset=utf-8,' + encodeURIComponent(articleHtml(text.split('\n')[0]!, text)));
      return { ...p, url, finalUrl: url, contentType: 'text/html; charset=utf-8', charset: 'utf-8' };
    };
    await ingestPage(v1, await page('https://kz-news.example/a', TEXT_A), { sourceId: 'kz-news', origin: 'warc', archivedAt: new Date('2022-06-12T00:00:00Z') });
    await ingestPage(v1, await page('https://kz-other.example/b', TEXT_B), { sourceId: 'kz-other', origin: 'warc', archivedAt: null });
    // A reviewer accepts X and rejects R.
    await t.db.query("UPDATE records SET review_status = 'accepted', reviewed_by = 'ana', reviewed_at = now() WHERE name = 'Xan Xanov'");
    await t.db.query("UPDATE records SET review_status = 'rejected', reviewed_by = 'ana', reviewed_at = now() WHERE name = 'Ruslan Rov'");
  });
  afterAll(async () => {
    await t?.drop();
  });

  async function records(): Promise<Record<string, { months: number | null; review: string; conflict: unknown; version: string }>> {
    const rows = await t.db.query<{ name: string; sentence_months: number | null; review_status: string; conflict: unknown; extractor_version: string }>(
      'SELECT name, sentence_months, review_status, conflict, extractor_version FROM records ORDER BY name',
    );
    return Object.fromEntries(rows.map((r) => [r.name, { months: r.sentence_months, review: r.review_status, conflict: r.conflict, version: r.extractor_version }]));
  }

  it('applies a rule change to unreviewed records and flags conflicts on reviewed ones instead of overwriting', async () => {
    const before = await records();
    expect(Object.keys(before).sort()).toEqual(['Bek Bekov', 'Ruslan Rov', 'Xan Xanov', 'Yer Yerov', 'Zhan Zhanov']);

    const summary = await runReextract({ pipeline: { ...base, extract: RULES_V2, extractorVersion: '2.0.0' }, log }, { sourceId: 'kz-news' });
    expect(summary).toMatchObject({ articles: 1, reextracted: 1, added: 1, changed: 1, removed: 1, unchanged: 1, conflicts: 1, failed: 0 });

    const after = await records();
    // the reviewer's decision stands; the new finding waits in conflict
    expect(after['Xan Xanov']).toMatchObject({ months: 48, review: 'accepted', version: '1.0.0' });
    expect(after['Xan Xanov']!.conflict).toMatchObject({ extractorVersion: '2.0.0', record: { name: 'Xan Xanov', sentence: { months: 60 } } });
    // rejected and unchanged: still rejected, no conflict
    expect(after['Ruslan Rov']).toMatchObject({ months: 36, review: 'rejected', conflict: null });
    expect(after['Yer Yerov']).toMatchObject({ months: 24, review: 'pending', version: '2.0.0' });
    expect(after['Zhan Zhanov']).toBeUndefined();
    expect(after['Qas Qasov']).toMatchObject({ months: 30, review: 'pending', version: '2.0.0' });
    // the other source was not touched
    expect(after['Bek Bekov']).toMatchObject({ version: '1.0.0' });
  });

  it('--version-below picks only articles extracted by older rules', async () => {
    const none = await runReextract({ pipeline: { ...base, extract: RULES_V2, extractorVersion: '2.0.0' }, log }, { versionBelow: '1.0.0' });
    expect(none.articles).toBe(0);
    const older = await runReextract({ pipeline: { ...base, extract: RULES_V2, extractorVersion: '2.0.0' }, log }, { versionBelow: '2.0.0' });
    // only kz-other's article was still at 1.0.0
    expect(older).toMatchObject({ articles: 1, reextracted: 1, added: 0, changed: 0, removed: 0, unchanged: 1, conflicts: 0 });
    const again = await runReextract({ pipeline: { ...base, extract: RULES_V2, extractorVersion: '2.0.0' }, log }, { since: '2100-01-01' });
    expect(again.articles).toBe(0);
  });

  it('compares versions numerically', () => {
    expect(compareVersions('0.10.0', '0.9.1')).toBe(1);
    expect(compareVersions('1.0', '1.0.0')).toBe(0);
    expect(compareVersions('1.2.3', '1.3.0')).toBe(-1);
  });
});
