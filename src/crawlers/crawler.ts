/**
 * The crawler: polite fetching (robots.txt, shared per-host limits, private-address guard, retries with
 * backoff and Retry-After) over plain HTTP or a browser, and discovery of article URLs per source kind.
 */
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppError, BlockedError, DisallowedError, FetchError } from '../errors.ts';
import { log as rootLog, type Logger } from '../log.ts';
import { BrowserPool } from './browser.ts';
import { detectCharset } from './charset.ts';
import { discoverSource } from './discover/index.ts';
import { HttpAgents, httpGet, type HttpResponse, type HttpTimeouts } from './http.ts';
import { findBotWall, refuseBinaryBody, refuseBinaryType } from './page-kind.ts';
import { MemoryHostLimiter, RedisHostLimiter, UnlimitedHostLimiter, type HostLimiter } from './rate-limiter.ts';
import { ROBOTS_MAX_BYTES, RobotsCache, type RobotsOutcome } from './robots.ts';
import type { Crawler, CrawlerOptions, DiscoveryResult, DiscoveryState, FetchedPage, SourceDefinition } from './types.ts';

export const USER_AGENT_TOKEN = 'courtwatch';
const VERSION = '0.1';
/** The default size cap. */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const DEFAULT_TIMEOUTS: HttpTimeouts & { browserMs: number } = {
  connectMs: 10_000,
  headersMs: 20_000,
  bodyMs: 20_000,
  totalMs: 60_000,
  browserMs: 45_000,
};
/** Longest Retry-After honoured in-process; a longer one goes back to the queue as FetchError.retryAfterMs. */
const DEFAULT_MAX_RETRY_AFTER_MS = 30_000;
const MAX_BACKOFF_MS = 10_000;
const retryAfterSecondsRe = /^\s*(\d+)\s*$/;

/** Options a polite GET needs besides the URL and the source. */
export interface PoliteGetOptions {
  headers?: Record<string, string>;
  /** refuse binary content types before reading the body (article pages) */
  articlePage?: boolean;
}

