import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBackfill } from '../../src/backfill/runner.ts';
import type { FetchedPage, IngestFn, IngestMeta } from '../../src/backfill/types.ts';
import { parseCdxJson, parseWaybackTimestamp, readWayback, selectCaptures, type CdxCapture } from '../../src/backfill/wayback.ts';
import { log } from '../../src/log.ts';
import { listBackfillRuns } from '../../src/store/backfill.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';
import { articleHtml, startFakeArchive, type FakeArchive, type FakeCapture } from './helpers/fake-archive.ts';
import { simpleFetchers } from './helpers/simple-fetcher.ts';

const SITE = 'https://news.example.org';
const page = (title: string) => articleHtml(title, `${title}. The court sentenced the defendant to four years in prison.`);

const CAPTURES: FakeCapture[] = [
  // A: three captures, the two newest with the same digest -> the newest one
  { timestamp: '20220301000000', original: `${SITE}/2022/verdict-a`, mimetype: 'text/html', statuscode: '200', digest: 'DA1', body: page('A first') },
  { timestamp: '20230105000000', original: `${SITE}/2022/verdict-a`, mimetype: 'text/html', statuscode: '200', digest: 'DA2', body: page('A') },
  { timestamp: '20230610000000', original: `${SITE}/2022/verdict-a`, mimetype: 'text/html', statuscode: '200', digest: 'DA2', body: page('A') },
  // B, and the same bytes under a tracking-parameter URL (duplicate digest across URLs)
  { timestamp: '20220801000000', original: `${SITE}/2022/verdict-b`, mimetype: 'text/html', statuscode: '200', digest: 'DB', body: page('B') },
  { timestamp: '20220901000000', original: `${SITE}/2022/verdict-b?utm_source=x`, mimetype: 'text/html', statuscode: '200', digest: 'DB', body: page('B') },
  // C: only a 404 capture
  { timestamp: '20221001000000', original: `${SITE}/2022/gone`, mimetype: 'text/html', statuscode: '404', digest: 'DC' },
  // D: only a redirect capture, pointing at E (captured after the range: reached only by following)
  { timestamp: '20221101000000', original: `${SITE}/old/verdict-d`, mimetype: 'text/html', statuscode: '301', digest: 'DD', redirectTo: { original: `${SITE}/2022/verdict-d`, timestamp: '20250102000000' } },
  { timestamp: '20250102000000', original: `${SITE}/2022/verdict-d`, mimetype: 'text/html', statuscode: '200', digest: 'DE', body: page('D') },
  // F: a redirect capture, a good capture and a revisit
  { timestamp: '20230301000000', original: `${SITE}/2023/verdict-f`, mimetype: 'text/html', statuscode: '302', digest: 'DF0', redirectTo: { original: `${SITE}/`, timestamp: '20230301000000' } },
  { timestamp: '20230401000000', original: `${SITE}/2023/verdict-f`, mimetype: 'text/html', statuscode: '200', digest: 'DF', body: page('F') },
  { timestamp: '20230501000000', original: `${SITE}/2023/verdict-f`, mimetype: 'warc/revisit', statuscode: '-', digest: 'DF' },
  // not HTML
  { timestamp: '20230601000000', original: `${SITE}/img/photo.jpg`, mimetype: 'image/jpeg', statuscode: '200', digest: 'DI', body: 'jpeg' },
];

const QUERY = { prefixes: ['news.example.org/'], from: '2022-01-01', to: '2024-12-31' };
const EXPECTED_FETCHES = [
  `/web/20220801000000id_/${SITE}/2022/verdict-b`,
  `/web/20221101000000id_/${SITE}/old/verdict-d`,
  `/web/20250102000000id_/${SITE}/2022/verdict-d`,
  `/web/20230401000000id_/${SITE}/2023/verdict-f`,
  `/web/20230610000000id_/${SITE}/2022/verdict-a`,
];

function recordingIngest(options: { onIngest?: (n: number) => void } = {}): { ingest: IngestFn; pages: Array<{ page: FetchedPage; meta: IngestMeta }> } {
  const pages: Array<{ page: FetchedPage; meta: IngestMeta }> = [];
  return {
    pages,
    ingest: async (p, meta) => {
      pages.push({ page: p, meta });
      options.onIngest?.(pages.length);
      return { known: false, pageId: pages.length, recordsCreated: 1 };
    },
  };
}

