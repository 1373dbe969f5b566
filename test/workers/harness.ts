/**
 * In-process pipeline for worker tests: real Postgres (own database), real Redis (own prefix), the real
 * crawler against a local site, the real rules. Tests may swap the crawler to inject failures.
 */
import { parseSourcesConfig, type SourceDefinition } from '../../src/config.ts';
import { createCrawler, normalizeUrl, parseArticle } from '../../src/crawlers/index.ts';
import type { Crawler } from '../../src/crawlers/types.ts';
import { EXTRACTOR_VERSION, extractVerdicts } from '../../src/extract/index.ts';
import { log } from '../../src/log.ts';
import { createMetrics, type Metrics } from '../../src/metrics.ts';
import { upsertSources } from '../../src/store/sources.ts';
import type { PipelineDeps } from '../../src/workers/pipeline.ts';
import { startPipelineWorkers, stopWorkers, type PipelineWorkerOptions } from '../../src/workers/pipeline-workers.ts';
import { QueueRuntime } from '../../src/workers/queue-runtime.ts';
import type { Worker } from 'bullmq';
import type { TestDb } from '../helpers/db.ts';
import type { TestRedis } from '../helpers/redis.ts';

export interface Harness {
  runtime: QueueRuntime;
  deps: PipelineDeps;
  crawler: Crawler;
  metrics: Metrics;
  sources: SourceDefinition[];
  start(options?: Partial<PipelineWorkerOptions>): Worker[];
  close(): Promise<void>;
}

export async function createHarness(t: TestDb, r: TestRedis, sourcesYaml: string): Promise<Harness> {
  const config = parseSourcesConfig(`contact_url: https://example.org/courtwatch\nsources:\n${sourcesYaml}`, 'test sources');
  await upsertSources(t.db, config.sources.map((s) => ({ id: s.id, name: s.name, kind: s.kind, url: s.url, config: s })));
  const runtime = new QueueRuntime(r.url, r.prefix);
  const crawler = createCrawler({ contactUrl: config.contactUrl, log });
  const metrics = createMetrics(() => runtime.counts());
  const deps: PipelineDeps = {
    db: t.db, crawler, sources: new Map(config.sources.map((s) => [s.id, s])), parseArticle, extract: extractVerdicts,
    extractorVersion: EXTRACTOR_VERSION, log,
  };
  const running: Worker[][] = [];
  return {
    runtime, deps, crawler, metrics, sources: config.sources,
    start(options = {}) {
      const workers = startPipelineWorkers(runtime, deps, { redisUrl: r.url, metrics, normalizeUrl, ...options });
      running.push(workers);
      return workers;
    },
    async close() {
      for (const w of running) await stopWorkers(w, 5_000);
      await crawler.close();
      await runtime.close();
    },
  };
}

export async function tableCounts(t: TestDb): Promise<{ pages: number; articles: number; records: number; cases: number }> {
  const rows = await t.db.query<{ pages: number; articles: number; records: number; cases: number }>(
    `SELECT (SELECT count(*) FROM pages)::int AS pages, (SELECT count(*) FROM articles)::int AS articles,
            (SELECT count(*) FROM records)::int AS records, (SELECT count(*) FROM cases)::int AS cases`,
  );
  return rows[0]!;
}