/** Milliseconds from a Retry-After header (seconds or an HTTP date), or undefined. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const secs = retryAfterSecondsRe.exec(value);
  if (secs) return Number(secs[1]) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export function sha256Hex(body: Buffer): string {
  return createHash('sha256').update(body).digest('hex');
}

export class PoliteCrawler implements Crawler {
  readonly userAgent: string;
  readonly log: Logger;
  private readonly options: CrawlerOptions;
  private readonly agents: HttpAgents;
  private readonly limiter: HostLimiter;
  private readonly robots: RobotsCache;
  private readonly browser: BrowserPool;
  private readonly timeouts: HttpTimeouts & { browserMs: number };
  private readonly maxBytes: number;
  private readonly politeness: boolean;

  constructor(options: CrawlerOptions) {
    this.options = options;
    this.userAgent = `Mozilla/5.0 (compatible; ${USER_AGENT_TOKEN}/${VERSION}; +${options.contactUrl})`;
    this.log = (options.log ?? rootLog).child({ module: 'crawler' });
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...stripUndefined(options.timeouts ?? {}) };
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    this.politeness = options.politeness ?? true;
    this.agents = new HttpAgents(this.timeouts.connectMs);
    const keyPrefix = options.keyPrefix ?? 'courtwatch:crawl';
    const leaseMs = Math.max(this.timeouts.totalMs, this.timeouts.browserMs) + 10_000;
    this.limiter = !this.politeness
      ? new UnlimitedHostLimiter()
      : options.redis
        ? new RedisHostLimiter(options.redis, keyPrefix, leaseMs)
        : new MemoryHostLimiter();
    this.robots = new RobotsCache({ redis: options.redis, keyPrefix, agent: USER_AGENT_TOKEN, load: (u, p) => this.loadRobots(u, p) });
    this.browser = new BrowserPool({ size: options.browserPages ?? 2, chromiumPath: options.chromiumPath });
  }

  private async loadRobots(robotsUrl: string, allowPrivateNetwork: boolean): Promise<RobotsOutcome> {
    try {
      const res = await httpGet(robotsUrl, this.agents, this.httpOptions(allowPrivateNetwork, {}, ROBOTS_MAX_BYTES));
      if (res.status >= 200 && res.status < 300) return { kind: 'rules', text: res.body.toString('utf8') };
      if (res.status >= 400 && res.status < 500) return { kind: 'none' };
      return { kind: 'unreachable', reason: `HTTP ${res.status}` };
    } catch (err) {
      if (err instanceof DisallowedError) throw err;
      this.log.warn({ url: robotsUrl, err }, 'robots.txt unreachable; treating the host as disallowed for now');
      return { kind: 'unreachable', reason: (err as Error).message };
    }
  }

  private httpOptions(allowPrivateNetwork: boolean, headers: Record<string, string>, maxBytes = this.maxBytes) {
    return { userAgent: this.userAgent, maxBytes, timeouts: this.timeouts, allowPrivateNetwork, headers };
  }

  /** Robots check; throws DisallowedError (and logs) when the URL may not be fetched. */
  async assertAllowed(url: string, source: SourceDefinition, log: Logger): Promise<number | undefined> {
    if (!this.politeness) return undefined;
    const decision = await this.robots.check(url, source.allow_private_network);
    if (!decision.allowed) {
      log.info({ url, reason: decision.reason }, 'skipped: disallowed by robots.txt');
      throw new DisallowedError(url, decision.reason);
    }
    return decision.crawlDelay;
  }

  /** Whether robots.txt allows the URL (discovery uses it to skip, not fail). */
  async isAllowed(url: string, source: SourceDefinition, log: Logger): Promise<boolean> {
    try {
      await this.assertAllowed(url, source, log);
      return true;
    } catch (err) {
      if (err instanceof DisallowedError) return false;
      throw err;
    }
  }

  private async slot(url: string, source: SourceDefinition, crawlDelay: number | undefined) {
    const perSecond = crawlDelay ? Math.min(source.rate_limit.per_second, 1 / crawlDelay) : source.rate_limit.per_second;
    return this.limiter.acquire(new URL(url).host, { perSecond, concurrency: source.rate_limit.concurrency, maxWaitMs: this.options.maxSlotWaitMs });
  }

  private backoffMs(attempt: number): number {
    const base = this.options.backoffBaseMs ?? 500;
    return Math.min(MAX_BACKOFF_MS, base * 2 ** (attempt - 1) * (0.5 + Math.random()));
  }

  /**
   * GET with robots, the shared per-host limits, retries (5xx and network errors with backoff; 429/503
   * after Retry-After) and no retry on other 4xx. Returns 2xx and 304 responses; throws otherwise.
   */
  async politeGet(url: string, source: SourceDefinition, opts: PoliteGetOptions = {}): Promise<HttpResponse> {
    const log = this.log.child({ url, source: source.id });
    const crawlDelay = await this.assertAllowed(url, source, log);
    const maxAttempts = this.options.maxAttempts ?? 3;
    const maxRetryAfter = this.options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS;
    for (let attempt = 1; ; attempt++) {
      const release = await this.slot(url, source, crawlDelay);
      let res: HttpResponse;
      try {
        res = await httpGet(url, this.agents, {
          ...this.httpOptions(source.allow_private_network, opts.headers ?? {}),
          checkContentType: opts.articlePage ? refuseBinaryType : undefined,
        });
      } catch (err) {
        await release();
        const retry = err instanceof FetchError && err.retryable && !(err instanceof AppError && err.code === 'FETCH_TOO_LARGE');
        if (!retry || attempt >= maxAttempts) throw err;
        const wait = this.backoffMs(attempt);
        log.warn({ attempt, waitMs: Math.round(wait), err: (err as Error).message }, 'fetch failed; retrying');
        await sleep(wait);
        continue;
      }
      await release();
      if ((res.status >= 200 && res.status < 300) || res.status === 304) return res;
      const wall = findBotWall(res.body);
      if (wall && (res.status === 403 || res.status === 429 || res.status === 503)) {
        log.warn({ status: res.status, marker: wall }, 'bot wall');
        throw new BlockedError(url, `bot wall (HTTP ${res.status}, "${wall}")`);
      }
      const status = res.status;
      if (status === 429 || status === 503) {
        const after = parseRetryAfter(res.headers['retry-after']);
        if (attempt < maxAttempts && (after === undefined || after <= maxRetryAfter)) {
          const wait = after ?? this.backoffMs(attempt);
          log.info({ status, attempt, waitMs: wait }, 'server asked us to wait; retrying after Retry-After');
          await sleep(wait);
          continue;
        }
        throw new FetchError(url, `HTTP ${status}`, { status, retryAfterMs: after });
      }
      if (status >= 500 && attempt < maxAttempts) {
        const wait = this.backoffMs(attempt);
        log.warn({ status, attempt, waitMs: Math.round(wait) }, 'server error; retrying');
        await sleep(wait);
        continue;
      }
      // other 4xx: retrying cannot help (408 aside, which FetchError marks retryable for the queue)
      throw new FetchError(url, `HTTP ${status}`, { status, retryable: status >= 500 || status === 408 });
    }
  }

  async fetch(url: string, source: SourceDefinition): Promise<FetchedPage> {
    if (source.render === 'browser') return this.fetchWithBrowser(url, source);
    const res = await this.politeGet(url, source, { articlePage: true });
    if (res.status === 304) throw new FetchError(url, 'HTTP 304 without a conditional request', { status: 304, retryable: false });
    return this.toPage(res);
  }

  private toPage(res: HttpResponse): FetchedPage {
    refuseBinaryBody(res.body, res.finalUrl);
    const xml = /xml/i.test(res.contentType ?? '') && !/html/i.test(res.contentType ?? '');
    const wall = findBotWall(res.body);
    if (wall) throw new BlockedError(res.url, `bot wall (HTTP ${res.status}, "${wall}")`);
    return {
      url: res.url,
      finalUrl: res.finalUrl,
      status: res.status,
      headers: res.headers,
      body: res.body,
      contentType: res.contentType,
      charset: detectCharset(res.body, res.contentType, xml).charset,
      contentHash: sha256Hex(res.body),
      fetchedAt: new Date(),
    };
  }

  /** Renders the page in Chromium under the same robots and per-host limits as plain HTTP. */
  async fetchWithBrowser(url: string, source: SourceDefinition): Promise<FetchedPage> {
    const log = this.log.child({ url, source: source.id });
    const crawlDelay = await this.assertAllowed(url, source, log);
    const release = await this.slot(url, source, crawlDelay);
    try {
      const rendered = await this.browser.render(url, {
        userAgent: this.userAgent,
        waitFor: source.wait_for,
        timeoutMs: this.timeouts.browserMs,
        maxBytes: this.maxBytes,
        allowPrivateNetwork: source.allow_private_network,
      });
      const body = Buffer.from(rendered.html, 'utf8');
      const wall = findBotWall(body);
      if (wall) throw new BlockedError(url, `bot wall (browser, "${wall}")`);
      return {
        url,
        finalUrl: rendered.finalUrl,
        status: rendered.status,
        headers: rendered.headers,
        body,
        // the DOM is serialised by the browser as a string: always UTF-8 here
        contentType: 'text/html; charset=utf-8',
        charset: 'utf-8',
        contentHash: sha256Hex(body),
        fetchedAt: new Date(),
      };
    } finally {
      await release();
    }
  }

  discover(source: SourceDefinition, previous?: DiscoveryState): Promise<DiscoveryResult> {
    return discoverSource(this, source, previous ?? {});
  }

  async close(): Promise<void> {
    await Promise.all([this.agents.close(), this.browser.close()]);
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Creates a crawler; call close() when done (it holds connection pools and maybe a browser). */
export function createCrawler(options: CrawlerOptions): Crawler & PoliteCrawler {
  return new PoliteCrawler(options);
}
