/**
 * Schedules: one BullMQ job scheduler per enabled source, kept in step with the sources file. Editing the
 * file and syncing again updates, adds and removes schedulers (checked on a real queue).
 */
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSourcesConfig, type SourceDefinition } from '../../src/config.ts';
import { createRedis } from '../../src/workers/queue-runtime.ts';
import { QUEUE } from '../../src/workers/queues.ts';
import { jitterOffset, syncSchedules } from '../../src/workers/scheduler.ts';
import { createTestRedis, type TestRedis } from '../helpers/redis.ts';

let r: TestRedis;
let queue: Queue;
let connection: ReturnType<typeof createRedis>;

function sources(yaml: string): SourceDefinition[] {
  return parseSourcesConfig(`contact_url: https://example.org/c\nsources:\n${yaml}`, 'test').sources;
}

const source = (id: string, schedule: string, extra = '') => `  - id: ${id}
    name: ${id}
    kind: rss
    url: https://${id}.example/rss.xml
    schedule: ${schedule}
${extra}`;

async function schedulers(): Promise<Record<string, { every?: number | null; pattern?: string | null; offset?: number | null }>> {
  const out: Record<string, { every?: number | null; pattern?: string | null; offset?: number | null }> = {};
  for (const s of await queue.getJobSchedulers(0, -1)) out[s.key] = { every: s.every ?? null, pattern: s.pattern ?? null };
  return out;
}

beforeAll(async () => {
  r = await createTestRedis('scheduler');
  connection = createRedis(r.url);
  queue = new Queue(QUEUE.discover, { connection, prefix: r.prefix });
});

afterAll(async () => {
  await queue?.close();
  connection?.disconnect();
  await r?.cleanup();
});

describe('syncSchedules', () => {
  it('adds, updates and removes schedulers as the sources file changes', async () => {
    const first = await syncSchedules(queue, sources(
      source('alpha', '{ every: 30m, jitter: 5m }') + source('beta', '{ cron: "0 */2 * * *" }') + source('gamma', '{ every: 1h }'),
    ));
    expect(first).toEqual({ upserted: ['alpha', 'beta', 'gamma'], removed: [] });
    expect(await schedulers()).toEqual({
      'source-alpha': { every: 1_800_000, pattern: null },
      'source-beta': { every: null, pattern: '0 */2 * * *' },
      'source-gamma': { every: 3_600_000, pattern: null },
    });
    // each scheduler has its next discovery job waiting (delayed) with the source id as payload
    const next = await queue.getJobs(['delayed', 'waiting']);
    expect(next.map((j) => (j.data as { sourceId: string }).sourceId).sort()).toEqual(['alpha', 'beta', 'gamma']);

    // edit: alpha becomes a cron, beta is removed, gamma is disabled, delta is new
    const second = await syncSchedules(queue, sources(
      source('alpha', '{ cron: "15 * * * *" }') + source('gamma', '{ every: 1h }', '    enabled: false\n') + source('delta', '{ every: 10m }'),
    ));
    expect(second.upserted).toEqual(['alpha', 'delta']);
    expect(second.removed.sort()).toEqual(['beta', 'gamma']);
    expect(await schedulers()).toEqual({
      'source-alpha': { every: null, pattern: '15 * * * *' },
      'source-delta': { every: 600_000, pattern: null },
    });
    const jobs = await queue.getJobs(['delayed', 'waiting']);
    expect(jobs.map((j) => (j.data as { sourceId: string }).sourceId).sort()).toEqual(['alpha', 'delta']);

    // syncing the same file again changes nothing
    expect(await syncSchedules(queue, sources(source('alpha', '{ cron: "15 * * * *" }') + source('delta', '{ every: 10m }')))).toEqual({
      upserted: ['alpha', 'delta'], removed: [],
    });
    expect(Object.keys(await schedulers()).sort()).toEqual(['source-alpha', 'source-delta']);
  });

  it('spreads sources inside their jitter window, stably', () => {
    expect(jitterOffset('alpha', 0)).toBe(0);
    const a = jitterOffset('alpha', 300_000);
    expect(a).toBe(jitterOffset('alpha', 300_000));
    expect(a).toBeGreaterThanOrEqual(0);
    expect(a).toBeLessThan(300_000);
    const offsets = new Set(['a', 'b', 'c', 'd', 'e', 'f'].map((id) => jitterOffset(id, 300_000)));
    expect(offsets.size).toBeGreaterThan(1);
  });
});
