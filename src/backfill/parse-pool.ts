/**
 * Parsing and extraction on worker threads during a bulk run (and parsing alone in the crawl benchmark). readability and the rules are pure and
 * CPU-bound (about two thirds of a page's cost), so on the main thread they cap a backfill at what one
 * core can parse; here they run beside it while the main thread reads the archive and talks to Postgres.
 *
 * The pipeline (extractStoredPage) stays the single place that stores: it is given a parseArticle/extract
 * pair that returns the thread's precomputed result for this exact page and text, and falls back to the
 * real functions (which then throw the real, typed error) when the thread could not parse.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FetchedPage, ParsedArticle } from '../crawlers/types.ts';
import type { ExtractOptions, ExtractResult } from '../extract/types.ts';
import type { PipelineDeps } from '../workers/pipeline.ts';
import type { ArticleHints } from '../crawlers/parse-article.ts';
import type { ParseResponse } from './parse-worker-impl.ts';

/** Threads by default: the cores minus one for the main thread (Postgres gets its share by scheduling). */
export function defaultParseThreads(): number {
  return Math.max(1, availableParallelism() - 1);
}

export interface ParsePool {
  /**
   * Parses and extracts the page on a thread; null when the thread failed to parse it, or when no thread
   * has started yet (loading the TypeScript modules takes seconds: the main thread works meanwhile).
   */
  run(page: FetchedPage, source?: ArticleHints): Promise<{ parsed: ParsedArticle; extracted: ExtractResult } | null>;
  /** parseArticle alone on a thread; null as for run() */
  parse(page: FetchedPage, source?: ArticleHints): Promise<ParsedArticle | null>;
  /** resolves when every thread is up (tests) */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export function createParsePool(threads = defaultParseThreads()): ParsePool {
  const ready: Worker[] = [];
  const all: Worker[] = [];
  const waiting = new Map<number, (r: ParseResponse) => void>();
  const load = new Map<Worker, number>();
  let nextId = 1;
  const started: Array<Promise<void>> = [];
  for (let i = 0; i < threads; i++) {
    const worker = new Worker(new URL('./parse-worker.mjs', import.meta.url));
    all.push(worker);
    started.push(
      new Promise<void>((resolve) => {
        worker.once('message', () => {
          ready.push(worker);
          load.set(worker, 0);
          worker.on('message', (r: ParseResponse) => {
            load.set(worker, (load.get(worker) ?? 1) - 1);
            waiting.get(r.id)?.(r);
            waiting.delete(r.id);
          });
          resolve();
        });
        worker.once('error', () => resolve());
      }),
    );
    worker.on('error', () => {
      // a crashed thread: it takes no more pages, and its pending ones fall back to the main thread
      const idx = ready.indexOf(worker);
      if (idx >= 0) ready.splice(idx, 1);
      for (const [id, resolve] of waiting) resolve({ id, ok: false });
      waiting.clear();
    });
  }
  /** posts to the least-loaded thread; null when none is up */
  function send(page: FetchedPage, source: ArticleHints | undefined, extract: boolean): Promise<ParseResponse | null> {
    if (ready.length === 0) return Promise.resolve(null);
    const worker = ready.reduce((a, b) => ((load.get(a) ?? 0) <= (load.get(b) ?? 0) ? a : b));
    load.set(worker, (load.get(worker) ?? 0) + 1);
    const id = nextId++;
    return new Promise((resolve) => {
      waiting.set(id, resolve);
      worker.postMessage({ id, page, extract, source: source ? { article: source.article, language: source.language } : undefined });
    });
  }
  return {
    async run(page, source) {
      const r = await send(page, source, true);
      return r?.ok && r.extracted ? { parsed: r.parsed, extracted: r.extracted } : null;
    },
    async parse(page, source) {
      const r = await send(page, source, false);
      return r?.ok ? r.parsed : null;
    },
    async ready() {
      await Promise.all(started);
    },
    async close() {
      await Promise.all(all.map((w) => w.terminate()));
    },
  };
}

/**
 * PipelineDeps whose parseArticle/extract answer from `pool` results registered with `remember`, for
 * pages whose content hash and text match; anything else goes to the real functions.
 */
export function withPrecomputed(deps: PipelineDeps): {
  deps: PipelineDeps;
  remember(page: FetchedPage, result: { parsed: ParsedArticle; extracted: ExtractResult }): void;
  forget(page: FetchedPage): void;
} {
  const byHash = new Map<string, { parsed: ParsedArticle; extracted: ExtractResult }>();
  const byText = new Map<string, { published: string | null; extracted: ExtractResult }>();
  return {
    deps: {
      ...deps,
      parseArticle: (page, source) => byHash.get(page.contentHash)?.parsed ?? deps.parseArticle(page, source),
      extract: (text: string, options: ExtractOptions) => {
        const hit = byText.get(text);
        return hit && hit.published === (options.published ?? null) ? hit.extracted : deps.extract(text, options);
      },
    },
    remember(page, result) {
      byHash.set(page.contentHash, result);
      byText.set(result.parsed.text, { published: result.parsed.publishedAt ? result.parsed.publishedAt.slice(0, 10) : null, extracted: result.extracted });
    },
    forget(page) {
      const r = byHash.get(page.contentHash);
      byHash.delete(page.contentHash);
      if (r) byText.delete(r.parsed.text);
    },
  };
}
