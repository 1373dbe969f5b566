/**
 * parseArticle on every core: Readability on a DOM is the expensive step of a crawl (milliseconds of CPU
 * per page), so a process that fetches many pages parses them in worker threads. Errors come back as
 * the same classes (NotAnArticleError) so callers branch on them as usual.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { AppError, NotAnArticleError } from '../errors.ts';
import { parseArticle, type ArticleHints } from './parse-article.ts';
import type { FetchedPage, ParsedArticle } from './types.ts';

interface Reply {
  id: number;
  ok: boolean;
  article?: ParsedArticle;
  error?: { name: string; message: string; code?: string };
}

interface Pending {
  resolve(a: ParsedArticle): void;
  reject(e: Error): void;
}

export interface ParsePool {
  parse(page: FetchedPage, hints?: ArticleHints): Promise<ParsedArticle>;
  close(): Promise<void>;
}

function rebuildError(e: NonNullable<Reply['error']>): Error {
  if (e.name === 'NotAnArticleError') {
    const err = new NotAnArticleError('', '');
    err.message = e.message;
    return err;
  }
  if (e.code) return new AppError(e.code, e.message);
  return new Error(e.message);
}

/**
 * Starts one parse worker. We run from TypeScript source through tsx, and on Node 20 a worker does not
 * inherit tsx's loader hooks, so a tiny ESM bootstrap registers tsx in the worker before importing it.
 */
function startWorker(): Worker {
  const workerUrl = new URL(import.meta.url.endsWith('.ts') ? './parse-worker.ts' : './parse-worker.js', import.meta.url);
  if (!workerUrl.pathname.endsWith('.ts')) return new Worker(workerUrl);
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import { register } from ${JSON.stringify(tsxApi)}; register(); await import(${JSON.stringify(workerUrl.href)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`));
}

/**
 * A pool of `size` worker threads (default: one per core). With size 0 it parses on the calling thread,
 * which is what tests and single-page commands want.
 */
export function createParsePool(size = os.availableParallelism()): ParsePool {
  if (size <= 0) {
    return { parse: async (page, hints) => parseArticle(page, hints), close: async () => undefined };
  }
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let turn = 0;
  const workers: Worker[] = [];
  for (let i = 0; i < size; i++) workers.push(spawn());
  function spawn(): Worker {
    const w = startWorker();
    w.on('message', (r: Reply) => {
      const p = pending.get(r.id);
      if (!p) return;
      pending.delete(r.id);
      if (pending.size === 0) for (const x of workers) x.unref();
      if (r.ok) p.resolve(r.article!);
      else p.reject(rebuildError(r.error!));
    });
    w.on('error', (err) => {
      for (const [id, p] of pending) {
        p.reject(err);
        pending.delete(id);
      }
    });
    w.unref();
    return w;
  }
  return {
    parse(page, hints) {
      const id = nextId++;
      const worker = workers[turn++ % workers.length]!;
      return new Promise<ParsedArticle>((resolve, reject) => {
        // workers keep the process alive only while they have work, so a forgotten close() cannot hang it
        if (pending.size === 0) for (const x of workers) x.ref();
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, page, hints });
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
