/** A plain fetch as a PageFetcher (follows redirects), for reader tests that do not need politeness. */
import { createHash } from 'node:crypto';
import type { FetchedPage, Fetchers, PageFetcher } from '../../../src/backfill/types.ts';

export const simpleFetcher: PageFetcher = async (url) => {
  const res = await fetch(url, { redirect: 'follow' });
  const body = Buffer.from(await res.arrayBuffer());
  const headers: Record<string, string> = {};
  res.headers.forEach((v, k) => (headers[k] = v));
  const page: FetchedPage = {
    url,
    finalUrl: res.url || url,
    status: res.status,
    headers,
    body,
    contentType: res.headers.get('content-type'),
    charset: /charset=([\w-]+)/i.exec(res.headers.get('content-type') ?? '')?.[1] ?? null,
    contentHash: createHash('sha256').update(body).digest('hex'),
    fetchedAt: new Date(),
  };
  return page;
};

export const simpleFetchers: Fetchers = { resource: simpleFetcher, article: simpleFetcher };
