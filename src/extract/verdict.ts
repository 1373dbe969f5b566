/**
 * Combines the rules into verdict records. One pass over the sentences keeps a small discourse state: the
 * case being told (its date and court, reset when a new dated verdict starts), the defendants so far, and
 * who "he" and "they" refer to. In each sentence the defendant mentions split the text into segments; the
 * facts inside a segment (terms, charges, status words) belong to the defendants of that segment.
 */
import type { EvidenceField, Sentence, Span, VerdictRecord, VerdictStatus } from './types.ts';
import { splitSentences } from './text.ts';
import { describedRecipient, findTerms, toRecipientAfterRe, type Term, type TermRole } from './rules/sentences.ts';
import { NUMBER_SRC, parseNumber } from './rules/numbers.ts';
import { findDates, type DateMention } from './rules/dates.ts';
import { findCourts, hearingVenue, isAppealTarget, isCaseVenue, isCitedAsSource, isHigherCourt, isOtherFirstInstanceCourt, namedBefore, namesCourtMoreFully, refersToSameCourt, type CourtMention } from './rules/courts.ts';
import { allCountsRe, findCharges, findGroupCharges, sameChargesRe, type ChargeFound } from './rules/charges.ts';
import { findDefendantNames, findGroups, findNameCandidates, findUnnamedDefendants, isOccupationListGap, isPlaceOrDeceased, memberCueBefore, type MemberCue, type NameCandidate } from './rules/names.ts';
import { findAgeNear, findAgeRange } from './rules/ages.ts';
import { findAnaphors, pronounOutcomeOpeningRe, relationBetween, resolveSurname, sameFullName } from './rules/coreference.ts';
import { RELATION_SRC, isNonDefendantContext } from './rules/roles.ts';
import { statusIn, isAdministrative, STATUS_RANK } from './rules/status.ts';

interface Draft {
  id: number;
  name: string | null;
  tokens: string[];
  count: number;
  age: number | null;
  ageRange: [number, number] | null;
  charges: string[];
  /** the charges taken from a weak cue (ChargeFound.weak), with their evidence: a formal charge replaces them */
  weakCharges: { texts: string[]; spans: Span[]; quoted?: string[] };
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
  lastSeen: number;
  /** the case (in the article's discourse) whose outcome this draft has */
  caseNo: number;
  /** the date of the hearing that imposed the current sentence, if stated ("sentenced Wednesday to ...") */
  sentencedOn: Placed | null;
  /** "sentenced at the same hearing": the draft whose outcome date (and court) this one shares */
  sameHearingAs: number | null;
  /** the sentence (clock) of the first mention */
  firstSeen: number;
  /** the family nouns this defendant is called by, from "NAME and his son NAME" ("son" / "father") */
  relation: string[];
  /** the lengths of terms told as this defendant's earlier ones ("already serving a nine-year term") */
  priorMonths: number[];
  /** "had already spent 127 days on remand": the time served, for a sentence of "time served" with no length */
  served: { months: number; span: Span } | null;
  /** the sentence is "time served" with no length stated with it */
  timeServedOpen: boolean;
}

