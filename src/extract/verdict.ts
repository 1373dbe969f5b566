/**
 * Combines the rules into verdict records. One pass over the sentences keeps a small discourse state: the
 * case being told (its date and court, reset when a new dated verdict starts), the defendants so far, and
 * who "he" and "they" refer to. In each sentence the defendant mentions split the text into segments; the
 * facts inside a segment (terms, charges, status words) belong to the defendants of that segment.
 */
import type { EvidenceField, Sentence, Span, VerdictRecord, VerdictStatus } from './types.ts';
import { splitSentences } from './text.ts';
import { findTerms, type Term, type TermRole } from './rules/sentences.ts';
import { findDates, type DateMention } from './rules/dates.ts';
import { findCourts, type CourtMention } from './rules/courts.ts';
import { findCharges, sameChargesRe, type ChargeFound } from './rules/charges.ts';
import { findDefendantNames, findGroups, findNameCandidates, findUnnamedDefendants, memberCueBefore, type MemberCue, type NameCandidate } from './rules/names.ts';
import { findAgeNear, findAgeRange } from './rules/ages.ts';
import { findAnaphors, resolveSurname, sameFullName } from './rules/coreference.ts';
import { isNonDefendantContext } from './rules/roles.ts';
import { statusIn, isAdministrative, STATUS_RANK } from './rules/status.ts';

interface Draft {
  id: number;
  name: string | null;
  tokens: string[];
  count: number;
  age: number | null;
  ageRange: [number, number] | null;
  charges: string[];
  court: string | null;
  sentence: Sentence | null;
  sentenceRole: TermRole | null;
  verdictDate: string | null;
  status: VerdictStatus | null;
  evidence: Partial<Record<EvidenceField, Span[]>>;
  /** which rule set each field, for reviewers' per-rule statistics */
  rules: Partial<Record<EvidenceField, string>>;
  group: boolean;
  /** a single defendant given by age alone ("a 19-year-old was jailed"); a name may follow */
  unnamed: boolean;
  /** "who cannot be named": no later name is theirs */
  anonymous: boolean;
  /** "Among them was NAME": the group this defendant belongs to, whose outcome they share */
  memberOf: number | null;
  memberCue: MemberCue | null;
  /** a group whose members are all named ("The four — A, B, C and D —"), or a total split into named
   * defendants and "the other N": its parts are the records */
  namedInFull: boolean;
  /** a group that is a specific set of defendants ("the other 12 defendants", "22 of the 27") */
  specific: boolean;
  /** "the other 21 defendants" */
  other: boolean;
  /** the sentence it was first mentioned in */
  bornAt: number;
  lastSeen: number;
}

/** A person named in full somewhere, not (yet) known as a defendant: "Curtis Lamont Beasley, 52, of
 * Chesapeake, accepted cash" — a later "Beasley pleaded guilty" makes a record of them. */
interface Person {
  name: string;
  tokens: string[];
  span: Span;
  age: { age: number; span: Span } | null;
  /** the sentence it was named in */
  seenAt: number;
}

interface Placed { value: string | null; span: Span; key: string }

interface Mention {
  start: number;
  end: number;
  ids: number[];
  /** takes the facts of its segment (a weak mention, like a surname with no verb, only splits nothing) */
  factful: boolean;
}

const IMPOSED_ROLES = new Set<TermRole>(['imposed', 'unknown', 'additional', 'appeal_upheld', 'appeal_reduced']);
// between two names of one subject: "NAME and NAME", "NAME, NAME and NAME", "NAME, 44, and NAME"
const joinRe = /^\s*(?:,\s*\d{1,3}(?:,\s*(?:of|from)\s+\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*)?\s*)?(?:,|,?\s+and|&)\s*$/u;
// "A, 45, a Russian national residing in Queens; B, 37, ...; and C, 52, ..., are charged": a list of
// defendants whose items are set off by semicolons (an item has no verb of its own)
const semicolonItemRe = /^\s*,[^;]{0,160};\s*(?:and\s+)?$/;
const itemVerbRe = /\b(?:was|were|is|are|has|have|had|will|would|sentenced|jailed|convicted|acquitted|received|got|given|handed|pleaded|admitted|charged|fined|said)\b/i;

/** Whether the text between two names joins them into one subject ("A and B", "A, 31; B, 58; and C"). */
function joinsNames(gap: string): boolean {
  return joinRe.test(gap) || (semicolonItemRe.test(gap) && !itemVerbRe.test(gap));
}
const ordinalWordRe = /(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s/i;
const ordinalDefendantRe =
  /\b(?:a|the)\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)(?:\s+(?:defendant|man|woman|person|activist|suspect|member))?\s+(?=(?:was|were|has\s+been|had\s+been)\s)/gi;
