/** The parse pool gives the same answers as parseArticle on the calling thread, errors included. */
import { afterAll, describe, expect, it } from 'vitest';
import { NotAnArticleError } from '../../src/errors.ts';
import { parseArticle } from '../../src/crawlers/index.ts';
import { createParsePool } from '../../src/crawlers/parse-pool.ts';
import { generateArticle } from './generated-site.ts';
import { pageOf } from './page-helpers.ts';

const pool = createParsePool(2);
afterAll(() => pool.close());

describe('parse pool (worker threads)', () => {
  it('returns what parseArticle returns, for many pages in parallel', async () => {
    const pages = Array.from({ length: 12 }, (_, i) => pageOf(generateArticle(i).html, `http://127.0.0.1/news/${i}.html`));
    const results = await Promise.all(pages.map((p) => pool.parse(p)));
    results.forEach((r, i) => expect(r).toEqual(parseArticle(pages[i]!)));
    expect(results[3]!.text).toBe(generateArticle(3).paragraphs.join('\n\n'));
  });

  it('rejects with NotAnArticleError for a PDF', async () => {
    await expect(pool.parse(pageOf(Buffer.from('%PDF-1.7'), 'http://127.0.0.1/a.pdf', 'application/pdf', null))).rejects.toBeInstanceOf(NotAnArticleError);
  });
});