/** Charges stated for a numbered set of defendants (rules/charges.ts findGroupCharges), placed in the article. */
interface StatedCharges {
  clock: number;
  count: number | null;
  charges: string[];
  spans: Span[];
  all: string[];
  allSpans: Span[];
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

/**
 * An outcome told before its defendant is named ("A TOWN man was sentenced today to N months ..." and, a
 * few sentences on, "NAME was convicted by a jury in March"): it goes to the next defendant named.
 */
interface Pending {
  /** the term, offsets in the article */
  terms: Term[];
  /** an aligned list ("three associates were sentenced to 240, 180 and 97 months, respectively") for the
   * next list of as many names */
  respective: Term[];
  /** "a jury acquitted a man accused of ...": the span of the acquittal */
  acquittal: Span | null;
  /** "Investigators have charged a local activist with X": one unnamed person charged */
  charged: boolean;
  /** the offences named with it ("was handed seven years after a court found him guilty of embezzlement") */
  charges: ChargeFound[];
  /** "A 34-year-old engineer has been jailed for 13 years": the unnamed defendant's age, a span in the article */
  age: { age: number; span: Span } | null;
  date: Placed | null;
  court: Placed | null;
  until: number;
}

/** An appeal ruling: "The same panel reduced ..." takes its date and court. */
interface AppealRuling { date: Placed | null; court: Placed | null }

interface Mention {
  start: number;
  end: number;
  ids: number[];
  /** takes the facts of its segment (a weak mention, like a surname with no verb, only splits nothing) */
  factful: boolean;
}

const IMPOSED_ROLES = new Set<TermRole>(['imposed', 'unknown', 'additional', 'appeal_upheld', 'appeal_reduced']);
// between two names of one subject: "NAME and NAME", "NAME, NAME and NAME", "NAME, 44, and NAME"
// (a list may use semicolons: "NAME, 31, of TOWN; NAME, 38, of TOWN; and NAME"; a relative may be named: "NAME, 31,
// and his brother, NAME" — with the appositive's comma, or without it: "NAME, 63, and his son NAME")
const joinRe = new RegExp(
  String.raw`^\s*(?:,\s*\d{1,3}(?:,\s*(?:of|from)\s+\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*(?:,\s+\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*)?)?\s*)?(?:,|;|[,;]?\s+and(?:\s+(?:his|her|their)\s+(?:${RELATION_SRC}|co-defendant)\s*,?)?|&)\s*$`,
  'u',
);
// "NAME's sentence", "NAME's four-year term", "NAME's appeal"
const possessiveOutcomeRe = /^['’]s\s+(?:[\w-]+\s+){0,2}?(?:sentences?|terms?|convictions?|verdicts?|appeals?|acquittals?|punishment)\b/i;
// "A, 45, a Russian national residing in Queens; B, 37, ...; and C, 52, ..., are charged": a list of
// defendants whose items are set off by semicolons (an item has no verb of its own)
const semicolonItemRe = /^\s*,[^;]{0,160};\s*(?:and\s+)?$/;
const itemVerbRe = /\b(?:was|were|is|are|has|have|had|will|would|sentenced|jailed|convicted|acquitted|received|got|given|handed|pleaded|admitted|charged|fined|said)\b/i;

/** Whether the text between two names joins them into one subject ("A and B", "A, 31; B, 58; and C"). */
function joinsNames(gap: string): boolean {
  return joinRe.test(gap) || (semicolonItemRe.test(gap) && !itemVerbRe.test(gap)) || isOccupationListGap(gap);
}
const ordinalWordRe = /(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s/i;
const ordinalDefendantRe =
  /\b(?:a|the)\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)(?:\s+(?:defendant|man|woman|person|activist|suspect|member))?\s+(?=(?:was|were|has\s+been|had\s+been)\s)/gi;
// between two members listed after a cue: ", 58, and the blogger ", ", "
const memberGapRe = /^(?:,\s*\d{1,3})?(?:,\s*(?:of|from)\s+[^,;]{1,40})?\s*(?:,|;|,?\s+and)\s+(?:(?:the|a|an)\s+)?(?:[\p{Ll}-]+\s+){0,4}$/u;
const courtWordRe = /\bcourt\b|\bOld\s+Bailey\b/i;
// a sentence that says a court gave the outcome: "imposed the sentence in", "sentenced ... at"
const pluralRulingRe = /\b(?:sentences|verdicts|convictions)\b/i;
const trialAtRe = /\btrial\s+(?:at|in|before)\b/i;
const courtRulingRe = /\b(?:imposed|sentenced|convicted|acquitted|verdicts?|upheld|handed down|heard|tried|prosecuted\s+the\s+case|read out)\b/i;
// a sentence that reports an outcome (not just mentions a trial): it dates the case
// ("according to the verdict, he beat ..." tells the offence, not the outcome)
const strongVerdictRe =
  /\b(?:sentenced|sentencing|passing\s+sentence|jailed|convicted|convictions?|received|found\s+(?:[^\s.;]+\s+){0,6}?(?:not\s+)?guilty|acquitted|pleaded guilty|(?<!according\s+to\s+the\s+)verdicts?|upheld|reduced|imprisoned|handed|ordered\s+(?:[\w.-]+\s+){0,5}?to\s+pay\s+a\s+fine)\b/iu;
// the article turns to another case: "In a separate case", "in another trial", "Separately,"
// ("Two others will be tried separately" is not)
const otherCaseRe = /^\W*(?:separately|elsewhere)\b|\b(?:(?:in|at)\s+(?:a\s+)?separate\s+(?:case|trial|hearing|proceedings?)|in\s+another\s+(?:case|trial))\b/i;
// ... or stays with the same one: "by the same court", "his co-defendant", "A third man"
const SAME_SETTING_SRC = String.raw`same\s+(?:court|judge|hearing|trial|jury|panel)`;
const sameCaseRe = new RegExp(
  String.raw`\b(?:${SAME_SETTING_SRC}|co-?defendants?|(?:a|the)\s+(?:second|third|fourth|fifth|sixth|other)\s+(?:defendant|man|woman|accused|officer|person))\b`,
  'i',
);
// ... also "Another defendant, NAME, was acquitted", "cleared by the jury in May", unless it says "In a separate case"
const continuedCaseRe = /\b(?:another\s+(?:co-?)?defendant|by\s+the\s+jury)\b/i;
// the court the charges were brought in: "An indictment was unsealed today in federal court in Brooklyn", "a
// complaint filed in", "were charged in"
const chargesBroughtInRe = /\b(?:unsealed|filed|returned|charged)\s+(?:(?:today|yesterday|(?:on\s+)?\p{Lu}\p{Ll}+day|on\s+\p{L}+)\s+)?in\s+(?:the\s+)?$/iu;
// a sentencing (not a plea or a jury's verdict): its date is the outcome's date
// the text says a court was shared: "by the same court", "at the same hearing" (not merely "his co-defendant")
const sharedCourtRe = new RegExp(String.raw`\b${SAME_SETTING_SRC}\b`, 'i');
// "imposed the sentence", "The sentence was imposed by": a court or a date told so is of a sentencing hearing
const imposedSentenceRe = /\b(?:imposed|passed|handed\s+down)\s+(?:the|this|that|these|those|his|her|their)\s+(?:[\w-]+\s+)?sentences?\b|\bsentences?\s+(?:was|were)\s+(?:imposed|passed|handed\s+down)\b/i;
// an event, and an outcome dated by it: "The protest erupted on the day the Baymak district court sentenced NAME"
const EVENT_NOUN_SRC = 'protests?|clashes|unrest|riots|rally|rallies|demonstrations?|uprising';
const eventNounRe = new RegExp(String.raw`\b(?:${EVENT_NOUN_SRC})\b`, 'i');
const eventNounAllRe = new RegExp(eventNounRe.source, 'gi');
const openQuoteBeforeRe = /["“][^"”]*$/;
const dayOfEventRe = new RegExp(String.raw`\b(?:${EVENT_NOUN_SRC})\s+(?:[\w-]+\s+){0,3}?on\s+the\s+(?:very\s+|same\s+)?day\s+(?:that\s+|when\s+)?`, 'i');
// "had been found guilty", "had been sentenced", "had pleaded guilty": told as earlier than the story
const pluperfectOutcomeRe = /\bhad\s+(?:been\s+)?$/i;
// a trial's verdict: "convicted by a federal jury", "The jury returned its verdicts", "at the end of the same trial"
// (not any trial: "found guilty after a closed trial" in a Kazakh court is the verdict and sentence in one)
const trialVerdictRe = /\b(?:jury|jurors|at\s+trial)\b|\b(?:end|close|conclusion)\s+of\s+(?:the\s+|a\s+|his\s+|her\s+|their\s+)?(?:same\s+)?trial\b/i;
// a guilty plea: "pleaded guilty", "after admitting burglary", "entered a guilty plea"
const pleaRe = /\b(?:pleaded|pled|pleads|pleading)\s+guilty\b|\badmit(?:ted|ting|s)?\b|\bguilty\s+pleas?\b/i;
const sentencingVerbRe = /\b(?:sentenced|jailed|imprisoned|locked\s+up)\b/i;
// "at the same hearing", "sentenced the same day"
const sameHearingRe = /\b(?:same\s+(?:hearing|day))\b/i;
// a sentence about the ruling with no defendant named can date it: "The verdict was read out on Wednesday",
// "Judge X, sentencing on Wednesday, said", "the jury returned not guilty verdicts on Thursday"
const laterRulingRe = /\b(?:verdicts?|sentencing|passing\s+sentence|sentences\s+were|ruling|judgment)\b/i;
// "The jury returned its verdicts in September"
const juryVerdictRe = /\b(?:jury|jurors)\b[^.;]{0,40}\bverdicts?\b/i;
const convictionVerbRe = /\b(?:sentenced|jailed|convicted|guilty|handed|given|received|imprisoned|upheld|reduced|cut)\b/i;
// a sentence that imposes a penalty on someone not named in it ("has given a suspended two-year sentence to a teacher")
// ("handing the man described as its organiser a 10-year prison term")
const pendingVerdictRe = /\b(?:sentenced|jailed|convicted|received|found guilty|imprisoned|handed|handing|given|gave|giving|locked up|fined|upheld|reduced|acquitted|cleared)\b/i;
// "who was already jailed in 2016 ...": a date told with an earlier outcome
const priorBeforeDateRe = /\b(?:already|previously|earlier|first)\b[^,;]{0,30}$/i;
// "a jury ... acquitted a man accused of ...", "found a woman not guilty": one unnamed person, named next
const acquittedOneRe = /\b(?:acquitted|cleared)\s+an?\s+\p{Ll}|\bfound\s+an?\s+\p{Ll}[\p{L}\s-]{0,40}?\s+not\s+guilty\b/u;
// the name of an appeal court ("N Court of Appeal", "appellate board of the CITY city court")
const appellateCourtRe = /\b(?:appeals?|appellate|cassation)\b/i;
// an appeal court's ruling told with its day: "announced its decision on Wednesday", "ruled on Monday"
// (not one to come: "is due to announce its decision on March 3")
const appealRulingRe = /\b(?:decision|ruling|ruled|upheld|rejected|dismissed|reduced|cut|overturned|quashed|granted)\b/i;
const futureRulingRe = /\b(?:will|would|due\s+to|scheduled|set\s+to|expected\s+to)\b/i;
// "The same panel reduced ...", "In the same hearing, the court rejected ...": the ruling told just before
const sameAppealRulingRe = /\b(?:the|that)\s+same\s+(?:panel|court|hearing|judges?|board|session|day|ruling|bench)\b/i;
const criminalRe = /\bcriminal\b/i;
// "will be sentenced in May", "is awaiting sentencing": no term yet, so none told before is theirs
const awaitingSentenceRe = /\b(?:will|is|are|to)\s+be\s+sentenced\b|\bawaiting\s+sentenc|\bsentencing\s+(?:is\s+)?(?:set|scheduled|due)\b|\bscheduled\s+to\s+be\s+sentenced\b|\bfaces\s+sentencing\b/i;
// a possessive or demonstrative before a group: "Her four accomplices", "These three men"
const definiteGroupRe = /\b(?:her|his|their|these|those|the)\s+$/i;
// between "to" and the recipient's name: "to the lawyer ", "to a former bank clerk, " (not "to a clerk, and jailed ")
const recipientDescriptionRe = /^(?:(?:the|a|an|his|her|their)\s+)?(?:[\p{Ll}-]+\s+){0,3}(?:[\p{Ll}-]+,\s+)?$/u;
const isAppeal = (s: VerdictStatus | null): boolean => s === 'appeal_upheld' || s === 'appeal_reduced';

/** The text of a field's evidence spans, each with `before` characters before it ("had pleaded | guilty"). */
function evidenceText(text: string, spans: Span[] | undefined, before: number): string {
  return (spans ?? []).map(([a, b]) => text.slice(Math.max(0, a - before), b)).join(' ');
}

function addEvidence(d: Draft, field: EvidenceField, span: Span): void {
  const list = (d.evidence[field] ??= []);
  if (!list.some(([a, b]) => a === span[0] && b === span[1])) list.push(span);
}

/** The records of one article. */
export function buildRecords(text: string, published: string | null | undefined): VerdictRecord[] {
  const drafts: Draft[] = [];
  let caseDate: Placed | null = null;
  // the case's date is of a trial's verdict ("was convicted by a jury in August", "The jury returned its verdicts in
  // September"): a defendant who pleaded guilty was not part of it
  let caseDateOfTrial = false;
  let caseCourt: Placed | null = null;
  // the case's court was named for a sentence ("imposed the sentence in the U.S. District Court for ..."): it is the
  // court of that sentencing hearing, whose date (if known) is kept here, not of a plea or of another sentencing
  let caseCourtHearing: { date: string | null } | null = null;
  let caseNo = 0;
  // per case, the date of a sentencing told before its defendant is named ("A Houston-area tax preparer was
  // sentenced Wednesday to ...", then her name and her plea "in November")
  const caseSentencing = new Map<number, Placed>();
  // per case, the court where the charges were brought ("An indictment was unsealed today in federal court in Brooklyn")
  const caseChargeCourt = new Map<number, Placed>();
  let lastSingular: number | null = null;
  // the person named in full as the subject of the sentence before, when no verdict role made them a defendant
  let prevSubject: Person | null = null;
  let lastPlural: number[] = [];
  let clock = 0;
  const persons: Person[] = [];
  const adminArticle = /\badministrative\b/i.test(text);
  let pending: Pending | null = null;
  let lastAppeal: AppealRuling | null = null;
  // the appeal court last named: the court of an appeal ruling that names none
  let appellateCourt: Placed | null = null;
  // every court named so far, in text order (a definite vaguer naming refers back to one of them)
  const namedCourts: Array<{ name: string; start: number; end: number }> = [];
  // "The same court has handed heavy sentences to others. In 2023, it sentenced NAME ...": the sentence that said so
  let sameCourtSaid = -1;
  // the date the appeal court last named gave its ruling ("The appeals collegium ... announced its decision on Wednesday")
  let appellateDate: Placed | null = null;
  // the last sentences about an event (protests, clashes): "The protest erupted on the day the court sentenced NAME" is
  // dated by the date last told of one (found only then: dates are costly)
  const eventSentences: Array<{ s: string; base: number }> = [];

  // charges stated for a numbered set of defendants before its members are named ("Two former subordinates
  // were also convicted of X. NAME, 44, received eight years.")
  const groupCharges: StatedCharges[] = [];
  // the last sentences with no defendant in a verdict role: "the same charge" may point at their charges
  const unattached: Array<{ text: string; base: number }> = [];
  // the named defendants of the sentence before: "Both had been found guilty of X" is about them
  let namedInLastSentence: number[] = [];
  // terms handed to someone described, not named ("to a former bank clerk"): for "The clerk, NAME" later
  const described: Described[] = [];

  // the drafts first told in the headline
  const headlineIds = new Set<number>();
  let headline = false;
  const newDraft = (name: string | null, tokens: string[], count: number, group: boolean): Draft => {
    const d: Draft = {
      id: drafts.length, name, tokens, count, age: null, ageRange: null, charges: [], weakCharges: { texts: [], spans: [] }, court: null, sentence: null,
      sentenceRole: null, verdictDate: null, status: null, evidence: {}, rules: {}, group, lastSeen: clock, firstSeen: clock,
      unnamed: false, anonymous: false, memberOf: null, memberCue: null, namedInFull: false, specific: false, other: false,
      caseNo, sentencedOn: null, sameHearingAs: null, relation: [], priorMonths: [], served: null, timeServedOpen: false,
    };
    drafts.push(d);
    if (headline) headlineIds.add(d.id);
    return d;
  };

  for (const sentence of splitSentences(text)) {
    clock++;
    const s = sentence.text;
    const base = sentence.start;
    // where the verdict word is (one scan, used again below)
    const verdictAt = s.search(strongVerdictRe);
    const strong = verdictAt >= 0;
    let datesCache: DateMention[] | null = null;
    // dates are costly and matter only in sentences about an outcome or a defendant
    const courts = courtWordRe.test(s) ? findCourts(s) : [];
    for (const c of courts) namedCourts.push({ name: c.name, start: base + c.start, end: base + c.end });
    const appellate = courts.find((c) => appellateCourtRe.test(c.name));
    if (appellate) appellateCourt = placeCourt(base, appellate);
    if (appellate && appealRulingRe.test(s)) {
      const day = nearest((datesCache ??= findDates(s, published).filter((d) => !d.excluded)), appellate.end);
      const between = day ? s.slice(Math.min(appellate.end, day.end), Math.max(appellate.start, day.start)) : '';
      appellateDate = day && !futureRulingRe.test(between) ? placeDate(base, day) : null;
    }
    const titleLine = isTitleCase(s);
    headline = isHeadline(text, sentence.start, s);
    // (dayOfEventRe needs an event noun: tested only then)
    const eventNoun = !titleLine && eventNounRe.test(s);
    const dayOfEvent = eventNoun && dayOfEventRe.test(s) ? lastEventDate(eventSentences, published) : null;
    if (eventNoun && eventSentences.push({ s, base }) > 20) eventSentences.shift();
    const draftsBefore = drafts.length;
    // "His passenger, NAME, 24, told police ... She later admitted ...": a sentence opening with "He/She" and a
    // verdict verb is about the person the sentence before opened with (its subject), if not yet a defendant
    if (!titleLine && prevSubject && prevSubject.seenAt === clock - 1 && pronounOutcomeOpeningRe.test(s)) {
      const p = prevSubject;
      const d = drafts.find((x) => !x.group && sameFullName(x.tokens, p.tokens)) ?? newDraft(p.name, p.tokens, 1, false);
      if (!d.rules.name) {
        d.rules.name = 'name-subject-before-pronoun';
        addEvidence(d, 'name', p.span);
        addEvidence(d, 'count', p.span);
        if (p.age) {
          d.age = p.age.age;
          d.evidence.age = [p.age.span];
          d.rules.age = 'age-beside-earlier-name';
        }
      }
      lastSingular = d.id;
    }
    const opening = titleLine ? null : openingPerson(s, { apposition: true, speakers: true });
    prevSubject = opening
      ? { name: opening.c.name, tokens: opening.c.tokens, span: span(base, opening.c.start, opening.c.end), age: { age: opening.age, span: span(base, opening.ageAt, opening.ageAt + String(opening.age).length) }, seenAt: clock }
      : null;
    const mentions: Mention[] = titleLine ? [] : collectMentions(s, { drafts, persons, newDraft, lastSingular, lastPlural, clock, caseNo }, base);
    for (const m of mentions) for (const id of m.ids) drafts[id]!.lastSeen = clock;
    const terms = findTerms(s);
    for (const t of terms) {
      const head = t.role === 'imposed' ? describedRecipient(s, t) : null;
      if (head) described.push({ term: { ...t, start: base + t.start, end: base + t.end }, head, clock });
    }
    // (CONVENTIONS.md: the headline never overrides the body; its terms, said short, may wait for a name in the body)
    const factful = headline ? [] : mentions.filter((m) => m.factful);

    // the case being told: its date, its court, and when the article turns to another case
    const otherCase = otherCaseRe.test(s);
    const sameCase = sameCaseRe.test(s) || ((continuedCaseRe.test(s) || sameCourtSaid === clock - 1) && !otherCase);
    if (!titleLine && factful.length === 0 && refersToSameCourt(s)) sameCourtSaid = clock;
    if (!sameCase && otherCase) {
      caseNo++;
      caseCourt = null;
      caseDate = null;
      caseDateOfTrial = false;
    }
    const dated = strong && !titleLine && (datesCache ??= findDates(s, published).filter((d) => !d.excluded)).length
      ? placeOutcomeDate(base, s, datesCache, verdictAt)
      : null;
    const newDate = dated !== null && caseDate !== null && dated.key !== caseDate.key;
    const rulingCourt = titleLine ? undefined : courts.find((c) => !isAppealTarget(s, c.start) && !isCitedAsSource(s, c.start));
    // new defendants sentenced on another date, with no court of their own, may be another case: the court
    // said before is not theirs ("On Monday, A was sentenced ... On Wednesday, B was sentenced ...")
    if (newDate && !rulingCourt && !sameCase && drafts.length > draftsBefore) caseCourt = null;
    // (an earlier outcome told in the past perfect is background: "NAME had been found guilty last July by the city
    // court" in a report of the appeal does not date the case's other defendants)
    const pluperfect = dated !== null && pluperfectOutcomeRe.test(s.slice(Math.max(0, verdictAt - 12), verdictAt));
    if (dated && !pluperfect) {
      caseDate = dated;
      caseDateOfTrial = trialVerdictRe.test(s) && !sentencingVerbRe.test(s);
    }
    if (rulingCourt) {
      // only where the court tries or rules ("found ... guilty", "read out the verdict", "The trial at"), not "had
      // earlier rejected his bail request"
      const rules = strong || courtRulingRe.test(s) || trialAtRe.test(s);
      const fuller = caseCourt?.value && !newDate && rules ? namesCourtMoreFully(caseCourt.value, rulingCourt.name) : false;
      if (fuller) {
        // "An Almaty court ... The case was heard by the Medeu district court of Almaty": the fullest naming
        for (const d of drafts) if (d.court === caseCourt!.value && d.caseNo === caseNo) setCourt(d, rulingCourt.name, span(base, rulingCourt.start, rulingCourt.end), 'court-named-more-fully');
      } else if (caseCourt?.value && strong && !sameCase && isOtherFirstInstanceCourt(caseCourt.value, rulingCourt.name)) {
        // "The protest erupted on the day the Baymak district court sentenced ...": another case, dated only by
        // its own sentence
        caseNo++;
        caseDate = pluperfect ? null : dated;
        caseDateOfTrial = caseDate !== null && trialVerdictRe.test(s) && !sentencingVerbRe.test(s);
      }
      caseCourt = placeCourt(base, rulingCourt);
      caseCourtHearing = imposedSentenceRe.test(s) ? { date: lastSentencing(drafts, caseNo) } : null;
    }
    const chargeCourt = courts.find((c) => chargesBroughtInRe.test(s.slice(Math.max(0, c.start - 50), c.start)));
    if (chargeCourt && !titleLine) caseChargeCourt.set(caseNo, placeCourt(base, chargeCourt));
    // "He will next appear at Liverpool Crown Court": where the charged defendant just named is to be heard
    const venue = factful.length === 0 && !titleLine ? courts.find((c) => hearingVenue(s, c.start) !== null) : undefined;
    const heard = venue ? pronounSubjects(s, lastSingular, lastPlural) : [];
    for (const id of heard) {
      const d = drafts[id]!;
      if (d.status === 'charged_only' && !d.court && d.lastSeen >= clock - 1) setCourt(d, venue!.name, span(base, venue!.start, venue!.end), 'court-of-next-hearing');
    }
    if (factful.length === 0 && !titleLine) {
      // "On Tuesday the CITY city court upheld the sentence.": an appeal ruling about "the sentence" with no name
      // is about the article's one convicted defendant, just mentioned
      const only = soleAppealSubject(s, terms, drafts, clock);
      if (only !== null) factful.push({ start: 0, end: 0, ids: [only], factful: true });
    }
    if (factful.length === 0 && !titleLine) {
      // "U.S. District Judge X imposed the sentence in the U.S. District Court for ...", "The case was heard by
      // the X court", "The verdict was read out on Wednesday": the court and date of the case's defendants
      // reported so far, when they have none yet
      // ("prosecuted the case in the U.S. District Court for ...": the court of the whole case)
      const wholeCase = rulingCourt !== undefined && isCaseVenue(s, rulingCourt.start, rulingCourt.end);
      const court = rulingCourt && (courtRulingRe.test(s) || wholeCase) ? rulingCourt : undefined;
      const date = dated && laterRulingRe.test(s) ? dated : null;
      if (dated && sentencingVerbRe.test(s) && !caseSentencing.has(caseNo)) caseSentencing.set(caseNo, dated);
      // "The sentences were imposed ...": every defendant of the case; "imposed the sentence": the last hearing's
      const allHearings = pluralRulingRe.test(s) || wholeCase;
      for (const d of drafts) {
        if (d.caseNo !== caseNo || !d.status || d.status === 'charged_only') continue;
        const thisHearing = allHearings || !d.verdictDate || d.verdictDate === caseDate?.value || d.lastSeen >= clock - 2;
        // ("The sentence was imposed in X": not the court of one who awaits sentencing)
        const ofSentence = !imposedSentenceRe.test(s) || isSentenced(d);
        if (court && !d.court && thisHearing && ofSentence) setCourt(d, court.name, span(base, court.start, court.end), 'court-in-later-ruling');
        // ("The jury returned its verdicts in September": the date of an acquittal that had only the case's sentencing date)
        const weakAcquittal = d.status === 'acquitted' && d.rules.verdictDate === 'date-of-case' && juryVerdictRe.test(s);
        if (date && (!d.verdictDate || weakAcquittal)) {
          d.verdictDate = date.value;
          d.evidence.verdictDate = date.value ? [date.span] : [];
          d.rules.verdictDate = 'date-in-later-ruling';
        }
      }
    }
    // "A separate trial of six other activists is due to begin", "A separate case against two women accused of X is
    // still being heard": an unnamed group awaiting its verdict (CONVENTIONS.md: a charged_only group)
    if (!titleLine) {
      separateTrialRe.lastIndex = 0;
      for (let m = separateTrialRe.exec(s); m; m = separateTrialRe.exec(s)) {
        const count = parseNumber(m[1]!);
        if (count === null || count < 2) continue;
        const d = newDraft(null, [], count, true);
        const at = m.index + m[0].indexOf(m[1]!, m[0].search(/\b(?:of|against)\s/));
        d.evidence.count = [span(base, at, at + m[1]!.length)];
        d.rules.count = 'group-separate-trial';
        d.status = 'charged_only';
        d.evidence.status = [span(base, m.index, m.index + m[0].length)];
        d.rules.status = 'status-separate-trial';
        // "... is still being heard by the same court": the court of the case told so far
        if (caseCourt?.value && /\bsame\s+court\b/i.test(s)) setCourt(d, caseCourt.value, caseCourt.span, 'court-same-court');
        const accused = s.slice(m.index + m[0].length).match(/^\s+(?:who\s+are\s+)?(?:accused|charged)\s+(?:of|with)\b/);
        if (accused) {
          // the offences up to the clause's verb ("accused of financing mass riots | is still being heard")
          const from = m.index + m[0].length;
          const verb = /\s(?:is|are|was|were|has|have|will)\s/.exec(s.slice(from));
          const clause = s.slice(0, verb ? from + verb.index : s.length);
          addCharges(d, inRange(findCharges(clause, { accusation: true }), from, clause.length), base, drafts);
        }
      }
    }
    if (factful.length === 0 && !titleLine && pending && pending.until >= clock && pending.terms.length) {
      // "A former executive was handed seven years ... NAME, aged 52, ran the trading arm ...": a sentence that
      // opens by introducing a person with an age names the defendant of the outcome just told
      const intro = openingPerson(s, { apposition: false, speakers: false })?.c;
      if (intro) {
        const d = drafts.find((x) => !x.group && sameFullName(x.tokens, intro.tokens)) ?? newDraft(intro.name, intro.tokens, 1, false);
        if (!d.rules.name) d.rules.name = 'name-introduced-after-outcome';
        addEvidence(d, 'name', span(base, intro.start, intro.end));
        addEvidence(d, 'count', span(base, intro.start, intro.end));
        attachAge(s, base, d, intro);
        d.lastSeen = clock;
        factful.push({ start: intro.start, end: intro.end, ids: [d.id], factful: true });
      }
    }
    const namedPrev = namedInLastSentence;
    // (most sentences have no defendant: skip building the set for them)
    namedInLastSentence = factful.length === 0 ? [] : [...new Set(factful.flatMap((m) => m.ids))].filter((id) => !drafts[id]!.group);
    if (factful.length === 0) {
      const shared = titleLine ? null : findGroupCharges(s);
      if (!titleLine && unattached.push({ text: s, base }) > 3) unattached.shift();
      if (shared) {
        const texts = (cs: ChargeFound[]): string[] => [...new Set(cs.map((c) => c.text))];
        const spans = (cs: ChargeFound[]): Span[] => cs.map((c) => span(base, c.start, c.end));
        groupCharges.push({ clock, count: shared.count, charges: texts(shared.charges), spans: spans(shared.charges), all: texts(shared.all), allSpans: spans(shared.all) });
        // "The judges cut the sentences of NAME ... and of NAME. Both had been found guilty of X": the defendants just
        // named (at most as many as the set)
        const they = namedPrev.map((id) => drafts[id]!).filter((x) => !x.charges.length);
        if (shared.backRef && they.length && they.length === namedPrev.length && (shared.count === null || they.length <= shared.count)) {
          for (const x of they) {
            x.charges = texts(shared.charges);
            for (const at of spans(shared.charges)) addEvidence(x, 'charges', at);
            x.rules.charges = 'charges-of-those-named-before';
          }
        }
      }
      // "The leader of the ring was sentenced Thursday to life" — the name comes in the next sentences
      const chargedOne = titleLine ? null : chargedOneRe.exec(s);
      if (!titleLine && (pendingVerdictRe.test(s) || chargedOne)) {
        const place = (t: Term): Term => ({ ...t, start: base + t.start, end: base + t.end });
        const single = terms.filter((t) => (t.role === 'imposed' || t.role === 'additional') && !t.respective && t.monthsMax === null);
        const respective = terms.filter((t) => t.respective && t.role === 'imposed');
        const acquittal = single.length ? null : acquittedOneRe.exec(s);
        if (single.length || respective.length || acquittal || chargedOne) {
          const at = chargedOne && !single.length && !respective.length && !acquittal ? chargedOne.index : s.search(pendingVerdictRe);
          // (a sentence's "for" names the offence too when the named defendant's own sentence tells the same term)
          const ofVerdict = offencesOfVerdict(s);
          const dates = (datesCache ??= findDates(s, published).filter((d) => !d.excluded)).filter((d) => !priorBeforeDateRe.test(s.slice(Math.max(0, d.start - 40), d.start)));
          pending = {
            terms: single.map(place), respective: respective.map(place),
            acquittal: acquittal ? span(base, acquittal.index, acquittal.index + acquittal[0].length) : null,
            charged: chargedOne !== null,
            charges: (ofVerdict.length ? ofVerdict : findCharges(s).filter((c) => c.start > at && !c.code && !c.cleared && !c.ref)).map((c) => ({ ...c, start: base + c.start, end: base + c.end })),
            age: openingAge(s, base),
            date: dates.length ? placeDate(base, nearest(dates, at)!) : null,
            court: courts.length ? placeCourt(base, courts[0]!) : null, until: clock + 6,
          };
        }
      }
      continue;
    }
    const charges = findCharges(s);
    const dates = (datesCache ??= findDates(s, published).filter((d) => !d.excluded));
    // ("the same charges": an exec loop, only when "same" is there; matchAll would clone the regex per sentence)
    const sameSpans: Array<[number, number]> = [];
    sameChargesRe.lastIndex = 0;
    for (let m = /same/i.test(s) ? sameChargesRe.exec(s) : null; m; m = sameChargesRe.exec(s)) sameSpans.push([m.index, m.index + m[0].length]);
    const firstStart = factful[0]!.start;
    // a sentence that states a term of its own does not take one told before ("pending")
    const ownTermHere = terms.some((t) => IMPOSED_ROLES.has(t.role) && t.role !== 'unknown');
    let pendingUsed = false;
    let respectiveUsed = false;

    factful.forEach((m, k) => {
      const segStart = m.start;
      const segEnd = factful[k + 1]?.start ?? s.length;
      const prefixEnd = k === 0 ? firstStart : 0;
      const off = k === 0 ? 0 : segStart;
      const segText = s.slice(off, segEnd);
      const hasConviction = convictionVerbRe.test(segText);
      // ("The appeals of A and B were rejected. Each of them will continue serving the seven-year sentences": a term
      // told of those whose appeal failed, with no sentence yet, is the one kept)
      const keptOnAppeal = m.ids.every((id) => drafts[id]!.status === 'appeal_upheld' && !drafts[id]!.sentence);
      const loose = hasConviction || keptOnAppeal;
      let segTerms = usableTerms(inRange(terms, segStart, segEnd), m, loose, factful, s);
      if (segTerms.length === 0) segTerms = usableTerms(inRange(terms, 0, prefixEnd), m, loose, factful, s);
      if (segTerms.length === 0) segTerms = terms.filter((t) => recipientOf(t, factful, s) === m && IMPOSED_ROLES.has(t.role));
      let segCharges = inRange(charges, segStart, segEnd);
      if (segCharges.length === 0) segCharges = inRange(charges, 0, prefixEnd);
      const same = [...sameSpans.filter(([a]) => a >= segStart && a < segEnd), ...(k === 0 ? sameSpans.filter(([a]) => a < firstStart) : [])];
      const status = statusIn(segText, segTerms.map((t) => ({ ...t, start: t.start - off, end: t.end - off })));
      // ("convicted under Article N of the Criminal Code, having already been fined under the administrative
      // code": the criminal conviction is the outcome)
      const admin = isAdministrative(segText) && !criminalRe.test(segText);
      // the date goes with the sentence when there is one ("pleaded guilty in January ... sentenced on Wednesday to")
      // (an appeal ruling's date is by its own verb: "on Tuesday rejected the appeal of NAME, who was sentenced in
      // April to four years")
      // (also for a term kept: "rejected an appeal ..., leaving in place the probation imposed on him in October")
      const appealCue = status && isAppeal(status.status) && (status.status === 'appeal_upheld' || !segTerms.some((t) => t.role === status.status));
      const anchor = appealCue ? status.start + off : segTerms[0] ? segTerms[0].start : status ? status.start + off : segStart;
      const outcomeDates = dates.filter((d) => !inOffenceClause(s, d, anchor));
      const localDates = outcomeDates.filter((d) => d.start >= off && d.start < segEnd);
      const date = nearest(localDates.length ? localDates : outcomeDates, anchor);
      const court = inRange(courts, segStart, segEnd)[0] ?? courts[0];

      const respective = segTerms.filter((t) => t.respective);
      const allNamed = m.ids.every((id) => !drafts[id]!.group);
      m.ids.forEach((id, i) => {
        const d = drafts[id]!;
        const own = respective.length === m.ids.length && respective.length > 1 ? [respective[i]!] : segTerms.filter((t) => !t.respective || respective.length === 1);
        const known = d.charges.length;
        addCharges(d, segCharges, base, drafts);
        if (same.length) {
          const added = d.charges.slice(known);
          copyCharges(d, drafts, same.map(([a, b]) => span(base, a, b)), unattached);
          // in order of mention: "found guilty of the same offence and of possession of ..."
          if (same[0]![0] < (segCharges[0]?.start ?? Infinity)) d.charges = [...d.charges.slice(0, known), ...d.charges.slice(known + added.length), ...added];
        }
        // "The other five defendants were found guilty on both counts": the counts stated before for the set
        const stated = groupCharges[groupCharges.length - 1];
        if (!d.charges.length && stated && clock - stated.clock <= 8 && allCountsRe.test(segText)) {
          d.charges = [...stated.all];
          for (const at of stated.allSpans) addEvidence(d, 'charges', at);
          d.rules.charges = 'charges-all-counts';
        }
        const before = d.status;
        const sentenceBefore = sentenceKey(d.sentence);
        // administrative arrests and fines are not criminal cases (CONVENTIONS.md): days or a fine told under the
        // administrative code, or, in an article about such cases, days ("the student NAME, 19, who
        // received 10 days") or a fine for someone with no criminal verdict ("A pensioner, NAME, was fined 20,000 rubles")
        const daysOrFine = own.length > 0 && own.every((t) => t.kind === 'fine' || (t.kind === 'prison' && t.months !== null && t.months <= 1));
        // (a fine "for \"CHARGE\"" names a criminal offence: "ordered NAME to pay a fine of N rubles for \"justifying terrorism\"")
        const criminalFine = segCharges.some((c) => c.quoted);
        const adminTerm = daysOrFine && (admin || (adminArticle && !criminalFine && (own.every((t) => t.kind === 'prison') || d.status === null)));
        if (adminTerm) return;
        // "already serving a nine-year term ... He was sentenced in 2023 to nine years": the earlier term told again,
        // with its verdict and date, is not the outcome of the case the article is about
        const priorAgain = own.length > 0 && own.every((t) => (t.role === 'imposed' || t.role === 'unknown') && t.months !== null && d.priorMonths.includes(t.months));
        for (const t of inRange(terms, segStart, segEnd)) if (t.role === 'prior' && t.months !== null) d.priorMonths.push(t.months);
        if (priorAgain) return;
        let sentenceSet = applyTerms(d, own, base);
        if (sentenceSet) d.timeServedOpen = own.some((t) => t.timeServed && t.months === null && d.evidence.sentence?.[0]?.[0] === base + t.start);
        const served = inRange(terms, segStart, segEnd).find((t) => t.role === 'served' && t.kind === 'prison' && t.months !== null);
        if (served && !d.served) d.served = { months: served.months!, span: span(base, served.start, served.end) };
        // an outcome told before the name: its terms, its aligned list, or its acquittal
        let carried: Pending | null = null;
        let segStatus = status;
        const live = pending && pending.until >= clock && allNamed ? pending : null;
        // the outcome's unnamed "A 34-year-old engineer" is the first defendant named after it
        if (live?.age && m.ids.length === 1 && d.age === null && k === 0) {
          d.age = live.age.age;
          d.evidence.age = [live.age.span];
          d.rules.age = 'age-of-outcome-before-name';
        }
        if (live && m.ids.length > 1 && live.respective.length === m.ids.length && !d.sentence) {
          sentenceSet = applyTerms(d, [live.respective[i]!], 0);
          carried = live;
          respectiveUsed = true;
        } else if (live && m.ids.length === 1 && !ownTermHere && !d.sentence && live.terms.length && !awaitingSentenceRe.test(segText)) {
          sentenceSet = applyTerms(d, live.terms, 0);
          carried = live;
        } else if (live && m.ids.length === 1 && live.acquittal && (!status || status.status === 'charged_only') && !isAppeal(d.status)) {
          segStatus = { status: 'acquitted', start: live.acquittal[0] - base, end: live.acquittal[1] - base };
          carried = live;
        }
        if (carried) {
          pendingUsed = true;
          if (!d.charges.length) addCharges(d, carried.charges, 0, drafts);
          if (!segStatus && sentenceSet) segStatus = { status: 'convicted', start: d.evidence.sentence![0]![0] - base, end: d.evidence.sentence![0]![1] - base };
        }
        // the offences of an outcome or charge told before the name go to the first defendant named after it also
        // when his own sentence tells that term again or his charge ("A 34-year-old engineer has been jailed for 13
        // years for treason. NAME was given a custodial sentence of 13 years"; "have charged a local activist with X.
        // NAME, 27, was charged on Wednesday")
        const retold = live?.charged ? status?.status === 'charged_only' : own.length > 0 && own.every((t) => live?.terms.some((p) => p.kind === t.kind && p.months === t.months));
        if (live && !carried && k === 0 && m.ids.length === 1 && !d.charges.length && retold) {
          addCharges(d, live.charges, 0, drafts);
          pendingUsed = true;
        }
        const pendingDate = carried?.date ?? null;
        // a term said again ("had a prior conviction in 2015 for which he received 18 months") changes nothing
        const sentenceChanged = sentenceSet && sentenceKey(d.sentence) !== sentenceBefore;
        const ownDate = pendingDate ?? (date ? placeDate(base, date) : dayOfEvent);
        // "They were sentenced on Friday": a sentencing date, even when the term is told in another sentence (not
        // when a term here is another one: "was sentenced on 29th February 2016 to eight years" for a prior case)
        // (a concurrent part is of this sentence: "He was sentenced on Thursday ..., who gave him a concurrent term of
        // 18 months for the knife offence")
        const termless = !sentenceSet && !inRange(terms, segStart, segEnd).some((t) => !isConcurrentPart(s, t));
        const sentencing = ownDate !== null && (sentenceChanged || (termless && sentencingVerbRe.test(segText)));
        if (sentencing) d.sentencedOn = ownDate;
        if (!segStatus || (admin && !sentenceSet)) return;
        // an acquittal later overturned, with a retrial to come: on trial again (CONVENTIONS.md)
        if (segStatus.overturned) {
          reopen(d, span(base, segStatus.start + off, segStatus.end + off));
          return;
        }
        // a pending outcome's span is in the article already, not in this segment
        const statusSpan: Span = carried && segStatus !== status ? [segStatus.start + base, segStatus.end + base] : span(base, segStatus.start + off, segStatus.end + off);
        const rank = STATUS_RANK[segStatus.status];
        const prevRank = d.status ? STATUS_RANK[d.status] : -1;
        const upgrade = rank > prevRank;
        if (upgrade) {
          d.status = segStatus.status;
          d.evidence.status = [statusSpan];
          d.rules.status = carried?.acquittal && segStatus !== status ? 'status-acquitted-before-name' : `status-${segStatus.status}`;
          d.caseNo = caseNo;
        }
        if (isAppeal(d.status)) {
          // CONVENTIONS.md: an appeal status takes the appeal ruling's date and court; what the article says
          // afterwards about the first instance ("was convicted in June by the X court") changes neither
          if (d.status !== before) lastAppeal = setAppealRuling(d, { s, base, courts, segStart, segEnd, date, lastAppeal, appellateCourt, appellateDate });
          return;
        }
        if (d.status === 'charged_only') {
          // ("appeared at Cardiff Magistrates' Court ... will next appear at Cardiff Crown Court": the trial venue)
          const venue = inRange(courts, segStart, segEnd).find((x) => hearingVenue(s, x.start) === 'trial');
          const c = venue ?? inRange(courts, segStart, segEnd)[0];
          const brought = caseChargeCourt.get(caseNo);
          if (venue && d.rules.court !== 'court-trial-venue') setCourt(d, venue.name, span(base, venue.start, venue.end), 'court-trial-venue');
          else if (!d.court && c) setCourt(d, c.name, span(base, c.start, c.end), 'court-of-charge');
          else if (!d.court && brought?.value) setCourt(d, brought.value, brought.span, 'court-charges-brought');
          // "is awaiting trial in the same court": the court of the case told so far
          else if (!d.court && caseCourt?.value && refersToSameCourt(segText)) setCourt(d, caseCourt.value, caseCourt.span, 'court-same-court');
          return;
        }
        // "sentenced at the same hearing", "on the same day": the date (and court) of the outcome just reported
        const sameHearing = !ownDate && sameHearingRe.test(segText) ? sameHearingDraft(drafts, m.ids, sentenceSet) : null;
        if (sameHearing) d.sameHearingAs = sameHearing.id;
        // (the link stands over a date only inherited from the case: "At the same hearing she was handed 16 months")
        const linked = sameHearing !== null && d.rules.verdictDate === 'date-of-case';
        // the date of the latest outcome: an appeal over the verdict, a sentencing over a plea — also when the
        // sentencing came first ("was sentenced Wednesday ... She pleaded guilty in November")
        const sentencedBefore = !sentencing && d.status === 'convicted' ? d.sentencedOn : null;
        // a guilty plea or a sentence after one was not given at the trial whose verdict dates the case ("Twelve other
        // defendants have pleaded guilty and are awaiting sentencing"): no date from the case, nor its court unless
        // the text links them ("sentenced by the same court")
        const pleaOutsideTrial = caseDateOfTrial && (pleaRe.test(segText) || pleaRe.test(evidenceText(text, d.evidence.status, 20)));
        const when = sentencedBefore ?? ownDate ?? (sameHearing ? sameHearing.date : pleaOutsideTrial ? null : caseDate);
        // (a date only inherited from the case gives way to one stated for this defendant)
        // (an arrest or a charge told after the verdict does not date it: "was arrested in a raid ... in February last year")
        const weakDate = d.rules.verdictDate === 'date-of-case' && ownDate !== null && rank >= prevRank;
        if (when && (upgrade || !d.verdictDate || weakDate || sentencing || linked)) {
          d.verdictDate = when.value;
          d.evidence.verdictDate = when.value ? [when.span] : [];
          d.rules.verdictDate = sentencedBefore || pendingDate ? 'date-of-next-sentence' : date ? 'date-in-verdict-sentence' : sameHearing ? 'date-same-hearing' : ownDate && ownDate === dayOfEvent ? 'date-of-event-day' : 'date-of-case';
        }
        // an acquittal told before the name has its court there ("a jury in the REGION Regional Court ... acquitted
        // a man"); a term told so leaves the court to the usual rules (a later, fuller naming often follows)
        const acquittalCourt = carried?.acquittal && segStatus !== status && !court ? carried.court : null;
        // an appeal ruling is not the first-instance court's: the case's court counts only if it is a higher one
        // (a court named for a sentencing hearing is not that of a plea, nor of a sentencing on another date: "He was
        // sentenced in August to life")
        const sharedCourt = sharedCourtRe.test(s);
        const otherHearing = caseCourtHearing !== null && !sharedCourt && (!isSentenced(d) || (d.sentencedOn !== null && caseCourtHearing.date !== null && d.sentencedOn.key !== caseCourtHearing.date));
        const caseWhere = caseCourt?.value && (!isAppeal(d.status) || isHigherCourt(caseCourt.value)) && !(pleaOutsideTrial && !when && !sharedCourt) && !otherHearing ? caseCourt : null;
        const where = acquittalCourt ?? (court ? placeCourt(base, court) : caseWhere);
        if (where?.value && (upgrade || !d.court)) setCourt(d, where.value, where.span, acquittalCourt ? 'court-of-acquittal-before-name' : court ? 'court-in-verdict-sentence' : 'court-of-case');
      });
    });
    // "found NAME2 not guilty ... after a two-week trial in the X court": the court of the whole trial, so also of
    // the co-defendants of this case told before with no court of their own
    if (rulingCourt && trialAtRe.test(s)) {
      for (const d of drafts) {
        if (d.caseNo === caseNo && !d.court && d.status && d.status !== 'charged_only' && !isAppeal(d.status)) setCourt(d, rulingCourt.name, span(base, rulingCourt.start, rulingCourt.end), 'court-of-trial');
      }
    }
    // a pending term or acquittal goes to the first defendant named after it, or to no one; an aligned list
    // waits for its list of names
    if (pending && (pendingUsed || factful.some((m) => m.ids.some((id) => !drafts[id]!.group)))) {
      pending = respectiveUsed || !pending.respective.length ? null : { ...pending, terms: [], acquittal: null, charged: false, charges: [] };
    }

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
  shareGroupCharges(drafts, groupCharges);
  shareGroupOutcomes(drafts);
  giveDescribedTerms(text, drafts, described);
  for (const d of drafts) {
    // "had already spent 127 days on remand ... The judge sentenced him to time served": the time served, stated
    if (d.timeServedOpen && d.sentence && d.sentence.months === null && d.served) {
      d.sentence.months = d.served.months;
      d.evidence.sentence!.push(d.served.span);
    }
  }
  for (const d of drafts) {
    // sentenced, but dated only by a plea or a conviction: the case's sentencing told before the name
    const sentencing = caseSentencing.get(d.caseNo);
    if (sentencing && d.status === 'convicted' && d.sentence && !d.sentencedOn && d.rules.verdictDate !== 'date-same-hearing') {
      d.verdictDate = sentencing.value;
      d.evidence.verdictDate = sentencing.value ? [sentencing.span] : [];
      d.rules.verdictDate = 'date-of-case-sentencing';
    }
  }
  for (const d of drafts) {
    // "at the same hearing": the date and court that hearing got in the end (it may be said after this one)
    const ref = d.sameHearingAs !== null ? drafts[d.sameHearingAs]! : null;
    if (ref && ref.verdictDate && (!d.verdictDate || d.rules.verdictDate === 'date-same-hearing' || d.rules.verdictDate === 'date-of-case')) {
      d.verdictDate = ref.verdictDate;
      d.evidence.verdictDate = ref.evidence.verdictDate ?? [];
      d.rules.verdictDate = 'date-same-hearing';
    }
    if (ref && ref.court && !d.court) {
      d.court = ref.court;
      d.evidence.court = ref.evidence.court ?? [];
      d.rules.court = 'court-same-hearing';
    }
  }
  for (const d of drafts) {
    // "the city court" after "the Bishkek City Court": the fullest naming of the court it refers back to
    const at = d.evidence.court?.[0];
    const before = d.court && at ? namedBefore(text, at[0], d.court, namedCourts) : null;
    if (before) setCourt(d, before.name, [before.start, before.end], 'court-named-before');
  }
  for (const d of drafts) {
    // the name's evidence is where it is written in full (a surname alone supports it less)
    const full = (d.evidence.name ?? []).filter(([a, b]) => text.slice(a, b) === d.name);
    if (full.length) d.evidence.name = d.evidence.count = d.group ? d.evidence.count : full;
  }
  // a group told in the headline and again in the body ("nine co-defendants jailed" / "Nine other defendants in the
  // same case ... were sentenced to between seven and 25 years"): the body's record (the headline never overrides it)
  const restated = (g: Draft): boolean =>
    g.group && headlineIds.has(g.id) && g.lastSeen === g.firstSeen && drafts.some((x) => x.group && x.count === g.count && !headlineIds.has(x.id));
  return drafts.filter((d) => keep(d) && !restated(d)).map(finish);
}

// after the verdict verb, these start the story of the offence: "found guilty of vandalism over the words ...
// painted in October 2022", "sentenced ... after he abandoned his post in March", "citing the fact that he had returned a rifle on January 8"
const offenceClauseRe = /\b(?:over|after|because|citing|that|who|whom|which|where|whose)\b/i;
// a relative clause before the verb: "Avdeyev, who left Russia in 2021, was sentenced", "NAME, a 39-year-old
// who left Kazakhstan in 2021, was found guilty"
const relativeClauseRe = /^\s*(?:who|which|where|when|whose)\b|\b(?:who|whose)\s/i;

/** Whether a date is told of the offence or of someone's life, not of the outcome whose verb is at `at`. */
function inOffenceClause(s: string, d: DateMention, at: number): boolean {
  if (d.start > at) return offenceClauseRe.test(s.slice(at, d.start));
  const clause = s.slice(s.lastIndexOf(',', d.start) + 1, d.start);
  return relativeClauseRe.test(clause);
}

/** The date last told of an event (protests, clashes) in the sentences given, latest first. */
function lastEventDate(list: Array<{ s: string; base: number }>, published: string | null | undefined): Placed | null {
  for (let k = list.length - 1; k >= 0; k--) {
    const { s, base } = list[k]!;
    // (the event's date may be one the outcome rules leave out as an event's: "the January 2022 unrest"; an event word
    // inside a quoted charge, "participation in mass riots", is no event)
    const ats = [...s.matchAll(eventNounAllRe)].map((m) => m.index).filter((i) => !openQuoteBeforeRe.test(s.slice(Math.max(0, i - 40), i)));
    // (not the day something was said of it: "for their part in clashes, the press service said on Thursday")
    const days = findDates(s, published).filter((d) => d.value !== null && (!d.excluded || eventNounRe.test(s.slice(d.end, d.end + 20))) && ats.some((i) => Math.abs(d.start - i) <= 80));
    const day = ats.length ? nearest(days, ats[0]!) : undefined;
    if (day) return placeDate(base, day);
  }
  return null;
}

/** The date of the outcome whose verb is at `at`, if the sentence states it. */
function placeOutcomeDate(base: number, s: string, dates: DateMention[], at: number): Placed | null {
  const d = nearest(dates.filter((x) => !inOffenceClause(s, x, at)), at);
  return d ? placeDate(base, d) : null;
}

// "a concurrent term of 18 months", "18 months, to run concurrently", "12 months concurrent"
const concurrentBeforeRe = /\bconcurrent\s+(?:[\w-]+\s+)?(?:terms?|sentences?)\s+of\s+$/i;
const concurrentAfterRe = /^(?:\s+(?:in\s+prison|imprisonment|jail|detention))?,?\s+(?:to\s+(?:run|be\s+served)\s+)?concurrent(?:ly)?\b/i;

/** Whether a term is a concurrent part of a sentence (it does not stand for a sentence of its own). */
function isConcurrentPart(s: string, t: Term): boolean {
  return concurrentBeforeRe.test(s.slice(Math.max(0, t.start - 40), t.start)) || concurrentAfterRe.test(s.slice(t.end, t.end + 40));
}

/** The date of the case's last sentencing told (of the defendant last mentioned with one). */
function lastSentencing(drafts: Draft[], caseNo: number): string | null {
  let best: Draft | null = null;
  for (const x of drafts) if (x.caseNo === caseNo && x.sentencedOn && (!best || x.lastSeen >= best.lastSeen)) best = x;
  return best?.sentencedOn?.key ?? null;
}

const isSentenced = (x: Draft): boolean => x.sentence !== null && x.sentence.kind !== 'acquitted' && x.status !== 'charged_only';

/** What a sentence is, to tell whether a term said again changed it. */
function sentenceKey(x: Sentence | null): string {
  return x ? `${x.kind}|${x.months}|${x.monthsMax}|${x.fine}` : '';
}

/**
 * The defendant "at the same hearing" refers to: the last one reported with an outcome, outside this mention; for
 * a sentence given "at the same hearing", the last one sentenced (a jury's acquittal told in between was at the trial).
 */
function sameHearingDraft(drafts: Draft[], ids: number[], sentenced: boolean): { id: number; date: Placed | null } | null {
  const anySentenced = sentenced && drafts.some((x) => !ids.includes(x.id) && isSentenced(x));
  let best: Draft | null = null;
  for (const x of drafts) {
    if (ids.includes(x.id) || !x.status || x.status === 'charged_only' || (anySentenced && !isSentenced(x))) continue;
    if (!best || x.lastSeen > best.lastSeen || (x.lastSeen === best.lastSeen && x.id > best.id)) best = x;
  }
  if (!best) return null;
  const span = best.evidence.verdictDate?.[0];
  return { id: best.id, date: best.verdictDate && span ? { value: best.verdictDate, span, key: best.verdictDate } : null };
}

// "a separate trial of six other activists", "a separate case against two women"
const separateTrialRe = new RegExp(
  `\\bseparate\\s+(?:trial|case|proceedings)\\s+(?:of|against)\\s+(${NUMBER_SRC})\\s+(?:other\\s+|more\\s+)?(?:people|men|women|activists|defendants|protesters|suspects|officers|members|journalists|students|teenagers|youths)\\b`,
  'gi',
);

// "Investigators have charged a local activist with", "A man has been charged with": one unnamed person charged, named next
const chargedOneRe = /\bcharged\s+an?\s+(?:[\p{Ll}-]+\s+){0,3}?[\p{Ll}-]+\s+with\b|^An?\s+(?:[\p{Ll}\d-]+\s+){0,4}?(?:has\s+been|was|is)\s+charged\s+with\b/u;
// "found him guilty of", "convicted of": the offences follow (a bare "for ..." is often the act, not the offence)
const guiltyOfRe = /\b(?:guilty|convicted)\s+(?:[\w-]+\s+){0,2}?of\b/i;

/** The offences a sentence names after "guilty of" / "convicted of", if any. */
function offencesOfVerdict(s: string): ChargeFound[] {
  const m = guiltyOfRe.exec(s);
  return m ? findCharges(s).filter((c) => c.start >= m.index) : [];
}

// "A 34-year-old engineer from CITY has been jailed ...": the age of the unnamed subject opening a sentence
const openingAgeRe = /^(?:[\p{Lu}\s,.]{1,60}[—–-]+\s*)?An?\s+(\d{1,3})-year-old\b/u;

function openingAge(s: string, base: number): { age: number; span: Span } | null {
  const m = openingAgeRe.exec(s);
  if (!m) return null;
  const at = m[0].lastIndexOf(m[1]!);
  return { age: Number(m[1]), span: span(base, at, at + m[1]!.length) };
}

// "His passenger, NAME, 24, told ...": a subject in apposition to a noun phrase of up to four words
const openingAppositionRe = /^(?:(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Aa]n?)\s+)?(?:[\p{Ll}-]+\s+){0,3}?[\p{Ll}-]+,\s*$/u;

/**
 * The person a sentence opens with, named in full with an age ("NAME, 52, ran ...", "Mr NAME (52)"), unless a
 * judge, lawyer, victim or the like. `apposition` also allows "His passenger, NAME, 24,"; `speakers` allows
 * "NAME, 24, told police" (a witness now, who may be the subject of the next sentence's "She later admitted").
 */
function openingPerson(s: string, options: { apposition: boolean; speakers: boolean }): { c: NameCandidate; age: number; ageAt: number } | null {
  const c = findNameCandidates(s.slice(0, 160), 1)[0];
  if (!c || c.courtSide || c.possessive || c.tokens.length < 2) return null;
  const before = s.slice(0, c.start);
  if (!openingTitleRe.test(before) && !(options.apposition && openingAppositionRe.test(before))) return null;
  const after = s.slice(c.end, c.end + 260);
  const age = introAgeAfterRe.exec(after);
  if (!age || isNonDefendantContext(before, '')) return null;
  // (the role may follow the age: "NAME, 61, his lawyer, said")
  const rest = after.slice(age[0].length);
  if (options.speakers ? isNonDefendantContext('', rest.replace(/^\s*(?:said|says|told|added)\b/, '')) : isNonDefendantContext('', after) || isNonDefendantContext('', rest)) return null;
  const years = Number(/\d{1,3}/.exec(age[0])![0]);
  return { c, age: years, ageAt: c.end + age[0].search(/\d/) };
}

// "NAME, 52,", "NAME, aged 52,", "NAME (52)" at the start of a sentence
const introAgeAfterRe = /^(?:,\s*(?:aged\s+)?\d{1,3}\s*,|\s*\(\d{1,3}\))/;
// nothing but a title before an opening name
const openingTitleRe = /^(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?$/;

// (module functions, not closures in the sentence loop: tsx's keepNames names every closure as it is made)
/**
 * "handing the longest term, 16 years, to the lawyer NAME": such a term is only for the one named right after it,
 * and for no one when that is someone unnamed ("a sentence to a former bank clerk"); undefined for other terms.
 */
function recipientOf(t: Term, factful: Mention[], s: string): Mention | null | undefined {
  return t.toAfter ? factful.find((m) => m.start >= t.end && m.start <= t.end + 60 && isRecipientGap(s.slice(t.end, m.start))) ?? null : undefined;
}

/** The terms of `list` mention `m` takes: imposed ones ("unknown" ones only if `loose`), not handed to someone else. */
function usableTerms(list: Term[], m: Mention, loose: boolean, factful: Mention[], s: string): Term[] {
  return list.filter((t) => {
    if (!IMPOSED_ROLES.has(t.role) || (t.role === 'unknown' && !loose)) return false;
    const r = recipientOf(t, factful, s);
    return r === undefined || r === m;
  });
}

/** Whether the text between a handed term and a mention is "to" and a short description: the mention is the recipient. */
function isRecipientGap(gap: string): boolean {
  const to = toRecipientAfterRe.exec(gap);
  return to !== null && recipientDescriptionRe.test(gap.slice(to[0].length));
}

/** The date closest to a position (the status verb): "sentenced on Thursday ... a jury last month" */
function nearest(dates: DateMention[], at: number): DateMention | undefined {
  let best: DateMention | undefined;
  for (const d of dates) if (!best || Math.abs(d.start - at) < Math.abs(best.start - at)) best = d;
  return best;
}

/** The article's first line when it stands alone (no full stop, a blank line after it): its headline. */
function isHeadline(text: string, start: number, s: string): boolean {
  return start < 4 && !/[.!?]["”’]?$/.test(s) && /^[ \t]*\r?\n[ \t]*\r?\n/.test(text.slice(start + s.length, start + s.length + 8));
}

/** "Headline Words In Title Case" — names there are not in a verdict role, and the line repeats the body. */
function isTitleCase(s: string): boolean {
  if (/[.!?]["”’]?$/.test(s)) return false;
  const words = s.split(/\s+/).filter((w) => /^\p{L}/u.test(w));
  if (words.length < 4) return false;
  const capital = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return capital / words.length > 0.7;
}

/**
 * "Under the same articles": the charges told last before this one — of another defendant, or of a sentence
 * about no named defendant ("Her four accomplices ... received jail terms ... for “fraud ...”").
 */
function copyCharges(d: Draft, drafts: Draft[], spans: Span[], unattached: Array<{ text: string; base: number }>): void {
  const lastCharge = (x: Draft): number => Math.max(-1, ...(x.evidence.charges ?? []).map(([a]) => a));
  const prev = drafts.filter((x) => x.id !== d.id && x.charges.length).sort((a, b) => lastCharge(b) - lastCharge(a) || b.id - a.id)[0];
  let charges = prev?.charges ?? [];
  let from = prev?.evidence.charges ?? [];
  for (let i = unattached.length - 1; i >= 0; i--) {
    const u = unattached[i]!;
    if (prev && u.base < lastCharge(prev)) break;
    // a narrative "for ..." there is no charge: quoted or formal ones only
    const found = findCharges(u.text).filter((c) => !c.ref && !c.cleared && !c.code && (c.quoted || !c.weak));
    if (found.length) {
      charges = found.map((c) => c.text);
      from = found.map((c) => span(u.base, c.start, c.end));
      break;
    }
  }
  if (!charges.length) return;
  for (const c of charges) if (!d.charges.includes(c)) d.charges.push(c);
  for (const span of from) addEvidence(d, 'charges', span);
  for (const span of spans) addEvidence(d, 'charges', span);
  d.rules.charges ??= 'charges-same-articles';
}

/**
 * A named defendant with no charge of his own, first named within a few sentences after a numbered set of
 * defendants whose charges are stated ("Two Michigan residents were sentenced ... NAME ... His co-defendant, NAME
 * ... Both pleaded guilty to X"), takes that set's charges: he is one of them. A group of that size told just
 * before ("jailed four members of the group ... Her four accomplices ... received jail terms for X") is that set;
 * a smaller one is part of it ("acquitted 22 of the 27 ... All 27 were charged with X").
 */
function shareGroupCharges(drafts: Draft[], stated: StatedCharges[]): void {
  const sources = [
    ...stated,
    // ("The other seven defendants were sentenced ... for X": the rest, not those named after them)
    ...drafts.filter((g) => g.group && !g.other && g.charges.length).map((g) => ({ clock: g.firstSeen, count: g.count, charges: g.charges, spans: g.evidence.charges ?? [] })),
  ];
  for (const d of drafts) {
    if (d.charges.length) continue;
    // a group: a set of its size, else a larger set it is part of ("acquitted 22 of the 27 ... All 27 were charged with X")
    const later = stated.filter((x) => d.firstSeen < x.clock && x.clock - d.firstSeen <= 6 && (x.count === null || x.count >= d.count));
    const source = d.group
      ? (later.find((x) => x.count === d.count) ?? later[0])
      : sources.filter((x) => x.clock < d.firstSeen && d.firstSeen - x.clock <= 4).sort((a, b) => b.clock - a.clock)[0];
    if (!source) continue;
    d.charges = [...source.charges];
    for (const at of source.spans) addEvidence(d, 'charges', at);
    d.rules.charges = 'charges-of-group';
  }
}

/**
 * Quoted charges (translated article names) count unless they come from a weak cue after a formal charge; an
 * unquoted phrase only while the defendant has no charge yet (later ones are usually the narrative: "accused of
 * carrying two computers"); a bare code article only while no worded charge is known. A formal charge ("convicted
 * of", "pleaded guilty to") replaces the weak ones ("jailed for six years for the bombing of ...").
 */
function addCharges(d: Draft, found: ChargeFound[], base: number, drafts: Draft[]): void {
  // "cleared of murder but convicted of manslaughter": the offences of conviction
  let charges = found.some((c) => !c.cleared) ? found.filter((c) => !c.cleared) : found;
  // "admitted the conspiracy charge": the offence named before that starts with these words
  charges = charges.flatMap((c) => {
    if (!c.ref) return [c];
    const named = drafts.flatMap((x) => x.charges).find((x) => x.toLowerCase().startsWith(c.ref!.toLowerCase()));
    return named ? [{ ...c, text: named }] : [];
  });
  // (a quoted charge, a translated article name, also replaces a narrative phrase: "one of the teenagers convicted of
  // plotting to blow up a building ... sentenced to six years for “undergoing training ...”")
  const narrative = d.weakCharges.texts.length > 0 && d.weakCharges.texts.every((t) => !d.weakCharges.quoted?.includes(t));
  const formal = charges.some((c) => !c.weak && !c.code) || (narrative && charges.some((c) => c.quoted));
  const hasFormal = d.charges.some((c) => !/^Article \d/.test(c) && !d.weakCharges.texts.includes(c));
  if (formal && !hasFormal && d.weakCharges.texts.length) {
    const { texts, spans } = d.weakCharges;
    d.charges = d.charges.filter((c) => !texts.includes(c));
    d.evidence.charges = (d.evidence.charges ?? []).filter(([a, b]) => !spans.some(([x, y]) => x === a && y === b));
    d.weakCharges = { texts: [], spans: [] };
    if (!d.charges.length) delete d.rules.charges;
  }
  if (hasFormal) charges = charges.filter((c) => !c.weak);
  const quoted = charges.filter((c) => c.quoted);
  const hadAny = d.charges.length > 0;
  const hasWorded = d.charges.some((c) => !/^Article \d/.test(c));
  const codes = charges.filter((c) => c.code && !hasWorded);
  // an unquoted weak phrase after a code article is the narrative ("charged under Article 174 ... arrested in 2022 for")
  // ("He was also convicted of possession of a bladed article": one more offence of conviction)
  const phrases = charges.filter((c) => !c.code && (!hadAny || (!c.weak && (c.also || d.charges.every((x) => /^Article \d/.test(x))))));
  const take = quoted.length ? [...quoted, ...codes] : [...phrases, ...codes];
  take.sort((a, b) => a.start - b.start);
  for (const c of take) {
    const at = span(base, c.start, c.end);
    if (!d.charges.includes(c.text)) {
      d.charges.push(c.text);
      if (c.weak) d.weakCharges.texts.push(c.text);
      if (c.weak && c.quoted) (d.weakCharges.quoted ??= []).push(c.text);
    }
    if (c.weak) d.weakCharges.spans.push(at);
    addEvidence(d, 'charges', at);
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

/**
 * Who a sentence opening with a pronoun ("He will ...", "They were ...") is about; "The case has been sent to" /
 * "Their case" is about those just told of (the caller keeps the charged ones just seen).
 */
function pronounSubjects(s: string, lastSingular: number | null, lastPlural: number[]): number[] {
  if (/^\W*(?:He|She|(?:His|Her)\s+case)\b/.test(s)) return lastSingular === null ? [] : [lastSingular];
  if (/^\W*The\s+case\b/.test(s)) return [...new Set([...(lastSingular === null ? [] : [lastSingular]), ...lastPlural])];
  return /^\W*(?:They|Their\s+case)\b/.test(s) ? lastPlural : [];
}

function setCourt(d: Draft, court: string, span: Span, rule: string): void {
  d.court = court;
  d.evidence.court = [span];
  d.rules.court = rule;
}

// "upheld the sentence", "rejected the appeal", "reduced the term to": a ruling on an outcome already told
const definiteOutcomeRe = /\bthe\s+(?:sentence|verdict|conviction|appeal|term|punishment)\b/i;

/** The one convicted defendant (seen in the last three sentences) an unnamed appeal ruling is about, or null. */
function soleAppealSubject(s: string, terms: Term[], drafts: Draft[], clock: number): number | null {
  if (!definiteOutcomeRe.test(s)) return null;
  const ruling = statusIn(s, terms.filter((t) => IMPOSED_ROLES.has(t.role)));
  if (!ruling || !isAppeal(ruling.status)) return null;
  const convicted = drafts.filter((d) => !d.group && d.status !== null && d.status !== 'charged_only');
  if (convicted.length !== 1 || drafts.some((d) => d.group && d.status)) return null;
  const d = convicted[0]!;
  return d.status === 'convicted' && d.lastSeen >= clock - 3 ? d.id : null;
}

/** A term handed to someone described and not named ("to a former bank clerk"), offsets in the article. */
interface Described { term: Term; head: string; clock: number }

/**
 * "handed a one-year-nine-month sentence to a former bank clerk ... The clerk, NAME, ...": the person later named
 * right after a definite noun phrase with the description's head noun (within a few sentences) is the recipient,
 * when they got no term of their own.
 */
function giveDescribedTerms(text: string, drafts: Draft[], described: Described[]): void {
  for (const x of described) {
    const before = new RegExp(`\\bthe\\s+(?:[\\p{Ll}-]+\\s+){0,2}${x.head},\\s*$`, 'iu');
    const d = drafts.find((c) =>
      !c.group && !c.sentence && c.status === 'convicted' && c.firstSeen >= x.clock && c.firstSeen - x.clock <= 4 &&
      (c.evidence.name ?? []).some(([a]) => a > x.term.end && before.test(text.slice(Math.max(0, a - 40), a))));
    if (!d) continue;
    d.sentence = { kind: x.term.kind, months: x.term.months, monthsMax: x.term.monthsMax, fine: null };
    d.sentenceRole = x.term.role;
    d.evidence.sentence = [[x.term.start, x.term.end]];
    d.rules.sentence = 'sentence-handed-to-described';
  }
}

/** Puts the imposed terms of a segment on a draft; true if its sentence changed. */
function applyTerms(d: Draft, terms: Term[], base: number): boolean {
  // "has been sentenced to a further 11 years" with no other term: the further term is the new sentence
  const main = terms.find((t) => t.kind !== 'fine' && t.role !== 'additional') ?? (d.sentence ? undefined : terms.find((t) => t.kind !== 'fine'));
  const fine = terms.find((t) => t.kind === 'fine');
  const extra = terms.filter((t) => t !== main && t.role === 'additional' && t.months !== null);
  const appeal = main && (main.role === 'appeal_reduced' || main.role === 'appeal_upheld');
  let changed = false;
  if (main && (!d.sentence || appeal || d.sentence.kind === 'fine')) {
    changed = true;
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
    changed = true;
    d.sentence = { kind: 'fine', months: null, monthsMax: null, fine: null };
    d.sentenceRole = fine.role;
    d.evidence.sentence = [];
    d.rules.sentence = `sentence-${fine.role}-fine`;
  }
  if (fine && d.sentence && !d.sentence.fine) {
    changed = true;
    d.sentence.fine = fine.fine;
    d.evidence.sentence!.push(span(base, fine.start, fine.end));
  }
  if (extra.length && d.sentence && d.sentence.months !== null) {
    changed = true;
    for (const t of extra) {
      d.sentence.months = Math.round((d.sentence.months + t.months!) * 10) / 10;
      d.evidence.sentence!.push(span(base, t.start, t.end));
    }
  }
  return changed;
}

interface AppealContext {
  s: string;
  base: number;
  courts: CourtMention[];
  segStart: number;
  segEnd: number;
  date: DateMention | undefined;
  lastAppeal: AppealRuling | null;
  appellateCourt: Placed | null;
  appellateDate: Placed | null;
}

/**
 * The date and court of an appeal ruling: those of its sentence (an appeal court named there first), else, for
 * "the same panel", those of the ruling told before; else the last appeal ruling's, else the appeal court last
 * named (and the day it was said to rule). None stated: null (the first-instance court and date are not the ruling's).
 */
function setAppealRuling(d: Draft, a: AppealContext): AppealRuling {
  const same = sameAppealRulingRe.test(a.s) ? a.lastAppeal : null;
  const named = a.courts.find((c) => appellateCourtRe.test(c.name)) ?? inRange(a.courts, a.segStart, a.segEnd)[0] ?? a.courts[0];
  const where = named ? placeCourt(a.base, named) : same?.court ?? a.lastAppeal?.court ?? a.appellateCourt;
  // (else the day the appeal court, when it is the ruling's, was said to give its ruling)
  const courtsDay = where?.value && where.value === a.appellateCourt?.value ? a.appellateDate : null;
  const when = same ? same.date : a.date ? placeDate(a.base, a.date) : a.lastAppeal?.date ?? courtsDay;
  d.court = where?.value ?? null;
  d.evidence.court = where?.value ? [where.span] : [];
  d.rules.court = named ? 'court-of-appeal-ruling' : where ? 'court-of-earlier-appeal' : 'court-appeal-unnamed';
  d.verdictDate = when?.value ?? null;
  d.evidence.verdictDate = when?.value ? [when.span] : [];
  d.rules.verdictDate = same ? 'date-of-same-hearing' : a.date ? 'date-of-appeal-ruling' : a.lastAppeal?.date ? 'date-of-earlier-appeal' : courtsDay ? 'date-of-appeal-court-ruling' : 'date-of-earlier-appeal';
  return { date: when, court: where };
}

/** "acquitted ..., a verdict later overturned": the case is open again, with no outcome, court or date. */
function reopen(d: Draft, at: Span): void {
  d.status = 'charged_only';
  d.evidence.status = [at];
  d.rules.status = 'status-acquittal-overturned';
  d.sentence = null;
  d.court = null;
  d.verdictDate = null;
  d.evidence.court = [];
  d.evidence.verdictDate = [];
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
    const named = (t: Draft): number => drafts.filter((n) => !n.group && n.firstSeen >= t.firstSeen && n.firstSeen < rest.firstSeen).length;
    const total = drafts.find((t) => t.group && !t.other && t.firstSeen < rest.firstSeen && t.count === rest.count + named(t));
    if (total && total.count > rest.count) total.namedInFull = true;
  }
}

function keep(d: Draft): boolean {
  if (d.status === null || d.namedInFull) return false;
  // a number of people with no term is a group of defendants only when it is a stated set ("Twelve other
  // defendants ... have pleaded guilty")
  if (d.group) return d.sentence !== null || d.status === 'acquitted' || d.specific || d.rules.status === 'status-separate-trial';
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
  /** the case being told */
  caseNo: number;
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

/** A full name, or the surname of a named defendant (`refs.list` holds those, made on first need). */
function isKnown(c: NameCandidate, drafts: Draft[], refs: { list: Draft[] | null }): boolean {
  return c.tokens.length >= 2 || resolveSurname(c.tokens[0]!, (refs.list ??= drafts.filter((d) => !d.group && d.tokens.length))) !== null;
}

function collectMentions(s: string, ctx: MentionContext, base: number): Mention[] {
  const { drafts, persons, newDraft, lastSingular, lastPlural } = ctx;
  const candidates = findNameCandidates(s);
  const accepted = findDefendantNames(s, candidates);
  const acceptedStarts = new Set(accepted.map((a) => a.start));
  // "NAME and NAME were found guilty": the first name shares the role of the next accepted one (places in
  // between belong to the list: "A, 27, of Ely, and B, 25, of Splott, appeared"); a lone surname only if it
  // is a defendant already ("Zhukovsky and Tashmatova were arrested")
  const knownRefs: { list: Draft[] | null } = { list: null };
  let next: NameCandidate | undefined;
  for (let i = candidates.length - 1; i >= 0; i--) {
    const c = candidates[i]!;
    if (acceptedStarts.has(c.start)) {
      next = c;
      continue;
    }
    if (!next || c.courtSide || c.possessive) continue;
    if (joinsNames(s.slice(c.end, next.start)) && isKnown(c, drafts, knownRefs)) {
      accepted.push({ ...c, role: 'subject', verb: null });
      acceptedStarts.add(c.start);
      next = c;
    }
  }
  // "sentenced A, 45, and B to", "an indictment charges A, 35, of TOWN, STATE, and B, 29, with": a name joined after
  // the object of a verdict verb is an object too
  let prevObject: NameCandidate | undefined;
  for (const c of candidates) {
    if (acceptedStarts.has(c.start)) {
      prevObject = accepted.find((a) => a.start === c.start)?.role === 'object' ? c : undefined;
      continue;
    }
    if (!prevObject || c.courtSide || c.possessive || !isKnown(c, drafts, knownRefs) || !joinsNames(s.slice(prevObject.end, c.start))) continue;
    if (isNonDefendantContext(s.slice(Math.max(0, c.start - 120), c.start), s.slice(c.end, c.end + 260), true)) continue;
    accepted.push({ ...c, role: 'object', verb: null });
    acceptedStarts.add(c.start);
    prevObject = c;
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
      if (!isKnown(c, drafts, knownRefs)) continue;
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
    // "reduced NAME's sentence to eight years": a possessive before an outcome word is the defendant
    const ownOutcome = c.possessive && !c.courtSide && possessiveOutcomeRe.test(s.slice(c.end, c.end + 60));
    const isAccepted = acceptedStarts.has(c.start) || ownOutcome;
    let d: Draft | undefined;
    if (c.tokens.length >= 2) d = named.find((x) => sameFullName(x.tokens, c.tokens));
    if (!d && c.tokens.length === 1 && !c.courtSide) {
      const r = resolveSurname(c.tokens[0]!, namedRefs);
      if (r) d = drafts[r.id];
    }
    if (!d && isAccepted && c.tokens.length >= 2) {
      d = unnamedToName(ctx, findAgeNear(s, c.start, c.end)?.age ?? null);
      if (d) {
        // the term, date, age and charges carry over (a formal charge told later replaces a sentence's "for the
        // killing of a conscript": addCharges); the named sentence tells the court better ("A court in Almaty" is
        // named in full later)
        d.name = c.name;
        d.tokens = c.tokens;
        d.unnamed = false;
        d.evidence.name = [];
        d.court = null;
        delete d.evidence.court;
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
      // a witness, lawyer or speaker named in full is remembered as such: a later "Sabirov admitted" is not a defendant
      // (not a place, "from Knowle West", nor someone who died: a later "He had been remanded" is not theirs)
      // (the cheap tests first: most candidates are one word, and the persons scan grows with the article)
      if (c.courtSide || c.possessive || c.tokens.length < 2 || persons.some((p) => sameFullName(p.tokens, c.tokens))) continue;
      const around = [s.slice(Math.max(0, c.start - 120), c.start), s.slice(c.end, c.end + 260)] as const;
      if (!isNonDefendantContext(...around) && !isPlaceOrDeceased(...around)) {
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
  // "NAME, 63, and his son NAME", "NAME's son, NAME": the family nouns a later "The father" / "His son" stands for
  for (let i = 1; i < mentions.length; i++) {
    const a = drafts[mentions[i - 1]!.ids[0]!]!;
    const b = drafts[mentions[i]!.ids[0]!]!;
    const tie = a !== b ? relationBetween(s.slice(mentions[i - 1]!.end, mentions[i]!.start)) : null;
    if (!tie) continue;
    if (!b.relation.includes(tie.second)) b.relation.push(tie.second);
    for (const r of tie.first) if (!a.relation.includes(r)) a.relation.push(r);
  }
  for (const g of findGroups(s)) {
    if (mentions.some((m) => m.start < g.end && m.end > g.start)) continue;
    // a group that names its members right after ("two men, NAME and NAME,") is those members
    if (/^\s*,\s*\p{Lu}/u.test(s.slice(g.end, g.end + 4)) && mentions.some((m) => m.start >= g.end && m.start < g.end + 4)) continue;
    // "jailed four members of the ring. Her four accomplices received ...", "The seven other men, aged 23 to 40,
    // were found guilty of ...": a definite group of a size already told is that group again
    const definite = definiteGroupRe.test(s.slice(Math.max(0, g.start - 8), g.start)) || /^(?:the|these|those|all)\b/i.test(s.slice(g.start, g.end));
    const known = definite ? [...drafts].reverse().find((x) => x.group && x.count === g.count) : undefined;
    const d = known ?? newDraft(null, [], g.count, true);
    if (!known) {
      d.specific = g.specific;
      d.other = g.other;
      d.evidence.count = [span(base, g.countStart, g.countEnd)];
      d.rules.count = 'group-count';
    }
    const range = d.ageRange ? null : findAgeRange(s, g.end, g.end + 80);
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
    if (a.relation) {
      // "The father ... received six years": the defendant named with that tie, or no one (never a new person)
      const kin = [...drafts].reverse().find((x) => !x.group && x.relation.includes(a.relation!));
      if (kin) mentions.push({ start: a.start, end: a.end, ids: [kin.id], factful: a.withVerb });
      continue;
    }
    // "the court rejected the appeal of NAME, 22, ..., and upheld his sentence": "his" is the defendant named
    // just before in the same sentence, not the one of the previous sentences
    const before = a.plural ? undefined : mentions.filter((m) => m.end <= a.start && m.ids.length === 1 && !drafts[m.ids[0]!]!.group).pop();
    let ids = a.plural ? lastPlural : before ? [...before.ids] : lastSingular !== null ? [lastSingular] : [];
    // "the appeal of NAME's friend NAME2 ... and upheld his sentence": a pronoun after a person named in full in
    // the same sentence is that person (no one, if they have no record)
    const antecedent = !a.plural && !before && a.age === null && /^(?:he|she|him|her|his)$/i.test(s.slice(a.start, a.end))
      ? candidates.filter((c) => c.end <= a.start && c.tokens.length >= 2 && !c.courtSide && !c.possessive).pop()
      : undefined;
    if (antecedent) {
      const own = mentions.find((m) => m.start === antecedent.start && m.ids.length === 1);
      ids = own ? [...own.ids] : [];
    }
    // "The clerk, Aruzhan Kuanyshova, is 26 years old. She was found guilty": with no defendant named yet, the
    // person named in the sentence before is the one the pronoun stands for
    const person = persons[persons.length - 1];
    if (!antecedent && !a.plural && a.withVerb && !before && lastSingular === null && person && person.seenAt === ctx.clock - 1) {
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
    // ... and a name and its own pronoun ("NAME, 40, lost his appeal") ("NAME, 19, who handed him ..., was sentenced") are one mention
    const samePerson = prev && prev.ids.length === m.ids.length && prev.ids.every((id, i) => m.ids[i] === id);
    if (prev && ((prev.factful && m.factful && joinsNames(s.slice(prev.end, m.start))) || (samePerson && (prev.factful || !m.factful)))) {
      prev.end = m.end;
      for (const id of m.ids) if (!prev.ids.includes(id)) prev.ids.push(id);
    } else merged.push({ ...m, ids: [...m.ids] });
  }
  return merged;
}
