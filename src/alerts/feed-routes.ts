/**
 * GET /feeds/:rule.atom?token=... — the Atom feed of one rule's matches, readable by any feed reader.
 * The token is compared in constant time; unknown rule -> 404, missing or wrong token -> 403.
 * The lead registers this plugin into the review app: `app.register(alertFeedRoutes, { db, publicUrl })`.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { Feed } from 'feed';
import type { Queryable } from '../store/db.ts';
import { getAlertRule, listFeedItems } from '../store/alerts.ts';
import { toCandidate } from './engine.ts';
import { escapeHtml, recordUrl, summarize } from './format.ts';

export interface AlertFeedOptions {
  db: Queryable;
  /** public base URL of the review server (feed self link and record links) */
  publicUrl: string;
}

// Feed readers poll; 100 entries covers weeks of a busy rule without an unbounded response.
const FEED_MAX_ENTRIES = 100;

/** Constant-time comparison of two tokens of any length (hashing first equalises the lengths). */
export function tokensEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export async function buildRuleFeed(db: Queryable, rule: { id: string; name: string }, publicUrl: string, selfUrl: string): Promise<string> {
  const rows = await listFeedItems(db, rule.id, FEED_MAX_ENTRIES);
  const base = publicUrl.replace(/\/+$/, '');
  const items = rows.map((r) => ({ at: r.delivered_at as Date, caseId: r.case_id as number, c: toCandidate(r) }));
  const feed = new Feed({
    id: `${base}/feeds/${rule.id}.atom`,
    title: `courtwatch: ${rule.name}`,
    description: `New verdicts matching the alert rule "${rule.id}"`,
    link: base,
    updated: items[0]?.at ?? new Date(0),
    feedLinks: { atom: selfUrl },
    generator: 'courtwatch',
    // RFC 4287 wants an author for every entry; a feed-level one covers them all
    author: { name: 'courtwatch', link: base },
    copyright: 'courtwatch',
  });
  for (const { at, caseId, c } of items) {
    // The feed package writes titles and content as type="html" CDATA: escaping makes scraped text show
    // as text in readers and leaves no "]]>" that could end the CDATA section.
    const summary = escapeHtml(summarize(c));
    feed.addItem({
      title: summary,
      // one entry per case: a stable id, so readers never show the same verdict twice
      id: `${base}/feeds/${rule.id}.atom#case-${caseId}`,
      link: c.articleUrl,
      date: at,
      published: at,
      description: summary,
      content: `<p>${summary}</p><p><a href="${escapeHtml(c.articleUrl)}">${escapeHtml(c.articleTitle ?? c.articleUrl)}</a> · <a href="${escapeHtml(recordUrl(publicUrl, c.recordId))}">review</a></p>`,
    });
  }
  return feed.atom1();
}

export const alertFeedRoutes: FastifyPluginAsync<AlertFeedOptions> = async (app, opts) => {
  app.get<{ Params: { rule: string }; Querystring: { token?: string } }>(
    '/feeds/:rule.atom',
    {
      schema: {
        params: { type: 'object', properties: { rule: { type: 'string', maxLength: 100 } }, required: ['rule'] },
        querystring: { type: 'object', properties: { token: { type: 'string', maxLength: 500 } } },
      },
    },
    async (req, reply) => {
      const rule = await getAlertRule(opts.db, req.params.rule);
      if (!rule) return reply.code(404).type('text/plain; charset=utf-8').send('unknown alert rule');
      if (!req.query.token || !tokensEqual(req.query.token, rule.feedToken)) {
        return reply.code(403).type('text/plain; charset=utf-8').send('missing or wrong feed token');
      }
      const selfUrl = `${opts.publicUrl.replace(/\/+$/, '')}/feeds/${rule.id}.atom?token=${encodeURIComponent(req.query.token)}`;
      const xml = await buildRuleFeed(opts.db, rule, opts.publicUrl, selfUrl);
      return reply
        .header('cache-control', 'private, max-age=60')
        .header('referrer-policy', 'no-referrer')
        .type('application/atom+xml; charset=utf-8')
        .send(xml);
    },
  );
};
