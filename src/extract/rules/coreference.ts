/**
 * Coreference: which record a later mention ("He received ...", "Kudaibergenov insisted ...", "The
 * 32-year-old", "The three") points to. Names are compared without case and diacritics, and with the
 * usual transliteration variants folded (Masimov / Massimov, -yev / -ev, q ~ k, zh ~ j).
 */

import { RELATION_SRC } from './roles.ts';

/** Lowercase, no diacritics, no punctuation. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’'.]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

// foldToken runs for every name pair compared; names repeat, so the keys are cached (bounded)
const foldCache = new Map<string, string>();
const FOLD_CACHE_MAX = 20_000;

/** A looser key for one name token, folding transliteration variants. */
export function foldToken(token: string): string {
  let key = foldCache.get(token);
  if (key === undefined) {
    if (foldCache.size >= FOLD_CACHE_MAX) foldCache.clear();
    key = foldUncached(token);
    foldCache.set(token, key);
  }
  return key;
}

function foldUncached(token: string): string {
  return normalizeName(token)
    .replace(/yev\b/g, 'ev')
    .replace(/iyev|iev\b/g, 'ev')
    .replace(/q/g, 'k')
    .replace(/zh/g, 'j')
    .replace(/kh/g, 'h')
    .replace(/(.)\1/g, '$1');
}

export interface Referent {
  id: number;
  tokens: string[];
}

/** Whether a full name written now (`tokens`) is the same person as an earlier record's name. */
export function sameFullName(a: string[], b: string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const lastA = foldToken(a[a.length - 1]!);
  const lastB = foldToken(b[b.length - 1]!);
  if (lastA !== lastB) return false;
  // first names agree, or one is an initial of the other ("J. Whitfield" / "Marcus J. Whitfield")
  const firstA = foldToken(a[0]!);
  const firstB = foldToken(b[0]!);
  return firstA === firstB || firstA[0] === firstB[0] && (firstA.length === 1 || firstB.length === 1) || a.length === 1 || b.length === 1;
}

/** The most recent referent whose surname (or any name token) is `token`, or null. */
export function resolveSurname(token: string, referents: Referent[]): Referent | null {
  const key = foldToken(token);
  for (let i = referents.length - 1; i >= 0; i--) {
    const r = referents[i]!;
    if (r.tokens.length && foldToken(r.tokens[r.tokens.length - 1]!) === key) return r;
  }
  for (let i = referents.length - 1; i >= 0; i--) {
    const r = referents[i]!;
    if (r.tokens.some((t) => foldToken(t) === key)) return r;
  }
  return null;
}

export interface Anaphor {
  start: number;
  end: number;
  plural: boolean;
  /** "The 32-year-old": the age it states */
  age: number | null;
  ageStart: number;
  /** whether it is the subject or object of a verdict verb (then the sentence's facts are its) */
  withVerb: boolean;
  /** "The father", "His son": a family noun, the defendant named with that tie ("NAME and his son NAME") */
  relation?: string;
}

// the tie seen from the other side, by the possessor's gender ("his son" -> he is the father)
const INVERSE: Record<string, [string, string]> = {
  son: ['father', 'mother'], daughter: ['father', 'mother'], stepson: ['stepfather', 'stepmother'], stepdaughter: ['stepfather', 'stepmother'],
  father: ['son', 'daughter'], mother: ['son', 'daughter'], brother: ['brother', 'sister'], sister: ['brother', 'sister'],
  wife: ['husband', 'wife'], husband: ['husband', 'wife'], nephew: ['uncle', 'aunt'], niece: ['uncle', 'aunt'],
  uncle: ['nephew', 'niece'], aunt: ['nephew', 'niece'], grandson: ['grandfather', 'grandmother'], granddaughter: ['grandfather', 'grandmother'],
  grandfather: ['grandson', 'granddaughter'], grandmother: ['grandson', 'granddaughter'], cousin: ['cousin', 'cousin'], partner: ['partner', 'partner'],
};
// between two names: ", 63, and his son ", " and her husband, ", "'s son, " (the possessive of the first name)
const relationGapRe = new RegExp(`(?:\\b(his|her|their)|(['’]s))\\s+(${RELATION_SRC})\\s*,?\\s*$`, 'i');

