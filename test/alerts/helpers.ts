/**
 * Test helpers for alerts: plain INSERTs of sources, articles, cases and records, and real receivers on
 * 127.0.0.1 — an HTTP server that checks the HMAC signature and counts deliveries, and an SMTP server.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { Db } from '../../src/store/db.ts';

export async function insertSource(db: Db, id: string): Promise<void> {
  await db.query(`INSERT INTO sources (id, name, kind, url) VALUES ($1, $1, 'rss', 'https://example.org/feed') ON CONFLICT DO NOTHING`, [id]);
}

export async function insertArticle(
  db: Db,
  a: { url: string; sourceId?: string; title?: string; text?: string; publishedAt?: string },
): Promise<number> {
  if (a.sourceId) await insertSource(db, a.sourceId);
  const rows = await db.query(
    `INSERT INTO articles (canonical_url, source_id, title, text, text_hash, published_at) VALUES ($1, $2, $3, $4, md5($4), $5) RETURNING id`,
    [a.url, a.sourceId ?? null, a.title ?? 'Verdict in court', a.text ?? 'The court handed down its verdict.', a.publishedAt ?? '2026-01-05T08:00:00Z'],
  );
  return rows[0]!.id as number;
}

export async function insertCase(db: Db, nameKey: string): Promise<number> {
  const rows = await db.query(`INSERT INTO cases (name_key, verdict_date) VALUES ($1, '2026-01-04') RETURNING id`, [nameKey]);
  return rows[0]!.id as number;
}

export interface RecordInput {
  articleId: number;
  caseId: number | null;
  name: string | null;
  charges?: string[];
  court?: string | null;
  status?: string;
  sentenceKind?: string | null;
  sentenceMonths?: number | null;
  reviewStatus?: 'pending' | 'accepted' | 'rejected';
  ordinal?: number;
}

export async function insertRecord(db: Db, r: RecordInput): Promise<number> {
  const rows = await db.query(
    `INSERT INTO records (article_id, record_key, ordinal, name, name_key, charges, court, sentence_kind, sentence_months,
       verdict_date, status, confidence, extractor_version, review_status, case_id)
     VALUES ($1, $2, $3, $4, lower($4), $5, $6, $7, $8, '2026-01-04', $9, 0.9, 'test', $10, $11) RETURNING id`,
    [
      r.articleId, `${(r.name ?? 'group').toLowerCase()}:${r.ordinal ?? 0}`, r.ordinal ?? 0, r.name, r.charges ?? ['fraud'],
      r.court === undefined ? 'Almaty City Court' : r.court, r.sentenceKind === undefined ? 'prison' : r.sentenceKind,
      r.sentenceMonths === undefined ? 72 : r.sentenceMonths, r.status ?? 'convicted', r.reviewStatus ?? 'pending', r.caseId,
    ],
  );
  return rows[0]!.id as number;
}

export interface WebhookReceiver {
  url: string;
  /** bodies whose signature checked out and that were answered 2xx */
  accepted: Array<Record<string, unknown>>;
  /** every request, including failed and badly signed ones */
  requests: number;
  badSignatures: number;
  /** answer the next N requests with HTTP 500 */
  failNext: number;
  close(): Promise<void>;
}

/** An HTTP receiver that verifies X-Courtwatch-Signature with `secret`. */
export async function startWebhookReceiver(secret: string): Promise<WebhookReceiver> {
  const state = { accepted: [] as Array<Record<string, unknown>>, requests: 0, badSignatures: 0, failNext: 0 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      state.requests += 1;
      const body = Buffer.concat(chunks);
      const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`);
      const given = Buffer.from(String(req.headers['x-courtwatch-signature'] ?? ''));
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        state.badSignatures += 1;
        res.writeHead(401).end('bad signature');
        return;
      }
      if (state.failNext > 0) {
        state.failNext -= 1;
        res.writeHead(500).end('try later');
        return;
      }
      state.accepted.push(JSON.parse(body.toString('utf8')) as Record<string, unknown>);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}/hook`,
    close: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  });
}

export interface SmtpReceiver {
  url: string;
  messages: Array<{ from: string; to: string[]; raw: string }>;
  close(): Promise<void>;
}

/** A local SMTP server (no TLS, no auth) that keeps every message it receives. */
export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const messages: SmtpReceiver['messages'] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
