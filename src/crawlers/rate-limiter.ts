/**
 * Per-host politeness shared by every worker: at most `concurrency` requests in flight to a host and
 * request starts spaced 1/per_second apart. With Redis the state lives in two keys per host, changed
 * atomically by one Lua script using Redis's clock, so all processes see one limit; without Redis the
 * same rules run in memory (one process only).
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { HostBusyError } from '../errors.ts';

export interface HostLimits {
  perSecond: number;
  concurrency: number;
  /** give up with HostBusyError instead of waiting longer than this (queue workers; default: wait) */
  maxWaitMs?: number;
}

/** Call to give the slot back; safe to call twice. */
export type ReleaseSlot = () => Promise<void>;

export interface HostLimiter {
  /** waits until this host may be requested, then holds one of its concurrency slots */
  acquire(host: string, limits: HostLimits): Promise<ReleaseSlot>;
}

/** Poll interval while all slots are busy; short enough not to waste slots, long enough not to hammer Redis. */
const BUSY_POLL_MS = 15;
/** When every slot is busy we cannot know when one frees; the job comes back after about this long. */
const BUSY_RETRY_MS = 1_000;

/** Throws HostBusyError when waiting `nextWaitMs` more would pass the caller's limit. */
function checkWait(host: string, limits: HostLimits, waitedMs: number, nextWaitMs: number | null): void {
  if (limits.maxWaitMs === undefined) return;
  const next = nextWaitMs ?? BUSY_POLL_MS;
  if (waitedMs + next > limits.maxWaitMs) throw new HostBusyError(host, nextWaitMs ?? BUSY_RETRY_MS);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * KEYS[1] zset of held slots (score = lease expiry), KEYS[2] the earliest time the next request may start.
 * ARGV token, concurrency, interval ms, lease ms. Returns 0 when acquired, -1 when all slots are busy,
 * or the ms to wait for the spacing.
 */
const ACQUIRE_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return -1 end
local nextAt = tonumber(redis.call('GET', KEYS[2]) or '0')
if nextAt > now then return nextAt - now end
local interval = tonumber(ARGV[3])
redis.call('SET', KEYS[2], now + interval, 'PX', interval + 1000)
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[4]), ARGV[1])
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[4]) + 1000)
return 0
`;

export class RedisHostLimiter implements HostLimiter {
  private readonly redis: Redis;
  private readonly keyPrefix: string;
  /** a crashed worker's slot frees itself after this long */
  private readonly leaseMs: number;

  constructor(redis: Redis, keyPrefix: string, leaseMs: number) {
    this.redis = redis;
    this.keyPrefix = keyPrefix;
    this.leaseMs = leaseMs;
  }

  async acquire(host: string, limits: HostLimits): Promise<ReleaseSlot> {
    const slots = `${this.keyPrefix}:host:${host}:slots`;
    const next = `${this.keyPrefix}:host:${host}:next`;
    const token = randomUUID();
    const interval = Math.ceil(1000 / limits.perSecond);
    const started = Date.now();
    for (;;) {
      const r = Number(await this.redis.eval(ACQUIRE_LUA, 2, slots, next, token, limits.concurrency, interval, this.leaseMs));
      if (r === 0) break;
      checkWait(host, limits, Date.now() - started, r < 0 ? null : r);
      await sleep(r < 0 ? BUSY_POLL_MS + Math.random() * BUSY_POLL_MS : r);
    }
    let released = false;
    return async () => {
      if (released) return;
      released = true;
      await this.redis.zrem(slots, token);
    };
  }
}

interface MemoryHostState {
  inFlight: number;
  nextAt: number;
  waiters: Array<() => void>;
}

export class MemoryHostLimiter implements HostLimiter {
  private readonly hosts = new Map<string, MemoryHostState>();

  async acquire(host: string, limits: HostLimits): Promise<ReleaseSlot> {
    let state = this.hosts.get(host);
    if (!state) {
      state = { inFlight: 0, nextAt: 0, waiters: [] };
      this.hosts.set(host, state);
    }
    const interval = 1000 / limits.perSecond;
    const started = Date.now();
    for (;;) {
      if (state.inFlight >= limits.concurrency) {
        checkWait(host, limits, Date.now() - started, null);
        await new Promise<void>((resolve) => state.waiters.push(resolve));
        continue;
      }
      const now = Date.now();
      if (state.nextAt > now) {
        checkWait(host, limits, now - started, state.nextAt - now);
        await sleep(state.nextAt - now);
        continue;
      }
      state.nextAt = now + interval;
      state.inFlight++;
      break;
    }
    let released = false;
    const s = state;
    return async () => {
      if (released) return;
      released = true;
      s.inFlight--;
      s.waiters.shift()?.();
    };
  }
}

/** No limits at all: only for benchmarks against our own local server. */
export class UnlimitedHostLimiter implements HostLimiter {
  async acquire(): Promise<ReleaseSlot> {
    return async () => undefined;
  }
}
