/**
 * Verdict records of an article, written as one unit. Re-extraction replaces what no reviewer has touched
 * and never overwrites a reviewer's decision: a disagreement is stored in `conflict` for a person to see.
 */
import type { VerdictRecord } from '../extract/types.ts';
import type { Queryable } from './db.ts';

export interface RecordWriteSummary {
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
  conflicts: number;
  /** cases touched by added or changed records (alerts look at these) */
  caseIds: number[];
}

const combiningMarksRe = /\p{M}+/gu;
const nonLetterRe = /[^\p{L}\p{N}]+/gu;

/** Case- and diacritic-insensitive form of a name or court: "Kudaibergenov, Kazybek" ~ "kazybek kudaibergenov" is NOT merged (order kept). */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(combiningMarksRe, '').toLowerCase().replace(nonLetterRe, ' ').trim();
}

// Transliteration variants of the same Kazakh/Russian name across outlets: Massimov/Masimov,
// Abdrakhmanov/Abdrahmanov, Zhakupov/Jakupov, Nurlanovich/Nurlanovitch, Sultanbekuly/Sultanbekuli.
const TRANSLITERATION_FOLDS: Array<[RegExp, string]> = [
  [/zh/g, 'j'], [/kh/g, 'h'], [/q/g, 'k'], [/yev\b/g, 'ev'], [/iev\b/g, 'ev'], [/tch/g, 'ch'], [/([a-z])\1/g, '$1'],
  [/y/g, 'i'],
];

/** Key used to recognise the same defendant across articles. */
export function caseNameKey(name: string): string {
  let key = foldText(name);
  for (const [re, to] of TRANSLITERATION_FOLDS) key = key.replace(re, to);
  return key;
}

interface StoredDate {
  date: string;
  precision: 'day' | 'month' | 'year';
}

/** "2022-11" -> 2022-11-01 with month precision; "2023" -> 2023-01-01 with year precision. */
export function toStoredDate(verdictDate: string | null): StoredDate | null {
  if (!verdictDate) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(verdictDate)) return { date: verdictDate, precision: 'day' };
  if (/^\d{4}-\d{2}$/.test(verdictDate)) return { date: `${verdictDate}-01`, precision: 'month' };
  if (/^\d{4}$/.test(verdictDate)) return { date: `${verdictDate}-01-01`, precision: 'year' };
  throw new Error(`verdictDate ${JSON.stringify(verdictDate)}: expected YYYY-MM-DD, YYYY-MM or YYYY`);
}

/** The record's date back in the extractor's form. */
export function fromStoredDate(date: string | null, precision: string | null): string | null {
  if (!date) return null;
  if (precision === 'year') return date.slice(0, 4);
  if (precision === 'month') return date.slice(0, 7);
  return date.slice(0, 10);
}

const PRECISION_LENGTH = { day: 10, month: 7, year: 4 } as const;

/** Two dates are compatible when they agree at the coarser of their precisions. */
export function datesCompatible(a: StoredDate, b: StoredDate): boolean {
  const len = Math.min(PRECISION_LENGTH[a.precision], PRECISION_LENGTH[b.precision]);
  return a.date.slice(0, len) === b.date.slice(0, len);
}

