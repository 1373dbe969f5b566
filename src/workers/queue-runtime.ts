/**
 * BullMQ wiring: the queues, their job options, and ids derived from content so the same work is never
 * queued twice. The steps themselves are plain functions in pipeline.ts.
 */
import { createHash } from 'node:crypto';
import { Queue, type JobsOptions } from 'bullmq';
import { Redis } from 'ioredis';
import type { DiscoveredUrl } from '../crawlers/types.ts';
import { ServiceUnavailableError } from '../errors.ts';
import { log } from '../log.ts';
import { QUEUE, type AlertPayload, type DiscoverPayload, type ExtractPayload, type FetchPayload, type QueueName } from './queues.ts';

export const REDIS_HINT = 'start it with `docker compose up -d redis` or `redis-server --daemonize yes`, or set REDIS_URL';

/** Kept long enough that a URL rediscovered within a week is recognised as already done. */
const KEEP_COMPLETED = { age: 7 * 24 * 3600, count: 200_000 };
/**
 * A failed job stays listed by `courtwatch status` for a week; while it is kept, its URL is not queued
 * again (same job id), and after that the next discovery tries it afresh.
 */
const KEEP_FAILED = { age: 7 * 24 * 3600 };
/** base of the exponential retry delay; the worker's backoff strategy honours Retry-After instead when given */
export const RETRY_BASE_MS = 5_000;

export const JOB_DEFAULTS: JobsOptions = {
  attempts: 6,
  backoff: { type: 'courtwatch', delay: RETRY_BASE_MS },
  removeOnComplete: KEEP_COMPLETED,
  removeOnFail: KEEP_FAILED,
};

/** Live work and the bulk lane: backfill and re-extraction go to `bulk`, so live crawling is never starved. */
export type Lane = 'live' | 'bulk';

export function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/** A Redis connection suitable for BullMQ workers (which block) and queues. */
export function createRedis(url: string): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: true });
  redis.on('error', (err: Error) => log.debug({ err: err.message }, 'redis connection error'));
  return redis;
}

/** Fails fast with one clear line when Redis cannot be reached. */
export async function pingRedis(url: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null, connectTimeout: 5_000 });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    throw new ServiceUnavailableError('Redis', url, REDIS_HINT, { cause: err });
  } finally {
    redis.disconnect();
  }
}

export class QueueRuntime {
  readonly connection: Redis;
  readonly prefix: string;
  readonly queues: Record<QueueName, Queue>;

  constructor(redisUrl: string, prefix: string) {
    this.connection = createRedis(redisUrl);
    this.prefix = prefix;
    const make = (name: QueueName) => new Queue(name, { connection: this.connection, prefix, defaultJobOptions: JOB_DEFAULTS });
    this.queues = {
      discover: make(QUEUE.discover),
      fetch: make(QUEUE.fetch),
      extract: make(QUEUE.extract),
      alert: make(QUEUE.alert),
      bulk: make(QUEUE.bulk),
    };
    for (const q of Object.values(this.queues)) q.on('error', (err) => log.warn({ queue: q.name, err: err.message }, 'queue error'));
  }

  /** A manual or scheduled discovery of one source (each call is a new job). */
  async enqueueDiscover(sourceId: string): Promise<void> {
    const payload: DiscoverPayload = { sourceId };
    await this.queues.discover.add('discover', payload, { jobId: `discover-${sourceId}-${Date.now()}` });
  }

  /** One fetch job per URL; a URL already queued or done within the retention window is not queued again. */
  async enqueueFetches(sourceId: string | null, urls: DiscoveredUrl[], lane: Lane = 'live', normalize: (u: string) => string = (u) => u): Promise<void> {
    if (urls.length === 0) return;
    const queue = lane === 'live' ? this.queues.fetch : this.queues.bulk;
    await queue.addBulk(
      urls.map((u) => {
        const payload: FetchPayload = { sourceId, url: u.url, lastmod: u.lastmod };
        return { name: 'fetch', data: payload, opts: { jobId: `fetch-${shortHash(normalize(u.url))}` } };
      }),
    );
  }

  /** Extraction of a page by this extractor version: the same page and version are extracted once. */
  async enqueueExtract(pageId: number, extractorVersion: string, lane: Lane = 'live'): Promise<void> {
    const payload: ExtractPayload = { pageId };
    const queue = lane === 'live' ? this.queues.extract : this.queues.bulk;
    await queue.add('extract', payload, { jobId: `extract-${pageId}-${extractorVersion.replace(/[^\w.-]/g, '_')}` });
  }

  /** Alert matching for an article's records; keyed by the set of cases so a re-run is not queued twice. */
  async enqueueAlert(articleId: number, caseIds: number[]): Promise<void> {
    const payload: AlertPayload = { articleId };
    await this.queues.alert.add('alert', payload, { jobId: `alert-${articleId}-${shortHash([...caseIds].sort().join(','))}` });
  }

  /** waiting + active + delayed (+ prioritized) across the given queues */
  async pending(names: QueueName[] = [QUEUE.discover, QUEUE.fetch, QUEUE.extract]): Promise<number> {
    let total = 0;
    for (const name of names) {
      const c = await this.queues[name].getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
      total += Object.values(c).reduce((a, b) => a + b, 0);
    }
    return total;
  }

  async counts(): Promise<Record<QueueName, Record<string, number>>> {
    const out = {} as Record<QueueName, Record<string, number>>;
    for (const [name, q] of Object.entries(this.queues) as Array<[QueueName, Queue]>) {
      out[name] = await q.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed');
    }
    return out;
  }

  async close(): Promise<void> {
    await Promise.all(Object.values(this.queues).map((q) => q.close()));
    this.connection.disconnect();
  }
}
