/** The queue page, the record view, and reviewers' actions on a record. */
import { log } from '../../log.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../store/db.ts';
import {
  addDefendant, countByStatus, editRecord, EDITABLE_FIELDS, getRecord, listQueue, listRecordEvents, listSources,
  queueKeyOf, queueNeighbours, SENTENCE_KINDS, setReviewStatus, splitGroup, VERDICT_STATUSES,
  type EditableField, type FieldValue, type RecordFields, type Reviewer,
} from '../../store/review.ts';
import { assignRecordToCase, getCase } from '../../store/cases.ts';
import { encodeCursor, filtersToParams, parseCursor, parseFilters, withParams } from '../filters.ts';
import { queuePage } from '../views/queue.ts';
import { recordPage } from '../views/record.ts';
import { errorPage, type Viewer } from '../views/layout.ts';
import type { SafeHtml } from '../html.ts';

/** Rows per queue page: a screenful on a laptop. */
export const QUEUE_PAGE_SIZE = 50;
const idRe = /^\d{1,15}$/;
const dateRe = /^\d{4}-\d{2}-\d{2}$/;

export function viewerOf(req: FastifyRequest): Viewer {
  const v = req.viewer!;
  return { username: v.username, role: v.role, csrfToken: v.csrfToken };
}

export function reviewerOf(req: FastifyRequest): Reviewer {
  return { id: req.viewer!.id, username: req.viewer!.username };
}

export function sendHtml(reply: FastifyReply, page: SafeHtml, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(page.value);
}

export function parseId(value: unknown): number | null {
  return typeof value === 'string' && idRe.test(value) ? Number(value) : null;
}

