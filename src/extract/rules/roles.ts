/**
 * Roles and traps for people: who in a sentence is NOT a defendant. Judges, prosecutors, lawyers, police,
 * spokespeople, witnesses, victims and relatives are named in verdict articles next to the defendants,
 * often with ages; they are recognised by their title or by the words around the name.
 */

/** Capitalised titles inside a name sequence that make the person a court-side or official figure. */
export const COURT_SIDE_TITLES = new Set([
  'Judge', 'Justice', 'Recorder', 'Magistrate', 'Attorney', 'Prosecutor', 'Agent', 'Sheriff', 'Lawyer', 'Counsel',
  'Spokesman', 'Spokeswoman', 'Spokesperson', 'Commissioner', 'Investigator', 'Ombudsman',
]);

/** Capitalised titles that are dropped from a name but say nothing about the role ("Former Prime Minister"). */
// family ties by which a defendant is named next to another ("NAME, 63, and his son NAME", "NAME's son, NAME")
export const RELATION_SRC =
  'brother|sister|son|daughter|wife|husband|father|mother|cousin|nephew|niece|uncle|aunt|partner|stepson|stepdaughter|grandson|granddaughter|grandfather|grandmother';

export const NEUTRAL_TITLES = new Set([
  'Mr', 'Mrs', 'Ms', 'Miss', 'Dr', 'Prof', 'Professor', 'Sir', 'Lord', 'Lady', 'President', 'Minister', 'Prime',
  'Deputy', 'Former', 'Mayor', 'Governor', 'Senator', 'General', 'Colonel', 'Major', 'Captain', 'Lieutenant',
  'Chairman', 'Director', 'Secretary', 'Chief', 'Akim', 'Head', 'Rev', 'Reverend', 'Imam', 'Sheikh', 'Father',
  'Senior', 'Junior', 'Private', 'Officer', 'Detective', 'Inspector', 'Sergeant', 'Constable', 'Superintendent',
  'DC', 'DS', 'DI', 'DCI', 'PC', 'Police', 'Lance', 'Corporal', 'Colonel-General', 'Lieutenant-Colonel',
  // an occupation written before the name at the head of a sentence: "Blogger NAME, 31, was fined"
  'Blogger', 'Journalist', 'Activist', 'Businessman', 'Businesswoman', 'Entrepreneur', 'Reporter', 'Editor', 'Poet',
  'Politician', 'Pensioner', 'Rapper', 'Cleric', 'Lawmaker', 'Dissident', 'Opposition', 'Cameraman', 'Photographer',
  'Historian', 'Economist', 'Playwright', 'Filmmaker', 'Mathematician', 'MP',
]);

/**
 * Descriptive nouns that a sentence opening capitalises before a name ("Grandfather NAME, 58, admitted ...",
 * "Pensioner NAME was fined"): not part of the name. Only dropped as the first word of a name.
 */
export const DESCRIPTOR_TITLES = new Set([
  // (occupations such as 'Blogger' or 'Pensioner' are NEUTRAL_TITLES, dropped wherever they stand first)
  'Grandfather', 'Grandmother', 'Grandad', 'Granddad', 'Grandma', 'Grandpa', 'Gran', 'Dad', 'Mum', 'Mom', 'Widow',
  'Widower', 'Student', 'Schoolboy', 'Schoolgirl', 'Teenager', 'Labourer', 'Landlord', 'Landlady', 'Carer', 'Midwife',
  'Retired', 'Unemployed', 'Jobless', 'Ex-soldier', 'Veteran', 'Tradesman', 'Farmer', 'Teacher', 'Pastor',
]);
// "Father-of-two NAME", "Mother-of-three NAME", "Grandmother-of-five NAME"
export const descriptorTitleRe = /^(?:Father|Mother|Mum|Dad|Grandfather|Grandmother)-of-[\p{Ll}\d-]+$/u;

