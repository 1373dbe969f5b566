/**
 * robots.txt, fetched once per origin and cached (in Redis when there is one, so every worker shares
 * it; always also in memory). Follows RFC 9309: a 4xx robots.txt means "no rules"; a 5xx or an
 * unreachable one means "disallow everything" until we look again.
 */
import type { Redis } from 'ioredis';
import robotsParserModule from 'robots-parser';

/** How long a fetched robots.txt is trusted (RFC 9309 suggests no more than 24 h). */
const ROBOTS_TTL_MS = 60 * 60 * 1000;
/** An unreachable robots.txt is retried sooner, so a brief outage does not stop a host for an hour. */
const ROBOTS_UNREACHABLE_TTL_MS = 5 * 60 * 1000;
/** RFC 9309: crawlers must parse at least 500 KiB; more is not read. */
export const ROBOTS_MAX_BYTES = 500 * 1024;

export type RobotsOutcome =
  | { kind: 'rules'; text: string }
  | { kind: 'none' } // 4xx: no rules, everything allowed
  | { kind: 'unreachable'; reason: string }; // 5xx or network error: everything disallowed for now

export interface RobotsDecision {
  allowed: boolean;
  /** seconds from a Crawl-delay line for our agent, if any */
  crawlDelay: number | undefined;
  reason: string;
}

/** The part of robots-parser's Robot we use (its bundled types do not resolve under NodeNext). */
interface Robot {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getMatchingLineNumber(url: string, ua?: string): number;
  getCrawlDelay(ua?: string): number | undefined;
}
const robotsParser = robotsParserModule as unknown as (url: string, text: string) => Robot;
interface CachedRobots {
  outcome: RobotsOutcome;
  robot: Robot | null;
  expiresAt: number;
}

export class RobotsCache {
  private readonly memory = new Map<string, CachedRobots>();
  private readonly inFlight = new Map<string, Promise<CachedRobots>>();
  private readonly redis: Redis | undefined;
  private readonly keyPrefix: string;
  private readonly agent: string;
  private readonly load: (robotsUrl: string, allowPrivateNetwork: boolean) => Promise<RobotsOutcome>;

  constructor(options: {
    redis?: Redis;
    keyPrefix: string;
    agent: string;
    load: (robotsUrl: string, allowPrivateNetwork: boolean) => Promise<RobotsOutcome>;
  }) {
    this.redis = options.redis;
    this.keyPrefix = options.keyPrefix;
    this.agent = options.agent;
    this.load = options.load;
  }

  /** Whether our agent may fetch `url` according to its origin's robots.txt. */
  async check(url: string, allowPrivateNetwork: boolean): Promise<RobotsDecision> {
    const origin = new URL(url).origin;
    const cached = await this.forOrigin(origin, allowPrivateNetwork);
    const { outcome, robot } = cached;
    if (outcome.kind === 'none') return { allowed: true, crawlDelay: undefined, reason: 'no robots.txt' };
    if (outcome.kind === 'unreachable') return { allowed: false, crawlDelay: undefined, reason: `robots.txt unreachable (${outcome.reason})` };
    const allowed = robot!.isAllowed(url, this.agent) !== false;
    const line = allowed ? 0 : robot!.getMatchingLineNumber(url, this.agent);
    return { allowed, crawlDelay: robot!.getCrawlDelay(this.agent), reason: allowed ? 'allowed' : `robots.txt disallows it (line ${line})` };
  }

  private async forOrigin(origin: string, allowPrivateNetwork: boolean): Promise<CachedRobots> {
    const hit = this.memory.get(origin);
    if (hit && hit.expiresAt > Date.now()) return hit;
    const pending = this.inFlight.get(origin);
    if (pending) return pending;
    const p = this.fetchShared(origin, allowPrivateNetwork).finally(() => this.inFlight.delete(origin));
    this.inFlight.set(origin, p);
    return p;
  }

  private async fetchShared(origin: string, allowPrivateNetwork: boolean): Promise<CachedRobots> {
    const key = `${this.keyPrefix}:robots:${origin}`;
    let outcome: RobotsOutcome | null = null;
    let ttl = ROBOTS_TTL_MS;
    if (this.redis) {
      const [stored, pttl] = await Promise.all([this.redis.get(key), this.redis.pttl(key)]);
      if (stored) {
        outcome = JSON.parse(stored) as RobotsOutcome;
        ttl = pttl > 0 ? pttl : ttl;
      }
    }
    if (!outcome) {
      outcome = await this.load(`${origin}/robots.txt`, allowPrivateNetwork);
      ttl = outcome.kind === 'unreachable' ? ROBOTS_UNREACHABLE_TTL_MS : ROBOTS_TTL_MS;
      if (this.redis) await this.redis.set(key, JSON.stringify(outcome), 'PX', ttl);
    }
    const cached: CachedRobots = {
      outcome,
      robot: outcome.kind === 'rules' ? robotsParser(`${origin}/robots.txt`, outcome.text) : null,
      expiresAt: Date.now() + ttl,
    };
    this.memory.set(origin, cached);
    return cached;
  }
}
