/**
 * Names of defendants, found by their ROLE in the sentence — never by a list of known names, so Kazakh,
 * Russian, Arabic or any other names are found alike:
 *  - subject of a verdict verb: "Akzhol Zhandarbekov was found guilty", "NAME, 32, of Reno, was sentenced";
 *  - object of one: "sentenced a local resident, 32-year-old Nursultan Isaev, to 15 years";
 *  - apposition after a role noun: "journalist NAME", "One of the defendants, NAME,";
 *  - an age beside the name ("32-year-old NAME", "NAME, 32,") in a sentence about a verdict.
 * Judges, lawyers, victims and other non-defendants are dropped here (see roles.ts).
 */
import { releasedWithoutCharge } from './status.ts';
import { COURT_SIDE_TITLES, DESCRIPTOR_TITLES, NEUTRAL_TITLES, RELATION_SRC, descriptorTitleRe, isNonDefendantContext, isVictimContext } from './roles.ts';

export interface NameCandidate {
  start: number;
  end: number;
  /** the name as written, titles dropped */
  name: string;
  tokens: string[];
  /** a judge, prosecutor, agent...: never a defendant */
  courtSide: boolean;
  /** "Tolegenov’s lawyer": the name is a possessor */
  possessive: boolean;
}

// "Akzhol Zhandarbekov", "Marcus J. Whitfield", "Abdullah al-Hassan", "Jean-Paul de la Cruz", "O'Brien",
// "Niamh Ó Súilleabháin"
const nameSequenceRe =
  /(?:(?:al|el|ul|ad|as|ash|at|az|ibn|bin)-)?(?:\p{Lu}[\p{L}'’-]*\p{L}|\p{Lu}\.)(?:\s+(?:(?:al|el|bin|ibn|de|da|van|von|der|den|la|le|du|dos|di|uly|kyzy|Ó|Ua)\s+)?(?:(?:al|el|ul)-)?(?:\p{Lu}[\p{L}'’-]*\p{L}|\p{Lu}\.))*(?:['’]s\b)?/gu;
const tokenRe = /(?:(?:al|el|ul|ad|as|ash|at|az|ibn|bin)-)?(?:\p{Lu}[\p{L}'’-]*\p{L}|\p{Lu}\.)|(?:al|el|bin|ibn|de|da|van|von|der|den|la|le|du|dos|di|uly|kyzy|Ó|Ua)(?=\s)/gu;

const FUNCTION_WORDS = new Set([
  'The', 'A', 'An', 'He', 'She', 'It', 'They', 'We', 'I', 'His', 'Her', 'Their', 'Its', 'In', 'On', 'At', 'Under',
  'After', 'Before', 'But', 'And', 'Or', 'If', 'As', 'By', 'For', 'From', 'To', 'Of', 'With', 'However',
  'Meanwhile', 'According', 'Also', 'Both', 'Each', 'One', 'Two', 'Three', 'Some', 'Many', 'Most', 'All',
  'This', 'That', 'These', 'Those', 'There', 'Then', 'When', 'While', 'Although', 'Though', 'Since', 'Because',
  'During', 'Among', 'Yesterday', 'Today', 'Last', 'Earlier', 'Later', 'Several', 'Other', 'Another', 'Only',
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November',
  'December', 'Jan.', 'Feb.', 'Dec.', 'Nov.', 'Oct.', 'Sept.', 'Aug.', 'Monday', 'Tuesday', 'Wednesday',
  'Thursday', 'Friday', 'Saturday', 'Sunday', 'Prosecutors', 'Defendants', 'Police', 'Investigators',
  'Authorities', 'Officials', 'Relatives', 'Rights', 'Human', 'Bloody', 'Under', 'Unlike', 'Like', 'Following',
  'Asked', 'Despite', 'Once', 'Now', 'Still', 'Not', 'No', 'Even', 'Just', 'What', 'Who', 'Why', 'How', 'Where',
]);
// a sequence with one of these is an organisation, a place or a law, not a person
const ORG_WORDS = new Set([
  'Court', 'Code', 'Office', 'Department', 'Ministry', 'Service', 'Committee', 'Bureau', 'Agency', 'Party',
  'University', 'Region', 'Street', 'Avenue', 'Prison', 'Colony', 'Act', 'Article', 'Section', 'Republic', 'Union',
  'News', 'Radio', 'Liberty', 'Europe', 'Watch', 'International', 'Group', 'Bank', 'Company', 'Corporation',
  'Council', 'Assembly', 'Parliament', 'Government', 'District', 'City', 'Regional', 'Supreme', 'Federal', 'Crown',
  'State', 'States', 'United', 'Amnesty', 'Security', 'National', 'Criminal', 'Procedure', 'Administrative',
  'Offences', 'Center', 'Centre', 'Square', 'Airport', 'Station', 'Market', 'School', 'Hospital', 'Church',
  'Mosque', 'Foundation', 'Fund', 'Institute', 'Association', 'Movement', 'Front', 'Democratic', 'Choice', 'Inc.',
  'Ltd', 'LLC', 'Times', 'Post', 'Press', 'Reuters', 'Eurasianet', 'Interfax', 'Telegram', 'Facebook', 'YouTube',
  'Instagram', 'Twitter', 'Kazakhstan', 'Russia', 'Uzbekistan', 'Kyrgyzstan', 'Tajikistan', 'Turkmenistan',
  'Revenue', 'Customs', 'Guard', 'Army', 'Forces', 'Commission', 'Board', 'Panel', 'Tribunal', 'Chamber',
  'Magistrates', 'HMP', 'Road', 'Lane', 'Park', 'Hall', 'House', 'Church', 'Akimat', 'Oblast', 'Province',
  'County', 'Village', 'Town', 'Island', 'River', 'Mountain', 'Lake', 'Bay', 'Gulf', 'Sea', 'Ocean', 'Media',
  'Force', 'Task', 'Investigation', 'Division', 'Unit', 'Partners', 'LP', 'Solutions', 'Services', 'Holdings',
  'Administration', 'Enforcement', 'Field',
]);

interface Tok { t: string; at: number }

const PARTICLE_RE = /^(?:al|el|bin|ibn|de|da|van|von|der|den|la|le|du|dos|di|uly|kyzy|Ó|Ua)$/;

/** "Blogger", "Ex-MP", "Former-Mayor", "Editor-in-chief", "Journalists" (before two names): a title to drop. */
function isNeutralTitle(bare: string): boolean {
  if (NEUTRAL_TITLES.has(bare)) return true;
  if (!bare.includes('-') && !bare.endsWith('s')) return false;
  const m = /^(?:(?:Ex|Former)-(\p{Lu}[\p{L}-]*)|(\p{Lu}\p{Ll}+)-in-chief|(\p{Lu}\p{Ll}+)s)$/u.exec(bare);
  const head = m ? m[1] ?? m[2] ?? m[3]! : null;
  return head !== null && NEUTRAL_TITLES.has(head);
}

/** One run of name tokens between organisation words -> a candidate (titles dropped), if any is left. */
function pieceToCandidate(s: string, piece: Tok[], possessive: boolean): NameCandidate | null {
  let courtSide = false;
  let from = 0;
  for (let i = 0; i < piece.length; i++) {
    const tok = piece[i]!.t;
    const bare = tok.endsWith('.') ? tok.slice(0, -1) : tok;
    if (COURT_SIDE_TITLES.has(bare)) {
      courtSide = true;
      from = i + 1;
    } else if (i === from && (isNeutralTitle(bare) || (i + 1 < piece.length && (DESCRIPTOR_TITLES.has(bare) || descriptorTitleRe.test(bare))))) from = i + 1;
  }
  let a = from;
  let b = piece.length;
  while (a < b && FUNCTION_WORDS.has(piece[a]!.t)) a++;
  while (b > a && (FUNCTION_WORDS.has(piece[b - 1]!.t) || PARTICLE_RE.test(piece[b - 1]!.t))) b--;
  if (b - a === 0 || (b - a === 1 && /^\p{Lu}\.$/u.test(piece[a]!.t))) return null;
  const first = piece[a]!;
  const last = piece[b - 1]!;
  const tokens: string[] = [];
  for (let i = a; i < b; i++) tokens.push(piece[i]!.t);
  return { start: first.at, end: last.at + last.t.length, name: s.slice(first.at, last.at + last.t.length), tokens, courtSide, possessive };
}

/** "Smith's", "Smith’s" (a plain test: this runs for every capitalised word) */
function endsWithPossessive(w: string): boolean {
  return w.endsWith("'s") || w.endsWith('’s');
}

/**
 * Capitalised word sequences that may name a person, with titles split off. `max` stops the scan once that
 * many are found (a caller wanting only the first need not tokenise the whole sentence).
 */
export function findNameCandidates(s: string, max = Infinity): NameCandidate[] {
  const out: NameCandidate[] = [];
  nameSequenceRe.lastIndex = 0;
  for (let m = nameSequenceRe.exec(s); m; m = nameSequenceRe.exec(s)) {
    const seq = m[0];
    // most sequences are one function word ("The", "He", "In"): skip them before any tokenising
    if (FUNCTION_WORDS.has(seq) || ORG_WORDS.has(seq)) continue;
    const possessive = endsWithPossessive(seq);
    const body = possessive ? seq.slice(0, -2) : seq;
    const bodyEnd = m.index + body.length;
    // one word ending in a letter is its own only token: no tokenising ("Almaty", "O’Brien")
    if (!/\s/.test(body) && /\p{L}$/u.test(body)) {
      if (ORG_WORDS.has(body) || (endsWithPossessive(body) && ORG_WORDS.has(body.slice(0, -2)))) continue;
      const c = pieceToCandidate(s, [{ t: body, at: m.index }], false);
      if (c && out.push({ ...c, possessive: possessive && c.end === bodyEnd }) >= max) return out;
      continue;
    }
    // split at organisation words: "Judge Ann Marsh of Leeds Crown Court" gives "Ann Marsh"-like pieces
    let piece: Tok[] = [];
    tokenRe.lastIndex = 0;
    for (let t = tokenRe.exec(body); t; t = tokenRe.exec(body)) {
      if (ORG_WORDS.has(t[0]) || (endsWithPossessive(t[0]) && ORG_WORDS.has(t[0].slice(0, -2)))) {
        const c = pieceToCandidate(s, piece, false);
        if (c && out.push(c) >= max) return out;
        piece = [];
      } else piece.push({ t: t[0], at: m.index + t.index });
    }
    const c = pieceToCandidate(s, piece, false);
    // a possessive belongs only to the piece that ends the sequence
    if (c && out.push({ ...c, possessive: possessive && c.end === bodyEnd }) >= max) return out;
  }
  return out;
}

// what follows a defendant named as the subject: "was found guilty", ", 32, of Reno, was sentenced", "received",
// ", 20, of Wigan, who admitted", "C, 27, of Owasso — each pleaded guilty" (the end of a dashed list), "was made the
// subject of a community order",
// ", 47, who prosecutors said had agreed to head a "people's council", received" (a short quote inside a clause)
const subjectAfterRe =
  /^(?:\s*\(\d{1,3}\))?(?:,\s*who\s+|(?:,\s*(?=[^,;()])[^,;()“”"]{0,110}(?:(?:“[^“”]{1,40}”|"[^"]{1,40}")[^,;()“”"]{0,70})?){0,3}(?:,|\s+[—–])\s*(?:who\s+)?|\s+)(?:(was|were|is|are|has been|have been|had been|will be|would be|has|have|had)\s+)?(?:(?:also|later|then|each|subsequently|eventually|ultimately|previously|already|initially|originally|both|all|now|jointly|additionally|formally|officially|yesterday|today|last\s+\w+)\s+)*(sentenced|jailed|convicted|found\s+(?:not\s+)?guilty|acquitted|cleared|handed|given|ordered|received|receives|got|gets|pleaded|pled|admitted|admits|charged|arrested|detained|indicted|imprisoned|fined|faces|faced|locked\s+up|stood\s+trial|went\s+on\s+trial|tried(?!\s+to\b)|accused|spared|walked\s+free|lost|appealed|denied|denies|remains?\s+in\s+(?:pre-?trial\s+)?(?:custody|detention)|(?:will|must)\s+(?:now\s+)?serve(?!\s+as\b)|escaped\s+with|among\s+(?:those|the\s+(?:defendants|people))\s+(?:acquitted|convicted|sentenced|jailed|cleared|charged)|was\s+remanded|remanded|placed|appeared|guilty\s+of|made(?=\s+(?:the\s+)?subject\s+(?:of|to)\s))\b/i;
// verbs whose bare form after a name is active voice ("Smith sentenced Jones"): they need an auxiliary,
// or "to"/"for" after them (headline style: "NAME jailed for five years")
const PASSIVE_ONLY = new Set([
  'sentenced', 'jailed', 'convicted', 'acquitted', 'cleared', 'handed', 'given', 'charged', 'arrested', 'detained',
  'indicted', 'imprisoned', 'fined', 'accused', 'remanded', 'placed', 'made', 'tried',
]);
const headlineContinuationRe = /^\s+(?:to|for|over|in|on|after|at|of|with)\b/i;
// a verdict verb before the object: "sentenced a local resident, 32-year-old " + NAME
// ("an indictment unsealed Thursday ... charges NAME, 35, ... with": the present tense of a charging document)
const objectBeforeRe =
  /\b(sentenced|sentencing|jailed|jailing|convicted|convicting|acquitted|acquitting|cleared|fined|charged|charging|charges|arrested|detained|indicted|imprisoned|found|gave|handed|ordered|sent)\s+((?:[\p{Ll}\d'’-]+,?\s+){0,8})$/u;
// "the charges NAME faces", "federal charges": "charges" as a noun
const chargesNounBeforeRe = /\b(?:the|his|her|their|its|these|those|federal|criminal|new|similar|same|related|of|and|any|no|drug|fraud|murder|faces|facing|face|dropped|denies|denied)\s+charges\s+$/i;
// an inverted clause, the verdict first: "Acquitted were " + NAME, "Sentenced alongside him were his brother " + NAME
const invertedBeforeRe =
  /(?:^|[.;:]\s+)(?:[Aa]lso\s+)?(?:[Ss]entenced|[Cc]onvicted|[Jj]ailed|[Aa]cquitted|[Cc]leared|[Cc]harged|[Ff]ined)\b[^,;.]{0,40}?\s+(?:was|were)\s+(?:(?:the|his|her|their)\s+)?(?:[\p{Ll}-]+\s+){0,2}$/u;
// an outcome's object: "upheld the 10-year sentence of NAME", "reduced the term handed to NAME", "rejected
// the appeal of NAME", "reduced the sentence of his co-defendant, NAME,", "the appeal of NAME2's friend NAME",
// "The shortest sentence, two years, was given to 20-year-old NAME", "cut the sentence of NAME, ..., and that of
// farmer NAME", "the sentence handed to Karakalpak journalist NAME" (a nationality before the occupation), "A suspended
// sentence went to NAME" ("the sentence of another activist from the same group, NAME": a described person, the
// description ended by a comma)
const outcomeOfBeforeRe =
  /(?:\b(?:sentences?|terms?|verdicts?|convictions?|appeals?|acquittals?|punishment)(?:,\s*[^,;.]{1,30},)?\s+(?:of|by|(?:(?:was|were|is|has\s+been|had\s+been)\s+)?(?:handed|given|imposed)\s+(?:to|on)|went\s+to)|(?:,|\band)(?<=\b(?:sentences?|terms?|verdicts?|convictions?|appeals?|punishment)\b[^;]{1,116})\s+th(?:at|ose)\s+of)\s+(?:(?:his|her|their|the|another|an?|\p{Lu}[\p{L}'’-]*['’]s)\s+)?(?:\d{1,3}-year-old\s+)?(?:\p{Lu}[\p{Ll}-]+\s+(?=\p{Ll}))?(?:[\p{Ll}-]+,?\s+){0,3}(?:(?:from|of|in|at|with)\s+(?:(?:the|an?|his|her|their)\s+)?(?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+,\s+)?$/u;
// a verdict verb before an appositive that names a place or body: "sentenced the former head of the Almaty region
// police, " + NAME + ", to ..." (the name closes the appositive with a comma)
const objectAppositiveBeforeRe =
  /\b(?:sentenced|jailed|convicted|acquitted|cleared|fined|charged|indicted|imprisoned)\s+(?:a|an|the)\s+(?![^,;.()“”"]*\b(?:who|which|that|whose)\b)[^,;.()“”"]{1,80},\s*$/;
const PREPOSITIONS = new Set(['to', 'for', 'of', 'in', 'on', 'by', 'with', 'from', 'at', 'against', 'after', 'before', 'over', 'under', 'and', 'or', 'that', 'who', 'which']);
// occupations and roles that describe a defendant: "journalist NAME", "and playwright NAME"
const ROLE_NOUN_SRC =
  'entrepreneur|businessman|businesswoman|journalist|activist|blogger|reporter|editor|poet|writer|artist|politician|leader|resident|man|woman|teenager|student|pensioner|farmer|doctor|teacher|official|mayor|governor|minister|general|colonel|officer|soldier|serviceman|accomplice|suspect|accused|defender|protester|unionist|worker|driver|citizen|national|native|investor|banker|executive|founder|owner|chairman|head|deputy|rapper|singer|musician|imam|cleric|lawmaker|deputy|figure|member|dissident|critic|opponent|fighter|welder|engineer|mechanic|nurse|trader|vendor|father|mother|playwright|director|schoolteacher|cameraman|photographer|historian|economist';
// "journalist NAME", "One of the defendants, NAME", "an entrepreneur ..., NAME"
const appositionBeforeRe = new RegExp(`\\b(?:defendant|co-defendant|${ROLE_NOUN_SRC})s?\\s*,?\\s*(?:\\d{1,3}-year-old\\s+)?$`, 'i');
const ageBeforeNameRe = /\b\d{1,3}-year-old\s+(?:[\p{Ll}-]+\s+){0,3}$/u;
const ageAfterNameRe = /^(?:,\s*(?:aged\s+)?\d{1,3}\s*[,.;)]|\s*\(\d{1,3}\)|,\s*\d{1,3}(?:\s+years\s+old\b|-year-old\b))/;
/** verdict words anywhere in a sentence: enough to accept a name with an age or a role noun */
const verdictWordRe =
  /\b(?:sentenced|jailed|convicted|guilty|acquitted|verdict|imprisoned|fined|charged|arrested|detained|indicted|upheld|reduced|replaced|commuted)\b/i;
// "NAME, who died last week": deceased, not a defendant
// ("NAME, from TOWN, died in hospital")
const diedAfterRe = /^(?:,\s*\d{1,3})?(?:,\s*(?:from|of)\s+\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*)?,?\s*(?:who\s+)?(?:died|was killed|was found dead)\b/u;

// "NAME, 44, of Katy, pleaded": a capitalised name after "of"/"in"/"from" is a place
// (and the state after a town: "NAME, 38, of Brooklyn, New York, was sentenced")
const placeBeforeRe = /\b(?:of|in|from|at|near|outside|across)\s+$|,\s*\d{1,3},\s+(?:of|from)\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)*,\s+$/u;

// "NAME, from Knowle West,", "NAME, 44, of TOWN", "in TOWN": a place, not a person ("cash from NAME" is a person)
const placeOfPersonBeforeRe = /(?:,\s*(?:\d{1,3},\s*)?(?:of|from)|\b(?:in|near))\s+$/;

/**
 * Whether a capitalised name is no person to remember for later mentions ("Beasley pleaded guilty"): a place
 * ("from Knowle West") or someone who died ("NAME, from TOWN, died in hospital" — never a defendant).
 */
export function isPlaceOrDeceased(before: string, after: string): boolean {
  return placeOfPersonBeforeRe.test(before) || diedAfterRe.test(after);
}

const prepositionBeforeRe = /\b(?:for|against|with|by|to|than)\s+$/i;

// a sentence with none of these stems has no defendant in a verdict role
const roleVerbGateRe = /\b(?:sentenc|jail|appear|remain|convict|found|guilty|acquit|clear|hand|given|gave|order|receiv|got|gets|plead|pled|admit|charg|arrest|detain|indict|impris|fine|fac|stood|went|tried|accus|spared|walked|lost|appeal|denie|remand|placed|sent|verdict|trial|prison|colony|upheld)/i;
// the three finders below test the same sentence in turn: the last answer is kept
let roleVerbGateFor: string | null = null;
let roleVerbGateHit = false;

function hasRoleVerb(s: string): boolean {
  if (s !== roleVerbGateFor) {
    roleVerbGateFor = s;
    roleVerbGateHit = roleVerbGateRe.test(s);
  }
  return roleVerbGateHit;
}

/** Whether a mention whose verb is `verb` is someone arrested and released without charge in sentence `s`. */
function arrestedAndReleased(s: string, verb: string): boolean {
  return (verb === 'arrested' || verb === 'detained') && releasedWithoutCharge(s);
}

export type MentionRole = 'subject' | 'object' | 'apposition' | 'age' | 'other';

export interface NameMention extends NameCandidate {
  role: MentionRole;
  /** the verb that made it a subject ("sentenced", "received"), lowercased */
  verb: string | null;
}

// "A co-defendant, NAME, 23, who delivered pills for " + NAME: a name inside another's relative clause
const insideRelativeRe = /,\s*(?:who|whom|whose)\s+[^,;.—–]{0,80}$/;

function roleOf(c: NameCandidate, before: string, after: string, hasVerdictWord: boolean): { role: MentionRole; verb: string | null } | null {
  if (insideRelativeRe.test(before)) return null;
  const place = placeBeforeRe.test(before);
  // "NAME, who delivered pills for NAME2, pleaded guilty": a name after a preposition is no subject
  const sm = place || prepositionBeforeRe.test(before) ? null : subjectAfterRe.exec(after);
  if (sm) {
    const verb = sm[2]!.toLowerCase().replace(/\s+/g, ' ');
    const rest = after.slice(sm.index + sm[0].length);
    if (!PASSIVE_ONLY.has(verb) || sm[1] || headlineContinuationRe.test(rest)) return { role: 'subject', verb };
  }
  // ("sentence of NAME": the "of" is not a place's)
  if (c.tokens.length >= 2 && outcomeOfBeforeRe.test(before)) return { role: 'object', verb: null };
  if (place || isVictimContext(before)) return null;
  const om = objectBeforeRe.exec(before);
  if (om) {
    const fillerText = om[2] ?? '';
    const filler = fillerText.split(/[\s,]+/).filter(Boolean);
    const verb = om[1]!.toLowerCase();
    // ("charges NAME ... with X": a verb only with its "with")
    const chargesVerb = verb !== 'charges' || (!chargesNounBeforeRe.test(before.slice(om.index - 30 < 0 ? 0 : om.index - 30)) && /\bwith\b/.test(after));
    // ("found NAME, 48, of TOWN, not guilty": the age and place may come between)
    const guiltyAfter = /^(?:,\s*[^,;]{1,40}){0,3},?\s+(?:not\s+)?guilty\b/i.test(after);
    // "acquitted a former deputy head of the regional police, NAME": an "of" inside an appositive is no preposition of the verb
    const appositive = /^(?:a|an|the)\s[^,]*,\s*$/.test(fillerText);
    const prepositional = filler.some((w) => PREPOSITIONS.has(w.toLowerCase()) && !(appositive && (w === 'of' || w === 'in' || w === 'from')));
    if (!prepositional && chargesVerb && (verb !== 'found' || guiltyAfter)) return { role: 'object', verb };
  }
  if (c.tokens.length >= 2 && /^\s*,/.test(after) && objectAppositiveBeforeRe.test(before)) return { role: 'object', verb: null };
  if (c.tokens.length >= 2 && invertedBeforeRe.test(before)) return { role: 'object', verb: null };
  if (!hasVerdictWord || c.tokens.length < 2 || diedAfterRe.test(after)) return null;
  if (appositionBeforeRe.test(before)) return { role: 'apposition', verb: null };
  if (ageBeforeNameRe.test(before) || ageAfterNameRe.test(after)) return { role: 'age', verb: null };
  return null;
}

// between an object and a name listed after it: "sentenced A and playwright " + B, "the appeals of A, 24, and " + B
// ("sentenced A and his brother B": a relative listed with a defendant is one too)
const objectListGapRe = new RegExp(`^(?:,\\s*\\d{1,3})?\\s*(?:,\\s*and|,|\\s+and)\\s+(?:(?:the|a|an)\\s+)?(?:(?:[\\p{Ll}-]+\\s+)?(?:${ROLE_NOUN_SRC}|${RELATION_SRC})s?\\s+)?$`, 'u');

/** Whether the text between two names lists them with an occupation before the second ("A and playwright B"). */
export function isOccupationListGap(gap: string): boolean {
  const title = titleAtEndRe.exec(gap);
  // "A, 50, and former MP " + B: the title that was dropped from B's name is in the gap
  if (title && isNeutralTitle(title[1]!)) return titledListGapRe.test(gap.slice(0, title.index + 1));
  return objectListGapRe.test(gap) && /\p{Ll}\s*$/u.test(gap);
}
const titleAtEndRe = /\s(\p{Lu}[\p{L}-]*)\s+$/u;
const titledListGapRe = /^(?:,\s*\d{1,3})?\s*(?:,\s*and|,|\s+and)\s+(?:(?:the|a|an)\s+)?(?:[\p{Ll}-]+\s+){0,2}$/u;

/** Name candidates that are in a defendant's role in the sentence. */
export function findDefendantNames(s: string, candidates: NameCandidate[] = findNameCandidates(s)): NameMention[] {
  const out: NameMention[] = [];
  if (candidates.length === 0 || !hasRoleVerb(s)) return out;
  const hasVerdictWord = verdictWordRe.test(s);
  let last: NameMention | null = null;
  for (const c of candidates) {
    if (c.courtSide || c.possessive) continue;
    const before = s.slice(Math.max(0, c.start - 120), c.start);
    const after = s.slice(c.end, c.end + 260);
    let role = roleOf(c, before, after, hasVerdictWord);
    if (role?.verb && arrestedAndReleased(s, role.verb)) continue;
    // a name listed right after an object shares its role ("sentenced A and playwright B to six years each")
    if (!role && last?.role === 'object' && c.tokens.length >= 2 && (objectListGapRe.test(s.slice(last.end, c.start)) || isOccupationListGap(s.slice(last.end, c.start)))) role = { role: 'object', verb: last.verb };
    // the costlier non-defendant checks run only for names in a defendant's role
    if (role && !isNonDefendantContext(before, after, role.role === 'subject' || role.role === 'object')) {
      last = { ...c, role: role.role, verb: role.verb };
      out.push(last);
    } else last = null;
  }
  return out;
}

// a count of people: "10", "1,400", "twelve"
const COUNT_SRC =
  '\\d{1,3}(?:,\\d{3})+|\\d{1,4}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty';
// "The other 10 defendants", "45 people", "three men", "the remaining 12 accused", "Two camera operators"
const groupRe = new RegExp(
  `\\b(?:(?:the|all|another|these|those)\\s+)?(?:(?:other|remaining)\\s+)?(?<![\\d,])(${COUNT_SRC})\\s+(?:(?:other|more|remaining|further|young|local|former|[a-z]+)\\s+){0,2}?(?:defendants|people|men|women|persons|individuals|activists|accused|others|suspects|protesters|protestors|participants|members|residents|officers|soldiers|journalists|youths|teenagers|students|workers|operators|employees|colleagues|bloggers|accomplices|co-defendants)\\b`,
  'gi',
);
// "almost 1,400 people", "more than 100 activists" — a total, not a set of defendants
// ("A group of 12 people were convicted" is a stated set)
const approximateBeforeRe = /\b(?:almost|nearly|more than|over|about|around|some|at least|up to|roughly|approximately|of the|(?<!\bgroup\s)of|among)\s+$/i;
const WORD_COUNTS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50,
};

export interface GroupMention {
  start: number;
  end: number;
  count: number;
  countStart: number;
  countEnd: number;
  role: MentionRole;
  /** a set of defendants in one case ("the other 10 defendants", "22 of the 27"), not any number of people */
  specific: boolean;
  /** "the other 21 defendants": the rest of a set whose other members were named */
  other: boolean;
}

/** Unnamed groups of defendants in a subject or object role ("The other 10 defendants ... were found guilty"). */
export function findGroups(s: string): GroupMention[] {
  const out: GroupMention[] = [];
  if (!hasRoleVerb(s)) return out;
  for (const re of s.includes(' of the ') ? [groupRe, partOfRe] : [groupRe]) {
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      const g = groupAt(s, m, re === partOfRe);
      if (g) out.push(g);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

// "acquitted 22 of the 27 politicians": the first number is the group
const partOfRe = new RegExp(`\\b(${COUNT_SRC})\\s+of\\s+the\\s+(?:${COUNT_SRC})\\b(?:\\s+[a-z]+)?`, 'gi');

function groupAt(s: string, m: RegExpExecArray, partOf: boolean): GroupMention | null {
  const start = m.index;
  const end = start + m[0].length;
  if (approximateBeforeRe.test(s.slice(Math.max(0, start - 16), start))) return null;
  const countText = m[1]!;
  const count = /^\d/.test(countText) ? Number(countText.replace(/,/g, '')) : WORD_COUNTS[countText.toLowerCase()]!;
  if (!count || count < 2) return null;
  const countStart = start + m[0].indexOf(countText);
  const countEnd = countStart + countText.length;
  const after = s.slice(end, end + 260);
  const direct = subjectAfterRe.exec(after);
  // (not a place the people were in: "Nine other people in the village square were sentenced, witnesses said")
  const modifier = direct ? null : groupPostModifierRe.exec(after);
  const post = modifier && (!/^\s+in\s+(?:the|a|an)\s/.test(modifier[0]) || caseNounRe.test(modifier[0])) ? modifier : null;
  const sm = direct ?? relativeThenSubject(after) ?? (post ? subjectAt(after, post[0].length) : null);
  let role: MentionRole | null = null;
  if (sm && (!PASSIVE_ONLY.has(sm[2]!.toLowerCase()) || sm[1] || headlineContinuationRe.test(after.slice(sm.index + sm[0].length)))) role = 'subject';
  else {
    const om = objectBeforeRe.exec(s.slice(Math.max(0, start - 120), start));
    if (om && !(om[2] ?? '').split(/[\s,]+/).some((w) => PREPOSITIONS.has(w.toLowerCase()))) role = 'object';
  }
  if (!role || (sm && arrestedAndReleased(s, sm[2]!.toLowerCase()))) return null;
  const other = /\b(?:other|remaining)\b/i.test(m[0]);
  // "Two men wanted in the X case", "Six members of a reading group": a set in one case
  const ofOneCase = role === 'subject' && post !== null && sm !== null && sm.index >= post[0].length && caseNounRe.test(post[0]);
  return { start, end, count, countStart, countEnd, role, specific: partOf || other || ofOneCase, other };
}

// "A 17-year-old boy has been sentenced", "sentenced a 35-year-old man to life", "a 19-year-old was jailed":
// a defendant given only by age (a name may follow in the next sentence: see verdict.ts)
const unnamedRe = /\b[Aa]n?\s+(\d{1,3})-year-old\b((?:\s+(?!who\b|to\b|was\b|has\b|is\b)[\p{Ll}-]+){0,3})/gu;
// "a 29-year-old welder, NAME" / "a 32-year-old NAME": the name is right there
const namedAfterRe = /^,?\s*\p{Lu}[\p{Ll}'’-]/u;

export interface UnnamedMention {
  start: number;
  end: number;
  age: number;
  ageStart: number;
}

/** Defendants named by their age alone ("a 19-year-old was jailed for 12 years") in a verdict role. */
export function findUnnamedDefendants(s: string): UnnamedMention[] {
  const out: UnnamedMention[] = [];
  if (!s.includes('-year-old') || !hasRoleVerb(s)) return out;
  unnamedRe.lastIndex = 0;
  for (let m = unnamedRe.exec(s); m; m = unnamedRe.exec(s)) {
    const start = m.index;
    const end = start + m[0].length;
    const age = Number(m[1]);
    if (age < 10 || age > 110 || namedAfterRe.test(s.slice(end, end + 4))) continue;
    const before = s.slice(Math.max(0, start - 120), start);
    if (isVictimContext(before)) continue;
    const after = s.slice(end, end + 260);
    const sm = subjectAfterRe.exec(after) ?? relativeThenSubject(after);
    let role = sm !== null && (!PASSIVE_ONLY.has(sm[2]!.toLowerCase()) || Boolean(sm[1]) || headlineContinuationRe.test(after.slice(sm.index + sm[0].length)));
    if (!role) {
      const om = objectBeforeRe.exec(before);
      role = om !== null && !(om[2] ?? '').split(/[\s,]+/).some((w) => PREPOSITIONS.has(w.toLowerCase()));
    }
    if (role) out.push({ start, end, age, ageStart: start + m[0].indexOf(m[1]!) });
  }
  return out;
}

// "Four other men who were with NAME that night were sentenced": the verb after a defining relative clause
const relativeClauseRe = /^\s+(?:who|that)\s+[^,;.]{1,100}?(?=\s+(?:was|were|has been|have been|had been|are|is)\s)/;

// a group's post-modifier before its verb: "Nine other defendants | in the same case, aged 24 to 61, were sentenced",
// "Six members | of a reading group arrested in Ufa | remain in pre-trial detention", "Twelve residents | of Zhanaozen |
// were sentenced", "Two men | wanted in the X case,
// believed to be living in Russia, were placed on a wanted list"
const groupPostModifierRe =
  /^\s+(?:(?:in|of|from)\s+(?:(?:the|a|an)\s|\p{Lu})|(?:wanted|arrested|detained|held|accused|charged|implicated|involved|named)\s+(?:in|on|for|over|with)\s)[^,;.()“”"]{1,70}?(?=,|\s+(?:was|were|are|is|has|have|had|remain|remains|remained)\b)/u;
// ... that ties it to one case, or to one organisation on trial
const caseNounRe = /\b(?:case|trial|group|ring|gang|cell|community|organi[sz]ation|network|movement|party|plot)\b/i;

/** subjectAfterRe from `at` in `after`, with the match's index in `after`. */
function subjectAt(after: string, at: number): RegExpExecArray | null {
  const m = subjectAfterRe.exec(after.slice(at));
  if (m) m.index += at;
  return m;
}

function relativeThenSubject(after: string): RegExpExecArray | null {
  const r = relativeClauseRe.exec(after);
  const m = r ? subjectAfterRe.exec(after.slice(r[0].length)) : null;
  if (m) m.index += r![0].length;
  return m;
}

// A cue that the names after it are members of the group just reported: "Among them was NAME", "They include the
// lawyer NAME", "Four of them — NAME, ...", "The four — NAME, 26, ...", "The longest term went to NAME", "The shortest
// sentence, two years, was given to 20-year-old NAME"
const memberCueRe =
  /(?:\b(?:[Aa]mong\s+(?:them|those|whom)(?:\s+(?:acquitted|convicted|sentenced|jailed|charged|cleared))?|[Tt]hey\s+include[ds]?|[Tt]he\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s*[—–:]|of\s+them\s*[—–:])|\b(longest|shortest|harshest|heaviest|lightest|toughest)\s+(?:prison\s+|jail\s+)?(?:term|sentence|punishment)(?:,\s*[^,;.]{1,30},)?\s+(?:\w+\s+)?(?:went\s+to|(?:was|were)\s+(?:given|handed|imposed)\s+(?:to|on)))\s*(?:(?:was|were|are|is)\s+)?(?:(?:the|a|an)\s+)?(?:[\p{Ll}\d-]+\s+){0,5}$/u;
// "The four — ": the cue names every member of the group
const wholeGroupCueRe = /\b[Tt]he\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s*[—–:]\s*$/;

export interface MemberCue {
  /** "longest"/"harshest": the member got the group's top term; "shortest"/"lightest": its bottom one */
  extreme: 'max' | 'min' | null;
  /** "The four — A, B, C and D —": the names are the whole group */
  whole: boolean;
}

/** Whether the words before a name say it is a member of the group just reported (see memberCueRe). */
export function memberCueBefore(before: string): MemberCue | null {
  const m = memberCueRe.exec(before);
  if (!m) return null;
  const extreme = m[1] ? (/longest|harshest|heaviest|toughest/.test(m[1]) ? 'max' : 'min') : null;
  return { extreme, whole: wholeGroupCueRe.test(before) };
}