// "his lawyer, NAME", "the victim, NAME", "prosecutor NAME", "Defence lawyer NAME" — but "a former deputy head of
// the regional police, NAME" / "the former head of the Almaty region police, NAME" is a head, not a police officer
const roleBeforeRe =
  /(?<!\b(?:head|chief|commander|director|chairman)\s+of\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,2})\b(?:lawyers?|attorneys?|advocates?|counsel|judges?|prosecutors?|investigators?|spokes(?:man|woman|person)|victims?|witness(?:es)?|detectives?|ombudsman|experts?|analysts?|researchers?|police(?:man|woman)?|officers?|guards?|agents?|representatives?)(?:\s+for\s+the\s+(?:prosecution|defen[cs]e|crown|state))?\s*,?\s*$/iu;
// the word roleBeforeRe must end with (before its ", "): a cheap test on the last few characters, since that regex
// tries its lookbehind at every position of the text before each name
const roleWordEndRe = /(?:lawyers?|attorneys?|advocates?|counsel|judges?|prosecutors?|investigators?|spokes(?:man|woman|person)|victims?|witness(?:es)?|detectives?|ombudsman|experts?|analysts?|researchers?|police(?:man|woman)?|officers?|guards?|agents?|representatives?|prosecution|defen[cs]e|crown|state)$/iu;

/** Whether `b` may end in a role word (roleBeforeRe cannot match otherwise). */
function mayEndInRole(b: string): boolean {
  let e = b.length;
  while (e > 0 && /\s/.test(b[e - 1]!)) e--;
  if (e > 0 && b[e - 1] === ',') e--;
  while (e > 0 && /\s/.test(b[e - 1]!)) e--;
  return roleWordEndRe.test(b.slice(Math.max(0, e - 16), e));
}

