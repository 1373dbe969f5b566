/**
 * Queue names, job names and payload schemas: the only place BullMQ's vocabulary is defined.
 * Live crawling and the low-priority lane (backfill, re-extraction) use separate queues so that a
 * years-long backfill never starves today's articles.
 */
import { z } from 'zod';

export const QUEUE = {
  discover: 'discover',
  fetch: 'fetch',
  extract: 'extract',
  alert: 'alert',
  /** backfill and re-extraction: fetch/extract work that must not delay live crawling */
  bulk: 'bulk',
} as const;

export type QueueName = (typeof QUEUE)[keyof typeof QUEUE];

/** The repeatable job on QUEUE.alert that sends due batches, digests and retries. */
export const ALERT_FLUSH_JOB = 'alert-flush';

export const discoverPayload = z.object({ sourceId: z.string().min(1) });
export type DiscoverPayload = z.infer<typeof discoverPayload>;

export const fetchPayload = z.object({
  sourceId: z.string().min(1).nullable(),
  url: z.url(),
  /** when the URL came from a feed or sitemap entry with a date */
  lastmod: z.string().nullable().optional(),
});
export type FetchPayload = z.infer<typeof fetchPayload>;

export const extractPayload = z.object({ pageId: z.number().int().positive() });
export type ExtractPayload = z.infer<typeof extractPayload>;

export const alertPayload = z.object({ articleId: z.number().int().positive() });
export type AlertPayload = z.infer<typeof alertPayload>;