// between two members listed after a cue: ", 58, and the blogger ", ", "
const memberGapRe = /^(?:,\s*\d{1,3})?(?:,\s*(?:of|from)\s+[^,;]{1,40})?\s*(?:,|;|,?\s+and)\s+(?:(?:the|a|an)\s+)?(?:[\p{Ll}-]+\s+){0,4}$/u;
const courtWordRe = /\bcourt\b/i;
// a sentence that says a court gave the outcome: "imposed the sentence in", "sentenced ... at"
const courtRulingRe = /\b(?:imposed|sentenced|convicted|acquitted|verdict|upheld|handed down)\b/i;
// a sentence that reports an outcome (not just mentions a trial): it dates the case
const strongVerdictRe = /\b(?:sentenced|jailed|convicted|convictions?|received|found (?:not )?guilty|acquitted|pleaded guilty|verdict|upheld|reduced|imprisoned|handed)\b/i;
const convictionVerbRe = /\b(?:sentenced|jailed|convicted|guilty|handed|given|received|imprisoned|upheld|reduced|cut)\b/i;

function addEvidence(d: Draft, field: EvidenceField, span: Span): void {
  const list = (d.evidence[field] ??= []);
  if (!list.some(([a, b]) => a === span[0] && b === span[1])) list.push(span);
}