describe('CDX parsing and capture selection', () => {
  it('reads the header row for field order and the resume key after an empty row', () => {
    const text = JSON.stringify([
      ['original', 'timestamp', 'urlkey', 'mimetype', 'statuscode', 'digest', 'length'],
      ['https://a.kz/x', '20220101000000', 'kz,a)/x', 'text/html', '200', 'D1', '10'],
      [],
      ['kz,a)/y 20220102000000'],
    ]);
    const parsed = parseCdxJson(text, 'http://cdx');
    expect(parsed.captures).toEqual([
      { urlkey: 'kz,a)/x', timestamp: '20220101000000', original: 'https://a.kz/x', mimetype: 'text/html', statuscode: '200', digest: 'D1', length: '10' },
    ]);
    expect(parsed.resumeKey).toBe('kz,a)/y 20220102000000');
    expect(parseCdxJson('[]', 'http://cdx')).toEqual({ captures: [], resumeKey: null });
    expect(() => parseCdxJson('<html>', 'http://cdx')).toThrow(/not JSON/);
  });

  it('keeps one capture per URL: newest good status, duplicate digests collapsed, 404 and non-HTML skipped', () => {
    const captures: CdxCapture[] = CAPTURES.map((c) => ({ ...c, urlkey: c.original, length: '1' }));
    const { chosen, skipped } = selectCaptures(captures, QUERY);
    expect(chosen.map((c) => [c.timestamp, c.original, c.redirect])).toEqual([
      ['20220801000000', `${SITE}/2022/verdict-b`, false],
      ['20221101000000', `${SITE}/old/verdict-d`, true],
      ['20230401000000', `${SITE}/2023/verdict-f`, false],
      ['20230610000000', `${SITE}/2022/verdict-a`, false],
    ]);
    expect(Object.fromEntries(skipped)).toEqual({
      'duplicate digest': 3, // A's older twin, B under the tracking URL, F's revisit
      'older capture of the same URL': 1,
      'capture status 404': 1,
      'capture outside the date range': 1,
      'redirect capture (URL has a good capture)': 1,
      'capture is not HTML': 1,
    });
  });

  it('parses Wayback timestamps as UTC', () => {
    expect(parseWaybackTimestamp('20230610123456').toISOString()).toBe('2023-06-10T12:34:56.000Z');
    expect(parseWaybackTimestamp('2023').toISOString()).toBe('2023-01-01T00:00:00.000Z');
  });
});

describe('Wayback backfill against a fake archive', () => {
  let tdb: TestDb;
  let archive: FakeArchive;
  beforeAll(async () => {
    tdb = await createTestDb('backfill_wayback');
    archive = await startFakeArchive(CAPTURES, { pageSize: 3 });
  });
  afterAll(async () => {
    await archive?.close();
    await tdb?.drop();
  });

  it('pages through CDX, fetches only the chosen raw captures and records the archived time and article URL', async () => {
    const { ingest, pages } = recordingIngest();
    const summary = await runBackfill(
      { db: tdb.db, ingest, log, concurrency: 2 },
      { mode: 'wayback', sourceId: null, params: { ...QUERY, test: 'full' }, open: () => readWayback(simpleFetchers, { ...QUERY, baseUrl: archive.baseUrl }) },
    );
    // three CDX pages of at most 3 rows for 11 captures in range
    expect(archive.requests.filter((r) => r.startsWith('/cdx/')).length).toBe(4);
    expect(archive.captureRequests().sort()).toEqual([...EXPECTED_FETCHES].sort());
    const byUrl = new Map(pages.map((p) => [p.page.url, p]));
    expect([...byUrl.keys()].sort()).toEqual([`${SITE}/2022/verdict-a`, `${SITE}/2022/verdict-b`, `${SITE}/2023/verdict-f`, `${SITE}/old/verdict-d`]);
    const a = byUrl.get(`${SITE}/2022/verdict-a`)!;
    expect(a.page.finalUrl).toBe(`${SITE}/2022/verdict-a`);
    expect(a.meta).toEqual({ sourceId: null, origin: 'wayback', archivedAt: new Date('2023-06-10T00:00:00Z') });
    expect(a.page.body.toString()).toContain('<h1>A</h1>');
    // the redirect capture was followed inside the archive to its target
    const d = byUrl.get(`${SITE}/old/verdict-d`)!;
    expect(d.page.finalUrl).toBe(`${SITE}/2022/verdict-d`);
    expect(d.meta.archivedAt).toEqual(new Date('2025-01-02T00:00:00Z'));
    expect(d.page.body.toString()).toContain('<h1>D</h1>');
    expect(summary).toMatchObject({ status: 'completed', fetched: 4, failed: 0, recordsCreated: 4, resumedSkipped: 0 });
    expect(summary.found).toBe(4 + 7);
    expect(summary.skipped['capture status 404']).toBe(1);
  });

  it('an interrupted run resumes where it stopped without refetching stored captures', async () => {
    const params = { ...QUERY, test: 'resume' };
    const open = () => readWayback(simpleFetchers, { ...QUERY, baseUrl: archive.baseUrl });
    const controller = new AbortController();
    const first = recordingIngest({ onIngest: (n) => n === 2 && controller.abort() });
    archive.requests.length = 0;
    const s1 = await runBackfill({ db: tdb.db, ingest: first.ingest, log, concurrency: 1, signal: controller.signal }, { mode: 'wayback', sourceId: null, params, open });
    expect(s1.status).toBe('interrupted');
    expect(first.pages.length).toBe(2);
    const fetchedFirst = archive.captureRequests();

    archive.requests.length = 0;
    const second = recordingIngest();
    const s2 = await runBackfill({ db: tdb.db, ingest: second.ingest, log, concurrency: 1 }, { mode: 'wayback', sourceId: null, params, open });
    expect(s2).toMatchObject({ status: 'completed', resumed: true, runId: s1.runId, resumedSkipped: 2, fetched: 2 });
    const fetchedSecond = archive.captureRequests();
    expect(fetchedSecond.filter((r) => fetchedFirst.includes(r))).toEqual([]);
    expect([...fetchedFirst, ...fetchedSecond].sort()).toEqual([...EXPECTED_FETCHES].sort());
    expect(second.pages.map((p) => p.page.url).filter((u) => first.pages.some((f) => f.page.url === u))).toEqual([]);
    expect(s2.run).toMatchObject({ done: 4, failed: 0, recordsCreated: 4, status: 'completed' });

    const runs = await listBackfillRuns(tdb.db);
    expect(runs.find((r) => r.id === s1.runId)).toMatchObject({ mode: 'wayback', status: 'completed', done: 4 });
  });
});
