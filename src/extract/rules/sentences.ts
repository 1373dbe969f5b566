/**
 * Sentences (the penalty): every term, fine, life or death sentence in one sentence of text, with its
 * KIND (prison, suspended, probation, ...) and its ROLE — was it imposed, or only requested by prosecutors,
 * a possible maximum, an earlier sentence, an appeal result, an ancillary ban? The role comes from the
 * nearest cue word before the term (phrasing.md: "Cue words that give a term its role").
 */
import type { SentenceKind } from '../types.ts';
import { CURRENCY_SRC, NUMBER_SRC, parseNumber } from './numbers.ts';

export type TermRole =
  | 'imposed' | 'requested' | 'possible' | 'prior' | 'appeal_upheld' | 'appeal_reduced' | 'ancillary' | 'total'
  | 'additional' | 'minimum' | 'served' | 'vague' | 'reduction' | 'unknown';

export interface Term {
  /** [start, end) relative to the sentence given to findTerms */
  start: number;
  end: number;
  kind: SentenceKind;
  months: number | null;
  monthsMax: number | null;
  fine: string | null;
  role: TermRole;
  /** one of an aligned list ("16, 15 and three years ..., respectively"): one term per defendant */
  respective?: boolean;
  /** given to whoever is named right after it: "handing the longest term, 16 years, to the lawyer NAME" */
  toAfter?: boolean;
  /** a sentence of "time served" (its length, if not stated with it, may be told nearby: "had spent 127 days on remand") */
  timeServed?: boolean;
}

const UNIT_MONTHS: Record<string, number> = { year: 12, month: 1, week: 12 / 52, day: 12 / 365 };

function durationSrc(capture: boolean): string {
  const g = (s: string): string => (capture ? `(${s})` : `(?:${s})`);
  return (
    `\\b${g(NUMBER_SRC)}${g('[-\\s]+and[-\\s]+a[-\\s]+half')}?[-\\s]+${g('year|month|week|day')}s?\\b(?![-\\s]old)` +
    `${g('\\s+and\\s+a\\s+half')}?(?:(?:,?\\s+and\\s+|,\\s+|[-\\s]+)${g(NUMBER_SRC)}[-\\s]+${g('month|week|day')}s?\\b(?![-\\s]old))?`
  );
}

// "four-year", "one year and nine months", "15.6 years", "two and a half years", "12 months and one day"
const durationRe = new RegExp(durationSrc(true), 'gi');
const DURATION_NC = durationSrc(false);