/** The records of one article. */
export function buildRecords(text: string, published: string | null | undefined): VerdictRecord[] {
  const drafts: Draft[] = [];
  let caseDate: Placed | null = null;
  let caseCourt: Placed | null = null;
  let lastSingular: number | null = null;
  let lastPlural: number[] = [];
  let clock = 0;
  const persons: Person[] = [];
  const adminArticle = /\badministrative\b/i.test(text);
  let pending: { terms: Term[]; date: Placed | null; until: number } | null = null;

  const newDraft = (name: string | null, tokens: string[], count: number, group: boolean): Draft => {
    const d: Draft = {
      id: drafts.length, name, tokens, count, age: null, ageRange: null, charges: [], court: null, sentence: null,
      sentenceRole: null, verdictDate: null, status: null, evidence: {}, rules: {}, group, unnamed: false, anonymous: false, memberOf: null, memberCue: null, namedInFull: false, specific: false, other: false, bornAt: clock, lastSeen: clock,
    };
    drafts.push(d);
    return d;
  };

  for (const sentence of splitSentences(text)) {
    clock++;
    const s = sentence.text;
    const base = sentence.start;
    const strong = strongVerdictRe.test(s);
    let datesCache: DateMention[] | null = null;
    // dates are costly and matter only in sentences about an outcome or a defendant
    const courts = courtWordRe.test(s) ? findCourts(s) : [];
    // a new dated verdict starts a new case: the court said before is not this one's
    if (strong && (datesCache ??= findDates(s, published).filter((d) => !d.excluded)).length) {
      const d = placeDate(base, nearest((datesCache ??= findDates(s, published).filter((d) => !d.excluded)), s.search(strongVerdictRe))!);
      if (caseDate?.key !== d.key) caseCourt = null;
      caseDate = d;
    }
    if (courts.length) caseCourt = placeCourt(base, courts[0]!);
    const titleLine = isTitleCase(s);

    const mentions: Mention[] = titleLine ? [] : collectMentions(s, { drafts, persons, newDraft, lastSingular, lastPlural, clock }, base);
    for (const m of mentions) for (const id of m.ids) drafts[id]!.lastSeen = clock;
    const terms = findTerms(s);
    const factful = mentions.filter((m) => m.factful);
    if (factful.length === 0 && courts.length && courtRulingRe.test(s)) {
      // "U.S. District Judge X imposed the sentence in the U.S. District Court for ...": the court of the
      // defendants just reported, when they have none yet
      for (const d of drafts) {
        if (!d.court && d.status && d.status !== 'charged_only' && d.lastSeen >= clock - 2) setCourt(d, courts[0]!.name, span(base, courts[0]!.start, courts[0]!.end), 'court-in-later-ruling');
      }
    }
    if (factful.length === 0) {
      // "The leader of the ring was sentenced Thursday to life" — the name comes in the next sentences
      const imposed = terms.filter((t) => t.role === 'imposed' && !t.respective);
      if (!titleLine && imposed.length && strong) {
        const at = s.search(strongVerdictRe);
        const dates = (datesCache ??= findDates(s, published).filter((d) => !d.excluded));
        pending = { terms: imposed.map((t) => ({ ...t, start: base + t.start, end: base + t.end })), date: dates.length ? placeDate(base, nearest(dates, at)!) : null, until: clock + 3 };
      }
      continue;
    }
    const charges = findCharges(s);
    const dates = (datesCache ??= findDates(s, published).filter((d) => !d.excluded));
    const sameSpans = [...s.matchAll(sameChargesRe)].map((m) => [m.index, m.index + m[0].length] as [number, number]);
    const firstStart = factful[0]!.start;

    factful.forEach((m, k) => {
      const segStart = m.start;
      const segEnd = factful[k + 1]?.start ?? s.length;
      const prefixEnd = k === 0 ? firstStart : 0;
      const off = k === 0 ? 0 : segStart;
      const segText = s.slice(off, segEnd);
      const hasConviction = convictionVerbRe.test(segText);
      let segTerms = inRange(terms, segStart, segEnd).filter((t) => IMPOSED_ROLES.has(t.role) && (t.role !== 'unknown' || hasConviction));
      if (segTerms.length === 0) segTerms = inRange(terms, 0, prefixEnd).filter((t) => IMPOSED_ROLES.has(t.role) && (t.role !== 'unknown' || hasConviction));
      let segCharges = inRange(charges, segStart, segEnd);
      if (segCharges.length === 0) segCharges = inRange(charges, 0, prefixEnd);
      const worded = segCharges.filter((c) => !c.code);
      const useCharges: ChargeFound[] = worded.length ? worded : segCharges;
      const same = [...sameSpans.filter(([a]) => a >= segStart && a < segEnd), ...(k === 0 ? sameSpans.filter(([a]) => a < firstStart) : [])];
      const status = statusIn(segText, segTerms.map((t) => ({ ...t, start: t.start - off, end: t.end - off })));
      const admin = isAdministrative(segText);
      // the date goes with the sentence when there is one ("pleaded guilty in January ... sentenced on Wednesday to")
      const anchor = segTerms[0] ? segTerms[0].start : status ? status.start + off : segStart;
      const localDates = dates.filter((d) => d.start >= off && d.start < segEnd);
      const date = nearest(localDates.length ? localDates : dates, anchor);
      const court = inRange(courts, segStart, segEnd)[0] ?? courts[0];

      const respective = segTerms.filter((t) => t.respective);
      m.ids.forEach((id, i) => {
        const d = drafts[id]!;
        const own = respective.length === m.ids.length && respective.length > 1 ? [respective[i]!] : segTerms.filter((t) => !t.respective || respective.length === 1);
        // the offence after an administrative arrest or fine is no criminal charge ("when he was arrested for 15
        // days for taking part in an unsanctioned rally")
        addCharges(d, admin ? useCharges.filter((c) => !isAdministrative(s.slice(off, c.start))) : useCharges, base);
        if (same.length) copyCharges(d, drafts, same.map(([a, b]) => span(base, a, b)));
        let sentenceSet = applyTerms(d, own, base);
        let pendingDate: Placed | null = null;
        if (!sentenceSet && !d.sentence && pending && pending.until >= clock && !d.group && m.ids.length === 1) {
          sentenceSet = applyTerms(d, pending.terms, 0);
          pendingDate = pending.date;
          pending = null;
        }
        // administrative arrests and fines are not criminal cases (CONVENTIONS.md); in an article about them,
        // a jail term of days is one ("the student Varvara Ilyina, 19, who received 10 days")
        const adminTerm = adminArticle && own.length > 0 && own.every((t) => t.kind === 'prison' && t.months !== null && t.months <= 1);
        // ... and so is a fine under that code, or in a paragraph about administrative arrests with no criminal case
        // ("A pensioner, Lidia Gorbunova, 78, was fined 20,000 rubles")
        const adminFine = own.length > 0 && own.every((t) => t.kind === 'fine') && (admin || (adminArticle && isAdministrativeParagraph(text, base)));
        if (!status || (admin && !sentenceSet) || adminTerm || adminFine) return;
        const rank = STATUS_RANK[status.status];
        const prevRank = d.status ? STATUS_RANK[d.status] : -1;
        const upgrade = rank > prevRank;
        if (upgrade) {
          d.status = status.status;
          d.evidence.status = [span(base, status.start + off, status.end + off)];
          d.rules.status = `status-${status.status}`;
        }
        if (d.status === 'charged_only') {
          const c = inRange(courts, segStart, segEnd)[0];
          if (!d.court && c) setCourt(d, c.name, span(base, c.start, c.end), 'court-of-charge');
          return;
        }
        // the date of the latest outcome: an appeal over the verdict, a sentencing over a plea
        const when = pendingDate ?? (date ? placeDate(base, date) : caseDate);
        if (when && (upgrade || !d.verdictDate || (sentenceSet && (pendingDate || date)))) {
          d.verdictDate = when.value;
          d.evidence.verdictDate = when.value ? [when.span] : [];
          d.rules.verdictDate = pendingDate ? 'date-of-next-sentence' : date ? 'date-in-verdict-sentence' : 'date-of-case';
        }
        const where = court ? placeCourt(base, court) : caseCourt;
        if (where?.value && (upgrade || !d.court)) setCourt(d, where.value, where.span, court ? 'court-in-verdict-sentence' : 'court-of-case');
      });
    });

    // who "he" and "they" are from now on
    const named = factful.flatMap((m) => m.ids).filter((id) => !drafts[id]!.group);
    const distinct = [...new Set(named)];
    if (distinct.length) lastSingular = distinct[distinct.length - 1]!;
    if (distinct.length >= 2) lastPlural = distinct;
    else {
      const group = factful.flatMap((m) => m.ids).find((id) => drafts[id]!.group);
      if (group !== undefined) lastPlural = [group];
    }
  }
  shareGroupOutcomes(drafts);
  for (const d of drafts) {
    // the name's evidence is where it is written in full (a surname alone supports it less)
    const full = (d.evidence.name ?? []).filter(([a, b]) => text.slice(a, b) === d.name);
    if (full.length) d.evidence.name = d.evidence.count = d.group ? d.evidence.count : full;
  }
  return drafts.filter(keep).map(finish);
}

