/** Prometheus metrics (prom-client), one registry per process, served at /metrics by the web app. */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  registry: Registry;
  pagesFetched: Counter<'source' | 'status'>;
  extractSeconds: Histogram;
  queueDepth: Gauge<'queue' | 'state'>;
}

/** `readQueueDepths` is called at scrape time, so the gauge is never stale. */
export function createMetrics(readQueueDepths?: () => Promise<Record<string, Record<string, number>>>): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'courtwatch_' });
  const pagesFetched = new Counter({
    name: 'courtwatch_pages_fetched_total',
    help: 'Pages fetched, by source and outcome (ok, HTTP status, or error code)',
    labelNames: ['source', 'status'] as const,
    registers: [registry],
  });
  const extractSeconds = new Histogram({
    name: 'courtwatch_extract_seconds',
    help: 'Time to parse, extract and store one page',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const queueDepth = new Gauge({
    name: 'courtwatch_queue_jobs',
    help: 'Jobs per queue and state',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
    async collect() {
      if (!readQueueDepths) return;
      const depths = await readQueueDepths();
      for (const [queue, states] of Object.entries(depths)) {
        for (const [state, n] of Object.entries(states)) this.set({ queue, state }, n);
      }
    },
  });
  return { registry, pagesFetched, extractSeconds, queueDepth };
}
