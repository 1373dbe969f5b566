/**
 * Scoring extracted records against labelled ones (`npm run eval`). Pure.
 *
 * Matching, per article: predicted and expected records are paired by name (case and diacritics ignored;
 * a surname alone matches the full name), then unnamed groups by count. Each field is then counted:
 * a predicted non-null value equal to the expected one is a true positive; a wrong value is a false
 * positive AND a false negative; a value where null was expected (or on an unmatched prediction) is a
 * false positive; a missing value (or an unmatched expected record) is a false negative. Charges count
 * item by item. `age` counts `age` for people and `ageRange` for groups.
 */
import type { VerdictRecord } from './types.ts';
import { normalizeName } from './rules/coreference.ts';

/** What a labelled record holds (evidence and confidence are not labelled). */
export type LabelledRecord = Omit<VerdictRecord, 'evidence' | 'confidence'>;

export const SCORED_FIELDS = ['defendants', 'age', 'charges', 'court', 'sentenceKind', 'sentenceMonths', 'verdictDate', 'status'] as const;
export type ScoredField = (typeof SCORED_FIELDS)[number];

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export type Tally = Record<ScoredField, Counts>;

export interface FieldScore extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export function emptyTally(): Tally {
  return Object.fromEntries(SCORED_FIELDS.map((f) => [f, { tp: 0, fp: 0, fn: 0 }])) as Tally;
}

function surname(name: string): string {
  const parts = normalizeName(name).split(' ');
  return parts[parts.length - 1] ?? '';
}

/** Pairs of [predicted index, expected index]; unmatched ones are left out. */
export function matchRecords(predicted: LabelledRecord[], expected: LabelledRecord[]): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  const usedP = new Set<number>();
  const usedE = new Set<number>();
  const pass = (same: (p: LabelledRecord, e: LabelledRecord) => boolean): void => {
    expected.forEach((e, ei) => {
      if (usedE.has(ei)) return;
      const pi = predicted.findIndex((p, i) => !usedP.has(i) && same(p, e));
      if (pi >= 0) {
        pairs.push([pi, ei]);
        usedP.add(pi);
        usedE.add(ei);
      }
    });
  };
  pass((p, e) => p.name !== null && e.name !== null && normalizeName(p.name) === normalizeName(e.name));
  pass((p, e) => {
    if (p.name === null || e.name === null) return false;
    const pn = normalizeName(p.name);
    const en = normalizeName(e.name);
    const single = !pn.includes(' ') || !en.includes(' ');
    return surname(p.name) === surname(e.name) && (single || pn.split(' ')[0] === en.split(' ')[0]);
  });
  pass((p, e) => p.name === null && e.name === null && p.count === e.count);
  return pairs.sort((a, b) => a[1] - b[1]);
}

type Value = string | number | null;

function fieldValue(r: LabelledRecord, f: Exclude<ScoredField, 'defendants' | 'charges'>): Value {
  switch (f) {
    case 'age': return r.name === null && r.ageRange ? r.ageRange.join('-') : r.age;
    case 'court': return r.court === null ? null : normalizeName(r.court);
    case 'sentenceKind': return r.sentence?.kind ?? null;
    case 'sentenceMonths': return r.sentence?.months === null || r.sentence?.months === undefined ? null
      : `${r.sentence.months}${r.sentence.monthsMax !== null ? `-${r.sentence.monthsMax}` : ''}`;
    case 'verdictDate': return r.verdictDate;
    case 'status': return r.status;
  }
}

function countValue(c: Counts, p: Value | undefined, e: Value | undefined): void {
  const hasP = p !== null && p !== undefined;
  const hasE = e !== null && e !== undefined;
  if (hasP && hasE) {
    if (p === e) c.tp++;
    else {
      c.fp++;
      c.fn++;
    }
  } else if (hasP) c.fp++;
  else if (hasE) c.fn++;
}

