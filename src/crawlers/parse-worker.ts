/** Worker-thread side of the parse pool: parseArticle on pages posted by the main thread. */
import { parentPort } from 'node:worker_threads';
import { parseArticle, type ArticleHints } from './parse-article.ts';
import type { FetchedPage } from './types.ts';

export interface ParseRequest {
  id: number;
  page: FetchedPage;
  hints?: ArticleHints;
}

parentPort!.on('message', (req: ParseRequest) => {
  try {
    const page = { ...req.page, body: Buffer.from(req.page.body.buffer, req.page.body.byteOffset, req.page.body.byteLength) };
    parentPort!.postMessage({ id: req.id, ok: true, article: parseArticle(page, req.hints) });
  } catch (err) {
    const e = err as Error & { code?: string };
    parentPort!.postMessage({ id: req.id, ok: false, error: { name: e.name, message: e.message, code: e.code } });
  }
});