// "ranging from one to 15 years", "to between 18 months and 20 years", "between two to five years",
// "from three to eight and a half years", "received jail terms of two to five years" (plural terms: a range)
const HALF_SRC = '[-\\s]+and[-\\s]+a[-\\s]+half';
const rangeRe = new RegExp(
  `\\b(?:between|from|(?:terms|sentences)\\s+of(?=\\s+(?:${NUMBER_SRC})(?:${HALF_SRC})?(?:[-\\s]+(?:year|month)s?)?\\s+(?:to|-|–)\\s))\\s+(${NUMBER_SRC})(${HALF_SRC})?(?:[-\\s]+(year|month)s?)?\\s+(?:and|to|-|–)\\s+(${NUMBER_SRC})(${HALF_SRC})?[-\\s]+(year|month)s?\\b`,
  'gi',
);
// "sentenced to 16, 15 and three years in prison, respectively" (only with "respectively")
const respectiveListRe = new RegExp(`\\b(${NUMBER_SRC}(?:,\\s+${NUMBER_SRC})*,?\\s+and\\s+${NUMBER_SRC})[-\\s]+(year|month)s?\\b`, 'gi');
const numberRe = new RegExp(`\\b${NUMBER_SRC}\\b`, 'gi');
const respectivelyRe = /\brespectively\b/i;
// "reduced his sentence from six to five years", "commuted ... from seven years to five" (a described defendant may come
// between: "reduced the sentence of another activist ..., NAME, 29, who had ..., from four years to 30 months"; not the
// range of the terms cut: "reduced the sentences of the 12, who had received terms ranging from five to 12 years")
const appealFromToRe = new RegExp(
  `\\b(?:reduc|cut|commut|lower|shorten|soften|chang|amend)\\w*\\b[^.;]{0,160}?(?<!\\brang(?:ing|ed)\\s)\\bfrom\\s+(${NUMBER_SRC})(?:[-\\s]+(year|month)s?)?\\s+to\\s+(${NUMBER_SRC})(?:[-\\s]+(year|month)s?)?`,
  'gi',
);
// "reduced the term of NAME from five years to the time he had already spent behind bars — two years and eight
// months —", "cut his sentence from six years to time served": the new term is the time served (its length if stated)
const appealToServedRe = new RegExp(
  `\\b(?:reduc|cut|commut|lower|shorten)\\w*\\b[^.;]{0,80}?\\bfrom\\s+(?:${DURATION_NC})\\s+to\\s+(?:the\\s+)?(?:time\\s+(?:(?:he|she|they)\\s+)?(?:had\\s+|has\\s+|have\\s+)?(?:already\\s+)?(?:spent|served)|time\\s+served)\\b(?:[^.;—–(]{0,40}?\\s*[—–(,]\\s*(?:(?:about|roughly|some|nearly|almost)\\s+)?(${DURATION_NC}))?`,
  'gi',
);
// "replaced four years in a colony with three years of restricted freedom": the later term is the new (lighter) one
const appealReplaceRe = new RegExp(
  `\\b(?:replac|substitut)(?:ed|es|ing)\\s+([^.;]{0,60}?)\\bwith\\s+(?:an?\\s+)?(${DURATION_NC})`,
  'gi',
);
// "had his five-year prison term replaced with three years of restricted freedom"
const appealReplacedRe = new RegExp(
  `(${DURATION_NC})[^.;]{0,40}?\\b(?:replaced|substituted)\\s+(?:with|by)\\s+(?:an?\\s+)?(${DURATION_NC})`,
  'gi',
);
const penaltyWordRe = /\d|\b(?:years?|months?|sentences?|terms?|prison|colony|jail|imprisonment)\b/i;
// "cut by two years the seven-year term"
const appealByThenRe = new RegExp(
  `\\b(?:cut|reduced|shortened|lowered)\\s+(?:[^.;\\d]{0,40}?\\s)?by\\s+(${DURATION_NC})\\s+(?:[^.;\\d]{0,40}?\\s)?(${DURATION_NC})`,
  'gi',
);
// "reduced his seven-year sentence by two years"
const appealThenByRe = new RegExp(
  `\\b(?:cut|reduced|shortened|lowered)\\s+(?:his|her|their|the)\\s+(${DURATION_NC})\\s+(?:prison\\s+|jail\\s+)?(?:sentence|term)\\s+by\\s+(${DURATION_NC})`,
  'gi',
);
// "sentenced to life imprisonment", "a life sentence", "life in prison", "a whole-life order"
const lifeRe =
  /\b(?:(?:to|a|for|with|serve|serving|receives?|received|given|handed|got|gets)\s+(?:a\s+)?(?:mandatory\s+)?(life(?:\s+(?:imprisonment|sentences?|terms?|in prison|behind bars))?)|(life\s+(?:imprisonment|sentences?|terms?|in prison))|(whole[-\s]life order))\b/gi;
// "sentenced to death", "the death penalty", "a death sentence"
const deathRe = /\b(?:sentenced\s+(?:\w+\s+){0,3}?to\s+(death)|(death\s+(?:penalty|sentence)))\b/gi;
// "a $9,500 fine", "fined 2 million tenge", "£500", "150,000 rubles"
const moneyRe = new RegExp(
  `(?:[$£€]\\s?\\d[\\d,]*(?:\\.\\d+)?(?:\\s+(?:million|billion|thousand))?|\\b\\d[\\d,]*(?:\\.\\d+)?(?:\\s+(?:million|billion|thousand))?\\s+${CURRENCY_SRC})`,
  'gi',
);
// "$9,500 fine", "fined $500", "a fine of 2 million tenge"
const fineAfterRe = /^\s*(?:criminal\s+)?fine\b/i;
// also "fined him 300,000 rubles" and "fined NAME, a former deputy governor of X, 150 million soums"
const fineBeforeRe =
  /\b(?:fined|fine of|fine totall?ing|fine amounting to|pay a fine of)\s*(?:of\s+)?$|\bfined\s+(?:him|her|them|each)\s+$|\bfined\s+\p{Lu}[^.;]{0,100},\s+$/iu;
