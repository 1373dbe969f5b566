/** The contract of the extraction library: what `extractVerdicts` returns for one article. */

export type SentenceKind =
  | 'prison' | 'suspended' | 'probation' | 'restricted_freedom' | 'fine' | 'life' | 'death' | 'acquitted' | 'community' | 'other';

export type VerdictStatus = 'convicted' | 'acquitted' | 'charged_only' | 'appeal_upheld' | 'appeal_reduced';

export interface Sentence {
  kind: SentenceKind;
  months: number | null;
  /** upper bound for a range ("between three and seven years") */
  monthsMax: number | null;
  /** a fine with its currency as written ("$9,500", "2 million tenge") */
  fine: string | null;
}

/** [start, end) character offsets into the text given to the extractor */
export type Span = [number, number];

export type EvidenceField = 'name' | 'count' | 'age' | 'ageRange' | 'charges' | 'court' | 'sentence' | 'verdictDate' | 'status';

export interface VerdictRecord {
  /** as written; null only for an unnamed group ("the other 10 defendants") */
  name: string | null;
  count: number;
  age: number | null;
  ageRange: [number, number] | null;
  charges: string[];
  court: string | null;
  sentence: Sentence | null;
  /** "YYYY-MM-DD", "YYYY-MM", "YYYY" or null; a year is never invented */
  verdictDate: string | null;
  status: VerdictStatus;
  /** for every non-null field, the span(s) of text it came from */
  evidence: Partial<Record<EvidenceField, Span[]>>;
  /** for fields with evidence, the rule that set them ("name-object", "sentence-imposed-prison"): reviewers' per-rule statistics */
  rules?: Partial<Record<EvidenceField, string>>;
  confidence: number;
}

export interface ExtractOptions {
  /** publication date "YYYY-MM-DD", to resolve "on June 11" or "on Monday" */
  published?: string | null;
}

export interface ExtractResult {
  records: VerdictRecord[];
}