/**
 * The family tie a gap between two names states ("NAME, 63, and his son NAME"): what the second is to the
 * first, and the first to the second (every noun it may be called by; none for "their").
 */
export function relationBetween(gap: string): { second: string; first: string[] } | null {
  const m = relationGapRe.exec(gap);
  if (!m) return null;
  const rel = m[3]!.toLowerCase();
  const inv = INVERSE[rel]!;
  const owner = m[1]?.toLowerCase();
  const first = owner === 'his' ? [inv[0]] : owner === 'her' ? [inv[1]] : owner === 'their' ? [] : [...new Set(inv)];
  return { second: rel, first };
}

// the verb of a mention's outcome, after auxiliaries and adverbs: "was later sentenced", "had faced"
const OUTCOME_VERB_SRC =
  '(?:(?:was|were|is|are|has been|have been|had been|will be|has|have|had|also|later|then|each|all|both|additionally|subsequently|eventually|previously|initially)\\s+){0,3}' +
  '(?:sentenced|jailed|convicted|found|acquitted|cleared|handed|given|ordered|received|receives|got|gets|pleaded|pled|admitted|charged|arrested|detained|indicted|imprisoned|fined|faces|faced|lost|appealed|remanded|(?:will|must)\\s+(?:continue\\s+(?:to\\s+serve|serving)|serve)|will\\s+(?:next\\s+)?appear|(?:is|are)\\s+due\\s+to\\s+appear)\\b';
// "He received", "She was jailed", "They were sentenced", "He had faced"
const subjectPronounRe = new RegExp(`\\b(He|She|They|he|she|they)\\s+${OUTCOME_VERB_SRC}`, 'g');
// "She later admitted ...", "He was given ...": a sentence that opens with a singular pronoun and its outcome verb
export const pronounOutcomeOpeningRe = new RegExp(`^(?:He|She)\\s+${OUTCOME_VERB_SRC}`);
// "sentenced him to", "gave her", "found them guilty", "a fine that had been imposed on him"
// (also opening a sentence: "Sentencing him at the same court yesterday, Judge X said")
const objectPronounRe = /\b(?:[Ss]entenced|[Ss]entencing|[Jj]ailed|gave|handed|convicted|acquitted|fined|found|ordered|cleared|imprisoned|imposed\s+on)\s+(him|her|them)\b/g;
// "his 10-year sentence", "her conviction", "their appeal"
const possessivePronounRe = /\b(his|her|their)\s+(?:[\w-]+\s+){0,3}?(?:sentences?|terms?|conviction|verdict|appeals?|punishment)\b/gi;
// "The 32-year-old, of Leeds, ...", "The defendant was", "The three were sentenced", "Both men received"
// (a noun after "The 24-year-old" may be someone else: "The 24-year-old victim"); "The woman, age 62,"
const singularAnaphorRe =
  /\b(?:[Tt]he\s+(\d{1,3})-year-old(?!\s+(?!defendant\b|accused\b)\p{Ll})|[Tt]he\s+(?:defendant|accused|man|woman|teenager|youth)(?:,\s*(?:age|aged)\s+(\d{1,3})(?=,))?)\b(?!\s+\p{Lu})/gu;
