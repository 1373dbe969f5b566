/** Rule stats, export downloads, and the stored raw page (always as inert text). */
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../store/db.ts';
import { getRawPage, reviewStats, REVIEW_STATUSES, type ReviewStatus } from '../../store/review.ts';
import { listExportRows } from '../../store/export.ts';
import { toCsv, toJson } from '../export-format.ts';
import { exportPage, statsPage } from '../views/misc.ts';
import { errorPage } from '../views/layout.ts';
import { parseId, sendHtml, viewerOf } from './records.ts';

/** A raw page bigger than this is cut: the view is for a human glance, not for archiving. */
const RAW_PAGE_MAX_BYTES = 5 * 1024 * 1024;

function decode(body: Buffer, charset: string | null): string {
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body); // unknown label: utf-8 with replacement characters
  }
}

export function registerMiscRoutes(app: FastifyInstance, db: Db): void {
  app.get('/stats', async (req, reply) => sendHtml(reply, statsPage(viewerOf(req), await reviewStats(db))));

  app.get('/export', async (req, reply) => sendHtml(reply, exportPage(viewerOf(req))));

  app.get('/export/records', async (req, reply) => {
    const query = req.query as Record<string, unknown>;
    const format = query.format === 'json' ? 'json' : 'csv';
    const status = typeof query.status === 'string' && (REVIEW_STATUSES as readonly string[]).includes(query.status)
      ? (query.status as ReviewStatus) : query.status === 'all' ? undefined : 'accepted';
    const rows = await listExportRows(db, { reviewStatus: status });
    const name = `courtwatch-${status ?? 'all'}-${new Date().toISOString().slice(0, 10)}.${format}`;
    return reply
      .header('content-disposition', `attachment; filename="${name}"`)
      .header('cache-control', 'no-store')
      .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
      .send(format === 'csv' ? toCsv(rows) : toJson(rows));
  });

  // The crawled page is shown as plain text under a sandboxing CSP: even a browser that sniffed it as
  // HTML could not run its scripts on our origin.
  app.get('/pages/:id/raw', async (req, reply) => {
    const id = parseId((req.params as Record<string, unknown>).id);
    const page = id === null ? null : await getRawPage(db, id);
    if (!page) return sendHtml(reply, errorPage(viewerOf(req), 404, 'No such stored page.'), 404);
    const cut = page.body.length > RAW_PAGE_MAX_BYTES;
    const text = decode(cut ? page.body.subarray(0, RAW_PAGE_MAX_BYTES) : page.body, page.charset);
    return reply
      .type('text/plain; charset=utf-8')
      .header('content-security-policy', "sandbox; default-src 'none'")
      .header('content-disposition', 'inline')
      .header('cache-control', 'no-store')
      .send(`${text}${cut ? `\n\n[cut at ${RAW_PAGE_MAX_BYTES} bytes]` : ''}`);
  });
}