// "journalist and lawyer NAME", "His co-defendant, lawyer NAME, received", "sentenced lawyer NAME": in a verdict
// role a lawyer's title is the person's own occupation (lawyers are tried too) — unless the lawyer is someone's
// ("his lawyer", "Petrov's lawyer", "whose lawyer", "defence lawyer", "lawyer for the prosecution")
const lawyerBeforeRe = /\b(?:lawyer|attorney|advocate)s?\s*,?\s*$/i;
const someonesLawyerBeforeRe =
  /(?:\b(?:his|her|their|its|whose|my|our|your|defen[cs]e|prosecution|family|victim)|['’]s?)\s+(?:[\p{Ll}-]+\s+){0,2}?(?:lawyer|attorney|advocate)s?\s*,?\s*$/iu;
// "NAME's mother, NAME", "whose mother, NAME": a relative or friend — unless the name is itself the subject or
// object of a verdict ("Harrower's partner, Darren Coppell, 39, ... admitted theft"): relatives are often
// co-defendants. A victim's relative never is.
const relativeBeforeRe =
  new RegExp(`(?:['’]s|\\bwhose)\\s+(?:${RELATION_SRC}|relatives?|friends?|girlfriend|boyfriend|widow)\\s*,?\\s*$`, 'i');
// ... someone's relative inside a relative clause ("whose mother, NAME,") or a victim's relative never is one
const neverDefendantRelativeRe = /(?:\bwhose|\b(?:victim|complainant)s?['’]s?)\s+(?:\p{Ll}+,?\s+){1,2}$/iu;
// "NAME, a lawyer who defended", "NAME, prosecuting", "NAME, the victim's mother", "NAME, 45, who was questioned as
// a witness" ("NAME, whose mother, ..." is not the mother, nor is "NAME and his brother" the brother; an age is passed
// over only before who/the/his/her/their)
const roleAfterRe =
  /^(?:,\s*\d{1,3}(?=,\s*(?:who|the|his|her|their)\s))?(?:,|\s*\(|\s+[—–])\s*(?!whose\b|and\b|or\b)(?:(?:a|an|the|his|her|their|who is|who was)\s+)?(?:[\p{L}’'-]+\s+){0,3}?(?:lawyer|attorney|advocate|counsel|judge|prosecutor|investigator|spokes(?:man|woman|person)|victim|witness|ombudsman|wife|husband|mother|father|son|daughter|sister|brother|officer|detective|policeman|policewoman)\b/iu;
// "NAME, a former police officer, was sentenced": with an indefinite article the appositive is the person's own
// job, not a part in someone else's case — in a verdict role that person is the defendant ("his lawyer", "the
// victim", "the victim's mother" stay non-defendants)
const occupationAfterRe =
  /^,?\s*(?:\d{1,3}\s*,\s*)?an?\s+(?:[\p{L}’'-]+\s+){0,3}?(?:lawyer|attorney|advocate|judge|prosecutor|investigator|officer|detective|policeman|policewoman)\b/iu;
// "NAME, a researcher at HRW, said" — a commentator, unless in a verdict role ("NAME, a former senior
// researcher at an institute, was accused")
const commentatorAfterRe = /^,?\s*(?:(?:a|an|the)\s+)?(?:[\p{L}’'-]+\s+){0,3}?(?:expert|analyst|researcher)\b/iu;
// "NAME, 51, said outside the court": a speaker
const speakerAfterRe = /^(?:,\s*\d{1,3}\s*,)?\s*(?:said|says|told|added)\b/i;
// "Human rights activist NAME, who monitored the trial, said the verdict ...": a speaker after a relative clause
// (only outside a verdict role: "NAME, who was jailed in May, said he would appeal" is the defendant)
const speakerAfterClauseRe = /^(?:,\s*\d{1,3})?,\s*who\s+[^,;.]{1,80},\s*(?:said|says|told|added)\b/i;
const roleAfterDutyRe = /^,?\s*(?:prosecuting|defending|mitigating|representing|for the (?:prosecution|defence|defense|crown))\b/i;
// the person was harmed: "the killing of NAME", "stabbed NAME", "defrauded 76-year-old NAME" (case-sensitive: under
// the "i" flag \p{Ll} takes capitals too, and "the District of Michigan charges NAME" is no victim)
const victimBeforeRe =
  /\b(?:killing|killed|murder(?:ed|ing)?|murder of|death of|stabb(?:ed|ing)|shooting|shot|attack(?:ed|ing)?|assault(?:ed|ing)?|robb(?:ed|ing)|defraud(?:ed|ing)|rap(?:ed|ing)|kidnapp(?:ed|ing)|abduct(?:ed|ing)|threaten(?:ed|ing)|harass(?:ed|ing)|injur(?:ed|ing)|beat(?:ing)?|insult(?:ed|ing)?|told|by|of|against|from|with)\s+(?:(?:the|a|an|his|her|their)\s+)?(?:\d{1,3}-year-old\s+)?(?:[\p{Ll}-]+\s+){0,2}$/u;
// "said NAME", "according to NAME"
const speakerBeforeRe = /\b(?:said|says|told|according to|wrote|added)\s*,?\s*$/i;

/**
 * Whether the words around a name (before and after it, in one sentence) make it a non-defendant.
 * `inVerdictRole`: the name is the subject or object of a verdict verb, which outweighs a family tie.
 */
export function isNonDefendantContext(before: string, after: string, inVerdictRole = false): boolean {
  const b = before.slice(-60);
  const a = after.slice(0, 80);
  if (relativeBeforeRe.test(b) && (!inVerdictRole || neverDefendantRelativeRe.test(b))) return true;
  if (!inVerdictRole && (commentatorAfterRe.test(a) || speakerAfterClauseRe.test(after))) return true;
  return (mayEndInRole(b) && roleBeforeRe.test(b) && !(inVerdictRole && lawyerBeforeRe.test(b) && !someonesLawyerBeforeRe.test(b))) || (roleAfterRe.test(a) && !(inVerdictRole && occupationAfterRe.test(a))) || roleAfterDutyRe.test(a) || speakerBeforeRe.test(b) || speakerAfterRe.test(a);
}

/** Whether the words before a name make it the victim or the object of a preposition (not a subject). */
export function isVictimContext(before: string): boolean {
  return victimBeforeRe.test(before.slice(-70));
}