/** Stable key of a record inside its article: the folded name, or the group's size and position. */
export function recordKeys(records: VerdictRecord[]): string[] {
  const seen = new Map<string, number>();
  return records.map((r, i) => {
    const base = r.name ? foldText(r.name) : `group:${r.count}:${i}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  });
}

type Columns = Record<string, unknown>;

function toColumns(r: VerdictRecord): Columns {
  const date = toStoredDate(r.verdictDate);
  return {
    name: r.name,
    name_key: r.name ? foldText(r.name) : null,
    count: r.count,
    age: r.age,
    age_min: r.ageRange?.[0] ?? null,
    age_max: r.ageRange?.[1] ?? null,
    charges: r.charges,
    court: r.court,
    sentence_kind: r.sentence?.kind ?? null,
    sentence_months: r.sentence?.months ?? null,
    sentence_months_max: r.sentence?.monthsMax ?? null,
    fine: r.sentence?.fine ?? null,
    verdict_date: date?.date ?? null,
    verdict_date_precision: date?.precision ?? null,
    status: r.status,
    evidence: r.evidence,
    rules: r.rules ?? {},
    confidence: Math.max(0, Math.min(1, r.confidence)),
  };
}

const COLUMN_NAMES = Object.keys(toColumns({
  name: null, count: 1, age: null, ageRange: null, charges: [], court: null, sentence: null, verdictDate: null,
  status: 'convicted', evidence: {}, confidence: 0,
}));
/** fields a reviewer cares about: evidence, provenance and confidence changes alone are not conflicts */
const FACT_COLUMNS = COLUMN_NAMES.filter((c) => c !== 'evidence' && c !== 'rules' && c !== 'confidence');
const JSON_COLUMNS = new Set(['evidence', 'rules']);

/** JSON with sorted object keys: jsonb does not keep key order, so plain JSON.stringify would differ. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Columns)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

function sameValues(a: Columns, b: Columns, columns: string[]): boolean {
  return columns.every((c) => canonicalJson(a[c]) === canonicalJson(b[c]));
}

interface ExistingRecord extends Columns {
  id: number;
  record_key: string;
  review_status: string;
  edited: boolean;
  conflict: unknown;
}

async function assignCase(db: Queryable, cols: Columns): Promise<number> {
  const nameKey = cols.name ? caseNameKey(String(cols.name)) : `group:${String(cols.count)}`;
  const courtKey = cols.court ? foldText(String(cols.court)) : null;
  const date: StoredDate | null = cols.verdict_date
    ? { date: String(cols.verdict_date), precision: cols.verdict_date_precision as StoredDate['precision'] }
    : null;
  // Serialise case creation per name, so two workers storing the same verdict do not make two cases.
  await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`case:${nameKey}`]);
  const candidates = await db.query<{ id: number; court_key: string | null; verdict_date: string | null; verdict_date_precision: StoredDate['precision'] | null }>(
    'SELECT id, court_key, verdict_date, verdict_date_precision FROM cases WHERE name_key = $1 ORDER BY id',
    [nameKey],
  );
  const isGroup = !cols.name;
  for (const c of candidates) {
    const sameCourt = courtKey !== null && c.court_key === courtKey;
    const sameDate = date !== null && c.verdict_date !== null && datesCompatible(date, { date: c.verdict_date, precision: c.verdict_date_precision ?? 'day' });
    // A named defendant matches on court or date; an unnamed group needs both to be the same group.
    if (isGroup ? sameCourt && sameDate : sameCourt || sameDate) {
      if (c.verdict_date === null && date) {
        await db.query('UPDATE cases SET verdict_date = $2, verdict_date_precision = $3 WHERE id = $1', [c.id, date.date, date.precision]);
      }
      return c.id;
    }
  }
  const rows = await db.query<{ id: number }>(
    'INSERT INTO cases (name_key, court_key, verdict_date, verdict_date_precision) VALUES ($1, $2, $3, $4) RETURNING id',
    [nameKey, courtKey, date?.date ?? null, date?.precision ?? null],
  );
  return rows[0]!.id;
}

/**
 * Makes the article's stored records match `records` (the extractor's output), in the caller's transaction.
 * Pending, unedited records are inserted, updated or deleted; reviewed or edited ones are left as they are,
 * and a disagreement is written to their `conflict` column instead.
 */
export async function replaceArticleRecords(
  db: Queryable,
  articleId: number,
  records: VerdictRecord[],
  extractorVersion: string,
): Promise<RecordWriteSummary> {
  const summary: RecordWriteSummary = { added: 0, changed: 0, removed: 0, unchanged: 0, conflicts: 0, caseIds: [] };
  const existing = await db.query<ExistingRecord>('SELECT * FROM records WHERE article_id = $1 FOR UPDATE', [articleId]);
  const byKey = new Map(existing.map((r) => [r.record_key, r]));
  const keys = recordKeys(records);
  const cases = new Set<number>();

  for (const [i, record] of records.entries()) {
    const key = keys[i]!;
    const cols = toColumns(record);
    const prev = byKey.get(key);
    byKey.delete(key);
    if (!prev) {
      const caseId = await assignCase(db, cols);
      cases.add(caseId);
      await db.query(
        `INSERT INTO records (article_id, record_key, ordinal, ${COLUMN_NAMES.join(', ')}, extractor_version, case_id)
         VALUES ($1, $2, $3, ${COLUMN_NAMES.map((_, j) => `$${j + 4}`).join(', ')}, $${COLUMN_NAMES.length + 4}, $${COLUMN_NAMES.length + 5})`,
        [articleId, key, i, ...COLUMN_NAMES.map((c) => (JSON_COLUMNS.has(c) ? JSON.stringify(cols[c]) : cols[c])), extractorVersion, caseId],
      );
      summary.added++;
      continue;
    }
    const reviewed = prev.review_status !== 'pending' || prev.edited;
    if (reviewed) {
      if (sameValues(prev, cols, FACT_COLUMNS)) {
        summary.unchanged++;
        if (prev.conflict !== null) await db.query('UPDATE records SET conflict = NULL WHERE id = $1', [prev.id]);
      } else {
        await db.query('UPDATE records SET conflict = $2, updated_at = now() WHERE id = $1', [
          prev.id,
          JSON.stringify({ extractorVersion, record }),
        ]);
        summary.conflicts++;
      }
      continue;
    }
    if (sameValues(prev, cols, COLUMN_NAMES) && prev.ordinal === i) {
      summary.unchanged++;
      continue;
    }
    const caseId = await assignCase(db, cols);
    cases.add(caseId);
    await db.query(
      `UPDATE records SET ordinal = $2, ${COLUMN_NAMES.map((c, j) => `${c} = $${j + 3}`).join(', ')},
         extractor_version = $${COLUMN_NAMES.length + 3}, case_id = $${COLUMN_NAMES.length + 4}, conflict = NULL, updated_at = now()
       WHERE id = $1`,
      [prev.id, i, ...COLUMN_NAMES.map((c) => (JSON_COLUMNS.has(c) ? JSON.stringify(cols[c]) : cols[c])), extractorVersion, caseId],
    );
    summary.changed++;
  }

  // Records the rules no longer find.
  for (const prev of byKey.values()) {
    if (prev.review_status === 'pending' && !prev.edited) {
      await db.query('DELETE FROM records WHERE id = $1', [prev.id]);
      summary.removed++;
    } else {
      await db.query('UPDATE records SET conflict = $2, updated_at = now() WHERE id = $1', [
        prev.id,
        JSON.stringify({ extractorVersion, removed: true }),
      ]);
      summary.conflicts++;
    }
  }
  summary.caseIds = [...cases];
  return summary;
}

export interface RecordRow {
  id: number;
  article_id: number;
  name: string | null;
  count: number;
  age: number | null;
  sentence_kind: string | null;
  sentence_months: number | null;
  verdict_date: string | null;
  status: string;
  review_status: string;
  case_id: number | null;
}

export async function listArticleRecords(db: Queryable, articleId: number): Promise<RecordRow[]> {
  return db.query<RecordRow & Record<string, unknown>>(
    `SELECT id, article_id, name, count, age, sentence_kind, sentence_months, verdict_date, status, review_status, case_id
       FROM records WHERE article_id = $1 ORDER BY ordinal`,
    [articleId],
  );
}
