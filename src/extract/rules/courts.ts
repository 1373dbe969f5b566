/**
 * Courts: the noun phrase around the word "court", without a leading article. "an Almaty district court"
 * -> "Almaty district court"; "a court in the Aktobe region in western Kazakhstan" -> "court in the Aktobe
 * region"; "at Manchester Crown Court"; "U.S. District Court for the Southern District of New York".
 * A bare "the court" is not a court name.
 */

export interface CourtMention {
  start: number;
  end: number;
  /** the phrase as written, e.g. "Almaty district court" */
  name: string;
}

// "court", "Court" (not "courtroom", "courts", "the court's press service"; but "the city court's appeals board")
const courtWordRe = /\bcourt\b(?!['’]s\b(?!\s+(?:appeals?|appellate|judicial|cassation)\s+(?:board|panel|chamber|collegium)\b)|room)/gi;
// "the Almaty City Court's appeals board": the board that ruled, named after its court
const boardAfterRe = /^['’]s\s+(?:appeals?|appellate|judicial|cassation)\s+(?:board|panel|chamber|collegium)(?:\s+for\s+criminal\s+cases)?/i;
// a court known by a name without the word "court": London's Central Criminal Court
const namedWithoutCourtRe = /\bOld\s+Bailey\b/g;
// one word before "court": "Almaty", "district", "U.S.", "Inter-district", "Magistrates'", "9th"
const modifierTokenRe = /(?:^|\s)(U\.S\.|\d{1,2}(?:st|nd|rd|th)|[\p{L}][\p{L}'’.-]*)\s*$/u;
const LOWER_MODIFIERS = new Set([
  'district', 'city', 'regional', 'region', 'military', 'specialized', 'specialised', 'inter-district',
  'interdistrict', 'criminal', 'appeals', 'appellate', 'appeal', 'supreme', 'federal', 'crown', "magistrates'",
  'magistrates', 'county', 'municipal', 'garrison', 'juvenile', 'high', 'provincial', 'oblast', 'raion',
  'district-level', 'circuit', 'youth', 'state', 'superior', 'economic', 'administrative',
  'cassation', 'constitutional', 'martial', 'sheriff',
]);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'its', 'his', 'her', 'their', 'another', 'same']);
// capitalised words that are not part of a court's name even when they precede "court"
const NOT_MODIFIERS = new Set(['In', 'At', 'On', 'By', 'A', 'An', 'The', 'Judge', 'Justice', 'Kazakhstan’s', "Kazakhstan's", 'Tuesday', 'Monday']);
// a month or weekday after "in"/"at" dates the hearing ("at Birmingham Crown Court in January"): not a place
const TIME_WORD = '(?!(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b)';
// after "court": "of Appeal", "of Appeal of General Jurisdiction", "of Appeals for the Ninth Circuit", "for the Southern District of New York", "in the Aktobe region", "at Bristol",
// "of the Almaty garrison"
const complementRe = new RegExp(
  '^\\s+(?:of\\s+(?:Appeals?(?:\\s+of\\s+General\\s+Jurisdiction|\\s+for\\s+the\\s+(?:\\p{Lu}[\\p{L}-]*\\s+)?Circuit)?|Justice|Cassation|First Instance|Criminal Appeal|the\\s+(?:Republic\\s+of\\s+\\p{Lu}[\\p{L}-]*|Russian\\s+Federation|Kyrgyz\\s+Republic)|(?:the\\s+)?(?:\\p{Lu}[\\p{L}-]*\\s+){1,3}(?:region|district|oblast|province|city|County|garrison)\\b)' +
    '|(?:for|in)\\s+the\\s+(?:(?:Southern|Northern|Eastern|Western|Central|Middle)\\s+)?District\\s+of\\s+(?:\\p{Lu}[\\p{L}.-]*)(?:\\s+\\p{Lu}[\\p{L}.-]*){0,2}' +
    // ("in the Siberian city of Omsk", "in the city of Orenburg", "in the Bashkortostan republic", "in the Kazakh capital")
    `|in\\s+(?:the\\s+)?(?:(?:[\\p{L}-]+\\s+){0,2}?(?:city|town|village|region|republic|province)\\s+of\\s+)?${TIME_WORD}(?:\\p{Lu}[\\p{L}'’-]*)(?:\\s+\\p{Lu}[\\p{L}'’-]*){0,2}(?:\\s+(?:region|district|oblast|province|city|republic|capital))?` +
    `|at\\s+${TIME_WORD}(?:\\p{Lu}[\\p{L}'’-]*)(?:\\s+\\p{Lu}[\\p{L}'’-]*){0,1}` +
    `|of\\s+${TIME_WORD}(?:\\p{Lu}[\\p{L}'’-]*)(?:\\s+\\p{Lu}[\\p{L}'’-]*){0,2})`,
  'u',
);

// "of Appeal", "of Justice": a complement that names the court's kind, not its place
const kindOnlyRe = /^\s+of\s+(?:Appeals?|Justice|Cassation|Criminal Appeal)$/;
const placeAfterKindRe = new RegExp(`^\\s+(?:in|at)\\s+${TIME_WORD}(?:\\p{Lu}[\\p{L}'’-]*)(?:\\s+\\p{Lu}[\\p{L}'’-]*){0,1}`, 'u');

const organisationAfterRe = /^\s+(?:Bar|Association|Building|House|Street|Road|Lane|Square|Avenue|Reporters?|Watch|Services?|Department|Administration)\b/;
const judgeTitleAfterRe = /^\s+(?:Chief\s+|Senior\s+|Magistrate\s+)?(?:Judge|Justice)\b/;

const MAX_MODIFIERS = 6;
// "appellate board of the", "judicial collegium for criminal cases of the"
const boardBeforeRe = /(?:^|\s)(?:(?:appellate|appeals?|judicial|cassation)\s+(?:board|chamber|panel|collegium)(?:\s+for\s+criminal\s+cases)?\s+of\s+the\s+)$/i;

/** Court phrases in a sentence, in text order. */
export function findCourts(s: string): CourtMention[] {
  const out: CourtMention[] = [];
  courtWordRe.lastIndex = 0;
  for (let m = courtWordRe.exec(s); m; m = courtWordRe.exec(s)) {
    let start = m.index;
    let modifiers = 0;
    while (modifiers < MAX_MODIFIERS) {
      const tm = modifierTokenRe.exec(s.slice(Math.max(0, start - 40), start));
      if (!tm) break;
      const word = tm[1]!;
      const lower = word.toLowerCase();
      if (DETERMINERS.has(lower) || NOT_MODIFIERS.has(word)) break;
      const capital = /^\p{Lu}|^\d/u.test(word);
      if (!capital && !LOWER_MODIFIERS.has(lower)) break;
      if (/['’]s$/.test(word)) break;
      const wordStart = start - (tm[0].length - tm[0].indexOf(word)) ;
      // a capitalised sentence opener ("Yesterday") is not a modifier
      if (capital && wordStart === 0 && !LOWER_MODIFIERS.has(lower) && modifiers === 0 && /^(?:Yesterday|Today|Later|Then|Now)$/.test(word)) break;
      start = s.lastIndexOf(word, start - 1);
      modifiers++;
    }
    // "the appellate board of the Shymkent city court": the board that ruled is part of the name
    const boardBefore = boardBeforeRe.exec(s.slice(Math.max(0, start - 60), start));
    if (boardBefore) start -= boardBefore[0].length - boardBefore[0].search(/\S/);
    let end = m.index + m[0].length;
    const board = boardAfterRe.exec(s.slice(end, end + 60));
    if (board) end += board[0].length;
    const comp = board ? null : complementRe.exec(s.slice(end, end + 90));
    if (comp) end += comp[0].length;
    // "the Military Court of Appeal in Vlasikha": a court named by its kind alone is placed by what follows
    if (comp && kindOnlyRe.test(comp[0])) {
      const place = placeAfterKindRe.exec(s.slice(end, end + 60));
      if (place) end += place[0].length;
    }
    if (modifiers === 0 && !comp && !board) continue;
    // "the Supreme Court Bar Association", "U.S. District Court Judge Ann Marsh": an organisation or a judge's title
    // named after the court, not the court (CONVENTIONS.md: a US judge's title is not a court)
    if (!comp && (organisationAfterRe.test(s.slice(end, end + 30)) || (/\bDistrict\s+Court$/.test(s.slice(start, end)) && judgeTitleAfterRe.test(s.slice(end, end + 20))))) continue;
    // "... of New York." at the end of a sentence: the full stop is not part of the name
    if (s[end - 1] === '.' && /\p{Ll}{2}\.$/u.test(s.slice(start, end))) end--;
    out.push({ start, end, name: s.slice(start, end) });
  }
  namedWithoutCourtRe.lastIndex = 0;
  for (let m = namedWithoutCourtRe.exec(s); m; m = namedWithoutCourtRe.exec(s)) out.push({ start: m.index, end: m.index + m[0].length, name: m[0] });
  return out.sort((a, b) => a.start - b.start);
}

// the kind of court a name says; a U.S. "District Court" is a federal court
const COURT_LEVELS: Array<[string, RegExp]> = [
  ['federal', /\b(?:federal|U\.S\.|United States)(?=\s|$)/i],
  ['district', /\b(?:district|raion|inter-?district|interdistrict)\b/i],
  // ("court in the city of Omsk" places a court in the city; the "Omsk city court" is the city's own court)
  ['city', /\b(?:city|municipal)(?=\s+court\b)/i],
  // ("court of Aktobe region" places a court in the region; the "Aktobe regional court" is the region's own court)
  ['regional', /\b(?:regional|oblast|provincial)\b|\bregion(?=\s+court\b)/i],
  ['military', /\b(?:military|garrison|martial)\b/i],
  ['appeal', /\b(?:appeals?|appellate|cassation)\b/i],
  ['supreme', /\bsupreme\b/i],
  ['crown', /\bcrown\b/i],
  ['magistrates', /\bmagistrates['’]?/i],
];
// courts above a first-instance one: a later naming of such a court is another court, not a fuller name
const HIGHER_LEVELS = new Set(['appeal', 'supreme']);
const NOT_PLACES = new Set([
  'court', 'criminal', 'specialised', 'specialized', 'general', 'jurisdiction', 'of', 'the', 'in', 'at', 'for', 'u.s.',
  'united', 'states', 'district', 'city', 'regional', 'region', 'military', 'garrison', 'crown', 'supreme', 'federal',
]);

// a country's adjective ("A Russian military court", "a Kazakh court") says no more than any court of that country
const nationalityRe = /^(?:\p{Lu}\p{Ll}+(?:ian|ese)|British|English|Scottish|Irish|Turkish|Polish|Kazakh|Kazakhstani|Kyrgyz|Uzbek|Tajik|Turkmen|Azerbaijani|Afghan|Iraqi|Israeli|Pakistani|Thai|Dutch|French|Greek)$/u;

interface CourtShape { levels: Set<string>; places: Set<string> }

// a court's name is compared with every court named before it (per record, per sentence): its shape is cached
// (bounded, like foldToken's keys); the shapes are only read
const shapeCache = new Map<string, CourtShape>();
const SHAPE_CACHE_MAX = 5_000;

function shapeOf(name: string): CourtShape {
  let shape = shapeCache.get(name);
  if (shape === undefined) {
    if (shapeCache.size >= SHAPE_CACHE_MAX) shapeCache.clear();
    shape = shapeUncached(name);
    shapeCache.set(name, shape);
  }
  return shape;
}

function shapeUncached(name: string): CourtShape {
  const levels = new Set(COURT_LEVELS.filter(([, re]) => re.test(name)).map(([level]) => level));
  if (levels.has('federal')) levels.delete('district');
  const places = new Set(
    name.split(/\s+/).map((w) => w.replace(/['’]s$/, '')).filter((w) => /^\p{Lu}/u.test(w) && !NOT_PLACES.has(w.toLowerCase()) && !nationalityRe.test(w)),
  );
  return { levels, places };
}

/**
 * Whether `fuller` names the same court as `general` more fully: "court in Osh" -> "Osh city court", "Almaty
 * court" -> "Medeu district court of Almaty", "military court" -> "military court of the Almaty garrison", "court
 * in Bishkek" -> "Leninsky district court" (a district court of the city). Not another kind of court ("Supreme Court
 * of X" is not a fuller "X district court"; an appeals court is never a fuller first-instance court).
 */
export function namesCourtMoreFully(general: string, fuller: string): boolean {
  if (general.toLowerCase() === fuller.toLowerCase()) return false;
  const g = shapeOf(general);
  const f = shapeOf(fuller);
  for (const level of g.levels) if (!f.levels.has(level)) return false;
  for (const level of f.levels) if (!g.levels.has(level) && HIGHER_LEVELS.has(level)) return false;
  const samePlaces = [...g.places].every((p) => f.places.has(p));
  const districtOfCity = g.levels.size === 0 && f.levels.has('district') && f.places.size === 1;
  // ("federal court in Anchorage" -> "... for the District of Alaska"; but a general naming that states its district
  // must state the same one)
  const federalDistrict = g.levels.has('federal') && /^(?:U\.S\.|United States) District Court for\b/.test(fuller) && (samePlaces || !/\bDistrict\s+of\b/.test(general));
  if (!samePlaces && !districtOfCity && !federalDistrict) return false;
  return f.levels.size > g.levels.size || f.places.size > g.places.size || federalDistrict;
}

// "would appeal to the Bishkek city court", "can be appealed to", "We will go to the Supreme Court", "an appeal
// had been filed with" (not "an appeal was rejected by", which names the court that ruled)
const appealTargetRe =
  /\b(?:(?:appeal(?:s|ed|ing)?|challenged?|complain(?:ed|t)?|go|take\s+(?:it|the\s+case))\s+(?:[\w’']+\s+){0,4}?(?:to|with|before)|(?:filed|lodged)\s+with)\s+(?:the\s+)?$/i;

/** Whether the court at `start` of a sentence is where an appeal goes, not the court that gave the verdict. */
export function isAppealTarget(s: string, start: number): boolean {
  return appealTargetRe.test(s.slice(Math.max(0, start - 70), start));
}

/**
 * Whether `next` is a court of first instance other than `current`: a verdict there is another case ("a
 * court in Shymkent" after "the Alatau district court"). A higher court (an appeal) may rule in the same case.
 */
export function isOtherFirstInstanceCourt(current: string, next: string): boolean {
  if (current.toLowerCase() === next.toLowerCase()) return false;
  if (isHigherCourt(next)) return false;
  if (namesCourtMoreFully(current, next)) return false;
  const c = shapeOf(current);
  // "Kyrgyz court ... the Bishkek city court": a vague naming says too little to tell another court
  if (c.levels.size === 0) return false;
  // a vaguer naming of the court just named: "the Osh city court ... the court in Osh"
  const n = shapeOf(next);
  return ![...n.levels].every((l) => c.levels.has(l)) || ![...n.places].every((p) => c.places.has(p));
}

/** Whether a court is above first instance (an appeals or supreme court). */
export function isHigherCourt(name: string): boolean {
  return [...shapeOf(name).levels].some((l) => HIGHER_LEVELS.has(l));
}

// "According to the Supreme Court, 48 officials have been convicted": a court quoted for figures
const citedAsSourceRe = /\baccording\s+to\s+(?:the\s+)?$/i;

/** Whether the court at `start` of a sentence is cited as a source, not as the court of a case. */
export function isCitedAsSource(s: string, start: number): boolean {
  return citedAsSourceRe.test(s.slice(Math.max(0, start - 20), start));
}

// "the city court", "by the Yekaterinburg court": a definite naming, which refers to a court the reader knows
const definiteBeforeRe = /\bthe\s+$/i;

/**
 * The court a definite, vaguer naming refers back to: the nearest naming before it of the same court more fully
 * ("the Bishkek City Court ... the city court" -> "Bishkek City Court"; "the Central District Military Court in
 * Yekaterinburg ... the Yekaterinburg court" -> the former). Not for "a court in X" (an indefinite naming
 * introduces a court) and not for a court named after it (`earlier` holds the namings in text order).
 */
export function namedBefore<T extends { name: string; start: number }>(text: string, at: number, name: string, earlier: readonly T[]): T | null {
  if (!definiteBeforeRe.test(text.slice(Math.max(0, at - 8), at))) return null;
  for (let i = earlier.length - 1; i >= 0; i--) {
    const c = earlier[i]!;
    if (c.start < at && namesCourtMoreFully(name, c.name)) return c;
  }
  return null;
}

// "is awaiting trial in the same court", "was jailed by the same court": the court of the case told so far
const sameCourtRe = /\b(?:the|that)\s+same\s+court\b/i;

/** Whether a sentence points to the court of the case told so far. */
export function refersToSameCourt(s: string): boolean {
  return sameCourtRe.test(s);
}

// "will next appear at", "is due to stand trial at", "was sent for trial to", "the trial at": the court a charged
// defendant's case goes to (the trial venue, over the magistrates' court of a first appearance)
const trialVenueBeforeRe =
  /\b(?:(?:will|is|are|was|were)\s+(?:(?:due|expected|set|scheduled)\s+to\s+)?(?:next\s+)?(?:appear|stand\s+trial|face\s+trial|be\s+tried)|(?:sent|committed)\s+(?:for\s+trial\s+)?to|trial\s+(?:at|in))\s+(?:(?:at|in|before)\s+)?(?:the\s+)?$/i;
// "appeared by video link at Westminster Magistrates' Court", "appearing before": a court a charged defendant
// appears at (not "would appeal to")
const appearanceVenueBeforeRe =
  /\b(?:appear(?:s|ed|ing)?|stand\s+trial|be\s+tried|(?:sent|committed)\s+for\s+trial)\s+(?:(?:again|next|in\s+person|by\s+video(?:\s+link)?)\s+)?(?:at|before|in|to)\s+(?:the\s+)?$/i;

/**
 * Where a charged defendant is heard, for the court at `start` of a sentence: 'trial' for the court the case is
 * to be tried at, 'appearance' for one they appeared at, null for any other court (one that ruled, one appealed to).
 */
export function hearingVenue(s: string, start: number): 'trial' | 'appearance' | null {
  const before = s.slice(Math.max(0, start - 60), start);
  if (trialVenueBeforeRe.test(before)) return 'trial';
  return appearanceVenueBeforeRe.test(before) ? 'appearance' : null;
}

// "AUSAs X and Y prosecuted the case in the U.S. District Court for ...", "tried the Foster case in": the court of
// the whole case, every defendant's
const caseVenueRe =
  /\b(?:(?:prosecuted|tried|handled|heard)\s+(?:the|this)\s+(?:\p{Lu}[\p{L}'’-]*\s+)?case|(?:the|this)\s+case\s+(?:was|is\s+being|has\s+been)\s+(?:prosecuted|tried|handled|heard))\s+(?:in|at|before|by)\s+(?:the\s+)?$/iu;
// "The St Petersburg City Court tried the case behind closed doors"
const caseVenueAfterRe = /^\s+(?:\p{Ll}+ly\s+)?(?:tried|heard|handled)\s+(?:the|this)\s+case\b/u;

/** Whether the court at `start`..`end` of a sentence is named as the court of the whole case. */
export function isCaseVenue(s: string, start: number, end = start): boolean {
  return caseVenueRe.test(s.slice(Math.max(0, start - 80), start)) || caseVenueAfterRe.test(s.slice(end, end + 40));
}
