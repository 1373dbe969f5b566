/**
 * The review web app: buildApp(deps) returns a configured fastify instance without listening (tests use
 * inject(); src/web/server.ts listens). Public: /login, /static/*, /metrics (when given a registry) and
 * extra plugins marked public. Everything else needs a session; every unsafe method a CSRF token.
 */
import { randomBytes } from 'node:crypto';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyPluginAsync, type FastifyPluginCallback } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import type { Queue } from 'bullmq';
import type { Registry } from 'prom-client';
import type { Db } from '../store/db.ts';
import { log } from '../log.ts';
import { registerAuth, registerGuards } from './auth.ts';
import { registerSecurityHeaders } from './security.ts';
import { registerStatic } from './static.ts';
import { registerBullBoard } from './admin.ts';
import { registerRecordRoutes } from './routes/records.ts';
import { registerCaseRoutes } from './routes/cases.ts';
import { registerMiscRoutes } from './routes/misc.ts';
import { registerAlertRuleRoutes } from './routes/alert-rules.ts';
import { errorPage } from './views/layout.ts';

/** Forms are small; anything bigger is refused before parsing. */
const BODY_LIMIT_BYTES = 256 * 1024;

export interface ExtraPlugin {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- plugins bring their own option types
  plugin: FastifyPluginAsync<any> | FastifyPluginCallback<any>;
  options?: Record<string, unknown>;
  /** true: reachable without a session, because the plugin authenticates by itself (a feed token in the URL) */
  public?: boolean;
}

export interface AppDeps {
  db: Db;
  /** signs the login-form cookie; a random one per process is fine (only an open login form is lost on restart) */
  cookieSecret?: string;
  /** Secure cookies (https only). Default true; tests over plain http on 127.0.0.1 pass false. */
  secureCookies?: boolean;
  /** BullMQ queues shown in Bull Board at /admin/queues (admins only) */
  queues?: Queue[];
  /** prom-client registry served at /metrics */
  metrics?: Registry;
  /** serve /metrics on this app (default true); false when server.ts binds it to its own port */
  metricsOnApp?: boolean;
  plugins?: ExtraPlugin[];
  /** behind a TLS-terminating proxy: believe X-Forwarded-Proto/-Host (the Origin check compares with them) */
  trustProxy?: boolean;
  /** told about records a reviewer accepted or created (alert rules that wait for review) */
  onAccepted?: (recordIds: number[]) => Promise<unknown>;
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: log.child({ component: 'web' }) as FastifyBaseLogger,
    // Request URLs can carry names (free-text search): we log the route pattern ourselves instead.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: deps.trustProxy ?? false,
  });
  const secureCookies = deps.secureCookies ?? true;
  await app.register(fastifyCookie, { secret: deps.cookieSecret ?? randomBytes(32).toString('hex') });
  await app.register(fastifyFormbody, { bodyLimit: BODY_LIMIT_BYTES });
  registerSecurityHeaders(app);

  app.addHook('onResponse', async (req, reply) => {
    const entry = { method: req.method, route: req.routeOptions.url ?? '(unmatched)', status: reply.statusCode, ms: Math.round(reply.elapsedTime) };
    if (reply.statusCode >= 500) log.error(entry, 'request failed');
    else log.info(entry, 'request');
  });

  app.setErrorHandler((err: { statusCode?: number; message: string }, req, reply) => {
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500;
    if (status >= 500) log.error({ err, route: req.routeOptions.url }, 'unhandled error');
    else log.info({ err: err.message, route: req.routeOptions.url }, 'request error');
    const message = status >= 500 ? 'Something went wrong on our side; the error is logged.' : err.message;
    const viewer = req.viewer ? { username: req.viewer.username, role: req.viewer.role, csrfToken: req.viewer.csrfToken } : null;
    return reply.code(status).type('text/html; charset=utf-8').send(errorPage(viewer, status, message).value);
  });

  registerStatic(app);
  registerAuth(app, { db: deps.db, secureCookies });
  app.get('/healthz', async () => ({ ok: true }));

  if (deps.metrics && deps.metricsOnApp !== false) {
    const registry = deps.metrics;
    app.get('/metrics', async (_req, reply) => reply.type(registry.contentType).send(await registry.metrics()));
  }

  for (const extra of deps.plugins ?? []) {
    if (extra.public) await app.register(extra.plugin, extra.options ?? {});
  }

  // Everything below needs a session: the guard hooks apply to this encapsulated context only.
  await app.register(async (priv) => {
    registerGuards(priv, { db: deps.db, secureCookies });
    registerRecordRoutes(priv, deps.db, deps.onAccepted);
    registerCaseRoutes(priv, deps.db);
    registerMiscRoutes(priv, deps.db);
    registerAlertRuleRoutes(priv, deps.db);
    if (deps.queues?.length) await registerBullBoard(priv, deps.queues);
    for (const extra of deps.plugins ?? []) {
      if (!extra.public) await priv.register(extra.plugin, extra.options ?? {});
    }
  });

  app.setNotFoundHandler((req, reply) => {
    const viewer = req.viewer ? { username: req.viewer.username, role: req.viewer.role, csrfToken: req.viewer.csrfToken } : null;
    return reply.code(404).type('text/html; charset=utf-8').send(errorPage(viewer, 404, 'Not found.').value);
  });
  return app;
}
