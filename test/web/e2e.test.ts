/**
 * End to end in Debian's Chromium (playwright-core) against the real server on 127.0.0.1: log in, filter,
 * accept by keyboard, edit a sentence, reject, export CSV — checking the database and the audit trail
 * after each step — plus a hostile article that must render as inert text. Screenshots of the main pages
 * go to test-output/screenshots/ (not committed).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/web/server.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';
import { seedArticle, seedCase, seedPage, seedRecord, seedSource, seedUser } from './helpers/seed.ts';

const SHOTS = 'test-output/screenshots';
const LAPTOP = { width: 1366, height: 860 };
const PHONE = { width: 390, height: 844 };
/** the machine may be busy with other test files: allow a slow answer, the assertion is about the outcome */
const POLL = { timeout: 15_000 };

const TEXT =
  'ALMATY — On 3 May 2024 the Medeu district court sentenced Nurlan Abenov, 41, to seven years in prison for fraud. ' +
  'His co-defendant Marat Sultanov, 35, received five years of restricted freedom for abuse of office.';
const span = (part: string): [number, number] => [TEXT.indexOf(part), TEXT.indexOf(part) + part.length];

const HOSTILE_TITLE = '<script>window.__pwned = "title"</script><img src=x onerror="window.__pwned=\'img\'">';
const HOSTILE_TEXT =
  'Jailed: <script>alert("xss")</script> Ivan Petrov <img src=x onerror="alert(1)"> got 3 years. ' +
  '<a href="javascript:alert(2)">read more</a> <svg onload="alert(3)"></svg> "quoted" & \'single\'';

