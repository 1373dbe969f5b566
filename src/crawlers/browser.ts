/**
 * Rendering pages in Chromium (playwright-core) for sources marked `render: browser`: one browser,
 * launched on first use, a small pool of page slots, images/fonts/media blocked, a wait condition per
 * source (a CSS selector or "networkidle") and a hard timeout that closes the page whatever it is doing.
 */
import { existsSync } from 'node:fs';
import type { Browser, BrowserContext } from 'playwright-core';
import { DisallowedError, FetchError, TooLargeError } from '../errors.ts';
import { assertPublicHost } from './address-guard.ts';

const BLOCKED_RESOURCE_TYPES = new Set(['image', 'font', 'media']);
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface RenderOptions {
  userAgent: string;
  /** a CSS selector to wait for, or "networkidle" */
  waitFor: string;
  timeoutMs: number;
  maxBytes: number;
  allowPrivateNetwork: boolean;
}

export interface RenderedPage {
  finalUrl: string;
  status: number;
  headers: Record<string, string>;
  html: string;
}

/** CHROMIUM_PATH, then Debian's /usr/bin/chromium, else undefined (Playwright's own browser, if installed). */
export function resolveChromiumPath(explicit?: string): string | undefined {
  if (explicit) return explicit;
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

export class BrowserPool {
  private browser: Promise<Browser> | null = null;
  private free: number;
  private readonly waiters: Array<() => void> = [];
  private readonly executablePath: string | undefined;

  constructor(options: { size: number; chromiumPath?: string }) {
    this.free = options.size;
    this.executablePath = resolveChromiumPath(options.chromiumPath);
  }

  private launch(): Promise<Browser> {
    // playwright-core is imported on first use: it takes a second to load, and most processes never render
    this.browser ??= import('playwright-core')
      .then(({ chromium }) => chromium.launch({ executablePath: this.executablePath, args: CHROMIUM_ARGS, headless: true }))
      .catch((err: unknown) => {
        this.browser = null; // let the next render try again
        throw new FetchError('chromium', `cannot launch Chromium (${this.executablePath ?? "Playwright's own"}): ${(err as Error).message}; set CHROMIUM_PATH`, { cause: err, code: 'FETCH_BROWSER_LAUNCH' });
      });
    return this.browser;
  }

  private async takeSlot(): Promise<void> {
    while (this.free === 0) await new Promise<void>((resolve) => this.waiters.push(resolve));
    this.free--;
  }

  private giveSlot(): void {
    this.free++;
    this.waiters.shift()?.();
  }

  /**
   * Loads a URL and returns the DOM after the wait condition. Throws FetchError on navigation errors,
   * timeouts and HTTP errors of the main document, TooLargeError over the cap, DisallowedError when the
   * page would load a private address and the source does not allow it.
   */
  async render(url: string, options: RenderOptions): Promise<RenderedPage> {
    await this.takeSlot();
    let context: BrowserContext | null = null;
    let timer: NodeJS.Timeout | undefined;
    try {
      const browser = await this.launch();
      context = await browser.newContext({ userAgent: options.userAgent, javaScriptEnabled: true });
      let refused: string | null = null;
      await context.route('**/*', async (route) => {
        const req = route.request();
        if (BLOCKED_RESOURCE_TYPES.has(req.resourceType())) return route.abort('blockedbyclient');
        if (!options.allowPrivateNetwork && /^https?:/.test(req.url())) {
          try {
            await assertPublicHost(req.url());
          } catch (err) {
            if (req.isNavigationRequest()) refused = (err as Error).message;
            return route.abort('addressunreachable');
          }
        }
        return route.continue();
      });
      const page = await context.newPage();
      const ctx = context;
      const hardTimeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          reject(new FetchError(url, `browser render took longer than ${options.timeoutMs} ms`, { code: 'FETCH_BROWSER_TIMEOUT', retryable: true }));
          void ctx.close().catch(() => undefined);
        }, options.timeoutMs);
      });
      const work = (async () => {
        const response = await page.goto(url, { waitUntil: 'domcontentloaded', timeout: options.timeoutMs });
        if (options.waitFor === 'networkidle') await page.waitForLoadState('networkidle', { timeout: options.timeoutMs });
        else await page.waitForSelector(options.waitFor, { timeout: options.timeoutMs, state: 'attached' });
        const html = await page.content();
        return { response, html };
      })();
      let result: Awaited<typeof work>;
      try {
        result = await Promise.race([work, hardTimeout]);
      } catch (err) {
        work.catch(() => undefined);
        if (refused) throw new DisallowedError(url, `${refused}; set allow_private_network on the source to allow it`);
        if (err instanceof FetchError) throw err;
        throw new FetchError(url, `browser render failed: ${(err as Error).message.split('\n')[0]}`, { cause: err, retryable: true, code: 'FETCH_BROWSER' });
      }
      const { response, html } = result;
      const status = response?.status() ?? 200;
      if (status >= 400) throw new FetchError(url, `HTTP ${status} (browser)`, { status });
      if (Buffer.byteLength(html) > options.maxBytes) throw new TooLargeError(url, options.maxBytes);
      return { finalUrl: page.url(), status, headers: response ? await response.allHeaders() : {}, html };
    } finally {
      clearTimeout(timer);
      if (context) await context.close().catch(() => undefined);
      this.giveSlot();
    }
  }

  async close(): Promise<void> {
    const b = this.browser;
    this.browser = null;
    if (b) await (await b).close();
  }
}
