import type { Command } from 'commander';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the review web server (PORT, DATABASE_URL, REDIS_URL)')
    .option('--host <host>', 'address to listen on (default: HOST or 127.0.0.1)')
    .option('--insecure-cookies', 'send cookies over plain http too (local use without https only)')
    .option('--no-jobs', 'do not connect to Redis for the Bull Board job view')
    .option('--metrics-port <port>', 'serve /metrics on its own port instead of the app port')
    .option('--trust-proxy', 'behind a TLS-terminating reverse proxy: trust its X-Forwarded-* headers')
    .action(async (opts: { host?: string; insecureCookies?: boolean; jobs: boolean; metricsPort?: string; trustProxy?: boolean }) => {
      const { loadSettings } = await import('../config.ts');
      const { ConfigError } = await import('../errors.ts');
      const { Db } = await import('../store/db.ts');
      const { startServer, insecureOriginNote } = await import('../web/server.ts');
      const { createMetrics } = await import('../metrics.ts');
      const { log } = await import('../log.ts');
      const settings = loadSettings();
      const metricsPort = opts.metricsPort === undefined ? undefined : Number(opts.metricsPort);
      if (metricsPort !== undefined && (!Number.isInteger(metricsPort) || metricsPort < 0 || metricsPort > 65535)) {
        throw new ConfigError(`--metrics-port: expected a port number 0-65535, got ${JSON.stringify(opts.metricsPort)}`);
      }
      const db = new Db(settings.databaseUrl);
      await db.ping();
      const closers: Array<() => Promise<unknown>> = [];
      let queues: import('bullmq').Queue[] = [];
      if (opts.jobs) {
        const { Queue } = await import('bullmq');
        const { Redis } = await import('ioredis');
        const { QUEUE } = await import('../workers/queues.ts');
        const redis = new Redis(settings.redisUrl, { maxRetriesPerRequest: null, lazyConnect: true });
        try {
          await redis.connect();
          queues = Object.values(QUEUE).map((name) => new Queue(name, { connection: redis, prefix: settings.queuePrefix }));
          closers.push(async () => {
            await Promise.all(queues.map((q) => q.close()));
            redis.disconnect();
          });
        } catch (err) {
          log.warn({ err: (err as Error).message }, 'Redis unreachable: serving without the job view');
          redis.disconnect();
        }
      }
      const { alertFeedRoutes } = await import('../alerts/feed-routes.ts');
      const { prepareAlertDeps, onRecordsAccepted } = await import('../workers/alert-worker.ts');
      const alertDeps = await prepareAlertDeps(db, settings);
      const server = await startServer(
        {
          db, queues, metrics: createMetrics().registry, secureCookies: !opts.insecureCookies, trustProxy: opts.trustProxy ?? false,
          // the Atom feeds authenticate by the token in their URL
          plugins: [{ plugin: alertFeedRoutes, options: { db, publicUrl: settings.publicUrl }, public: true }],
          onAccepted: (ids) => onRecordsAccepted(alertDeps, ids),
        },
        { host: opts.host ?? settings.host, port: settings.port, metricsPort },
      );
      process.stdout.write(`review UI at ${server.url}${server.metricsUrl ? ` (metrics at ${server.metricsUrl})` : ''}\n`);
      const note = opts.insecureCookies ? null : insecureOriginNote(settings.publicUrl);
      if (note) process.stdout.write(`note: ${note}\n`);
      const stop = async () => {
        await server.close();
        for (const close of closers) await close();
        await db.close();
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
    });
}
