/** Queue filters and cursors: parsed from (untrusted) query strings, and written back into links. */
import { z } from 'zod';
import { REVIEW_STATUSES, VERDICT_STATUSES, type QueueFilters, type QueueKey } from '../store/review.ts';

const dateRe = /^\d{4}-\d{2}-\d{2}$/;
const cursorRe = /^([01])\.(\d{4}-\d{2}-\d{2}|-infinity)\.(\d{1,15})$/;
const MAX_TEXT = 200;

const text = z.string().trim().max(MAX_TEXT).optional().transform((s) => (s ? s : undefined));
const date = z.string().trim().optional().transform((s) => (s && dateRe.test(s) && !Number.isNaN(Date.parse(s)) ? s : undefined));
const months = z.string().trim().optional().transform((s) => {
  if (!s) return undefined;
  const n = Number(s);
  return Number.isFinite(n) && n >= 0 && n <= 100_000 ? n : undefined;
});

const filtersSchema = z.object({
  q: text,
  source: text,
  court: text,
  charge: text,
  review: z.enum(REVIEW_STATUSES as [string, ...string[]]).optional().catch(undefined),
  verdict: z.enum(VERDICT_STATUSES).optional().catch(undefined),
  from: date,
  to: date,
  min: months,
  max: months,
});

function firstValues(query: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (query && typeof query === 'object') {
    for (const [k, v] of Object.entries(query as Record<string, unknown>)) {
      const first = Array.isArray(v) ? v[0] : v;
      if (typeof first === 'string') out[k] = first;
    }
  }
  return out;
}

/** Filters from a query object; invalid values are dropped rather than failing the page. */
export function parseFilters(query: unknown): QueueFilters {
  const parsed = filtersSchema.safeParse(firstValues(query));
  if (!parsed.success) return {};
  const p = parsed.data;
  return {
    q: p.q, source: p.source, court: p.court, charge: p.charge,
    reviewStatus: p.review as QueueFilters['reviewStatus'], verdictStatus: p.verdict,
    dateFrom: p.from, dateTo: p.to, monthsMin: p.min, monthsMax: p.max,
  };
}

/** Query-string form of the filters (only the set ones), for links and redirects. */
export function filtersToParams(f: QueueFilters): URLSearchParams {
  const params = new URLSearchParams();
  const put = (k: string, v: string | number | undefined) => {
    if (v !== undefined && v !== '') params.set(k, String(v));
  };
  put('q', f.q); put('source', f.source); put('court', f.court); put('charge', f.charge);
  put('review', f.reviewStatus); put('verdict', f.verdictStatus); put('from', f.dateFrom); put('to', f.dateTo);
  put('min', f.monthsMin); put('max', f.monthsMax);
  return params;
}

export function withParams(path: string, params: URLSearchParams): string {
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export function encodeCursor(key: QueueKey): string {
  return `${key.pending ? 1 : 0}.${key.date}.${key.id}`;
}

export function parseCursor(value: unknown): QueueKey | undefined {
  if (typeof value !== 'string') return undefined;
  const m = cursorRe.exec(value);
  return m ? { pending: m[1] === '1', date: m[2]!, id: Number(m[3]) } : undefined;
}