const pluralAnaphorRe =
  /\b(?:[Tt]he\s+(?:(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+)?(?:defendants|accused|men|women|pair|trio|two|three|four|five|six|seven|eight|nine|ten)|All\s+(?:three|four|five|of them)|(?:Each|Both)\s+of\s+them|Both(?:\s+men|\s+women)?)\b/g;
// "The defendant, 44, was sentenced": an anaphor followed by its outcome verb
const verbAfterRe = new RegExp(`^(?:,\\s*[^,;()]{1,70}){0,2}(?:,\\s*|\\s+)${OUTCOME_VERB_SRC}`);

// ", aged 21 to 48," right after a plural anaphor
const groupAgesAfterRe = /^,\s*(?:aged|ranging\s+in\s+age\s+from|between\s+the\s+ages\s+of)\s+\d{1,3}\s*(?:to|and|-|–)\s*\d{1,3}\b/i;

// only a sentence with one of these verbs can hold an anaphor that matters
// ("The 34-year-old, of Great Lever, ran the operation" states an age with no verb of its own)
const anaphorVerbGateRe = /\b(?:sentenc|jail|convict|found|acquit|clear|hand|given|gave|order|receiv|got|gets|plead|pled|admit|charg|arrest|detain|indict|impris|fine|fac|lost|appeal|serv|term|verdict|punish|remand|appear)|\d-year-old\b|\b(?:age|aged)\s+\d/i;

// "The father, whom the judge described as ..., received", "His son was jailed" (not "his son NAME", "his son's")
const relationAnaphorRe = new RegExp(`\\b(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir)\\s+(${RELATION_SRC})\\b(?!['’]s|-in-law|,?\\s+\\p{Lu})`, 'gu');

function pushAnaphor(out: Anaphor[], start: number, end: number, plural: boolean, withVerb: boolean, age: number | null = null, ageStart = -1, relation?: string): void {
  if (!out.some((a) => start < a.end && end > a.start)) out.push({ start, end, plural, withVerb, age, ageStart, ...(relation ? { relation } : {}) });
}

/** Every match of a global regex (an exec loop: `s.matchAll` clones the regex on each call, costly per sentence). */
function execAll(re: RegExp, s: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) out.push(m);
  return out;
}

/** Pronouns and anaphoric noun phrases that stand for a defendant already named. */
export function findAnaphors(s: string): Anaphor[] {
  const out: Anaphor[] = [];
  if (!anaphorVerbGateRe.test(s)) return out;
  // (first: "His son received his sentence" is the son, not "his")
  for (const m of execAll(relationAnaphorRe, s)) {
    const end = m.index + m[0].length;
    if (verbAfterRe.test(s.slice(end, end + 200))) pushAnaphor(out, m.index, end, false, true, null, -1, m[1]!.toLowerCase());
  }
  for (const m of execAll(subjectPronounRe, s)) pushAnaphor(out, m.index, m.index + m[1]!.length, /they/i.test(m[1]!), true);
  for (const m of execAll(objectPronounRe, s)) {
    const at = m.index + m[0].length - m[1]!.length;
    pushAnaphor(out, at, at + m[1]!.length, m[1] === 'them', true);
  }
  for (const m of execAll(possessivePronounRe, s)) pushAnaphor(out, m.index, m.index + m[1]!.length, m[1]!.toLowerCase() === 'their', true);
  for (const m of execAll(singularAnaphorRe, s)) {
    const end = m.index + m[0].length;
    const withVerb = verbAfterRe.test(s.slice(end, end + 200));
    const ageText = m[1] ?? m[2];
    const ageStart = ageText ? m.index + m[0].lastIndexOf(ageText) : -1;
    pushAnaphor(out, m.index, end, false, withVerb, ageText ? Number(ageText) : null, ageStart);
  }
  for (const m of execAll(pluralAnaphorRe, s)) {
    const end = m.index + m[0].length;
    const after = s.slice(end, end + 200);
    // "The six, aged 21 to 48, deny the accusations": no outcome verb, but the group's ages
    if (verbAfterRe.test(after)) pushAnaphor(out, m.index, end, true, true);
    else if (groupAgesAfterRe.test(after)) pushAnaphor(out, m.index, end, true, false);
  }
  return out.sort((a, b) => a.start - b.start);
}
