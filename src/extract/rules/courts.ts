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

// "court", "Court" (not "courtroom", "courts")
const courtWordRe = /\bcourt\b(?!['’]s\b|room)/gi;
// one word before "court": "Almaty", "district", "U.S.", "Inter-district", "Magistrates'"
const modifierTokenRe = /(?:^|\s)(U\.S\.|[\p{L}][\p{L}'’.-]*)\s*$/u;
const LOWER_MODIFIERS = new Set([
  'district', 'city', 'regional', 'region', 'military', 'specialized', 'specialised', 'inter-district',
  'interdistrict', 'criminal', 'appeals', 'appellate', 'appeal', 'supreme', 'federal', 'crown', "magistrates'",
  'magistrates', 'county', 'municipal', 'garrison', 'juvenile', 'high', 'provincial', 'oblast', 'raion',
  'district-level', 'circuit', 'youth', 'state', 'superior', 'economic', 'administrative',
  'cassation', 'constitutional', 'martial',
]);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'its', 'his', 'her', 'their', 'another', 'same']);
// capitalised words that are not part of a court's name even when they precede "court"
const NOT_MODIFIERS = new Set(['In', 'At', 'On', 'By', 'A', 'An', 'The', 'Judge', 'Justice', 'Kazakhstan’s', "Kazakhstan's", 'Tuesday', 'Monday']);
// after "court": "of Appeal", "for the Southern District of New York", "in the Aktobe region", "at Bristol"
const complementRe =
  /^\s+(?:of\s+(?:Appeals?|Justice|Cassation|First Instance|Criminal Appeal|(?:the\s+)?(?:\p{Lu}[\p{L}-]*\s+){1,3}(?:region|district|oblast|province|city|County)\b)|for\s+the\s+(?:(?:Southern|Northern|Eastern|Western|Central|Middle)\s+)?District\s+of\s+(?:\p{Lu}[\p{L}.-]*)(?:\s+\p{Lu}[\p{L}.-]*){0,2}|in\s+(?:the\s+)?(?:\p{Lu}[\p{L}'’-]*)(?:\s+\p{Lu}[\p{L}'’-]*){0,2}(?:\s+(?:region|district|oblast|province|city))?|at\s+(?:\p{Lu}[\p{L}'’-]*)(?:\s+\p{Lu}[\p{L}'’-]*){0,1}|of\s+(?:\p{Lu}[\p{L}'’-]*)(?:\s+\p{Lu}[\p{L}'’-]*){0,2})/u;

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
      const capital = /^\p{Lu}/u.test(word);
      if (!capital && !LOWER_MODIFIERS.has(lower)) break;
      if (/['’]s$/.test(word)) break;
      const wordStart = start - (tm[0].length - tm[0].indexOf(word)) ;
      // a capitalised sentence opener ("Yesterday") is not a modifier
      if (capital && wordStart === 0 && !LOWER_MODIFIERS.has(lower) && modifiers === 0 && /^(?:Yesterday|Today|Later|Then|Now)$/.test(word)) break;
      start = s.lastIndexOf(word, start - 1);
      modifiers++;
    }
    // "the appellate board of the Shymkent city court": the board that ruled is part of the name
    const board = boardBeforeRe.exec(s.slice(Math.max(0, start - 60), start));
    if (board) start -= board[0].length - board[0].search(/\S/);
    let end = m.index + m[0].length;
    const comp = complementRe.exec(s.slice(end, end + 90));
    if (comp) end += comp[0].length;
    if (modifiers === 0 && !comp) continue;
    // "... of New York." at the end of a sentence: the full stop is not part of the name
    if (s[end - 1] === '.' && /\p{Ll}{2}\.$/u.test(s.slice(start, end))) end--;
    out.push({ start, end, name: s.slice(start, end) });
  }
  return out;
}