describe('review UI in Chromium', () => {
  let t: TestDb;
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const dialogs: string[] = [];
  const ids: Record<string, number> = {};

  const events = (recordId: number) =>
    t.db.query<{ username: string; action: string; field: string | null; old_value: unknown; new_value: unknown }>(
      `SELECT username, action, field, old_value, new_value FROM review_events WHERE record_id = $1 ORDER BY id`, [recordId]);
  const record = async (id: number) =>
    (await t.db.query<{ review_status: string; sentence_months: number | null; reviewed_by: string | null; edited: boolean }>(
      `SELECT review_status, sentence_months, reviewed_by, edited FROM records WHERE id = $1`, [id]))[0]!;
  /** resolves when the form POST to a path ending in `suffix` has been answered (its redirect followed next) */
  const posted = (suffix: string) => page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith(suffix));
  const shot = async (name: string, size = LAPTOP) => {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
    await page.setViewportSize(LAPTOP);
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    t = await createTestDb('web_e2e');
    await seedUser(t.db, 'rita', 'correct horse battery');
    await seedSource(t.db, 'steppe-news', 'Steppe News');
    const caseId = await seedCase(t.db, 'nurlan abenov', 'medeu', '2024-05-03');
    const pageId = await seedPage(t.db, `<html><body><p>${TEXT}</p></body></html>`, 'steppe-news');
    const a = await seedArticle(t.db, { title: 'Medeu court jails two officials', text: TEXT, sourceId: 'steppe-news', pageId, url: 'https://steppe.example/abenov' });
    const other = await seedArticle(t.db, { title: 'Officials sentenced', text: 'Nurlan Abenov got seven years.', sourceId: 'steppe-news', url: 'https://other.example/abenov' });
    ids.abenov = await seedRecord(t.db, a, {
      name: 'Nurlan Abenov', age: 41, charges: ['fraud'], court: 'Medeu district court', sentenceKind: 'prison', months: 84, verdictDate: '2024-05-03', caseId,
      evidence: { name: [span('Nurlan Abenov')], age: [span('41')], court: [span('Medeu district court')], sentence: [span('seven years in prison')], charges: [span('fraud')], verdictDate: [span('3 May 2024')] },
      rules: { name: 'name-object-sentenced', sentence: 'sentence-years-words' },
    });
    ids.abenovOther = await seedRecord(t.db, other, { name: 'Nurlan Abenov', charges: ['fraud'], months: 84, verdictDate: '2024-05-03', caseId });
    ids.sultanov = await seedRecord(t.db, a, {
      name: 'Marat Sultanov', age: 35, charges: ['abuse of office'], court: 'Medeu district court', sentenceKind: 'restricted_freedom', months: 50, verdictDate: '2024-05-03',
      evidence: { name: [span('Marat Sultanov')], age: [span('35')], sentence: [span('five years of restricted freedom')], charges: [span('abuse of office')] },
    });
    const hostile = await seedArticle(t.db, { title: HOSTILE_TITLE, text: HOSTILE_TEXT, sourceId: 'steppe-news', url: 'javascript:alert(4)' });
    ids.hostile = await seedRecord(t.db, hostile, {
      name: '<img src=x onerror="alert(5)">Ivan Petrov', court: '<script>alert(6)</script>', charges: ['<b onmouseover=alert(7)>theft</b>'], months: 36, verdictDate: '2023-02-01',
      evidence: { name: [[HOSTILE_TEXT.indexOf('Ivan'), HOSTILE_TEXT.indexOf('Ivan') + 11]], sentence: [[HOSTILE_TEXT.indexOf('3 years'), HOSTILE_TEXT.indexOf('3 years') + 7]] },
    });
    server = await startServer({ db: t.db, secureCookies: false }, { host: '127.0.0.1', port: 0 });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    context = await browser.newContext({ viewport: LAPTOP, acceptDownloads: true });
    page = await context.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
    await t?.drop();
  });

  it('logs in and shows the queue, pending first, with counts', async () => {
    await page.goto(`${server.url}/queue`);
    expect(new URL(page.url()).pathname).toBe('/login'); // no session: the login page
    await shot('login');
    await page.fill('input[name=username]', 'rita');
    await page.fill('input[name=password]', 'correct horse battery');
    await Promise.all([page.waitForURL(/\/queue$/), page.click('button[type=submit]')]);
    expect(await page.locator('table.records tbody tr').count()).toBe(4);
    expect(await page.locator('.tab[aria-current] .count').textContent()).toBe('4');
    expect(await t.db.query(`SELECT 1 FROM sessions`)).toHaveLength(1);
    await shot('queue-laptop');
    await shot('queue-phone', PHONE);
  });

  it('filters the queue by name and court', async () => {
    await page.locator('details.filters summary').click();
    await page.fill('input[name=q]', 'abenov');
    await page.fill('input[name=court]', 'medeu');
    await Promise.all([page.waitForURL(/q=abenov/), page.click('.filter-form button[type=submit]')]);
    const shown = await page.locator('table.records tbody tr').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-id'))));
    const expected = await t.db.query<{ id: number }>(`SELECT id FROM records WHERE name ILIKE '%abenov%' AND court ILIKE '%medeu%'`);
    expect(shown).toEqual(expected.map((r) => r.id));
    expect(shown).toEqual([ids.abenov]);
  });

  it('accepts a record with the "a" key, recorded in the database and the audit trail', async () => {
    await Promise.all([page.waitForURL(new RegExp(`/records/${ids.abenov}`)), page.click(`tr[data-id="${ids.abenov}"] a.open`)]);
    expect(await page.locator('mark.ev-sentence').first().textContent()).toBe('seven years in prison');
    expect(await page.locator('.keys').last().textContent()).toContain('accept');
    await shot('record-laptop');
    await shot('record-phone', PHONE);
    await Promise.all([posted('/accept'), page.keyboard.press('a')]);
    await page.waitForLoadState('load');
    await expect.poll(async () => (await record(ids.abenov!)).review_status, POLL).toBe('accepted');
    expect((await record(ids.abenov!)).reviewed_by).toBe('rita');
    expect(await events(ids.abenov!)).toEqual([{ username: 'rita', action: 'accept', field: 'review_status', old_value: 'pending', new_value: 'accepted' }]);
    await page.waitForSelector('.badge-accepted');
  });

  it('edits a sentence (focus with "e") and then rejects another record with "r"', async () => {
    await page.goto(`${server.url}/records/${ids.sultanov}`);
    await page.keyboard.press('e');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('name');
    await page.fill('#f-sentence_months', '60');
    await Promise.all([posted('/edit'), page.click('#edit-form button[type=submit]')]);
    await page.waitForSelector('.history td');
    expect(await record(ids.sultanov!)).toMatchObject({ sentence_months: 60, edited: true, review_status: 'pending' });
    expect(await events(ids.sultanov!)).toEqual([{ username: 'rita', action: 'edit', field: 'sentence_months', old_value: 50, new_value: 60 }]);
    expect(await page.locator('.history tbody tr').first().textContent()).toContain('sentence_months');

    await page.locator('body').click({ position: { x: 5, y: 5 } }); // leave any field, as a reviewer would
    await Promise.all([posted('/reject'), page.keyboard.press('r')]);
    await page.waitForLoadState('load');
    await expect.poll(async () => (await record(ids.sultanov!)).review_status, POLL).toBe('rejected');
    expect((await events(ids.sultanov!)).at(-1)).toEqual({ username: 'rita', action: 'reject', field: 'review_status', old_value: 'pending', new_value: 'rejected' });
  });

  it('moves with j and k in the queue order', async () => {
    await page.goto(`${server.url}/records/${ids.hostile}`);
    const next = await page.getAttribute('#next-link', 'href');
    const prev = await page.getAttribute('#prev-link', 'href');
    await Promise.all([page.waitForURL((u) => u.pathname === next), page.keyboard.press('j')]);
    await Promise.all([page.waitForURL((u) => u.pathname === `/records/${ids.hostile}`), page.keyboard.press('k')]);
    await Promise.all([page.waitForURL((u) => u.pathname === prev), page.keyboard.press('k')]);
  });

  it('exports accepted records as CSV that a spreadsheet can open', async () => {
    await page.goto(`${server.url}/export`);
    await shot('export');
    await page.selectOption('select[name=format]', 'csv');
    await page.selectOption('select[name=status]', 'accepted');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-form button[type=submit]')]);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('Nurlan Abenov');
    expect(lines[1]).toContain('https://steppe.example/abenov'); // the case's other (pending) article is not accepted, so not listed
    const accepted = await t.db.query(`SELECT id FROM records WHERE review_status = 'accepted'`);
    expect(accepted).toEqual([{ id: ids.abenov }]);
  });

  it('shows a case with both articles', async () => {
    const caseId = (await t.db.query<{ case_id: number }>(`SELECT case_id FROM records WHERE id = $1`, [ids.abenov]))[0]!.case_id;
    await page.goto(`${server.url}/cases/${caseId}`);
    expect(await page.locator('.case-view tbody tr').count()).toBe(2);
    await shot('case');
    await shot('case-phone', PHONE);
  });

  it('logs in with Secure __Host- cookies over http://127.0.0.1 too (browsers treat loopback as secure)', async () => {
    const secure = await startServer({ db: t.db }, { host: '127.0.0.1', port: 0 });
    const ctx = await browser.newContext({ viewport: LAPTOP });
    try {
      const p = await ctx.newPage();
      await p.goto(`${secure.url}/login`);
      await p.fill('input[name=username]', 'rita');
      await p.fill('input[name=password]', 'correct horse battery');
      await Promise.all([p.waitForURL(/\/queue$/), p.click('button[type=submit]')]);
      expect(await p.locator('h1').textContent()).toBe('Review queue');
      const cookies = await ctx.cookies();
      expect(cookies.find((c) => c.name === '__Host-cw_session')).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });
    } finally {
      await ctx.close();
      await secure.close();
    }
  });

  it('shows a hostile article as text: no script runs, no element is created from it', async () => {
    await page.goto(`${server.url}/records/${ids.hostile}`);
    await shot('hostile');
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    const counts = await page.evaluate(() => ({
      scripts: [...document.querySelectorAll('script')].map((s) => s.getAttribute('src')),
      imgs: document.querySelectorAll('img').length,
      svgs: document.querySelectorAll('svg').length,
      jsLinks: document.querySelectorAll('a[href^="javascript" i]').length,
      handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
      bold: document.querySelectorAll('main b').length,
    }));
    expect(counts).toEqual({ scripts: ['/static/app.js'], imgs: 0, svgs: 0, jsLinks: 0, handlers: 0, bold: 0 });
    expect(await page.locator('.source-text h2').textContent()).toBe(HOSTILE_TITLE);
    expect(await page.locator('.article-text').textContent()).toBe(HOSTILE_TEXT);
    expect(await page.locator('h1').first().textContent()).toContain('<img src=x onerror="alert(5)">Ivan Petrov');
    expect(await page.inputValue('#f-court')).toBe('<script>alert(6)</script>');
    expect(await page.locator('.source-text').textContent()).toContain('javascript:alert(4)');
    await page.goto(`${server.url}/queue`);
    expect(await page.locator(`tr[data-id="${ids.hostile}"]`).textContent()).toContain('<img src=x onerror="alert(5)">Ivan Petrov');
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => document.querySelectorAll('img, svg').length)).toBe(0);
  });
});
