/** Listens: the review app on host:port, and /metrics on its own port when METRICS_PORT is set. */
import Fastify, { type FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import { buildApp, type AppDeps } from './app.ts';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Session cookies are always Secure unless the operator says otherwise. Browsers accept Secure cookies
 * over http only from loopback, so for a plain-http public address elsewhere this says what to do.
 */
export function insecureOriginNote(publicUrl: string): string | null {
  const u = new URL(publicUrl);
  if (u.protocol === 'https:' || LOOPBACK_HOSTS.has(u.hostname)) return null;
  return `cookies are Secure, so serve ${publicUrl} through https (a TLS proxy), or run \`courtwatch serve --insecure-cookies\``;
}

export interface ServerOptions {
  host: string;
  port: number;
  /** serve /metrics on its own listener (e.g. only on a private interface) instead of the app's */
  metricsPort?: number;
  metricsHost?: string;
}

export interface RunningServer {
  url: string;
  metricsUrl: string | null;
  close(): Promise<void>;
}

function metricsApp(registry: Registry): FastifyInstance {
  const app = Fastify({ logger: false });
  app.get('/metrics', async (_req, reply) => reply.type(registry.contentType).send(await registry.metrics()));
  return app;
}

export async function startServer(deps: AppDeps, opts: ServerOptions): Promise<RunningServer> {
  const separateMetrics = opts.metricsPort !== undefined && deps.metrics !== undefined;
  const app = await buildApp({ ...deps, metricsOnApp: !separateMetrics });
  const url = await app.listen({ host: opts.host, port: opts.port });
  let metrics: FastifyInstance | null = null;
  let metricsUrl: string | null = null;
  if (separateMetrics) {
    metrics = metricsApp(deps.metrics!);
    metricsUrl = `${await metrics.listen({ host: opts.metricsHost ?? '127.0.0.1', port: opts.metricsPort! })}/metrics`;
  }
  return {
    url,
    metricsUrl,
    async close() {
      await app.close();
      await metrics?.close();
    },
  };
}
