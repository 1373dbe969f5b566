/** Logs in through the real /login form with fastify inject and returns the cookie and CSRF token. */
import type { FastifyInstance } from 'fastify';

export interface InjectSession {
  cookie: string;
  csrf: string;
}

export function cookiesFrom(headers: Record<string, unknown>): string {
  const set = headers['set-cookie'];
  const list = Array.isArray(set) ? set : set ? [set] : [];
  return list.map((c: string) => c.split(';')[0]).join('; ');
}

export async function loginWithInject(app: FastifyInstance, username: string, password: string): Promise<InjectSession> {
  const form = await app.inject({ method: 'GET', url: '/login' });
  const loginCookie = cookiesFrom(form.headers);
  const token = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
  const res = await app.inject({
    method: 'POST',
    url: '/login',
    headers: { cookie: loginCookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: token, username, password, next: '/queue' }).toString(),
  });
  if (res.statusCode !== 303) throw new Error(`login failed: ${res.statusCode} ${res.body.slice(0, 200)}`);
  const cookie = cookiesFrom(res.headers);
  const page = await app.inject({ method: 'GET', url: '/queue', headers: { cookie, accept: 'text/html' } });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
  if (!csrf) throw new Error('no CSRF token on the queue page');
  return { cookie, csrf };
}

export function form(data: Record<string, string | string[]>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(data)) for (const item of Array.isArray(v) ? v : [v]) p.append(k, item);
  return p.toString();
}
