/**
 * Composition root for the pipeline: builds the dependencies from settings (database, crawler, rules,
 * queues) and offers the long-running modes (workers, scheduler) and `crawl --once`.
 */
import type { Worker } from 'bullmq';
import { loadSourcesConfig, type Settings, type SourceDefinition, type SourcesConfig } from '../config.ts';
import { createCrawler, normalizeUrl, parseArticle } from '../crawlers/index.ts';
import type { Crawler } from '../crawlers/types.ts';
import { ConfigError } from '../errors.ts';
import { EXTRACTOR_VERSION, extractVerdicts } from '../extract/index.ts';
import { log } from '../log.ts';
import { createMetrics, type Metrics } from '../metrics.ts';
import { Db } from '../store/db.ts';
import { migrate } from '../store/migrate.ts';
import { upsertSources } from '../store/sources.ts';
import type { PipelineDeps } from './pipeline.ts';
import { startPipelineWorkers, stopWorkers, type WorkerConcurrency } from './pipeline-workers.ts';
import { QueueRuntime, pingRedis } from './queue-runtime.ts';
import type { QueueName } from './queues.ts';

/** Longer waits for a host's politeness slot are spent delayed in the queue, not holding a worker. */
export const MAX_SLOT_WAIT_MS = 2_000;

export interface PipelineContext {
  settings: Settings;
  sourcesConfig: SourcesConfig;
  db: Db;
  crawler: Crawler;
  runtime: QueueRuntime;
  deps: PipelineDeps;
  metrics: Metrics;
  close(): Promise<void>;
}

/** Checks the services, applies migrations, mirrors the sources into the database. */
export async function openPipeline(settings: Settings, options: { migrate?: boolean } = {}): Promise<PipelineContext> {
  const sourcesConfig = loadSourcesConfig(settings.sourcesFile);
  const db = new Db(settings.databaseUrl);
  try {
    if (options.migrate !== false) await migrate(settings.databaseUrl);
    await db.ping();
    await pingRedis(settings.redisUrl);
  } catch (err) {
    await db.close();
    throw err;
  }
  await upsertSources(db, sourcesConfig.sources.map((s) => ({ id: s.id, name: s.name, kind: s.kind, url: s.url, config: s })));
  const runtime = new QueueRuntime(settings.redisUrl, settings.queuePrefix);
  const crawler = createCrawler({
    contactUrl: sourcesConfig.contactUrl, redis: runtime.connection, keyPrefix: `${settings.queuePrefix}:crawl`, log,
    // a job that would wait longer for a busy host goes back to the queue, delayed, instead of idling a worker
    maxSlotWaitMs: MAX_SLOT_WAIT_MS,
  });
  const metrics = createMetrics(() => runtime.counts());
  const deps: PipelineDeps = {
    db,
    crawler,
    sources: new Map(sourcesConfig.sources.map((s) => [s.id, s])),
    parseArticle,
    extract: extractVerdicts,
    extractorVersion: EXTRACTOR_VERSION,
    log,
  };
  return {
    settings, sourcesConfig, db, crawler, runtime, deps, metrics,
    async close() {
      await crawler.close();
      await runtime.close();
      await db.close();
    },
  };
}

export function startWorkers(ctx: PipelineContext, concurrency?: Partial<WorkerConcurrency>): Worker[] {
  return startPipelineWorkers(ctx.runtime, ctx.deps, { redisUrl: ctx.settings.redisUrl, concurrency, metrics: ctx.metrics, normalizeUrl });
}

export { stopWorkers };

export function selectSources(config: SourcesConfig, ids: string[] | undefined, file: string): SourceDefinition[] {
  if (!ids || ids.length === 0) return config.sources.filter((s) => s.enabled);
  return ids.map((id) => {
    const source = config.sources.find((s) => s.id === id);
    if (!source) throw new ConfigError(`${file}: no source with id "${id}" (known: ${config.sources.map((s) => s.id).join(', ')})`);
    return source;
  });
}

export interface CrawlProgress {
  discovered: number;
  fetched: number;
  extracted: number;
  failed: number;
  pending: number;
  elapsedMs: number;
}

/**
 * Queues discovery of the given sources now and resolves when the discover, fetch and extract queues
 * have drained (or the timeout passes). Workers must be running (in this process or another).
 */
export async function crawlOnce(
  ctx: PipelineContext,
  sources: SourceDefinition[],
  options: { timeoutMs?: number; onProgress?: (p: CrawlProgress) => void; pollMs?: number } = {},
): Promise<CrawlProgress & { timedOut: boolean }> {
  const before = await ctx.runtime.counts();
  const started = Date.now();
  for (const s of sources) await ctx.runtime.enqueueDiscover(s.id);
  const timeoutMs = options.timeoutMs ?? 10 * 60_000;
  let quietPolls = 0;
  for (;;) {
    await new Promise((r) => setTimeout(r, options.pollMs ?? 300));
    const now = await ctx.runtime.counts();
    const delta = (name: QueueName, state: string) => (now[name][state] ?? 0) - (before[name][state] ?? 0);
    const pending = await ctx.runtime.pending();
    const progress: CrawlProgress = {
      discovered: delta('discover', 'completed'),
      fetched: delta('fetch', 'completed'),
      extracted: delta('extract', 'completed'),
      failed: delta('discover', 'failed') + delta('fetch', 'failed') + delta('extract', 'failed'),
      pending,
      elapsedMs: Date.now() - started,
    };
    options.onProgress?.(progress);
    // two quiet polls in a row: a job hands its follow-up to the queue before it completes, so no gap is missed
    quietPolls = pending === 0 ? quietPolls + 1 : 0;
    if (quietPolls >= 2) return { ...progress, timedOut: false };
    if (progress.elapsedMs > timeoutMs) return { ...progress, timedOut: true };
  }
}
