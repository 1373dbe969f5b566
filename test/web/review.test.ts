/** The queue, record actions with their audit trail, cases, export and stats, through fastify inject. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/web/app.ts';
import { caseNameKey } from '../../src/store/records.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';
import { seedArticle, seedCase, seedPage, seedRecord, seedSource, seedUser } from './helpers/seed.ts';
import { form, loginWithInject, type InjectSession } from './helpers/session.ts';

const TEXT = 'On 3 May 2024 the Almaty district court sentenced Nurlan Abenov, 41, to seven years in prison for fraud.';
const span = (part: string): [number, number] => [TEXT.indexOf(part), TEXT.indexOf(part) + part.length];

describe('review routes', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let s: InjectSession;
  const ids: Record<string, number> = {};

  const get = (url: string) => app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
  const post = (url: string, body: Record<string, string | string[]> = {}) =>
    app.inject({ method: 'POST', url, headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: form({ _csrf: s.csrf, ...body }) });
  const rowIds = (body: string) => [...body.matchAll(/<tr data-id="(\d+)"/g)].map((m) => Number(m[1]));
  const events = (recordId: number) =>
    t.db.query<{ username: string; action: string; field: string | null; old_value: unknown; new_value: unknown }>(
      `SELECT username, action, field, old_value, new_value FROM review_events WHERE record_id = $1 ORDER BY id`, [recordId]);

  beforeAll(async () => {
    t = await createTestDb('web_review');
    await seedUser(t.db, 'rita', 'correct horse battery');
    await seedSource(t.db, 'daily-herald', 'Daily Herald');
    await seedSource(t.db, 'ny-courts', 'NY Courts');
    const pageId = await seedPage(t.db, '<html><script>alert("raw")</script><p>raw page</p></html>', 'daily-herald');
    const a1 = await seedArticle(t.db, { title: 'Abenov jailed', text: TEXT, sourceId: 'daily-herald', pageId, url: 'https://herald.example/abenov' });
    const a2 = await seedArticle(t.db, { title: 'Fraud verdict', text: 'Abenov got 7 years.', sourceId: 'ny-courts', url: 'https://courts.example/abenov' });
    const caseA = await seedCase(t.db, 'nurlan abenov', 'almaty', '2024-05-03');
    ids.caseA = caseA;
    ids.abenov = await seedRecord(t.db, a1, {
      name: 'Nurlan Abenov', age: 41, charges: ['fraud'], court: 'Almaty district court', sentenceKind: 'prison', months: 84,
      verdictDate: '2024-05-03', caseId: caseA,
      evidence: { name: [span('Nurlan Abenov')], age: [span('41')], court: [span('Almaty district court')], sentence: [span('seven years in prison')], charges: [span('fraud')] },
      rules: { name: 'name-object-sentenced', sentence: 'sentence-years-words', age: 'age-after-name' },
    });
    ids.abenov2 = await seedRecord(t.db, a2, { name: 'Nurlan Abenov', charges: ['fraud'], months: 84, verdictDate: '2024-05-03', caseId: caseA, rules: { name: 'name-subject-got' } });
    ids.old = await seedRecord(t.db, a2, { name: 'Old Case', charges: ['theft'], court: 'Astana court', months: 12, verdictDate: '2020-01-10' });
    ids.accepted = await seedRecord(t.db, a2, { name: 'Done Already', charges: ['bribery'], months: 36, verdictDate: '2025-01-01', reviewStatus: 'accepted' });
    ids.undated = await seedRecord(t.db, a2, { name: 'No Date', charges: ['hooliganism'], status: 'acquitted' });
    ids.group = await seedRecord(t.db, a1, { name: null, count: 10, charges: ['mass riots'], months: 60, verdictDate: '2024-05-02' });
    app = await buildApp({ db: t.db, secureCookies: false });
    s = await loginWithInject(app, 'rita', 'correct horse battery');
  });

  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('orders the queue pending first, newest verdict first, and counts per status', async () => {
    const res = await get('/queue');
    expect(res.statusCode).toBe(200);
    expect(rowIds(res.body)).toEqual([ids.abenov2, ids.abenov, ids.group, ids.old, ids.undated, ids.accepted]);
    expect(res.body).toContain('data-status="pending">5<');
    expect(res.body).toContain('data-status="accepted">1<');
    expect(res.body).toContain('data-status="rejected">0<');
  });

  it('filters by source, court, charge, status, dates, sentence and names', async () => {
    const cases: Array<[string, number[]]> = [
      ['source=daily-herald', [ids.abenov!, ids.group!]],
      ['court=almaty', [ids.abenov!]],
      ['charge=THEFT', [ids.old!]],
      ['review=accepted', [ids.accepted!]],
      ['verdict=acquitted', [ids.undated!]],
      ['from=2024-01-01&to=2024-12-31', [ids.abenov2!, ids.abenov!, ids.group!]],
      ['min=40&max=70', [ids.group!]],
      ['q=abeno', [ids.abenov2!, ids.abenov!]],
      ['q=%25', []], // a LIKE wildcard is searched literally
      ['source=daily-herald&min=70', [ids.abenov!]],
    ];
    for (const [qs, expected] of cases) expect(rowIds((await get(`/queue?${qs}`)).body), qs).toEqual(expected);
    const counted = await get('/queue?q=abeno&review=accepted');
    expect(counted.body).toContain('data-status="pending">2<'); // counts follow the other filters
  });

  it('shows the record with each field evidence-highlighted, its rules and links', async () => {
    const res = await get(`/records/${ids.abenov}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<mark class="ev ev-name" title="name" data-fields="name">Nurlan Abenov</mark>');
    expect(res.body).toContain('<mark class="ev ev-sentence" title="sentence" data-fields="sentence">seven years in prison</mark>');
    expect(res.body).toContain('href="https://herald.example/abenov"');
    expect(res.body).toMatch(/href="\/pages\/\d+\/raw"/);
    expect(res.body).toContain('name-object-sentenced');
    // the same verdict from the other article is shown with it
    expect(res.body).toMatch(new RegExp(`<ul class="case-records"><li><a href="/records/${ids.abenov2}">Nurlan Abenov</a>`));
    for (const key of ['a</kbd> accept', 'r</kbd> reject', 'j</kbd> next', 'k</kbd> previous', 'e</kbd> edit']) expect(res.body).toContain(key);
    expect(res.body).toContain(`id="next-link" href="/records/${ids.group}"`);
    expect(res.body).toContain(`id="prev-link" href="/records/${ids.abenov2}"`);
    expect((await get('/records/999999')).statusCode).toBe(404);
    expect((await get('/records/abc')).statusCode).toBe(404);
  });

  it('serves the stored raw page as inert text', async () => {
    const link = /href="(\/pages\/\d+\/raw)"/.exec((await get(`/records/${ids.abenov}`)).body)![1]!;
    const raw = await get(link);
    expect(raw.statusCode).toBe(200);
    expect(raw.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(raw.headers['content-security-policy']).toContain('sandbox');
    expect(raw.headers['x-content-type-options']).toBe('nosniff');
    expect(raw.body).toContain('<script>alert("raw")</script>');
  });

  it('edits fields with one audit row per changed field, and refuses bad values', async () => {
    const bad = await post(`/records/${ids.abenov}/edit`, { sentence_months: 'seven', status: 'convicted' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('sentence_months: expected a number');
    const res = await post(`/records/${ids.abenov}/edit`, {
      name: 'Nurlan Abenov', age: '41', charges: 'fraud\nmoney laundering', sentence_months: '96', status: 'convicted', court: 'Almaty district court',
    });
    expect(res.statusCode).toBe(303);
    const rec = await t.db.query(`SELECT sentence_months, charges, edited, reviewed_by, review_status FROM records WHERE id = $1`, [ids.abenov]);
    expect(rec[0]).toEqual({ sentence_months: 96, charges: ['fraud', 'money laundering'], edited: true, reviewed_by: 'rita', review_status: 'pending' });
    const ev = await events(ids.abenov!);
    expect(ev).toEqual([
      { username: 'rita', action: 'edit', field: 'charges', old_value: ['fraud'], new_value: ['fraud', 'money laundering'] },
      { username: 'rita', action: 'edit', field: 'sentence_months', old_value: 84, new_value: 96 },
    ]);
    const page = await get(`/records/${ids.abenov}`);
    expect(page.body).toMatch(/<td>edit<\/td><td>sentence_months<\/td><td>84<\/td><td>96<\/td>/);
    // a corrected name also corrects the key that groups records into cases
    await post(`/records/${ids.old}/edit`, { name: 'Olzhas Kudaibergenov', status: 'convicted' });
    expect((await t.db.query(`SELECT name_key FROM records WHERE id = $1`, [ids.old]))[0]).toEqual({ name_key: caseNameKey('Olzhas Kudaibergenov') });
    expect((await events(ids.old!)).map((e) => e.field)).toEqual(['name']);
    await post(`/records/${ids.old}/edit`, { name: 'Old Case', status: 'convicted' });
    await t.db.query(`DELETE FROM review_events WHERE record_id = $1`, [ids.old]);
  });

  it('accepts and rejects with audit rows, then goes to the next record of the same filtered queue', async () => {
    const acc = await post(`/records/${ids.abenov}/accept`, { qs: 'q=abenov' });
    expect(acc.statusCode).toBe(303);
    expect(acc.headers.location).toBe(`/records/${ids.abenov}?q=abenov`); // nothing after it among pending "abenov" except itself
    const rej = await post(`/records/${ids.old}/reject`, { qs: 'review=pending&evil=1' });
    expect(rej.headers.location).toBe(`/records/${ids.undated}?review=pending`);
    expect((await events(ids.abenov!)).at(-1)).toMatchObject({ action: 'accept', field: 'review_status', old_value: 'pending', new_value: 'accepted' });
    expect(await events(ids.old!)).toEqual([{ username: 'rita', action: 'reject', field: 'review_status', old_value: 'pending', new_value: 'rejected' }]);
    await post(`/records/${ids.old}/reject`); // a second click: no change, no second event
    expect(await events(ids.old!)).toHaveLength(1);
    const rows = await t.db.query(`SELECT id, review_status FROM records WHERE id = ANY($1) ORDER BY id`, [[ids.abenov, ids.old]]);
    expect(rows).toEqual([{ id: ids.abenov, review_status: 'accepted' }, { id: ids.old, review_status: 'rejected' }]);
  });

  it('adds a missed defendant and splits named people out of a group', async () => {
    const add = await post(`/records/${ids.abenov}/defendants`, { name: 'Aigerim Sadykova', age: '35' });
    expect(add.statusCode).toBe(303);
    const newId = Number(/\/records\/(\d+)/.exec(add.headers.location as string)![1]);
    const added = await t.db.query(`SELECT name, age, court, sentence_months, review_status, extractor_version FROM records WHERE id = $1`, [newId]);
    expect(added[0]).toEqual({ name: 'Aigerim Sadykova', age: 35, court: 'Almaty district court', sentence_months: 96, review_status: 'accepted', extractor_version: 'manual' });
    expect((await events(newId))[0]).toMatchObject({ action: 'add_defendant', username: 'rita' });

    const split = await post(`/records/${ids.group}/split`, { names: 'Person One\nPerson Two\n' });
    expect(split.statusCode).toBe(303);
    const group = await t.db.query(`SELECT count FROM records WHERE id = $1`, [ids.group]);
    expect(group[0]).toEqual({ count: 8 });
    const parts = await t.db.query<{ id: number; name: string; count: number; sentence_months: number }>(
      `SELECT id, name, count, sentence_months FROM records WHERE name LIKE 'Person %' ORDER BY name`);
    expect(parts.map((p) => [p.name, p.count, p.sentence_months])).toEqual([['Person One', 1, 60], ['Person Two', 1, 60]]);
    expect((await events(ids.group!)).at(-1)).toMatchObject({ action: 'split', field: 'count', old_value: 10, new_value: 8 });
    expect((await events(parts[0]!.id))[0]).toMatchObject({ action: 'split_from', new_value: 'Person One' });
  });

  it('shows a case with its records from several articles, and merges and splits cases with audit rows', async () => {
    const page = await get(`/cases/${ids.caseA}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('2 records from 2 articles');
    expect(page.body).toContain('https://courts.example/abenov');
    const list = await get('/cases?multi=1');
    expect(list.body).toContain(`href="/cases/${ids.caseA}"`);

    const split = await post(`/cases/${ids.caseA}/split`, { record: String(ids.abenov2) });
    expect(split.statusCode).toBe(303);
    const newCase = Number(/\/cases\/(\d+)/.exec(split.headers.location as string)![1]);
    expect(newCase).not.toBe(ids.caseA);
    expect((await t.db.query(`SELECT case_id FROM records WHERE id = $1`, [ids.abenov2]))[0]).toEqual({ case_id: newCase });
    expect((await events(ids.abenov2!)).at(-1)).toMatchObject({ action: 'split_case', field: 'case_id', old_value: ids.caseA, new_value: newCase });

    const merge = await post(`/cases/${ids.caseA}/merge`, { from: `${newCase}` });
    expect(merge.statusCode).toBe(303);
    expect((await t.db.query(`SELECT case_id FROM records WHERE id = $1`, [ids.abenov2]))[0]).toEqual({ case_id: ids.caseA });
    expect((await events(ids.abenov2!)).at(-1)).toMatchObject({ action: 'merge_case', old_value: newCase, new_value: ids.caseA });
    expect((await post(`/cases/${ids.caseA}/split`, { record: [String(ids.abenov), String(ids.abenov2)] })).statusCode).toBe(400);
  });

  it('exports accepted defendants as CSV and JSON, one row per case with all source URLs', async () => {
    await post(`/records/${ids.abenov2}/accept`);
    const csv = await get('/export/records?format=csv&status=accepted');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="courtwatch-accepted-/);
    expect(csv.rawPayload.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);
    const json = JSON.parse((await get('/export/records?format=json&status=accepted')).body) as Array<{ name: string; record_ids: number[]; source_urls: string[]; sentence_months: number }>;
    const abenov = json.find((r) => r.name === 'Nurlan Abenov')!;
    expect(abenov.record_ids).toEqual([ids.abenov, ids.abenov2]);
    expect(abenov.source_urls.sort()).toEqual(['https://courts.example/abenov', 'https://herald.example/abenov']);
    expect(abenov.sentence_months).toBe(96); // the reviewer-edited record speaks for the case
    expect(json.map((r) => r.name).sort()).toEqual(['Aigerim Sadykova', 'Done Already', 'Nurlan Abenov', 'Person One', 'Person Two']); // people a reviewer named are accepted
  });

  it('shows per field and rule how reviewers judged the extraction', async () => {
    const res = await get('/stats');
    expect(res.statusCode).toBe(200);
    const row = (field: string, rule: string) => new RegExp(`<td data-label="Field">${field}</td><td data-label="Rule"><code>${rule}</code></td><td data-label="Reviewed">(\\d+)</td>\\s*<td data-label="Accepted">(\\d+)</td><td data-label="Corrected">(\\d+)</td><td data-label="Rejected">(\\d+)</td>`).exec(res.body)?.slice(1).map(Number);
    expect(row('sentence', 'sentence-years-words')).toEqual([1, 0, 1, 0]); // edited months, then accepted
    expect(row('name', 'name-object-sentenced')).toEqual([1, 1, 0, 0]);
    expect(row('name', 'name-subject-got')).toEqual([1, 1, 0, 0]);
  });
});
