/**
 * The offline demo as a newcomer meets it: the fixture site and the whole system in one process, then a
 * login to the review UI over real HTTP, where the example article's defendant must appear.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/config.ts';
import { DEMO_PASSWORD, DEMO_USER, startDemo, type RunningDemo } from '../../src/demo/demo.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';
import { createTestRedis, type TestRedis } from '../helpers/redis.ts';

let t: TestDb;
let r: TestRedis;
let demo: RunningDemo;

beforeAll(async () => {
  t = await createTestDb('demo');
  r = await createTestRedis('demo');
  const base = loadSettings({ ...process.env, PORT: '0' });
  demo = await startDemo({ ...base, databaseUrl: t.url, redisUrl: r.url, queuePrefix: r.prefix });
}, 120_000);

afterAll(async () => {
  await demo?.stop();
  await r?.cleanup();
  await t?.drop();
});

function cookiesOf(res: Response): string {
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

describe('courtwatch demo', { timeout: 180_000 }, () => {
  it('crawls the fixture site and shows its records in the review UI after login', async () => {
    // wait (bounded) until the example article's defendant is stored
    let found = false;
    for (let i = 0; i < 240 && !found; i++) {
      const rows = await t.db.query("SELECT 1 FROM records WHERE name = 'Akzhol Zhandarbekov'");
      found = rows.length > 0;
      if (!found) await new Promise((res) => setTimeout(res, 500));
    }
    expect(found).toBe(true);

    const base = demo.system.url!;
    const anonymous = await fetch(`${base}/queue`, { redirect: 'manual', headers: { accept: 'text/html' } });
    expect([302, 303]).toContain(anonymous.status);

    const loginForm = await fetch(`${base}/login`);
    const html = await loginForm.text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    expect(csrf).toBeTruthy();
    const login = await fetch(`${base}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookiesOf(loginForm) },
      body: new URLSearchParams({ username: DEMO_USER, password: DEMO_PASSWORD, _csrf: csrf!, next: '/queue' }).toString(),
    });
    expect(login.status).toBe(303);
    const session = cookiesOf(login);
    const queue = await fetch(`${base}/queue`, { headers: { cookie: session } });
    expect(queue.status).toBe(200);
    expect(await queue.text()).toContain('Akzhol Zhandarbekov');
  });
});