const criminalCaseRe = /\b(?:criminal|convicted|convictions?)\b/i;

/** Whether the paragraph around `at` is about administrative arrests or fines and names no criminal case. */
function isAdministrativeParagraph(text: string, at: number): boolean {
  const from = text.lastIndexOf('\n\n', at);
  const to = text.indexOf('\n\n', at);
  const paragraph = text.slice(from < 0 ? 0 : from, to < 0 ? text.length : to);
  return isAdministrative(paragraph) && !criminalCaseRe.test(paragraph);
}

/** The date closest to a position (the status verb): "sentenced on Thursday ... a jury last month" */
function nearest(dates: DateMention[], at: number): DateMention | undefined {
  let best: DateMention | undefined;
  for (const d of dates) if (!best || Math.abs(d.start - at) < Math.abs(best.start - at)) best = d;
  return best;
}

/** "Headline Words In Title Case" — names there are not in a verdict role, and the line repeats the body. */
function isTitleCase(s: string): boolean {
  if (/[.!?]["”’]?$/.test(s)) return false;
  const words = s.split(/\s+/).filter((w) => /^\p{L}/u.test(w));
  if (words.length < 4) return false;
  const capital = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return capital / words.length > 0.7;
}

/** "Under the same articles": the charges of the defendant mentioned last before this one. */
function copyCharges(d: Draft, drafts: Draft[], spans: Span[]): void {
  const prev = drafts.filter((x) => x.id !== d.id && x.charges.length).sort((a, b) => b.lastSeen - a.lastSeen || b.id - a.id)[0];
  if (!prev) return;
  for (const c of prev.charges) if (!d.charges.includes(c)) d.charges.push(c);
  for (const span of prev.evidence.charges ?? []) addEvidence(d, 'charges', span);
  for (const span of spans) addEvidence(d, 'charges', span);
  d.rules.charges ??= 'charges-same-articles';
}

/**
 * Quoted charges (translated article names) always count; an unquoted phrase only while the defendant has
 * no charge yet (later ones are usually the narrative: "accused of carrying two computers"); a bare code
 * article only while no worded charge is known.
 */
function addCharges(d: Draft, charges: ChargeFound[], base: number): void {
  const quoted = charges.filter((c) => c.quoted);
  const hadAny = d.charges.length > 0;
  const hasWorded = d.charges.some((c) => !/^Article \d/.test(c));
  const take = quoted.length ? quoted : charges.filter((c) => (c.code ? !hasWorded : !hadAny || d.charges.every((x) => /^Article \d/.test(x))));
  for (const c of take) {
    if (!d.charges.includes(c.text)) d.charges.push(c.text);
    addEvidence(d, 'charges', span(base, c.start, c.end));
    d.rules.charges ??= c.quoted ? 'charges-quoted' : c.code ? 'charges-code-article' : 'charges-phrase';
  }
}

function span(base: number, a: number, b: number): Span {
  return [base + a, base + b];
}

function placeDate(base: number, d: DateMention): Placed {
  return { value: d.value, span: span(base, d.start, d.end), key: d.value ?? d.raw };
}

function placeCourt(base: number, c: CourtMention): Placed {
  return { value: c.name, span: span(base, c.start, c.end), key: c.name };
}

function inRange<T extends { start: number }>(xs: T[], from: number, to: number): T[] {
  return xs.filter((x) => x.start >= from && x.start < to);
}

function attachAge(s: string, base: number, d: Draft, c: NameCandidate): void {
  if (d.age !== null || d.group) return;
  const age = findAgeNear(s, c.start, c.end);
  if (age) {
    d.age = age.age;
    d.evidence.age = [span(base, age.start, age.end)];
    d.rules.age = 'age-beside-name';
  }
}

function setCourt(d: Draft, court: string, span: Span, rule: string): void {
  d.court = court;
  d.evidence.court = [span];
  d.rules.court = rule;
}

/** Puts the imposed terms of a segment on a draft; true if its sentence changed. */
function applyTerms(d: Draft, terms: Term[], base: number): boolean {
  const main = terms.find((t) => t.kind !== 'fine' && t.role !== 'additional');
  const fine = terms.find((t) => t.kind === 'fine');
  const extra = terms.filter((t) => t.role === 'additional' && t.months !== null);
  const appeal = main && (main.role === 'appeal_reduced' || main.role === 'appeal_upheld');
  if (main && (!d.sentence || appeal || d.sentence.kind === 'fine')) {
    d.sentence = { kind: main.kind, months: main.months, monthsMax: main.monthsMax, fine: d.sentence?.fine ?? null };
    d.sentenceRole = main.role;
    d.evidence.sentence = [span(base, main.start, main.end)];
    d.rules.sentence = `sentence-${main.role}-${main.kind}`;
    if (appeal) {
      d.status = main.role as VerdictStatus;
      d.evidence.status = [span(base, main.start, main.end)];
      d.rules.status = `status-${main.role}`;
    }
  } else if (!main && fine && !d.sentence) {
    d.sentence = { kind: 'fine', months: null, monthsMax: null, fine: null };
    d.sentenceRole = fine.role;
    d.evidence.sentence = [];
    d.rules.sentence = `sentence-${fine.role}-fine`;
  }
  if (fine && d.sentence && !d.sentence.fine) {
    d.sentence.fine = fine.fine;
    d.evidence.sentence!.push(span(base, fine.start, fine.end));
  }
  if (extra.length && d.sentence && d.sentence.months !== null) {
    for (const t of extra) {
      d.sentence.months = Math.round((d.sentence.months + t.months!) * 10) / 10;
      d.evidence.sentence!.push(span(base, t.start, t.end));
    }
  }
  return Boolean(main || fine);
}

/**
 * Members named after their group ("Among them was NAME", "The longest term went to NAME") share what the
 * article says of the group and not of them: status, the group's charges (first: they were stated first),
 * court, date, and the group's term when it is one term — or its top/bottom for "the longest/shortest term".
 */
function shareGroupOutcomes(drafts: Draft[]): void {
  const wholeCount = new Map<number, number>();
  for (const d of drafts) {
    if (d.memberOf === null) continue;
    const g = drafts[d.memberOf]!;
    if (d.memberCue?.whole) wholeCount.set(g.id, (wholeCount.get(g.id) ?? 0) + 1);
    if (!g.status) continue;
    if (!d.status) {
      d.status = g.status;
      d.evidence.status = g.evidence.status ?? [];
      d.rules.status = 'status-of-group';
    }
    const own = d.charges.filter((c) => !g.charges.includes(c));
    if (g.charges.length) {
      d.charges = [...g.charges, ...own];
      for (const sp of g.evidence.charges ?? []) addEvidence(d, 'charges', sp);
      d.rules.charges ??= 'charges-of-group';
    }
    if (!d.court && g.court) setCourt(d, g.court, g.evidence.court?.[0] ?? [0, 0], 'court-of-group');
    // (a date the member got only from the case's last dated sentence is weaker than the group's own)
    if (g.verdictDate && (!d.verdictDate || d.rules.verdictDate === 'date-of-case')) {
      d.verdictDate = g.verdictDate;
      d.evidence.verdictDate = g.evidence.verdictDate ?? [];
      d.rules.verdictDate = 'date-of-group';
    }
    const gs = g.sentence;
    const extreme = d.memberCue?.extreme ?? null;
    if (!d.sentence && gs && (gs.monthsMax === null || extreme)) {
      const months = extreme === 'max' && gs.monthsMax !== null ? gs.monthsMax : gs.months;
      d.sentence = { kind: gs.kind, months, monthsMax: null, fine: gs.fine };
      d.evidence.sentence = g.evidence.sentence ?? [];
      d.rules.sentence = extreme ? `sentence-group-${extreme}` : 'sentence-of-group';
    }
  }
  for (const [id, n] of wholeCount) if (drafts[id]!.count === n) drafts[id]!.namedInFull = true;
  // "sentenced 22 people ..., handing the longest term to NAME. The other 21 defendants received ...": the 22
  // are NAME and the other 21
  for (const rest of drafts) {
    if (!rest.group || !rest.other) continue;
    const named = (t: Draft): number => drafts.filter((n) => !n.group && n.bornAt >= t.bornAt && n.bornAt < rest.bornAt).length;
    const total = drafts.find((t) => t.group && !t.other && t.bornAt < rest.bornAt && t.count === rest.count + named(t));
    if (total && total.count > rest.count) total.namedInFull = true;
  }
}

function keep(d: Draft): boolean {
  if (d.status === null || d.namedInFull) return false;
  // a number of people with no term is a group of defendants only when it is a stated set ("Twelve other
  // defendants ... have pleaded guilty")
  if (d.group) return d.sentence !== null || d.status === 'acquitted' || d.specific;
  return true;
}

function finish(d: Draft): VerdictRecord {
  let sentence = d.sentence;
  if (d.status === 'acquitted') sentence = { kind: 'acquitted', months: null, monthsMax: null, fine: null };
  if (d.status === 'charged_only') sentence = null;
  const verdictDate = d.status === 'charged_only' ? null : d.verdictDate;
  const evidence: VerdictRecord['evidence'] = {};
  const fields: Record<EvidenceField, unknown> = {
    name: d.name, count: d.count, age: d.age, ageRange: d.ageRange, charges: d.charges.length ? d.charges : null,
    court: d.court, sentence, verdictDate, status: d.status,
  };
  for (const [field, value] of Object.entries(fields) as Array<[EvidenceField, unknown]>) {
    const spans = d.evidence[field];
    if (value !== null && spans && spans.length) evidence[field] = spans;
  }
  if (d.status === 'acquitted' && d.evidence.status) evidence.sentence = d.evidence.status;
  const rules: VerdictRecord['rules'] = {};
  for (const field of Object.keys(evidence) as EvidenceField[]) {
    const rule = d.rules[field] ?? (field === 'sentence' && d.status === 'acquitted' ? 'sentence-acquittal' : field === 'count' ? d.rules.name : undefined);
    if (rule) rules[field] = rule;
  }
  let confidence = 0.4;
  if (d.name || d.group) confidence += 0.15;
  if (sentence) confidence += 0.15;
  if (verdictDate) confidence += 0.1;
  if (d.court) confidence += 0.1;
  if (d.charges.length) confidence += 0.1;
  if (sentence?.months && !Number.isInteger(sentence.months)) confidence -= 0.1;
  if (d.group) confidence -= 0.05;
  return {
    name: d.name, count: d.count, age: d.age, ageRange: d.ageRange, charges: d.charges, court: d.court, sentence,
    verdictDate, status: d.status!, evidence, rules, confidence: Math.max(0, Math.min(0.95, Math.round(confidence * 100) / 100)),
  };
}

/** A record for a person named earlier outside a verdict role, now found to be a defendant. */
function draftFromPerson(p: Person, newDraft: MentionContext['newDraft']): Draft {
  const d = newDraft(p.name, p.tokens, 1, false);
  addEvidence(d, 'name', p.span);
  addEvidence(d, 'count', p.span);
  d.rules.name = 'name-earlier-full-form';
  if (p.age) {
    d.age = p.age.age;
    d.evidence.age = [p.age.span];
    d.rules.age = 'age-beside-earlier-name';
  }
  return d;
}

/** The defendant mentions of one sentence, resolved to drafts (new ones are created here). */
interface MentionContext {
  drafts: Draft[];
  persons: Person[];
  newDraft: (name: string | null, tokens: string[], count: number, group: boolean) => Draft;
  lastSingular: number | null;
  lastPlural: number[];
  /** the number of the current sentence */
  clock: number;
}

// "The youth, who cannot be named for legal reasons": a later name is someone else's
const anonymousRe = /\b(?:cannot|can(?:no|['’])t|could\s+not|may\s+not)\s+be\s+(?:named|identified)\b/i;

/**
 * "A court sentenced a 35-year-old man to life ... Ilyas Toktarov was found guilty": a defendant given by age
 * alone in the sentence before is the one named now, when nobody came between and the ages agree.
 */
function unnamedToName(ctx: MentionContext, age: number | null): Draft | undefined {
  const last = ctx.drafts[ctx.drafts.length - 1];
  if (!last?.unnamed || last.anonymous || last.lastSeen !== ctx.clock - 1) return undefined;
  return age === null || age === last.age ? last : undefined;
}

function collectMentions(s: string, ctx: MentionContext, base: number): Mention[] {
  const { drafts, persons, newDraft, lastSingular, lastPlural } = ctx;
  const candidates = findNameCandidates(s);
  const accepted = findDefendantNames(s, candidates);
  const acceptedStarts = new Set(accepted.map((a) => a.start));
  // "NAME and NAME were found guilty": the first name shares the role of the next accepted one (places in
  // between belong to the list: "A, 27, of Ely, and B, 25, of Splott, appeared"); a lone surname only if it
  // is a defendant already ("Zhukovsky and Tashmatova were arrested")
  let knownRefs: Draft[] | null = null;
  const isKnown = (c: NameCandidate): boolean => c.tokens.length >= 2 || resolveSurname(c.tokens[0]!, (knownRefs ??= drafts.filter((d) => !d.group && d.tokens.length))) !== null;
  let next: NameCandidate | undefined;
  for (let i = candidates.length - 1; i >= 0; i--) {
    const c = candidates[i]!;
    if (acceptedStarts.has(c.start)) {
      next = c;
      continue;
    }
    if (!next || c.courtSide || c.possessive) continue;
    if (joinsNames(s.slice(c.end, next.start)) && isKnown(c)) {
      accepted.push({ ...c, role: 'subject', verb: null });
      acceptedStarts.add(c.start);
      next = c;
    }
  }
  // "Among them was NAME", "They include the lawyer NAME, 58, and the blogger NAME": members of the group just
  // reported (the names listed after the cue all are)
  const memberGroup = lastPlural.length === 1 && drafts[lastPlural[0]!]!.group ? lastPlural[0]! : null;
  const memberCues = new Map<number, MemberCue>();
  if (memberGroup !== null) {
    let listCue: MemberCue | null = null;
    let listEnd = -1;
    for (const c of candidates) {
      if (c.courtSide || c.possessive) continue;
      const before = s.slice(Math.max(0, c.start - 120), c.start);
      const inList: MemberCue | null = listCue !== null && memberGapRe.test(s.slice(listEnd, c.start)) ? { extreme: null, whole: (listCue as MemberCue).whole } : null;
      const cue: MemberCue | null = memberCueBefore(before) ?? inList;
      if (!cue || isNonDefendantContext(before, s.slice(c.end, c.end + 260), true)) continue;
      if (!isKnown(c)) continue;
      memberCues.set(c.start, cue);
      if (!acceptedStarts.has(c.start)) {
        accepted.push({ ...c, role: 'apposition', verb: null });
        acceptedStarts.add(c.start);
      }
      listCue = cue;
      listEnd = c.end;
    }
  }
  const mentions: Mention[] = [];
  const named = drafts.filter((d) => !d.group);
  const namedRefs = named.map((x) => ({ id: x.id, tokens: x.tokens }));
  let personRefs: Array<{ id: number; tokens: string[] }> | null = null;
  for (const c of candidates) {
    const isAccepted = acceptedStarts.has(c.start);
    let d: Draft | undefined;
    if (c.tokens.length >= 2) d = named.find((x) => sameFullName(x.tokens, c.tokens));
    if (!d && c.tokens.length === 1 && !c.courtSide) {
      const r = resolveSurname(c.tokens[0]!, namedRefs);
      if (r) d = drafts[r.id];
    }
    if (!d && isAccepted && c.tokens.length >= 2) {
      d = unnamedToName(ctx, findAgeNear(s, c.start, c.end)?.age ?? null);
      if (d) {
        // the term, date and age carry over; the named sentence tells the charges and court better ("for the
        // killing of a conscript" is the act; "A court in Almaty" is named in full later)
        d.name = c.name;
        d.tokens = c.tokens;
        d.unnamed = false;
        d.evidence.name = [];
        d.charges = [];
        d.court = null;
        delete d.evidence.charges;
        delete d.evidence.court;
        delete d.rules.charges;
        delete d.rules.court;
      } else d = newDraft(c.name, c.tokens, 1, false);
      d.rules.name = `name-${accepted.find((a) => a.start === c.start)?.role ?? 'subject'}`;
      named.push(d);
      namedRefs.push({ id: d.id, tokens: d.tokens });
    }
    if (!d && isAccepted && c.tokens.length === 1) {
      // "Beasley pleaded guilty", the full name having come earlier outside a verdict role
      const key = c.tokens[0]!;
      const r = resolveSurname(key, (personRefs ??= persons.map((p, i) => ({ id: i, tokens: p.tokens }))));
      const p = r ? persons[r.id]! : null;
      if (p) {
        d = draftFromPerson(p, newDraft);
        named.push(d);
        namedRefs.push({ id: d.id, tokens: d.tokens });
      }
    }
    if (!d) {
      const known = persons.some((p) => sameFullName(p.tokens, c.tokens));
      // a witness, lawyer or speaker named in full is remembered as such: a later "Sabirov admitted" is not a defendant
      if (!c.courtSide && !c.possessive && c.tokens.length >= 2 && !known && !isNonDefendantContext(s.slice(Math.max(0, c.start - 120), c.start), s.slice(c.end, c.end + 260))) {
        const age = findAgeNear(s, c.start, c.end);
        persons.push({ name: c.name, tokens: c.tokens, span: span(base, c.start, c.end), age: age ? { age: age.age, span: span(base, age.start, age.end) } : null, seenAt: ctx.clock });
        personRefs = null;
      }
      continue;
    }
    if (c.courtSide) continue;
    const cue = memberCues.get(c.start);
    if (cue && memberGroup !== null && d.memberOf === null && !d.group) {
      d.memberOf = memberGroup;
      d.memberCue = cue;
    }
    if (c.tokens.length > d.tokens.length) {
      d.name = c.name;
      d.tokens = c.tokens;
    }
    if (!d.evidence.name?.length || d.name === c.name) {
      addEvidence(d, 'name', span(base, c.start, c.end));
      addEvidence(d, 'count', span(base, c.start, c.end));
    }
    if (!c.possessive) attachAge(s, base, d, c);
    mentions.push({ start: c.start, end: c.end, ids: [d.id], factful: isAccepted });
  }
  for (const g of findGroups(s)) {
    if (mentions.some((m) => m.start < g.end && m.end > g.start)) continue;
    // a group that names its members right after ("two men, NAME and NAME,") is those members
    if (/^\s*,\s*\p{Lu}/u.test(s.slice(g.end, g.end + 4)) && mentions.some((m) => m.start >= g.end && m.start < g.end + 4)) continue;
    const d = newDraft(null, [], g.count, true);
    d.specific = g.specific;
    d.other = g.other;
    d.evidence.count = [span(base, g.countStart, g.countEnd)];
    d.rules.count = 'group-count';
    const range = findAgeRange(s, g.end, g.end + 80);
    if (range) {
      d.ageRange = range.range;
      d.evidence.ageRange = [span(base, range.start, range.end)];
      d.rules.ageRange = 'group-age-range';
    }
    mentions.push({ start: g.start, end: g.end, ids: [d.id], factful: true });
  }
  for (const u of findUnnamedDefendants(s)) {
    // "NAME, a 39-year-old nurse, who was given": the age describes the name just before
    if (mentions.some((m) => (m.start < u.end && m.end > u.start) || (m.end <= u.start && /^\s*,\s*$/.test(s.slice(m.end, u.start))))) continue;
    const d = newDraft(null, [], 1, false);
    d.unnamed = true;
    d.anonymous = anonymousRe.test(s);
    d.age = u.age;
    d.evidence.age = [span(base, u.ageStart, u.ageStart + String(u.age).length)];
    d.evidence.count = [span(base, u.start, u.end)];
    d.rules.age = 'age-of-unnamed';
    d.rules.count = 'unnamed-single';
    mentions.push({ start: u.start, end: u.end, ids: [d.id], factful: true });
  }
  // "Four activists ... have been cleared, while a fifth was convicted of a separate offence": the other
  // defendant's facts are not the group's (no record: "the fifth" is named later or not at all)
  // (only a sentence with a defendant in it has facts to keep apart)
  if (mentions.length && ordinalWordRe.test(s)) {
    for (const o of s.matchAll(ordinalDefendantRe)) {
      if (!mentions.some((m) => m.start < o.index + o[0].length && m.end > o.index)) mentions.push({ start: o.index, end: o.index + o[0].length, ids: [], factful: true });
    }
  }
  for (const a of findAnaphors(s)) {
    if (mentions.some((m) => m.start < a.end && m.end > a.start)) continue;
    // "the court rejected the appeal of NAME, 22, ..., and upheld his sentence": "his" is the defendant named
    // just before in the same sentence, not the one of the previous sentences
    const before = a.plural ? undefined : mentions.filter((m) => m.factful && m.end <= a.start && m.ids.length === 1 && !drafts[m.ids[0]!]!.group).pop();
    let ids = a.plural ? lastPlural : before ? [...before.ids] : lastSingular !== null ? [lastSingular] : [];
    // "The clerk, Aruzhan Kuanyshova, is 26 years old. She was found guilty": with no defendant named yet, the
    // person named in the sentence before is the one the pronoun stands for
    const person = persons[persons.length - 1];
    if (!a.plural && a.withVerb && !before && lastSingular === null && person && person.seenAt === ctx.clock - 1) {
      const known = drafts.find((x) => !x.group && sameFullName(x.tokens, person.tokens));
      ids = [(known ?? draftFromPerson(person, newDraft)).id];
    }
    if (ids.length === 0) continue;
    if (a.plural && ids.length === 1 && drafts[ids[0]!]!.group) {
      const g = drafts[ids[0]!]!;
      const range = findAgeRange(s, a.end, a.end + 80);
      if (range && !g.ageRange) {
        g.ageRange = range.range;
        g.evidence.ageRange = [span(base, range.start, range.end)];
      }
    }
    if (!a.plural && anonymousRe.test(s)) drafts[ids[0]!]!.anonymous = true;
    if (!a.plural && a.age !== null) {
      const d = drafts[ids[0]!]!;
      if (d.age === null) {
        d.age = a.age;
        d.evidence.age = [span(base, a.ageStart, a.ageStart + String(a.age).length)];
      }
    }
    mentions.push({ start: a.start, end: a.end, ids: [...ids], factful: a.withVerb });
  }
  mentions.sort((a, b) => a.start - b.start);
  // merge chains of names joined by "and" / commas into one mention: they share the facts that follow
  const merged: Mention[] = [];
  for (const m of mentions) {
    const prev = merged[merged.length - 1];
    // ... and a name and its own pronoun ("NAME, 19, who handed him ..., was sentenced") are one mention
    const samePerson = prev && prev.ids.length === m.ids.length && prev.ids.every((id, i) => m.ids[i] === id);
    if (prev && ((prev.factful && m.factful && joinsNames(s.slice(prev.end, m.start))) || (samePerson && (prev.factful || !m.factful)))) {
      prev.end = m.end;
      for (const id of m.ids) if (!prev.ids.includes(id)) prev.ids.push(id);
    } else merged.push({ ...m, ids: [...m.ids] });
  }
  return merged;
}
