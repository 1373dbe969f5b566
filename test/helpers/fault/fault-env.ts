/**
 * The common frame of the worker-process fault tests: own database, own Redis prefix, the fault site,
 * a queue runtime to look at the queues, and the worker processes the test spawns (killed at the end).
 */
import { QueueRuntime } from '../../../src/workers/queue-runtime.ts';
import { createTestDb, type TestDb } from '../db.ts';
import { createTestRedis, type TestRedis } from '../redis.ts';
import { startFaultSite, type FaultSite } from './fault-site.ts';
import { pipelineEnv, writeSourcesFile } from './pipeline-env.ts';
import type { WorkerProcess } from './worker-process.ts';

export interface FaultEnv {
  t: TestDb;
  r: TestRedis;
  site: FaultSite;
  runtime: QueueRuntime;
  /** environment for `courtwatch` child processes: this database, prefix and a sources file for the site */
  env: Record<string, string>;
  /** workers spawned by the test; close() kills them */
  workers: WorkerProcess[];
  close(): Promise<void>;
}

export async function openFaultEnv(label: string, siteOptions: { limit?: number } = {}, rateLimit?: string): Promise<FaultEnv> {
  const t = await createTestDb(label);
  const r = await createTestRedis(label);
  const site = await startFaultSite(siteOptions);
  const env = pipelineEnv({ databaseUrl: t.url, redisUrl: r.url, prefix: r.prefix, sourcesFile: writeSourcesFile([site.sourceYaml('fault', '', rateLimit)]) });
  const runtime = new QueueRuntime(r.url, r.prefix);
  const workers: WorkerProcess[] = [];
  return {
    t, r, site, runtime, env, workers,
    async close() {
      for (const w of workers) await w.kill();
      await runtime.close();
      await site.close();
      await r.cleanup();
      await t.drop();
    },
  };
}