export function bodyOf(req: FastifyRequest): Record<string, unknown> {
  return (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
}

/** The filter query string posted back by a form, normalised (never used as-is in a redirect). */
function postedQs(body: Record<string, unknown>): string {
  const raw = typeof body.qs === 'string' ? body.qs.slice(0, 2000) : '';
  return filtersToParams(parseFilters(Object.fromEntries(new URLSearchParams(raw)))).toString();
}

/** Parses the edit form. Blank means null; returns the typed values or the first problem. */
export function parseEditForm(body: Record<string, unknown>): { changes: Partial<RecordFields> } | { error: string } {
  const changes: Partial<RecordFields> = {};
  for (const field of Object.keys(EDITABLE_FIELDS) as EditableField[]) {
    const raw = body[field];
    if (typeof raw !== 'string') continue;
    const text = raw.trim();
    const type = EDITABLE_FIELDS[field].type;
    let value: FieldValue = null;
    if (type === 'text[]') value = text.split(/\r?\n/).map((s) => s.trim()).filter(Boolean).slice(0, 50);
    else if (text === '') value = null;
    else if (type === 'int' || type === 'numeric') {
      const n = Number(text);
      if (!Number.isFinite(n) || n < 0 || n > 100_000 || (type === 'int' && !Number.isInteger(n))) return { error: `${field}: expected a number, got "${text}"` };
      value = n;
    } else if (type === 'date') {
      if (!dateRe.test(text) || Number.isNaN(Date.parse(text))) return { error: `${field}: expected a date YYYY-MM-DD` };
      value = text;
    } else value = text.slice(0, 500);
    changes[field] = value;
  }
  if (changes.status === null) return { error: 'status: a verdict status is required' };
  if (typeof changes.status === 'string' && !(VERDICT_STATUSES as readonly string[]).includes(changes.status)) return { error: 'status: unknown verdict status' };
  if (typeof changes.sentence_kind === 'string' && !(SENTENCE_KINDS as readonly string[]).includes(changes.sentence_kind)) return { error: 'sentence_kind: unknown kind' };
  if (typeof changes.verdict_date_precision === 'string' && !['day', 'month', 'year'].includes(changes.verdict_date_precision)) return { error: 'verdict_date_precision: expected day, month or year' };
  if (typeof changes.age === 'number' && changes.age > 120) return { error: 'age: expected 0-120' };
  if (changes.count === null) return { error: 'count: required (1 for one defendant)' };
  if (typeof changes.count === 'number' && changes.count < 1) return { error: 'count: at least 1' };
  return { changes };
}

/** Called after records become accepted (alert rules with `when: accepted`); failures are logged, not shown. */
export type OnAccepted = (recordIds: number[]) => Promise<unknown>;

export function registerRecordRoutes(app: FastifyInstance, db: Db, onAccepted?: OnAccepted): void {
  const notifyAccepted = async (ids: number[]) => {
    if (!onAccepted || ids.length === 0) return;
    try {
      await onAccepted(ids);
    } catch (err) {
      log.error({ err: (err as Error).message, recordIds: ids }, 'accepted records could not be passed to the alert rules');
    }
  };
  app.get('/', async (_req, reply) => reply.redirect('/queue', 303));

  app.get('/queue', async (req, reply) => {
    const query = req.query as Record<string, unknown>;
    const filters = parseFilters(query);
    const after = parseCursor(query.after);
    const before = after ? undefined : parseCursor(query.before);
    // One extra row tells whether another page exists in the direction we read.
    const rows = await listQueue(db, filters, { limit: QUEUE_PAGE_SIZE + 1, after, before });
    const more = rows.length > QUEUE_PAGE_SIZE;
    const page = before ? (more ? rows.slice(1) : rows) : rows.slice(0, QUEUE_PAGE_SIZE);
    const first = page[0];
    const last = page[page.length - 1];
    const [counts, sources] = await Promise.all([countByStatus(db, filters), listSources(db)]);
    const nextCursor = last && (before || more) ? encodeCursor(queueKeyOf(last)) : null;
    const prevCursor = first && (after || (before && more)) ? encodeCursor(queueKeyOf(first)) : null;
    return sendHtml(reply, queuePage({ viewer: viewerOf(req), filters, counts, rows: page, sources, nextCursor, prevCursor }));
  });

  const showRecord = async (req: FastifyRequest, reply: FastifyReply, id: number, qs: string, error?: string) => {
    const record = await getRecord(db, id);
    if (!record) return sendHtml(reply, errorPage(viewerOf(req), 404, `No record ${id}.`), 404);
    const filters = parseFilters(Object.fromEntries(new URLSearchParams(qs)));
    const [events, nb, theCase] = await Promise.all([
      listRecordEvents(db, id), queueNeighbours(db, filters, queueKeyOf(record)), record.case_id ? getCase(db, record.case_id) : null,
    ]);
    const caseRecords = (theCase?.records ?? []).filter((c) => c.id !== id);
    return sendHtml(reply, recordPage({ viewer: viewerOf(req), record, events, qs, prevId: nb.prev, nextId: nb.next, caseRecords, error }), error ? 400 : 200);
  };

  app.get('/records/:id', async (req, reply) => {
    const id = parseId((req.params as Record<string, unknown>).id);
    if (id === null) return sendHtml(reply, errorPage(viewerOf(req), 404, 'No such record.'), 404);
    return showRecord(req, reply, id, filtersToParams(parseFilters(req.query)).toString());
  });

  const decide = (status: 'accepted' | 'rejected') => async (req: FastifyRequest, reply: FastifyReply) => {
    const id = parseId((req.params as Record<string, unknown>).id);
    const qs = postedQs(bodyOf(req));
    const record = id === null ? null : await getRecord(db, id);
    if (!record || id === null) return sendHtml(reply, errorPage(viewerOf(req), 404, 'No such record.'), 404);
    // Where to go next is decided before the change moves this record in the queue order.
    const { next } = await queueNeighbours(db, parseFilters(Object.fromEntries(new URLSearchParams(qs))), queueKeyOf(record));
    await setReviewStatus(db, id, reviewerOf(req), status);
    if (status === 'accepted') await notifyAccepted([id]);
    return reply.redirect(withParams(next ? `/records/${next}` : `/records/${id}`, new URLSearchParams(qs)), 303);
  };
  app.post('/records/:id/accept', decide('accepted'));
  app.post('/records/:id/reject', decide('rejected'));

  app.post('/records/:id/edit', async (req, reply) => {
    const id = parseId((req.params as Record<string, unknown>).id);
    if (id === null) return sendHtml(reply, errorPage(viewerOf(req), 404, 'No such record.'), 404);
    const body = bodyOf(req);
    const qs = postedQs(body);
    const parsed = parseEditForm(body);
    if ('error' in parsed) return showRecord(req, reply, id, qs, parsed.error);
    const changed = await editRecord(db, id, reviewerOf(req), parsed.changes);
    if (changed === null) return sendHtml(reply, errorPage(viewerOf(req), 404, 'No such record.'), 404);
    return reply.redirect(withParams(`/records/${id}`, new URLSearchParams(qs)), 303);
  });

  app.post('/records/:id/defendants', async (req, reply) => {
    const id = parseId((req.params as Record<string, unknown>).id);
    const record = id === null ? null : await getRecord(db, id);
    if (!record) return sendHtml(reply, errorPage(viewerOf(req), 404, 'No such record.'), 404);
    const body = bodyOf(req);
    const name = typeof body.name === 'string' ? body.name.trim().slice(0, 500) : '';
    const age = typeof body.age === 'string' && /^\d{1,3}$/.test(body.age.trim()) ? Number(body.age.trim()) : null;
    if (!name || (age !== null && age > 120)) return showRecord(req, reply, record.id, postedQs(body), 'A new defendant needs a name (and an age of 0-120 if any).');
    const newId = await addDefendant(db, record.article_id, reviewerOf(req), {
      name, age, count: 1, charges: record.charges, court: record.court, sentence_kind: record.sentence_kind,
      sentence_months: record.sentence_months, sentence_months_max: record.sentence_months_max, fine: record.fine,
      verdict_date: record.verdict_date, verdict_date_precision: record.verdict_date_precision, status: String(record.status),
    });
    await notifyAccepted([newId]);
    return reply.redirect(withParams(`/records/${newId}`, new URLSearchParams(postedQs(body))), 303);
  });

  app.post('/records/:id/split', async (req, reply) => {
    const id = parseId((req.params as Record<string, unknown>).id);
    if (id === null) return sendHtml(reply, errorPage(viewerOf(req), 404, 'No such record.'), 404);
    const body = bodyOf(req);
    const names = (typeof body.names === 'string' ? body.names : '').split(/\r?\n/).map((s) => s.trim().slice(0, 500)).filter(Boolean).slice(0, 200);
    if (names.length === 0) return showRecord(req, reply, id, postedQs(body), 'Give at least one name to split out.');
    const ids = await splitGroup(db, id, reviewerOf(req), names);
    if (ids === null) return sendHtml(reply, errorPage(viewerOf(req), 404, 'No such record.'), 404);
    await notifyAccepted(ids);
    return reply.redirect(withParams(`/records/${id}`, new URLSearchParams(postedQs(body))), 303);
  });

  app.post('/records/:id/case', async (req, reply) => {
    const id = parseId((req.params as Record<string, unknown>).id);
    const body = bodyOf(req);
    const caseId = parseId(typeof body.case_id === 'string' ? body.case_id.trim() : undefined);
    if (id === null) return sendHtml(reply, errorPage(viewerOf(req), 404, 'No such record.'), 404);
    if (caseId === null || !(await assignRecordToCase(db, id, caseId, reviewerOf(req)))) {
      return showRecord(req, reply, id, postedQs(body), 'No such case.');
    }
    return reply.redirect(withParams(`/records/${id}`, new URLSearchParams(postedQs(body))), 303);
  });
}
