/** What the alert engine knows about one stored record: the record, its case and its article. */
import type { SentenceKind, VerdictStatus } from '../extract/types.ts';

export interface AlertCandidate {
  recordId: number;
  caseId: number | null;
  articleId: number;
  name: string | null;
  count: number;
  age: number | null;
  charges: string[];
  court: string | null;
  sentenceKind: SentenceKind | null;
  sentenceMonths: number | null;
  sentenceMonthsMax: number | null;
  fine: string | null;
  verdictDate: string | null;
  status: VerdictStatus;
  reviewStatus: 'pending' | 'accepted' | 'rejected';
  confidence: number;
  articleUrl: string;
  articleTitle: string | null;
  sourceId: string | null;
  publishedAt: string | null;
  /** the article text, for keyword rules (only loaded when matching) */
  articleText: string;
}

/** One case in an outgoing message: its delivery row and the record it was matched on. */
export interface AlertItem {
  deliveryId: number;
  candidate: Omit<AlertCandidate, 'articleText'>;
}
