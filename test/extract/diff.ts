/** Field-by-field differences between extracted and expected records, as stable keys for known-gaps.json. */
import { matchRecords, type LabelledRecord } from '../../src/extract/score.ts';

const FIELDS = ['count', 'age', 'ageRange', 'charges', 'court', 'sentence', 'verdictDate', 'status'] as const;

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
    for (const f of FIELDS) {
      if (JSON.stringify(g[f]) !== JSON.stringify(w[f])) out.push({ key: `${recordLabel(w)}.${f}`, got: g[f], want: w[f] });
    }
  });
  got.forEach((g, gi) => {
    if (!matchedGot.has(gi)) out.push({ key: `extra:${recordLabel(g)}`, got: g, want: null });
  });
  return out;
}
