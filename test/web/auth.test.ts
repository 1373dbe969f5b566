/** Login, sessions, CSRF, access control and security headers, through fastify inject. */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { Queue } from 'bullmq';
import { Registry, Counter } from 'prom-client';
import { buildApp } from '../../src/web/app.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';
import { createTestRedis, type TestRedis } from '../helpers/redis.ts';
import { seedArticle, seedRecord, seedUser } from './helpers/seed.ts';
import { cookiesFrom, form, loginWithInject } from './helpers/session.ts';

describe('web auth, CSRF and headers', () => {
  let t: TestDb;
  let r: TestRedis;
  let app: FastifyInstance;
  let queue: Queue;
  let recordId: number;
  const registry = new Registry();

  beforeAll(async () => {
    t = await createTestDb('web_auth');
    r = await createTestRedis('web-auth');
    await seedUser(t.db, 'rita', 'correct horse battery', 'reviewer');
    await seedUser(t.db, 'ada', 'admin password 1', 'admin');
    const articleId = await seedArticle(t.db, { title: 'Court jails man', text: 'John Smith was jailed for 5 years.' });
    recordId = await seedRecord(t.db, articleId, { name: 'John Smith', months: 60 });
    new Counter({ name: 'test_counter_total', help: 'a test counter', registers: [registry] }).inc();
    queue = new Queue('fetch', { connection: { host: '127.0.0.1', port: 6379 }, prefix: r.prefix });
    app = await buildApp({
      db: t.db,
      secureCookies: false,
      queues: [queue],
      metrics: registry,
      plugins: [
        { public: true, plugin: async (p: FastifyInstance) => void p.get('/feeds/demo.atom', async () => 'public feed') },
        { plugin: async (p: FastifyInstance) => void p.get('/private-extra', async () => 'private extra') },
      ],
    });
  });

  afterAll(async () => {
    await app?.close();
    await queue?.close();
    await r?.cleanup();
    await t?.drop();
  });

  it('reaches nothing but the login page (and public endpoints) without a session', async () => {
    for (const url of ['/queue', `/records/${recordId}`, '/cases', '/stats', '/export', '/export/records?format=csv', '/pages/1/raw', '/private-extra', '/admin/queues']) {
      const html = await app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
      expect(html.statusCode, url).toBe(303);
      expect(html.headers.location).toBe(`/login?next=${encodeURIComponent(url)}`);
      const api = await app.inject({ method: 'GET', url });
      expect(api.statusCode, url).toBe(401);
      expect(api.body).not.toContain('John Smith');
    }
    const post = await app.inject({ method: 'POST', url: `/records/${recordId}/accept`, payload: form({ _csrf: 'x' }), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(post.statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/login' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/feeds/demo.atom' })).body).toBe('public feed');
    const metrics = await app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.body).toContain('test_counter_total 1');
  });

  it('refuses a wrong password and a login form without its CSRF cookie', async () => {
    const page = await app.inject({ method: 'GET', url: '/login' });
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const headers = { cookie: cookiesFrom(page.headers), 'content-type': 'application/x-www-form-urlencoded' };
    const wrong = await app.inject({ method: 'POST', url: '/login', headers, payload: form({ _csrf: token, username: 'rita', password: 'nope nope nope' }) });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('Wrong name or password');
    expect(wrong.headers['set-cookie']?.toString() ?? '').not.toContain('cw_session');
    const unknown = await app.inject({ method: 'POST', url: '/login', headers, payload: form({ _csrf: token, username: 'nobody', password: 'whatever 123' }) });
    expect(unknown.statusCode).toBe(401);
    const noCookie = await app.inject({
      method: 'POST', url: '/login', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ _csrf: token, username: 'rita', password: 'correct horse battery' }),
    });
    expect(noCookie.statusCode).toBe(403);
  });

  it('refuses logins for a while after too many failures, without checking the password', async () => {
    const limited = await buildApp({ db: t.db, secureCookies: false });
    try {
      const attempt = async (password: string) => {
        const page = await limited.inject({ method: 'GET', url: '/login' });
        const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
        return limited.inject({
          method: 'POST', url: '/login', headers: { cookie: cookiesFrom(page.headers), 'content-type': 'application/x-www-form-urlencoded' },
          payload: form({ _csrf: token, username: 'ada', password }),
        });
      };
      for (let i = 0; i < 10; i++) expect((await attempt(`wrong guess ${i}`)).statusCode).toBe(401);
      const blocked = await attempt('admin password 1');
      expect(blocked.statusCode).toBe(429);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      expect(blocked.body).toContain('Too many failed logins');
    } finally {
      await limited.close();
    }
  });

  it('logs in with an http-only SameSite=Lax cookie whose token is stored only as a hash', async () => {
    const page = await app.inject({ method: 'GET', url: '/login' });
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const res = await app.inject({
      method: 'POST', url: '/login',
      headers: { cookie: cookiesFrom(page.headers), 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ _csrf: token, username: 'rita', password: 'correct horse battery', next: '//evil.example/x' }),
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/queue'); // an off-site "next" is ignored
    const setCookie = [res.headers['set-cookie']].flat().join('\n');
    const session = /cw_session=([^;]+);([^\n]*)/.exec(setCookie)!;
    expect(session[2]).toMatch(/HttpOnly/i);
    expect(session[2]).toMatch(/SameSite=Lax/i);
    const rows = await t.db.query<{ token_hash: string }>(`SELECT token_hash FROM sessions`);
    expect(rows.map((x) => x.token_hash)).toContain(createHash('sha256').update(session[1]!).digest('hex'));
    expect(rows.map((x) => x.token_hash)).not.toContain(session[1]);
  });

  it('uses Secure __Host- cookies when secureCookies is on (the default)', async () => {
    const secureApp = await buildApp({ db: t.db });
    try {
      const page = await secureApp.inject({ method: 'GET', url: '/login' });
      expect([page.headers['set-cookie']].flat().join(';')).toMatch(/__Host-cw_login=.*Secure/i);
    } finally {
      await secureApp.close();
    }
  });

  it('rejects every POST without the session CSRF token, and changes nothing', async () => {
    const s = await loginWithInject(app, 'rita', 'correct horse battery');
    const headers = { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' };
    for (const [url, body] of [
      [`/records/${recordId}/accept`, {}],
      [`/records/${recordId}/edit`, { sentence_months: '1' }],
      ['/logout', {}],
    ] as const) {
      const missing = await app.inject({ method: 'POST', url, headers, payload: form(body) });
      expect(missing.statusCode, url).toBe(403);
      const wrong = await app.inject({ method: 'POST', url, headers, payload: form({ ...body, _csrf: `${s.csrf}x` }) });
      expect(wrong.statusCode, url).toBe(403);
    }
    const other = await loginWithInject(app, 'ada', 'admin password 1');
    const foreign = await app.inject({ method: 'POST', url: `/records/${recordId}/accept`, headers, payload: form({ _csrf: other.csrf }) });
    expect(foreign.statusCode).toBe(403); // another session's token is not this session's
    const rec = await t.db.query<{ review_status: string; sentence_months: number }>(`SELECT review_status, sentence_months FROM records WHERE id = $1`, [recordId]);
    expect(rec[0]).toEqual({ review_status: 'pending', sentence_months: 60 });
    expect(await t.db.query(`SELECT 1 FROM review_events`)).toHaveLength(0);
    const ok = await app.inject({ method: 'POST', url: `/records/${recordId}/accept`, headers, payload: form({ _csrf: s.csrf }) });
    expect(ok.statusCode).toBe(303);
    expect((await t.db.query(`SELECT review_status FROM records WHERE id = $1`, [recordId]))[0]).toEqual({ review_status: 'accepted' });
  });

  it('sends the security headers on pages, errors and the login page', async () => {
    const s = await loginWithInject(app, 'rita', 'correct horse battery');
    for (const res of [
      await app.inject({ method: 'GET', url: '/login' }),
      await app.inject({ method: 'GET', url: '/queue', headers: { cookie: s.cookie } }),
      await app.inject({ method: 'GET', url: '/nope', headers: { cookie: s.cookie } }),
    ]) {
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    }
    const page = await app.inject({ method: 'GET', url: '/queue', headers: { cookie: s.cookie } });
    expect(page.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline scripts at all
    expect(page.body).not.toMatch(/\son[a-z]+=/i);
  });

  it('shows Bull Board to admins only, and private extra plugins to any user', async () => {
    const reviewer = await loginWithInject(app, 'rita', 'correct horse battery');
    expect((await app.inject({ method: 'GET', url: '/admin/queues', headers: { cookie: reviewer.cookie } })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/private-extra', headers: { cookie: reviewer.cookie } })).body).toBe('private extra');
    const admin = await loginWithInject(app, 'ada', 'admin password 1');
    const board = await app.inject({ method: 'GET', url: '/admin/queues', headers: { cookie: admin.cookie } });
    expect(board.statusCode).toBe(200);
    expect(board.body).toContain('static/js');
    const boardCsp = String(board.headers['content-security-policy']);
    expect(boardCsp).toContain("script-src 'self';"); // its own bundles only; no inline script
    expect(boardCsp).toContain("frame-ancestors 'none'");
    expect(board.headers['x-frame-options']).toBe('DENY');
    const api = await app.inject({ method: 'GET', url: '/admin/queues/api/queues', headers: { cookie: admin.cookie } });
    expect(api.statusCode).toBe(200);
    expect(JSON.parse(api.body).queues.map((q: { name: string }) => q.name)).toContain('fetch');
    // Bull Board's mutating API cannot be driven by a cross-site form post.
    const formPost = await app.inject({
      method: 'PUT', url: '/admin/queues/api/queues/fetch/pause',
      headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'a=1',
    });
    expect(formPost.statusCode).toBe(403);
  });

  it('logs out: the session row is deleted and the cookie no longer works', async () => {
    const s = await loginWithInject(app, 'rita', 'correct horse battery');
    const before = await t.db.query(`SELECT 1 FROM sessions`);
    const out = await app.inject({ method: 'POST', url: '/logout', headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: form({ _csrf: s.csrf }) });
    expect(out.statusCode).toBe(303);
    expect(await t.db.query(`SELECT 1 FROM sessions`)).toHaveLength(before.length - 1);
    expect((await app.inject({ method: 'GET', url: '/queue', headers: { cookie: s.cookie } })).statusCode).toBe(401);
  });
});
