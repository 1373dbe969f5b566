/**
 * Login, sessions and CSRF. A session is a random token in an http-only, SameSite=Lax cookie; Postgres
 * holds only its SHA-256 hash and a per-session CSRF token that every form posts back (synchronizer
 * token). The login form, which has no session yet, is protected by a signed double-submit cookie.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type {} from '@fastify/cookie'; // its request.cookies / reply.setCookie types
import type { Db } from '../store/db.ts';
import { deleteExpiredSessions, deleteSession, findSessionUser, findUserByName, insertSession, type SessionUser } from '../store/users.ts';
import { log } from '../log.ts';
import { dummyPasswordHash, MAX_PASSWORD_LENGTH, verifyPassword } from './passwords.ts';
import { loginPage } from './views/layout.ts';
import { LoginLimiter } from './login-limiter.ts';

/** A monitor's working day plus slack; after that they log in again. */
export const SESSION_TTL_SECONDS = 14 * 3600;
const LOGIN_COOKIE_TTL_SECONDS = 3600;

declare module 'fastify' {
  interface FastifyRequest {
    viewer: SessionUser | null;
  }
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Only same-site paths: "/x" but not "//evil.example" or "/\evil.example". */
export function safeNextPath(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])[\x21-\x7e]*$/.test(next) && next.length < 2000 ? next : '/queue';
}

export interface AuthOptions {
  db: Db;
  secureCookies: boolean;
  limiter?: LoginLimiter;
}

export function cookieNames(secure: boolean): { session: string; login: string } {
  // __Host- cookies are only accepted over https, for path=/ and without a Domain: no subdomain can set them.
  return secure ? { session: '__Host-cw_session', login: '__Host-cw_login' } : { session: 'cw_session', login: 'cw_login' };
}

/** Root-level: finds the session (if any) and exposes it as request.viewer; adds /login. */
export function registerAuth(app: FastifyInstance, opts: AuthOptions): void {
  const names = cookieNames(opts.secureCookies);
  const cookieBase = { httpOnly: true, sameSite: 'lax' as const, secure: opts.secureCookies, path: '/' };
  const limiter = opts.limiter ?? new LoginLimiter();
  app.decorateRequest('viewer', null);

  app.addHook('onRequest', async (req) => {
    if (req.url.startsWith('/static/') || req.url === '/metrics') return; // no session lookup for public assets
    const token = req.cookies[names.session];
    if (token && token.length < 200) req.viewer = await findSessionUser(opts.db, hashToken(token));
  });

  const showLogin = (reply: FastifyReply, status: number, extra: { error?: string; username?: string; next?: string }) => {
    const token = randomBytes(24).toString('base64url');
    reply.setCookie(names.login, token, { ...cookieBase, signed: true, maxAge: LOGIN_COOKIE_TTL_SECONDS });
    return reply.code(status).type('text/html; charset=utf-8').send(loginPage({ csrfToken: token, ...extra }).value);
  };

  app.get('/login', async (req, reply) => {
    const next = safeNextPath((req.query as Record<string, unknown>).next);
    if (req.viewer) return reply.redirect(next, 303);
    return showLogin(reply, 200, { next });
  });

  app.post('/login', async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const next = safeNextPath(body.next);
    const cookie = req.cookies[names.login];
    const unsigned = cookie ? req.unsignCookie(cookie) : null;
    const formToken = typeof body._csrf === 'string' ? body._csrf : '';
    if (!unsigned?.valid || !unsigned.value || !safeEqual(unsigned.value, formToken)) {
      return showLogin(reply, 403, { error: 'The form expired. Please log in again.', next });
    }
    const username = typeof body.username === 'string' ? body.username.trim().slice(0, 100) : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const wait = limiter.blockedFor(username, req.ip);
    if (wait > 0) {
      log.info({ username }, 'login refused: too many failures');
      return showLogin(reply.header('retry-after', String(Math.ceil(wait / 1000))), 429, {
        error: `Too many failed logins. Try again in ${Math.ceil(wait / 60_000)} minute(s).`, username, next,
      });
    }
    const user = username ? await findUserByName(opts.db, username) : null;
    // Hash even for an unknown user, so response time does not reveal which names exist.
    const ok = password.length <= MAX_PASSWORD_LENGTH && (await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash())));
    if (!user || user.disabled || !ok) {
      limiter.recordFailure(username, req.ip);
      log.info({ username }, 'login failed');
      return showLogin(reply, 401, { error: 'Wrong name or password.', username, next });
    }
    limiter.recordSuccess(username);
    const token = randomBytes(32).toString('base64url');
    await insertSession(opts.db, { tokenHash: hashToken(token), userId: user.id, csrfToken: randomBytes(32).toString('base64url'), ttlSeconds: SESSION_TTL_SECONDS });
    await deleteExpiredSessions(opts.db);
    reply.clearCookie(names.login, cookieBase);
    reply.setCookie(names.session, token, { ...cookieBase, maxAge: SESSION_TTL_SECONDS });
    log.info({ userId: user.id }, 'login');
    return reply.redirect(next, 303);
  });
}

/** For the private context: everything in it needs a session, and every unsafe method a CSRF token. */
export function registerGuards(app: FastifyInstance, opts: AuthOptions): void {
  const names = cookieNames(opts.secureCookies);
  app.addHook('onRequest', async (req, reply) => {
    if (req.viewer) return;
    if (req.method === 'GET' && (req.headers.accept ?? '').includes('text/html')) {
      return reply.redirect(`/login?next=${encodeURIComponent(req.url)}`, 303);
    }
    return reply.code(401).type('text/plain; charset=utf-8').send('login required');
  });

  app.addHook('preHandler', async (req, reply) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return;
    if (!csrfOk(req)) {
      log.info({ url: req.url, method: req.method }, 'csrf check failed');
      return reply.code(403).type('text/plain; charset=utf-8').send('invalid or missing CSRF token: reload the page and try again');
    }
  });

  app.post('/logout', async (req, reply) => {
    const token = req.cookies[names.session];
    if (token) await deleteSession(opts.db, hashToken(token));
    // Same attributes as when set: browsers ignore a __Host- cookie deletion without Secure.
    reply.clearCookie(names.session, { httpOnly: true, sameSite: 'lax', secure: opts.secureCookies, path: '/' });
    return reply.redirect('/login', 303);
  });
}

const simpleContentTypeRe = /^(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)/i;

function csrfOk(req: FastifyRequest): boolean {
  const viewer = req.viewer;
  if (!viewer) return false;
  // Bull Board's own JSON API cannot carry our form token. A cross-site page cannot send JSON (or any
  // non-"simple" content type) without a CORS preflight we never answer, and the Origin must be ours.
  if (req.url.startsWith('/admin/queues/')) {
    const origin = req.headers.origin;
    if (origin && origin !== `${req.protocol}://${req.host}`) return false;
    return !simpleContentTypeRe.test(req.headers['content-type'] ?? '');
  }
  const body = req.body as Record<string, unknown> | undefined;
  const sent = typeof body?._csrf === 'string' ? body._csrf : req.headers['x-csrf-token'];
  return typeof sent === 'string' && safeEqual(sent, viewer.csrfToken);
}