const normCharge = (c: string): string => normalizeName(c).replace(/[“”"«»]/g, '');

/** Adds one article's counts to `tally`. */
export function scoreArticle(predicted: LabelledRecord[], expected: LabelledRecord[], tally: Tally = emptyTally()): Tally {
  const pairs = matchRecords(predicted, expected);
  const pOf = new Map(pairs.map(([p, e]) => [e, p]));
  tally.defendants.tp += pairs.length;
  tally.defendants.fp += predicted.length - pairs.length;
  tally.defendants.fn += expected.length - pairs.length;
  const matchedP = new Set(pairs.map(([p]) => p));
  const scalarFields = ['age', 'court', 'sentenceKind', 'sentenceMonths', 'verdictDate', 'status'] as const;
  expected.forEach((e, ei) => {
    const pi = pOf.get(ei);
    const p = pi === undefined ? undefined : predicted[pi];
    for (const f of scalarFields) countValue(tally[f], p ? fieldValue(p, f) : undefined, fieldValue(e, f));
    const pc = new Set((p?.charges ?? []).map(normCharge));
    const ec = new Set(e.charges.map(normCharge));
    for (const c of ec) if (pc.has(c)) tally.charges.tp++; else tally.charges.fn++;
    for (const c of pc) if (!ec.has(c)) tally.charges.fp++;
  });
  predicted.forEach((p, pi) => {
    if (matchedP.has(pi)) return;
    for (const f of scalarFields) countValue(tally[f], fieldValue(p, f), undefined);
    tally.charges.fp += p.charges.length;
  });
  return tally;
}

export function scoreOf(c: Counts): FieldScore {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...c, precision, recall, f1 };
}

/** The headline figures: micro-F1 over every field, defendants F1, and sentence F1 (kind and months together). */
export function summarize(tally: Tally): { f1: number; defendants: number; sentence: number } {
  const sum = (fields: readonly ScoredField[]): Counts =>
    fields.reduce((acc, f) => ({ tp: acc.tp + tally[f].tp, fp: acc.fp + tally[f].fp, fn: acc.fn + tally[f].fn }), { tp: 0, fp: 0, fn: 0 });
  return {
    f1: scoreOf(sum(SCORED_FIELDS)).f1,
    defendants: scoreOf(tally.defendants).f1,
    sentence: scoreOf(sum(['sentenceKind', 'sentenceMonths'])).f1,
  };
}


/** Field-by-field differences between extracted and expected records, as stable keys (test/extract/known-gaps.json, `eval --diff`). */
const DIFF_FIELDS = ['count', 'age', 'ageRange', 'charges', 'court', 'sentence', 'verdictDate', 'status'] as const;

export interface FieldDiff {
  /** "Nursultan Isaev.court", "group(10).sentence", "Kanat Beisebaev:missing", "extra:John Doe" */
  key: string;
  got: unknown;
  want: unknown;
}

export function recordLabel(r: LabelledRecord): string {
  return r.name ?? `group(${r.count})`;
}

export function diffRecords(got: LabelledRecord[], want: LabelledRecord[]): FieldDiff[] {
  const pairs = matchRecords(got, want);
  const out: FieldDiff[] = [];
  const matchedGot = new Set(pairs.map(([g]) => g));
  want.forEach((w, wi) => {
    const pair = pairs.find(([, e]) => e === wi);
    if (!pair) {
      out.push({ key: `${recordLabel(w)}:missing`, got: null, want: w });
      return;
    }
    const g = got[pair[0]]!;
    for (const f of DIFF_FIELDS) {
      if (JSON.stringify(g[f]) !== JSON.stringify(w[f])) out.push({ key: `${recordLabel(w)}.${f}`, got: g[f], want: w[f] });
    }
  });
  got.forEach((g, gi) => {
    if (!matchedGot.has(gi)) out.push({ key: `extra:${recordLabel(g)}`, got: g, want: null });
  });
  return out;
}
