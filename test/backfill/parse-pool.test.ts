import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createParsePool, type ParsePool } from '../../src/backfill/parse-pool.ts';
import type { FetchedPage } from '../../src/backfill/types.ts';
import { PROJECT_ROOT } from '../../src/config.ts';
import { parseArticle } from '../../src/crawlers/index.ts';
import { extractVerdicts } from '../../src/extract/index.ts';
import { NotAnArticleError } from '../../src/errors.ts';
import { generateArticle } from '../crawlers/generated-site.ts';
import { articleHtml } from './helpers/fake-archive.ts';

function page(url: string, body: Buffer, contentType = 'text/html; charset=utf-8'): FetchedPage {
  return {
    url, finalUrl: url, status: 200, headers: { 'content-type': contentType }, body, contentType, charset: 'utf-8',
    contentHash: createHash('sha256').update(body).digest('hex'), fetchedAt: new Date('2023-01-01T00:00:00Z'),
  };
}

describe('parse pool (worker threads)', () => {
  it('answers null (main thread parses) while no thread is up yet', async () => {
    const cold = createParsePool(1);
    try {
      expect(await cold.run(page('https://news.example.kz/x', Buffer.from(articleHtml('X', 'x'))))).toBeNull();
    } finally {
      await cold.close();
    }
  });

  let pool: ParsePool;
  beforeAll(async () => {
    pool = createParsePool(2);
    await pool.ready();
  });
  afterAll(async () => {
    await pool?.close();
  });

  it('gives exactly what parseArticle + extractVerdicts give on the main thread', async () => {
    const text = readFileSync(path.join(PROJECT_ROOT, 'fixtures/articles/almaty-bloody-january-11-defendants.txt'), 'utf8');
    const pages = [0, 1, 2, 3].map((i) => page(`https://news.example.kz/a${i}`, Buffer.from(articleHtml(`Title ${i}`, `${text}\n\nNote ${i}.`))));
    const results = await Promise.all(pages.map((p) => pool.run(p)));
    for (const [i, p] of pages.entries()) {
      const parsed = parseArticle(p);
      expect(results[i]).toEqual({ parsed, extracted: extractVerdicts(parsed.text, { published: parsed.publishedAt?.slice(0, 10) ?? null }) });
    }
    expect(results[0]!.extracted.records.length).toBeGreaterThan(0);
  });

  it('answers null for a page it cannot parse, so the main thread raises the typed error', async () => {
    const png = page('https://news.example.kz/logo', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'image/png');
    expect(await pool.run(png)).toBeNull();
    expect(await pool.parse(png)).toBeNull();
    expect(() => parseArticle(png)).toThrow(NotAnArticleError);
  });

  it('parses alone (no rules) exactly as parseArticle does, for many pages in parallel', async () => {
    const pages = Array.from({ length: 12 }, (_, i) => page(`http://127.0.0.1/news/${i}.html`, Buffer.from(generateArticle(i).html)));
    const results = await Promise.all(pages.map((p) => pool.parse(p)));
    results.forEach((r, i) => expect(r).toEqual(parseArticle(pages[i]!)));
    expect(results[3]!.text).toBe(generateArticle(3).paragraphs.join('\n\n'));
  });
});
