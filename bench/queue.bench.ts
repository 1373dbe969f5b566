/**
 * Queue figures: N stored pages re-extracted into Postgres (a) by calling the extract step directly,
 * (b) through the extract queue with one worker (concurrency 1), (c) with two workers. (a) vs (b) is the
 * queue's overhead per job; (c) is the end-to-end re-extraction throughput. Each phase uses a new
 * extractor version so each does the same work.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { sha256Hex } from '../src/crawlers/crawler.ts';
import { normalizeUrl, parseArticle } from '../src/crawlers/index.ts';
import { EXTRACTOR_VERSION, extractVerdicts } from '../src/extract/index.ts';
import { log } from '../src/log.ts';
import { Db, dropDatabase } from '../src/store/db.ts';
import { migrate } from '../src/store/migrate.ts';
import { extractStoredPage, storePage, type PipelineDeps } from '../src/workers/pipeline.ts';
import { startPipelineWorkers, stopWorkers } from '../src/workers/pipeline-workers.ts';
import { QueueRuntime } from '../src/workers/queue-runtime.ts';
import { ARTICLES_DIR } from '../test/helpers/fault/fault-site.ts';
import type { BenchFigure } from './run.ts';

const PAGES = Number(process.env.BENCH_QUEUE_PAGES ?? 300);
const PG_BASE = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const canonicalRe = /<link rel="canonical" href="([^"]+)\.html">/;

async function recordsCount(db: Db): Promise<number> {
  return (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM records'))[0]!.n;
}

export default async function bench(): Promise<BenchFigure[]> {
  const dbName = `cw_bench_queue_${randomUUID().slice(0, 8)}`;
  const dbUrl = new URL(PG_BASE);
  dbUrl.pathname = `/${dbName}`;
  await migrate(dbUrl.toString());
  const db = new Db(dbUrl.toString(), { max: 10 });
  const prefix = `bench-queue-${randomUUID().slice(0, 8)}`;
  const runtime = new QueueRuntime(REDIS_URL, prefix);
  const deps: PipelineDeps = {
    db, crawler: { discover: () => Promise.reject(new Error('no network in this bench')), fetch: () => Promise.reject(new Error('no network in this bench')) },
    sources: new Map(), parseArticle, extract: extractVerdicts, extractorVersion: EXTRACTOR_VERSION, log,
  };
  try {
    const files = readdirSync(ARTICLES_DIR).filter((f) => f.endsWith('.html')).sort();
    const pageIds: number[] = [];
    for (let i = 0; i < PAGES; i++) {
      const file = files[i % files.length]!;
      const html = readFileSync(path.join(ARTICLES_DIR, file), 'utf8').replace(canonicalRe, (_m, slug: string) => `<link rel="canonical" href="${slug}-${i}.html">`);
      const body = Buffer.from(html);
      const url = `https://bench.example/articles/${file.replace(/\.html$/, '')}-${i}.html`;
      const { pageId } = await storePage(deps, {
        url, finalUrl: url, status: 200, headers: {}, body, contentType: 'text/html; charset=utf-8', charset: 'utf-8', contentHash: sha256Hex(body), fetchedAt: new Date(),
      }, { sourceId: null, origin: 'dir' });
      pageIds.push(pageId);
      await extractStoredPage(deps, pageId);
    }

    const direct = { ...deps, extractorVersion: 'bench-direct' };
    let t0 = performance.now();
    for (const id of pageIds) await extractStoredPage(direct, id);
    const directMs = performance.now() - t0;

    async function throughQueue(version: string, workerSets: number): Promise<number> {
      const d = { ...deps, extractorVersion: version };
      const sets = Array.from({ length: workerSets }, () => startPipelineWorkers(runtime, d, { redisUrl: REDIS_URL, normalizeUrl, concurrency: { extract: 1 } }));
      const start = performance.now();
      for (const id of pageIds) await runtime.enqueueExtract(id, version);
      for (;;) {
        const { completed = 0, failed = 0 } = await runtime.queues.extract.getJobCounts('completed', 'failed');
        if (failed > 0) throw new Error(`queue bench: ${failed} extract job(s) failed`);
        if (completed >= pageIds.length) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      const ms = performance.now() - start;
      for (const s of sets) await stopWorkers(s, 5_000);
      await runtime.queues.extract.obliterate({ force: true });
      await runtime.queues.alert.obliterate({ force: true });
      return ms;
    }
    const oneWorkerMs = await throughQueue('bench-queue-1', 1);
    const twoWorkersMs = await throughQueue('bench-queue-2', 2);
    const records = await recordsCount(db);
    t0 = performance.now();
    return [
      { name: 'queue.reextract_records_per_second', value: records / (twoWorkersMs / 1000), unit: 'records/s', better: 'higher', note: `${PAGES} stored pages, ${records} records, extract queue, 2 workers, into Postgres` },
      { name: 'queue.reextract_pages_per_second', value: PAGES / (twoWorkersMs / 1000), unit: 'pages/s', better: 'higher', note: '2 workers' },
      { name: 'queue.direct_ms_per_job', value: directMs / PAGES, unit: 'ms/job', better: 'lower', note: 'extract step called directly, one at a time' },
      { name: 'queue.queued_ms_per_job', value: oneWorkerMs / PAGES, unit: 'ms/job', better: 'lower', note: 'same work through BullMQ, 1 worker, concurrency 1' },
      { name: 'queue.overhead_ms_per_job', value: (oneWorkerMs - directMs) / PAGES, unit: 'ms/job', better: 'lower', note: 'queued minus direct' },
    ];
  } finally {
    await runtime.close();
    await db.close();
    await dropDatabase(PG_BASE, dbName);
    const cleanup = new Redis(REDIS_URL);
    const keys = await cleanup.keys(`${prefix}:*`);
    if (keys.length) await cleanup.del(...keys);
    cleanup.disconnect();
  }
}
