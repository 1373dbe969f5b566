/** Case list, case view, merge and split. */
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../store/db.ts';
import { getCase, listCases, mergeCases, splitCase } from '../../store/cases.ts';
import { casePage, casesPage } from '../views/cases.ts';
import { errorPage } from '../views/layout.ts';
import { parseId, reviewerOf, sendHtml, viewerOf } from './records.ts';

const CASES_PAGE_SIZE = 50;

function idsFrom(value: unknown): number[] {
  const list = Array.isArray(value) ? value : [value];
  const out: number[] = [];
  for (const v of list) {
    if (typeof v !== 'string') continue;
    for (const part of v.split(/[\s,]+/)) {
      const id = parseId(part);
      if (id !== null) out.push(id);
    }
  }
  return [...new Set(out)].slice(0, 500);
}

export function registerCaseRoutes(app: FastifyInstance, db: Db): void {
  app.get('/cases', async (req, reply) => {
    const query = req.query as Record<string, unknown>;
    const q = typeof query.q === 'string' && query.q.trim() ? query.q.trim().slice(0, 200) : undefined;
    const multi = query.multi === '1';
    const beforeId = parseId(query.before) ?? undefined;
    const rows = await listCases(db, { q, multi, limit: CASES_PAGE_SIZE + 1, beforeId });
    const page = rows.slice(0, CASES_PAGE_SIZE);
    const nextBefore = rows.length > CASES_PAGE_SIZE ? page[page.length - 1]!.id : null;
    return sendHtml(reply, casesPage(viewerOf(req), page, { q, multi, nextBefore }));
  });

  app.get('/cases/:id', async (req, reply) => {
    const id = parseId((req.params as Record<string, unknown>).id);
    const found = id === null ? null : await getCase(db, id);
    if (!found) return sendHtml(reply, errorPage(viewerOf(req), 404, 'No such case.'), 404);
    return sendHtml(reply, casePage(viewerOf(req), found.summary, found.records));
  });

  app.post('/cases/:id/merge', async (req, reply) => {
    const id = parseId((req.params as Record<string, unknown>).id);
    const found = id === null ? null : await getCase(db, id);
    if (!found || id === null) return sendHtml(reply, errorPage(viewerOf(req), 404, 'No such case.'), 404);
    const from = idsFrom((req.body as Record<string, unknown>).from).filter((c) => c !== id);
    if (from.length === 0) return sendHtml(reply, casePage(viewerOf(req), found.summary, found.records, 'Give the number of another case to merge.'), 400);
    await mergeCases(db, id, from, reviewerOf(req));
    return reply.redirect(`/cases/${id}`, 303);
  });

  app.post('/cases/:id/split', async (req, reply) => {
    const id = parseId((req.params as Record<string, unknown>).id);
    const found = id === null ? null : await getCase(db, id);
    if (!found || id === null) return sendHtml(reply, errorPage(viewerOf(req), 404, 'No such case.'), 404);
    const records = idsFrom((req.body as Record<string, unknown>).record);
    if (records.length === 0 || records.length >= found.records.length) {
      return sendHtml(reply, casePage(viewerOf(req), found.summary, found.records, 'Tick some, but not all, of the records to split off.'), 400);
    }
    const newId = await splitCase(db, id, records, reviewerOf(req));
    return reply.redirect(newId ? `/cases/${newId}` : `/cases/${id}`, 303);
  });
}
