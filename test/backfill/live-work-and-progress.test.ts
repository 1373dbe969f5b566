import { PassThrough } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLiveWorkGate, liveQueueBacklog } from '../../src/backfill/live-work.ts';
import { createProgress } from '../../src/backfill/progress.ts';
import { log } from '../../src/log.ts';
import { QueueRuntime } from '../../src/workers/queue-runtime.ts';
import { createTestRedis, type TestRedis } from '../helpers/redis.ts';

describe('yielding to live work', () => {
  let r: TestRedis;
  let runtime: QueueRuntime;
  beforeAll(async () => {
    r = await createTestRedis('backfill_gate');
    runtime = new QueueRuntime(r.url, r.prefix);
  });
  afterAll(async () => {
    await runtime?.close();
    await r?.cleanup();
  });

  it('counts waiting live jobs in the real queues, not the bulk lane', async () => {
    const probe = liveQueueBacklog(runtime);
    expect(await probe()).toBe(0);
    await runtime.queues.bulk.add('bulk', { x: 1 });
    expect(await probe()).toBe(0);
    await runtime.queues.fetch.add('fetch', { sourceId: null, url: 'https://a.kz/x' });
    expect(await probe()).toBe(1);
    await runtime.queues.fetch.obliterate({ force: true });
    expect(await probe()).toBe(0);
  });

  it('waits while live work is pending, then lets the backfill go on', async () => {
    const answers = [3, 2, 0];
    let calls = 0;
    const gate = createLiveWorkGate(async () => answers[Math.min(calls++, answers.length - 1)]!, log, { probeEveryMs: 0, pausedPollMs: 5 });
    await gate.wait();
    expect(calls).toBe(3);
    expect(gate.pauses).toBe(1);
    await gate.wait();
    expect(gate.pauses).toBe(1);
  });

  it('an abort ends a pause', async () => {
    const gate = createLiveWorkGate(async () => 1, log, { probeEveryMs: 0, pausedPollMs: 10_000 });
    const controller = new AbortController();
    const waiting = gate.wait(controller.signal);
    controller.abort();
    await waiting;
    expect(gate.pauses).toBe(1);
  });
});

describe('progress display', () => {
  it('logs done/total, rate and ETA when not a terminal', () => {
    const lines: string[] = [];
    const dest = new PassThrough();
    dest.on('data', (d: Buffer) => lines.push(...d.toString().trim().split('\n')));
    const logger = pino({ level: 'info' }, dest);
    const progress = createProgress({ label: 'backfill warc', log: logger, tty: false, logEveryMs: 0 });
    progress.start(10);
    progress.increment();
    progress.increment();
    progress.stop();
    return new Promise<void>((resolve) => setImmediate(() => {
      const parsed = lines.map((l) => JSON.parse(l) as { msg: string; done?: number; total?: number; eta?: string; ratePerSecond?: number });
      expect(parsed[0]).toMatchObject({ msg: 'backfill warc: started', done: 0, total: 10 });
      expect(parsed.at(-1)).toMatchObject({ msg: 'backfill warc: 2/10', done: 2, total: 10 });
      expect(parsed.at(-1)).toHaveProperty('eta');
      expect(parsed.at(-1)).toHaveProperty('ratePerSecond');
      resolve();
    }));
  });

  it('draws a bar with done/total, rate and ETA on a terminal', () => {
    let out = '';
    const stream = Object.assign(new PassThrough(), { isTTY: true, columns: 120, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
    stream.on('data', (d: Buffer) => (out += d.toString()));
    const progress = createProgress({ label: 'reextract', log, stream: stream as unknown as NodeJS.WriteStream });
    progress.start(4);
    progress.increment(3);
    progress.stop();
    expect(out).toMatch(/reextract \[.*\] 3\/4 \| [\d.]+\/s \| ETA \S+/);
  });
});