// "sentenced to time served", "set for 'time served'" (CONVENTIONS.md: prison, months null unless stated)
const timeServedRe = /\b(?:sentenced\s+to|set\s+for|to)\s+["“']?(time served)/gi;
// "time served — the roughly 14 months she had already spent in custody": the time served, stated
const servedLengthRe = new RegExp(
  `^["”']?\\s*(?:[—–-]+|,|\\()\\s*(?:the\\s+)?(?:(?:roughly|about|some|nearly|almost|approximately|around)\\s+)?(${DURATION_NC})`,
  'i',
);

// The cue words, nearest-before-the-term wins. Samples beside each group.
const cueRe = new RegExp(
  [
    // "prosecutors had requested", "sought", "asked for", "called for", "recommended"
    // (a bare "prosecutors" is no cue: "sentenced NAME, the man prosecutors described as ..., to 12 years")
    // "want him jailed for", "asked the court to sentence him to": a request around an imposing verb
    '(?<requested>\\b(?:wants?|wanted|ask(?:s|ed)?|urg(?:es|ed)|seeks?|sought)\\s+(?:[\\w-]+\\s+){0,4}?(?:jailed|sentenced|imprisoned|locked up|to\\s+(?:sentence|jail|imprison))\\b|\\bprosecut\\w*(?:\\s+(?:had|have|has|initially|originally|also))*\\s+(?:wanted|proposed|urged)\\b|\\b(?:pushed|pressed|argued) for\\b|\\bsought\\b|\\bseek(?:s|ing)?\\b|\\brequest(?:ed|s|ing)?\\b|\\bask(?:ed|ing)? for\\b|\\bcall(?:ed|ing)? for\\b(?!\\s+(?:mass|violent|the\\s+(?:violent|overthrow|seizure)|extremis|terroris|separatis|riots|unrest|jihad))|\\brecommend(?:ed|s|ing)?\\b|\\bdemand(?:ed|s|ing)?\\b)',
    // "faces up to", "could face", "a maximum sentence of", "carries", "punishable by", "guidelines"
    '(?<possible>\\bfac(?:es|e|ing|ed)\\b|\\b(?:could|would|may|might|can)\\s+(?:\\w+\\s+)?(?:face|get|receive|spend|be\\s+(?:sentenced|jailed|imprisoned|locked up|given|handed))\\b|\\bif (?:convicted|found guilty)\\b|\\bup to\\b|\\bmaximum(?:\\s+(?:possible|statutory|prison|jail))?(?:\\s+(?:sentence|penalty|term|punishment))?(?:\\s+of)?\\b|\\bcarr(?:ies|y|ying)\\b|\\bpunishable\\b|\\bguidelines?\\b|\\bas (?:much|long) as\\b|\\bminimum of\\b|\\brisk(?:s|ed|ing)?\\b)',
    // "with a minimum term of 45 years"
    '(?<minimum>\\bminimum term\\b|\\bserve a minimum\\b|\\bat least\\b)',
    // "already serving", "a previous", "earlier", "in a separate case"
    '(?<prior>\\balready\\b|\\b(?:was|is|were) serving\\b|\\bpreviously\\b|\\bprevious\\b|\\bprior\\b|\\bearlier (?:sentence|conviction|term)\\b|\\b(?:separate|second|another|earlier) case\\b)',
    // "upheld the verdict and his 10-year sentence", "rejected the appeal", "kept a fine of N", "leaving in place the"
    '(?<upheld>\\bkept\\s+(?:the|a|an|his|her|their)\\s+(?:[\\w-]+\\s+){0,2}?(?:sentences?|terms?|fines?|verdicts?|punishments?)\\b|\\bupheld\\b|\\buphold(?:s|ing)?\\b|\\b(?:rejected|dismissed|denied|turned down|lost)\\s+(?:an?\\s+|the\\s+|his\\s+|her\\s+|their\\s+)?appeals?\\b|\\bconfirmed\\b|\\bleft (?:\\w+ )?unchanged\\b|\\b(?:leav(?:e|es|ing)|left|kept|keeping)\\s+(?:\\w+\\s+)?(?:in\\s+place|intact)\\b)',
    // "cut", "reduced", "commuted"
    '(?<reduced>\\breduc(?:ed|es|ing|tion)\\b|\\bcut(?:s|ting)?\\b|\\bcommut(?:ed|es|ing)\\b|\\bshorten(?:ed|s|ing)?\\b|\\blowered\\b|\\bsoftened\\b)',
    // "suspended for two years", "followed by three years of supervised release", "banned from ... for"
    '(?<ancillary>\\bsuspended (?:it )?for\\b|\\bfollowed by\\b|\\bsupervised release\\b|\\bincluding\\b|\\bof which\\b|\\bban(?:ned|s)?\\b|\\bbarr?(?:ed)?\\b|\\bdisqualified\\b|\\bprohibited\\b|\\bdeprived\\b|\\bforbidden\\b|\\b(?:probationary|probation|test|trial) period\\b|\\beligible\\b|\\bparole\\b|\\blicen[cs]e\\b|\\brestraining order\\b)',
    // "In total", "a combined"
    '(?<total>\\bin total\\b|\\ba total of\\b|\\baltogether\\b|\\bcombined\\b|\\bcollectively\\b|\\bbetween them\\b)',
    // "and a further three months for"
    '(?<additional>\\ba further\\b|\\bfurther\\b|\\bconsecutive\\b)',
    // "less the 470 days spent on remand", "time served"
    '(?<served>\\bspent\\b|\\bserved\\b|\\bafter serving\\b|\\bremand\\b|\\bcount(?:s|ed)? (?:against|towards)\\b|\\bcredit\\b|\\bin custody\\b)',
    // "sentenced", "jailed", "handed", "given", "received", "imposed", "locked up", "ordered to serve", "got", "made the subject of"
    '(?<imposed>\\bsentenc(?:ed|ing|es)\\b|\\bjail(?:ed|ing|s)?\\b|\\bhand(?:ed|s|ing)\\b(?!\\s+(?:out|over|back|in)\\b)|\\bgiven\\b|\\bgave\\b|\\bgives\\b|\\breceiv(?:ed|es|e|ing)\\b|\\bimpos(?:ed|es|ing)\\b|\\blocked up\\b|\\bordered\\s+(?:[\\w.-]+\\s+){0,5}?to\\s+(?:serve|pay)\\b|\\b(?:must|will|to|shall)\\s+(?:now\\s+|also\\s+|still\\s+)?serve\\b|\\bgets?\\b|\\bgot\\b|\\bimprisoned\\b|\\bfined\\b|\\bplaced on probation\\b|\\bput on probation\\b|\\bmade\\s+(?:the\\s+)?subject\\s+(?:of|to)\\b|\\bpunished\\b|\\bconvicted\\b|\\bguilty\\b)',
  ].join('|'),
  'gi',
);
// a term the prosecution asked for, named after it: "less than the 10 years requested by prosecutors"
const requestedAfterRe =
  /^\s*(?:that\s+|which\s+)?(?:the\s+)?(?:prosecutors?|prosecution|state|government|crown)?\s*(?:had\s+|has\s+)?(?:requested|sought|demanded|asked for|recommended|called for|wanted)\b/i;
// "more than 10 years", "nearly 20 years" — headline vagueness, never an exact term
const vagueBeforeRe = /\b(?:more than|over|nearly|almost|about|around|less than|roughly|some)\s+(?:a\s+)?$/i;
// "reduced by one year the sentence", "cut by two years": the amount of a change, not a term
const byBeforeRe = /\bby\s+$/i;
// "five years of supervised release", "three years on licence": after the term, not part of it
const supervisionAfterRe = /^\s*(?:of\s+)?(?:supervised\s+release|post-release\s+supervision|extended\s+licen[cs]e|on\s+licen[cs]e|parole)\b/i;
// "a three-year ban on working as a journalist", "a 10-year driving ban": an ancillary ban, not a term
const banAfterRe = /^[-\s]+(?:\p{Ll}+\s+)?(?:ban|disqualification)\b/iu;
// "a three-week trial", "a two-year investigation": a hyphenated length of something other than a penalty
const eventAfterRe =
  /^[\s-]+(?:long\s+)?(?:trials?|hearings?|investigations?|inquir(?:y|ies)|probes?|campaigns?|careers?|history|wars?|conflicts?|relationships?|search(?:es)?|operations?|stints?|contracts?|courses?|programmes?|programs?|projects?|study|absences?|delays?|battles?|fights?|struggles?|marriages?|tenure|process|saga|scheme|conspiracy|fraud|manhunt|ordeal|deliberations?|moratorium|hunger strike|strike|protests?|standoff|siege)\b/i;
// "two days of deliberations", "two years later": not a penalty
// and "two years less than prosecutors had sought": a difference
const notTermAfterRe =
  /^\s+(?:later|ago|earlier|(?:less|more|fewer|longer|shorter)\s+than|of\s+(?:deliberations?|testimony|evidence|hearings?|trial|talks|negotiations|questioning|protests?|unrest|fighting|war|work|service|teaching|experience))\b/i;
// "16 years, to the lawyer NAME": the term goes to the one named after "to" (not "to run concurrently", "to life")
export const toRecipientAfterRe = /^(?:\s+(?:prison|jail|custodial))?(?:\s+(?:sentence|term)s?)?,?\s+to\s+(?!(?:serve|run|be|pay|life|death|the\s+(?:state|government|victims?))\b|\d)/i;
// the one a handed term goes to, described and not named: "to a former bank clerk who helped", "to a teacher from
// CITY," -> the head noun ("clerk", "teacher"); "to the lawyer NAME" is named, so no match
const describedRecipientRe =
  /^(?:\s+(?:prison|jail|custodial))?(?:\s+(?:sentence|term)s?)?,?\s+to\s+an?\s+(?:[\p{Ll}-]+\s+){0,3}?([\p{Ll}-]{3,})(?=\s*[,.;]|\s+(?:who|whom|that|from|of|in|at|for|with|and|after)\b)/u;

/** The head noun of the unnamed person a handed term goes to ("handed a one-year sentence to a former bank clerk
 * who ..." -> "clerk"), or null when it goes to no one described so. */
export function describedRecipient(s: string, t: Term): string | null {
  if (!t.toAfter) return null;
  const m = describedRecipientRe.exec(s.slice(t.end, t.end + 80));
  return m ? m[1]! : null;
}
// the giving verb of "handed a ... sentence to", "handing the longest term, 16 years, to" (not "jailed for five
// years to the dismay of")
const giveBeforeRe = /\b(?:hand(?:ed|ing|s)|gave|giv(?:en|ing|es)|impos(?:ed|ing)|meted out)\b[^.;]*$/i;
// a penalty named without a length: "was given a community order", "received a suspended sentence", "sentenced to
// restricted freedom", "placed on probation"
const kindOnlyRe =
  /\b(?:an?|to|on)\s+(?:(community\s+(?:order|sentence|service)|youth\s+rehabilitation\s+order)|(suspended|conditional)\s+(?:prison\s+|jail\s+|custodial\s+)?sentence|(restricted freedom|restriction of (?:freedom|liberty)|freedom limitation|limitation of freedom)|(probation)|(conditional discharge|hospital order|(?:youth\s+)?referral order|compulsory (?:psychiatric )?treatment))\b/gi;
// a word every kindOnlyRe phrase has
const kindOnlyGateRe = /community|rehabilitation|suspended|conditional|freedom|liberty|probation|discharge|hospital order|referral order|compulsory/i;

const suspendedAfterRe = /^[^.;]{0,30}?\b(?:suspended|conditional(?!\s+discharge))\b/i;
// "a suspended sentence of two years", "a suspended two-year sentence"
const suspendedBeforeRe = /\b(?:suspended|conditional)\s+(?:prison\s+|jail\s+)?(?:sentence|term)\s+of\s+$|\b(?:suspended|conditional)\s+$/i;
// "three years probation", "a three-year probationary sentence" (a "probationary period" is not one)
const probationAfterRe = /^\s*(?:of\s+)?(?:supervised\s+)?probation(?:ary\s+(?:sentence|term)s?)?\b/i;
const probationBeforeRe = /\bprobation\s+(?:for|of)\s+$/i;
const restrictedRe = /(?:freedom[-\s]limitation|restrict(?:ed|ion of|ions on) (?:freedom|liberty)|limitation of (?:freedom|liberty)|freedom restriction|restricted freedom)/i;
// (a youth rehabilitation order is the community order of under-18s)
const communityRe = /\b(?:community (?:order|service|sentence|payback)|youth rehabilitation orders?)/i;
// "a 12-month youth referral order", "a six-month referral order": an order of another kind, its length no term
// ("a 12-month conditional discharge")
const otherOrderAfterRe = /^[\s-]+(?:(?:youth\s+)?referral\s+orders?|(?:conditional|absolute)\s+discharges?)\b/i;
const dischargeBeforeRe = /\b(?:conditionally|absolutely)\s+discharged\s+for\s+$|\bconditional\s+discharge\s+(?:of|for)\s+$/i;
const otherKindRe = /\b(?:house arrest|home detention|correctional labou?r|corrective labou?r|compulsory (?:labou?r|work)|forced labou?r)/i;

interface Cue { end: number; role: TermRole }

function findCues(s: string): Cue[] {
  const cues: Cue[] = [];
  cueRe.lastIndex = 0;
  for (let m = cueRe.exec(s); m; m = cueRe.exec(s)) {
    const g = m.groups ?? {};
    const role: TermRole =
      g.requested ? 'requested' : g.possible ? 'possible' : g.minimum ? 'minimum' : g.prior ? 'prior'
        : g.upheld ? 'appeal_upheld' : g.reduced ? 'appeal_reduced' : g.ancillary ? 'ancillary' : g.total ? 'total'
          : g.additional ? 'additional' : g.served ? 'served' : 'imposed';
    cues.push({ end: m.index + m[0].length, role });
  }
  return cues;
}

function roleAt(s: string, cues: () => Cue[], start: number, end: number): TermRole {
  if (requestedAfterRe.test(s.slice(end, end + 60))) return 'requested';
  if (byBeforeRe.test(s.slice(Math.max(0, start - 4), start))) return 'reduction';
  if (supervisionAfterRe.test(s.slice(end, end + 40)) || banAfterRe.test(s.slice(end, end + 30))) return 'ancillary';
  let role: TermRole = 'unknown';
  for (const c of cues()) if (c.end <= start) role = c.role;
  if (role === 'imposed' || role === 'unknown') {
    if (vagueBeforeRe.test(s.slice(Math.max(0, start - 14), start))) return 'vague';
  }
  return role;
}

function kindAt(s: string, start: number, end: number): SentenceKind {
  const before = s.slice(Math.max(0, start - 40), start);
  const after = s.slice(end, end + 40);
  if (restrictedRe.test(after.slice(0, 30)) || /(?:freedom|liberty)\s+(?:for\s+)?$/i.test(before) && restrictedRe.test(before)) {
    return 'restricted_freedom';
  }
  if (probationAfterRe.test(after) || probationBeforeRe.test(before)) return 'probation';
  if (suspendedAfterRe.test(after) || suspendedBeforeRe.test(before)) return 'suspended';
  if (communityRe.test(after.slice(0, 30))) return 'community';
  if (otherKindRe.test(after.slice(0, 30)) || /(?:house arrest|home detention)\s+(?:for\s+)?$/i.test(before)) return 'other';
  return 'prison';
}

/** Months in a duration matched by durationRe ("one year and nine months" -> 21). */
export function durationMonths(text: string): number | null {
  durationRe.lastIndex = 0;
  const m = durationRe.exec(text);
  if (!m) return null;
  return monthsOf(m);
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

// CONVENTIONS.md: each part is rounded to one decimal, then added ("a year and a day" -> 12, "18 weeks" -> 4.2)
function monthsOf(m: RegExpExecArray): number | null {
  const n1 = parseNumber(m[1]!);
  if (n1 === null) return null;
  const half = m[2] || m[4] ? 0.5 : 0;
  let months = round1((n1 + half) * UNIT_MONTHS[m[3]!.toLowerCase()]!);
  if (m[5] && m[6]) {
    const n2 = parseNumber(m[5]);
    if (n2 !== null) months += round1(n2 * UNIT_MONTHS[m[6].toLowerCase()]!);
  }
  return round1(months);
}

function overlaps(spans: Array<[number, number]>, a: number, b: number): boolean {
  return spans.some(([x, y]) => a < y && b > x);
}

// a sentence without any of these words has no term: skip the costly scans
const termGateRe = new RegExp(
  `\\b(?:years?|months?|weeks?|days?|life|death|fined?|time served|community|rehabilitation order|referral order|suspended|conditional|discharge|hospital order|compulsory|freedom|liberty|probation)\\b|[$£€]|\\d(?:\\s+(?:million|billion|thousand))?\\s+${CURRENCY_SRC}`,
  'i',
);

/** Collects the terms of one sentence (a class, not closures: they are cheaper per call). */
class TermCollector {
  readonly terms: Term[] = [];
  readonly taken: Array<[number, number]> = [];
  private cueList: Cue[] | null = null;
  constructor(private readonly s: string) {}

  /** the cue scan is the costliest regex here: it runs only once a term is found */
  cues(): Cue[] {
    return (this.cueList ??= findCues(this.s));
  }

  add(t: Term): void {
    this.terms.push(t);
    this.taken.push([t.start, t.end]);
  }

  prisonLike(start: number, end: number, months: number | null, role: TermRole, monthsMax: number | null = null): void {
    this.add({ start, end, kind: kindAt(this.s, start, end), months, monthsMax, fine: null, role });
  }
}

/** Every penalty term in one sentence, in text order, each with its kind and role. */
export function findTerms(s: string): Term[] {
  if (!termGateRe.test(s)) return [];
  const c = new TermCollector(s);
  const cues = c.cues.bind(c);
  const taken = c.taken;
  const terms = c.terms;
  // plain word tests before the scans: each regex below needs its word, and most sentences lack most of them
  const fromWord = /\bfrom\s/i.test(s);

  appealFromToRe.lastIndex = 0;
  for (let m = fromWord ? appealFromToRe.exec(s) : null; m; m = appealFromToRe.exec(s)) {
    const to = parseNumber(m[3]!);
    const unit = (m[4] ?? m[2] ?? 'year').toLowerCase();
    const fromAt = m.index + m[0].lastIndexOf('from');
    if (to !== null) c.prisonLike(fromAt, m.index + m[0].length, to * UNIT_MONTHS[unit]!, 'appeal_reduced');
  }
  appealToServedRe.lastIndex = 0;
  const timeWord = /\btime\b/i.test(s);
  for (let m = timeWord ? appealToServedRe.exec(s) : null; m; m = appealToServedRe.exec(s)) {
    const fromAt = m.index + m[0].search(/\bfrom\s/);
    c.add({ start: fromAt, end: m.index + m[0].length, kind: 'prison', months: m[1] ? durationMonths(m[1]) : null, monthsMax: null, fine: null, role: 'appeal_reduced', timeServed: true });
  }
  appealReplaceRe.lastIndex = 0;
  const replaced = /\b(?:replac|substitut)/i.test(s);
  for (let m = replaced ? appealReplaceRe.exec(s) : null; m; m = appealReplaceRe.exec(s)) {
    if (!penaltyWordRe.test(m[1]!) || overlaps(taken, m.index, m.index + m[0].length)) continue;
    const start = m.index + m[0].length - m[2]!.length;
    // (the replaced term is the one before: taken, with no role of its own)
    const oldAt = m.index + m[0].indexOf(m[1]!);
    taken.push([oldAt, oldAt + m[1]!.length]);
    c.prisonLike(start, m.index + m[0].length, durationMonths(m[2]!), 'appeal_reduced');
  }
  appealReplacedRe.lastIndex = 0;
  for (let m = replaced ? appealReplacedRe.exec(s) : null; m; m = appealReplacedRe.exec(s)) {
    if (overlaps(taken, m.index, m.index + m[0].length)) continue;
    const start = m.index + m[0].length - m[2]!.length;
    taken.push([m.index, m.index + m[1]!.length]);
    c.prisonLike(start, m.index + m[0].length, durationMonths(m[2]!), 'appeal_reduced');
  }
  const byWord = /\sby\s/i.test(s);
  for (const [re, firstIsCut] of [[appealByThenRe, true], [appealThenByRe, false]] as const) {
    re.lastIndex = 0;
    for (let m = byWord ? re.exec(s) : null; m; m = re.exec(s)) {
      if (overlaps(taken, m.index, m.index + m[0].length)) continue;
      const a = durationMonths(m[1]!);
      const b = durationMonths(m[2]!);
      if (a === null || b === null) continue;
      const months = firstIsCut ? b - a : a - b;
      if (months > 0) c.prisonLike(m.index, m.index + m[0].length, months, 'appeal_reduced');
    }
  }
  if (respectivelyRe.test(s)) {
    respectiveListRe.lastIndex = 0;
    for (let m = respectiveListRe.exec(s); m; m = respectiveListRe.exec(s)) {
      const unit = m[2]!.toLowerCase();
      const role = roleAt(s, cues, m.index, m.index + m[0].length);
      numberRe.lastIndex = 0;
      const list = m[1]!;
      for (let n = numberRe.exec(list); n; n = numberRe.exec(list)) {
        const value = parseNumber(n[0]);
        if (value === null || /^an?$/i.test(n[0])) continue;
        const start = m.index + n.index;
        c.add({ start, end: start + n[0].length, kind: kindAt(s, m.index, m.index + m[0].length), months: round1(value * UNIT_MONTHS[unit]!), monthsMax: null, fine: null, role, respective: true });
      }
      taken.push([m.index, m.index + m[0].length]);
    }
  }
  rangeRe.lastIndex = 0;
  for (let m = fromWord || /\b(?:between|terms|sentences)\s/i.test(s) ? rangeRe.exec(s) : null; m; m = rangeRe.exec(s)) {
    if (overlaps(taken, m.index, m.index + m[0].length)) continue;
    const lo = parseNumber(m[1]!);
    const hi = parseNumber(m[4]!);
    const hiUnit = m[6]!.toLowerCase();
    const loUnit = (m[3] ?? hiUnit).toLowerCase();
    if (lo === null || hi === null) continue;
    const start = m.index;
    const loMonths = round1((lo + (m[2] ? 0.5 : 0)) * UNIT_MONTHS[loUnit]!);
    const hiMonths = round1((hi + (m[5] ? 0.5 : 0)) * UNIT_MONTHS[hiUnit]!);
    const role = roleAt(s, cues, start, start + m[0].length);
    // "reduced the sentence of NAME, who ..., from four years to 30 months": a change, the new term is the second
    if (role === 'appeal_reduced' && /^from\b/i.test(m[0])) c.prisonLike(start, start + m[0].length, hiMonths, role);
    else c.prisonLike(start, start + m[0].length, loMonths, role, hiMonths);
  }
  lifeRe.lastIndex = 0;
  for (let m = /life/i.test(s) ? lifeRe.exec(s) : null; m; m = lifeRe.exec(s)) {
    const text = m[1] ?? m[2] ?? m[3]!;
    const start = m.index + m[0].lastIndexOf(text);
    if (overlaps(taken, start, start + text.length)) continue;
    c.add({ start, end: start + text.length, kind: 'life', months: null, monthsMax: null, fine: null, role: roleAt(s, cues, start, start + text.length) });
  }
  deathRe.lastIndex = 0;
  for (let m = /death/i.test(s) ? deathRe.exec(s) : null; m; m = deathRe.exec(s)) {
    const text = m[1] ?? m[2]!;
    const start = m.index + m[0].lastIndexOf(text);
    const role = m[1] ? 'imposed' : roleAt(s, cues, start, start + text.length);
    c.add({ start, end: start + text.length, kind: 'death', months: null, monthsMax: null, fine: null, role });
  }
  timeServedRe.lastIndex = 0;
  for (let m = timeWord ? timeServedRe.exec(s) : null; m; m = timeServedRe.exec(s)) {
    const start = m.index + m[0].length - m[1]!.length;
    const end = start + m[1]!.length;
    if (overlaps(taken, start, end)) continue;
    const length = servedLengthRe.exec(s.slice(end, end + 60));
    const months = length ? durationMonths(length[1]!) : null;
    c.add({ start, end, kind: 'prison', months, monthsMax: null, fine: null, role: 'imposed', timeServed: true });
    if (length) {
      const at = end + length.index + length[0].length - length[1]!.length;
      taken.push([at, at + length[1]!.length]);
    }
  }
  moneyRe.lastIndex = 0;
  for (let m = /\d/.test(s) ? moneyRe.exec(s) : null; m; m = moneyRe.exec(s)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!fineAfterRe.test(s.slice(end, end + 20)) && !fineBeforeRe.test(s.slice(Math.max(0, start - 130), start))) continue;
    c.add({ start, end, kind: 'fine', months: null, monthsMax: null, fine: m[0], role: roleAt(s, cues, start, end) });
  }
  durationRe.lastIndex = 0;
  for (let m = /year|month|week|day/i.test(s) ? durationRe.exec(s) : null; m; m = durationRe.exec(s)) {
    const start = m.index;
    const end = start + m[0].length;
    if (overlaps(taken, start, end)) continue;
    // "a month" alone is too often not a term ("a month later"); "a year" is ("a year and a day")
    if (/^an?$/i.test(m[1]!) && m[3]!.toLowerCase() !== 'year') continue;
    const months = monthsOf(m);
    if (months === null) continue;
    const after = s.slice(end, end + 40);
    if ((/-(?:year|month|week|day)$/i.test(m[0]) && eventAfterRe.test(after)) || notTermAfterRe.test(after)) continue;
    if (dischargeBeforeRe.test(s.slice(Math.max(0, start - 40), start)) || otherOrderAfterRe.test(after)) {
      // "conditionally discharged for 12 months": another kind of outcome, its period is not a term
      c.add({ start, end, kind: 'other', months: null, monthsMax: null, fine: null, role: roleAt(s, cues, start, end) });
      continue;
    }
    c.prisonLike(start, end, months, roleAt(s, cues, start, end));
  }
  kindOnlyRe.lastIndex = 0;
  for (let m = kindOnlyGateRe.test(s) ? kindOnlyRe.exec(s) : null; m; m = kindOnlyRe.exec(s)) {
    const start = m.index;
    const end = start + m[0].length;
    // "a 12-month community order", "a suspended sentence of two years": the length is a term already
    if (terms.some((t) => t.kind !== 'fine' && t.end > start - 40 && t.start < end + 25)) continue;
    const kind: SentenceKind = m[1] ? 'community' : m[2] ? 'suspended' : m[3] ? 'restricted_freedom' : m[4] ? 'probation' : 'other';
    // (the role from the cues up to the phrase's end: "placed on probation" is itself the cue)
    c.add({ start, end, kind, months: null, monthsMax: null, fine: null, role: roleAt(s, cues, end, end) });
  }
  for (const t of terms) {
    if (toRecipientAfterRe.test(s.slice(t.end, t.end + 40)) && giveBeforeRe.test(s.slice(Math.max(0, t.start - 80), t.start))) t.toAfter = true;
  }
  return terms.sort((a, b) => a.start - b.start);
}
