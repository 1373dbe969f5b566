/** Builds a FetchedPage from HTML text for pure parser tests. */
import { createHash } from 'node:crypto';
import type { FetchedPage } from '../../src/crawlers/index.ts';

export function pageOf(html: string | Buffer, finalUrl = 'https://news.example/a/1', contentType = 'text/html; charset=utf-8', charset: string | null = 'utf-8'): FetchedPage {
  const body = typeof html === 'string' ? Buffer.from(html, 'utf8') : html;
  return {
    url: finalUrl, finalUrl, status: 200, headers: { 'content-type': contentType }, body, contentType, charset,
    contentHash: createHash('sha256').update(body).digest('hex'), fetchedAt: new Date(),
  };
}
