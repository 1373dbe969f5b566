/**
 * Status of a defendant's case from the words of the segment that is about them: convicted, acquitted,
 * charged only (arrested, charged, on trial), or an appeal ruling.
 */
import type { VerdictStatus } from '../types.ts';
import type { Term } from './sentences.ts';

export interface StatusFound {
  status: VerdictStatus;
  /** [start, end) relative to the text given to statusIn */
  start: number;
  end: number;
  /** an acquittal later overturned: the case is open again (`charged_only`) */
  overturned?: boolean;
}

/** A later status replaces an earlier one only if it ranks higher (an appeal over a first verdict). */
export const STATUS_RANK: Record<VerdictStatus, number> = {
  charged_only: 0, acquitted: 1, convicted: 1, appeal_upheld: 2, appeal_reduced: 2,
};

// "upheld the verdict", "rejected his appeal", "lost her appeal", "left the sentence unchanged", "His appeal was rejected",
// "The appeals of NAME, 24, and NAME, 33, were rejected"
const appealUpheldRe =
  /\b(?:upheld|uphold(?:s|ing)?|(?:rejected|dismissed|denied|turned\s+down)\s+(?:an?\s+|the\s+|his\s+|her\s+|their\s+)?appeals?|lost\s+(?:an?\s+|the\s+|his\s+|her\s+|their\s+)?appeals?|left\s+(?:\w+\s+)?unchanged|appeals?\s+(?:of\s+[^.;]{1,80}?\s+)?(?:was|were|has\s+been|had\s+been|have\s+been)\s+(?:rejected|dismissed|denied|turned\s+down))\b/i;
// "acquitted", "found not guilty", "found his manager, NAME M. NAME, 48, not guilty" (an initial's dot is no sentence end), "cleared of",
// "cleared by the jury of"
const acquittedRe = /\b(?:acquitted|found\b(?:[^.;]|(?<=\b[A-Z])\.){0,100}?\bnot\s+guilty|cleared\s+(?:by\s+(?:the|a)\s+(?:jury|court|judge|magistrates|bench)\s+)?of|acquittal|not\s+guilty\s+verdict)\b/i;
// "was sentenced", "found guilty", "pleaded guilty", "jailed", "received"
// (not "by the same jury that convicted NAME": that verdict is someone else's; not "If convicted, he faces", "would be
// added to his term if he were convicted") and "Sentencing him at the same court yesterday, Judge X said" (not
// "before sentencing him")
const convictedRe =
  /(?<!\b(?:jury|court|judge|panel|magistrates?)\s+(?:that|which|who)\s+|\b(?:if|unless|until|once)\s+(?:(?:he|she|they|it|we|you|I)\s+(?:is|are|was|were|be|gets?|got)\s+)?(?:found\s+)?)\b(?:sentenced|jailed|convicted|(?<!not\s)guilty|imprisoned|fined|handed|given|received|locked\s+up|admitted|(?<!\bbefore\s)sentencing\s+(?:him|her|them)\b)\b/i;
// "acquitted ..., a verdict later overturned by the Supreme Court"
const overturnedRe = /\b(?:overturned|quashed|annulled|set\s+aside|reversed|cancell?ed)\b/i;
// "was charged with", "arrested", "faces", "on trial", "pleaded not guilty", "placed on the wanted list", "an indictment unsealed
// Thursday ... charges NAME"
const chargedRe =
  /\b(?:charged|(?:indictment|complaint)\b[^;]{0,120}?\bcharges|arrested|detained|indicted|accused|faces|facing|on\s+trial|stand\s+trial|stood\s+trial|pleaded\s+not\s+guilty|remanded|in\s+custody|prosecuted|suspected|denied|denies|appear(?:ed|s)?\s+(?:at|in|before)|(?:placed|put)\s+on\s+(?:the\s+|an?\s+)?(?:international\s+|federal\s+)?wanted\s+list|declared\s+wanted|awaiting\s+trial)\b/i;
// "Three other men arrested on suspicion of X have been released on bail": arrested and let go, never charged — no
// defendants (CONVENTIONS.md); "who was charged with X, was released on bail" is one
const releasedUnchargedRe = /\breleased\s+(?:on\s+(?:police\s+)?bail|without\s+(?:being\s+)?charged?|under\s+investigation|pending\s+further)\b/i;
const chargedWordRe = /\b(?:charged|indicted|convicted|sentenced|jailed)\b/i;
const arrestedRe = /\b(?:arrested|detained)\b/i;

/** Whether sentence `s` tells of people arrested and released without charge (no criminal case). */
export function releasedWithoutCharge(s: string): boolean {
  return releasedUnchargedRe.test(s) && !chargedWordRe.test(s);
}
// "arrested for 15 days", "under the Code of Administrative Offences": not a criminal case
const administrativeRe = /\badministrative\b|\b(?:arrested|jailed|detained)\s+for\s+(?:\d{1,2}|\w+)\s+days\b/i;

function hit(text: string, re: RegExp, status: VerdictStatus): StatusFound | null {
  const m = re.exec(text);
  return m ? { status, start: m.index, end: m.index + m[0].length } : null;
}

/** The status the text states, with the span of the words that state it; null if none. */
export function statusIn(text: string, imposed: Term[]): StatusFound | null {
  const appeal = imposed.find((t) => t.role === 'appeal_reduced' || t.role === 'appeal_upheld');
  const upheld = hit(text, appealUpheldRe, 'appeal_upheld');
  if (appeal) {
    const cue = appeal.role === 'appeal_upheld' ? upheld : null;
    return cue ?? { status: appeal.role as VerdictStatus, start: appeal.start, end: appeal.end };
  }
  if (upheld) return upheld;
  const acquitted = hit(text, acquittedRe, 'acquitted');
  const convicted = hit(text, convictedRe, 'convicted');
  const anyImposed = imposed.some((t) => t.role === 'imposed' || t.role === 'unknown');
  if (convicted && (anyImposed || !acquitted || convicted.start > acquitted.start)) return convicted;
  if (acquitted) return overturnedRe.test(text.slice(acquitted.end)) ? { ...acquitted, status: 'charged_only', overturned: true } : acquitted;
  if (anyImposed && imposed[0]) return { status: 'convicted', start: imposed[0].start, end: imposed[0].end };
  // CONVENTIONS.md: people arrested "on suspicion" and released without charge are no defendants
  if (arrestedRe.test(text) && releasedWithoutCharge(text)) return null;
  return hit(text, chargedRe, 'charged_only');
}

/** Whether the text is about an administrative arrest or fine, which is not a criminal case. */
export function isAdministrative(text: string): boolean {
  return administrativeRe.test(text);
}
