/**
 * Charges: each offence as the article phrases it (CONVENTIONS.md "charges"). Quoted translated article
 * names after a cue ("found guilty of “participation in mass riots,” and “theft.”"), unquoted offences
 * after a lead-in ("convicted of four counts of bribery" -> "bribery"), and code articles given alone
 * ("under Part 2 of Article 272" -> "Article 272").
 */

import { CURRENCY_SRC, NUMBER_SRC, parseNumber } from './numbers.ts';

export interface ChargeFound {
  text: string;
  start: number;
  end: number;
  /** "Article 272": only used when no worded charge is given */
  code: boolean;
  /** written in quotes (a translated article name): the formal charge, preferred over narrative phrases */
  quoted: boolean;
  /**
   * after a sentence or an accusation ("jailed for six years for ...", "accused of ..."), not a verdict or
   * charge verb: often the act told as a story ("for the bombing of a shopping centre"), so a charge named
   * with "convicted of" / "pleaded guilty to" / "charged with" replaces it
   */
  weak: boolean;
  /** "cleared of murder but convicted of manslaughter": an offence of acquittal */
  cleared: boolean;
  /** "admitted the conspiracy charge": the words of an offence named before (resolved by the caller) */
  ref?: string;
  /** "He was also convicted of ...": an offence added to those named before */
  also?: boolean;
}

// “participation in mass riots,” / "theft" / «extremism»
const quoteRe = /[“"«]([^”"»“«\n]{2,200})[”"»]|‘([^’‘\n]{2,200})’/g;
// between two quoted charges: ", " / " and " / ", and "
const quoteJoinRe = /^[\s,]*(?:and|or|as well as)?[\s,]*$/;
// just before the first quote: "found guilty of ", "a 17-year sentence for ", "under ", "guilty ... on Wednesday of an ",
// "under Article 158 of the Criminal Code, as well as "
const quoteCueRe =
  /\b(?:guilty\s+of|convicted\s+of|convicted\s+on|charged\s+with|charges?\s+of|charges?|accused\s+of|sentences?\s+for|for|under|articles?|acquitted\s+of|cleared\s+of|offen[cs]es?\s+of|crimes?\s+of|counts?\s+of|suspicion\s+of|including|namely|of\s+committing|over|as\s+well\s+as)\s+(?:an?\s+|the\s+)?$|\b(?:guilty|convicted|acquitted|accused|charged|suspicion)\b(?:[^“”".;]|\.(?=\d)){0,80}\b(?:of|with)\s+(?:an?\s+|the\s+)?$/i;
// a quote cue that is a sentence's "for" or an accusation, with no verdict or charge verb before it in the clause
const weakQuoteCueRe = /\b(?:for|over|accused\s+of|suspicion\s+of)\s+(?:an?\s+|the\s+)?$/i;
const verdictVerbRe = /\b(?:guilty|convicted|charged|acquitted|cleared|admitted|pleaded|indicted)\b[^“”";]*$/i;
// "NAME, 27, of": a defendant named between the verdict verb and "of" ("acquitted Marlen Dauletov, 27, of")
// (no "u" flag on leadInRe: it makes the whole pattern about three times slower)
const NAMED = String.raw`[A-ZÀ-Þ][\wÀ-ž'’-]*(?:\s+[A-ZÀ-Þ][\wÀ-ž'’-]*){0,3},\s*\d{1,3},`;
// "NAME, 35, of TOWN, STATE,": one named person charged, with the place he is from
const NAMED_OF = String.raw`${NAMED}(?:\s+of\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2},(?:\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2},)?)?`;
// the people an indictment charges: "charges NAME, 35, of TOWN, and NAME, 29, of TOWN, with", "charged NAME with"
const CHARGED = String.raw`${NAMED_OF}(?:\s+and\s+${NAMED_OF})?|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3}`;
// lead-ins of an unquoted offence: "convicted of", "pleaded guilty on March 3 to", "admitted", "on charges of",
// "cleared by the jury of", "cleared by the Court of Appeal of"
const leadInRe = new RegExp(
  String.raw`\b(?:(?:found\s+)?guilty(?:\s+(?!and\b|were\b|was\b|each\b|given\b)[^\s,.;“”"]+){0,10}?\s+of|convicted(?:\s+(?!and\b|were\b|was\b|each\b|given\b)[^\s,.;“”"]+){0,10}?\s+of|convicted\s+(?:[^,.;“”"]{1,40}?\s+)?on\s+[\w-]+\s+(?:counts?|charges?),?\s+including|(?:acquitted|cleared|convicted)\s+${NAMED}\s+of|acquitted\s+of|cleared\s+of|(?:acquitted|cleared)\s+by\s+(?:the\s+|a\s+)?(?:jury|jurors|judge|magistrates|court(?:\s+of\s+appeal)?)\s+of|charged\s+with|accused\s+of|indicted\s+(?:on\s+(?:\w+\s+)?charges?\s+of|for)|on\s+(?:a\s+|the\s+)?charges?\s+of|(?:pleaded|pled|pleading)\s+guilty(?:\s+[^,.;“”"]{1,30}?)??\s+to|(?:pleaded|pled|pleading)\s+guilty\s+before\s+(?:[A-Z][\w'’.-]*\s+){1,7}to|fac(?:es|ed|ing)\s+(?:(?:separate|new|further|additional|federal|criminal|state)\s+)?charges?\s+of|charg(?:es|ed|ing)\s+(?:(?:an?|the)\s+(?:[a-z-]+\s+){0,3}?[a-z-]+|${CHARGED})\s+with|admitted|admitting|on\s+suspicion\s+of|(?:years?|months?|weeks?|days?|prison|jail|custody|sentences?|imprisonment|probation|colony|fine|order|life|death|sentence,|time\s+served|unpaid\s+work|(?:restricted|restriction\s+of|limitation\s+of)\s+freedom|freedom\s+(?:limitation|restriction)|(?:forced|correctional|compulsory)\s+labou?r|community\s+service|house\s+arrest|${CURRENCY_SRC}(?<=\b(?:fined|fine\s+of)\b[^.;]{0,140})|\d(?<=[£$€]\d)(?<=\b(?:fined|fine\s+of)\s+(?:(?:him|her|them)\s+)?[£$€]\d)[\d,.]*(?:\s+(?:million|billion))?)(?:,\s+to\s+run\s+(?:consecutively|concurrently),)?(?:\s+(?:on|at|last|yesterday|today)\b(?:\s+(?!(?:charges?|counts?|suspicion|accusations?|allegations?|of)\b)[^\s,.;“”"]+){0,6}?)?\s+(?:in\s+(?:federal\s+)?(?:prison|jail)\s+)?for(?!\s+(?:the|a|an|his|her|their)\s+(?:community|public|state|same|rest|next|first|last)\b)|and\s+for)\s+`,
  'gi',
);
// which lead-ins are weak (see ChargeFound.weak) and which name an acquittal
const weakLeadInRe = /^(?:accused|on\s+suspicion|fac)|\bfor\s*$/i;
const clearedLeadInRe = /^(?:acquitted|cleared)\b/i;
// "one of the teenagers from TOWN ": a member of a group, described by what the group was convicted of
const oneOfGroupRe = /\bone\s+of\s+(?:the|those|\d+|[a-z]+)\s+[^,;.]{0,80}$/i;
// "was also convicted of", "has also been found guilty of", "also admitted"
const alsoBeforeRe = /\balso\s+(?:(?:been|being)\s+)?$/i;
const adminArrestRe = /\b(?:arrested|detained)\s+for\s+[\w-]+\s+days?\s+for\s*$/i;
// "60 months on the health care fraud counts" -> "health care fraud"
// ("on the health care fraud counts", "a term of 12.5 years on a treason charge")
const onTheCountsRe = /\bon\s+(?:the\s+((?:[\p{Ll}-]+\s+){0,4}[\p{Ll}-]+)\s+(?:counts|charges)|an?\s+((?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+)\s+charge)\b/gu;
// where an unquoted offence ends: "bribery and was sentenced", "fraud after a trial", "theft in 2019"
const phraseStopRe =
  /[.;:()—–]|,\s*["”»]|,\s+(?:who|which|whom|whose|when|while|after|before|and\s+(?:was|were|is|had|has|sentenced|received|jailed|given)|a\s|an\s|the\s|his\s|her\s|their\s|but|according|as\s|in\s|on\s|at\s|for\s|with\s|where|said|prosecutors?|he\s|she\s|they\s|it\s|was\s|were\s|is\s|are\s|has\s|had\s|to\s|commonly|also\s|known\s|so-called|otherwise|committed|between|ruling|saying|finding|citing|noting|arguing|sentenced|jailed|given|fined|convicted|acquitted|[\p{L}-]+\s+(?:said|says|added|reported))|\s(?:and\s+(?:was|were|is|are|has|had|sentenced|received|jailed|fined|ordered|faces?|given|handed|will|could|then|later|testified|apologi[sz]ed|remanded|bailed|released|detained|held|placed|granted|refused|denied|denies|appeared)|(?<!\b(?:[\p{L}-]+ing|took|takes?|taken|handed)\s)over\s+(?!\d)|and\s+(?:an?\s+)?(?:further|another|additional|consecutive)|after(?!\s+(?:the\s+fact|deportation|removal))|before|at\s+(?:\p{Lu}\p{L}*|an?|the)|in\s+(?:\p{Lu}\p{L}*|\d+|early|late|connection(?!\s+with\s+(?:the\s+)?(?:acquisition|purchase|sale|transfer|possession)\s+of\s+(?:an?\s+)?(?:firearms?|guns?|weapons?|ammunition|explosives))|relation|exchange|return|the\s+(?:case|trial|same)|a\s+case|(?:an?\s+)?(?:another|separate|related|unrelated|different|earlier|previous|second)\s+(?:case|trial|matter|prosecution))|on\s+(?:\p{Lu}\p{L}*|\d+)|last|earlier|when|while|following|under|between|by\s+(?:a|an|the)\s+(?:jury|judge|court|panel|magistrate)|from\s+\d+|during(?!\s+(?:the\s+purchase|a\s+crime|and\s+in\s+relation))|which|who|that|but|because|as\s+part|according|to\s+\d+|to\s+(?:one|two|three|four|five|six|seven|eight|nine|ten)|for\s+which|since|until|and\s+sentenced)\b/u;
// an unquoted phrase that is not an offence: "his guilt", "their part in the unrest", "five years", "the same offence",
// "the 2021 carjacking" (an event, dated), "admitted that he had never attended" (a statement)
const notOffenceRe =
  /^(?:his|her|their|its|my|our|your|part|role|involvement|every|each|all|both|some|any|no|same|these|those|one|two|three|four|five|six|seven|eight|nine|ten|\d+|probation|prison|jail|that|how|whether|what|why|he|she|they|it|we|i|him|them|next|following|rest|remainder|period|remaining|other|outstanding|lesser|original|further|additional|the\s+(?:same|charges?|crimes?|offen[cs]es?))\b/i;
// "on a separate charge", "on a new charge": which charge, not what offence
const kindOfChargeRe = /^(?:separate|new|similar|single|criminal|serious|related|different|fresh|formal|felony|misdemeanou?r|federal|state)$/i;
// "four counts of", "one count of", "two charges of", "a charge of"
const quantifierRe = /^(?:to\s+)?(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+|multiple|several|numerous)\s+(?:[\w-]+\s+)?(?:counts?|charges?|offen[cs]es?)\s+(?:each\s+)?of\s+)|^to\s+(?=\p{Ll})/iu;
// a lead word repeated from a shared lead-in: "and for making a false statement", "the same offence and of possession"
const repeatedLeadRe = /^(?:for|of)\s+(?=\p{Ll})/u;
// "the conspiracy charge": an offence named before, by its first words
const chargeRefRe = /^the\s+((?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+)\s+(?:charges?|counts?|offen[cs]es?)$/u;
// the victim's name is not part of the offence: "the murder of Mehmet Ali Yilmaz" -> "murder"
const victimNameRe = /^((?:attempted\s+)?(?:murder|manslaughter|killing|rape|kidnapping|abduction|assault))\s+of\s+\p{Lu}/u;
// separate offences: "fraud, forgery and money laundering"
const splitRe = /\s*,\s*(?:and\s+|or\s+)?|\s+and\s+/;
// "aiding and assisting in ...": two -ing words joined by "and" share what follows: one offence
const loneIngRe = /^[\p{L}-]+ing$/u;
const ingStartRe = /^[\p{L}-]+ing\b/u;

// goods an offence deals in: "conspiracy to distribute methamphetamine and fentanyl" is one offence
const GOODS_SRC = 'methamphetamine|fentanyl|cocaine|heroin|cannabis|marijuana|ecstasy|MDMA|ketamine|oxycodone|opioids|amphetamines?|firearms|ammunition|weapons|explosives';
const goodsRe = new RegExp(`^(?:crack\\s+cocaine|${GOODS_SRC})$`, 'i');
const goodsEndRe = new RegExp(`\\b(?:${GOODS_SRC})$`, 'i');

function splitOffences(phrase: string): string[] {
  const parts: string[] = [];
  for (const part of phrase.split(splitRe)) {
    const prev = parts[parts.length - 1];
    if (prev !== undefined && loneIngRe.test(prev) && ingStartRe.test(part)) parts[parts.length - 1] = `${prev} and ${part}`;
    else if (prev !== undefined && /\s/.test(prev) && goodsEndRe.test(prev) && goodsRe.test(part)) parts[parts.length - 1] = `${prev} and ${part}`;
    else parts.push(part);
  }
  return parts;
}
// between a worded charge and its own article number: "” (", ", under Part 2 of ", " — "
const codeOfWordedRe = /^[\s,.”"’»]*(?:\(|under|—|–)?\s*(?:(?:Part|part|paragraph|Paragraph)\s+\d+\s+of\s+)?$/;
// "Part 2 of Article 272", "Article 282.1"
const articleRe = /\b(?:(?:Part|part|paragraph|Paragraph)\s+\d+\s+of\s+)?Article\s+(\d+(?:\.\d+)?)/g;
/** "Under the same articles", "on the same charges" */
export const sameChargesRe = /\b(?:under|on|of|with|to|for|admitted)\s+the\s+same\s+(?:articles?|charges?|counts?|offen[cs]es?|crimes?)\b/gi;

/** Whether the article number `c` is that of the worded charge `w` just before it. */
function isCodeOfWorded(s: string, w: ChargeFound, c: ChargeFound): boolean {
  return w.end <= c.start && c.start - w.end < 40 && codeOfWordedRe.test(s.slice(w.end, c.start));
}

function clean(text: string): string {
  return text.replace(/^[\s,.;:!?]+|[\s,.;:!?]+$/g, '');
}

function isOffence(text: string): boolean {
  return text.length >= 3 && !notOffenceRe.test(text) && !/^(?:charges?|all charges|it|them|this|that|crimes?|a crime|an offen[cs]e)$/i.test(text);
}

/**
 * Every charge written in a sentence, in text order. `accusation`: the text is an accusation with no verdict ("a separate case against two women accused of
 * financing mass riots"), so "accused of <doing>" names the charge rather than a narrated act.
 */
export function findCharges(s: string, options: { accusation?: boolean } = {}): ChargeFound[] {
  const out: ChargeFound[] = [];
  const quotes: Array<{ text: string; start: number; end: number; whole: [number, number] }> = [];
  quoteRe.lastIndex = 0;
  for (let m = quoteRe.exec(s); m; m = quoteRe.exec(s)) {
    const raw = m[1] ?? m[2]!;
    const text = clean(raw);
    const start = m.index + 1 + raw.indexOf(text);
    quotes.push({ text, start, end: start + text.length, whole: [m.index, m.index + m[0].length] });
  }
  let i = 0;
  while (i < quotes.length) {
    let j = i;
    while (j + 1 < quotes.length && quoteJoinRe.test(s.slice(quotes[j]!.whole[1], quotes[j + 1]!.whole[0]))) j++;
    const lead = s.slice(Math.max(0, quotes[i]!.whole[0] - 120), quotes[i]!.whole[0]);
    if (quoteCueRe.test(lead)) {
      const weak = weakQuoteCueRe.test(lead) && !verdictVerbRe.test(lead);
      const cleared = /\b(?:acquitted|cleared)\b[^“”";]*$/i.test(lead) && !/\b(?:guilty|convicted)\b[^“”";]*$/i.test(lead);
      for (let k = i; k <= j; k++) {
        const q = quotes[k]!;
        if (q.text && !/^\d/.test(q.text)) out.push({ text: q.text, start: q.start, end: q.end, code: false, quoted: true, weak, cleared });
      }
    }
    i = j + 1;
  }
  leadInRe.lastIndex = 0;
  for (let m = leadInRe.exec(s); m; m = leadInRe.exec(s)) {
    let at = m.index + m[0].length;
    const q = quantifierRe.exec(s.slice(at, at + 40));
    if (!q && /^[“"«‘\d]/.test(s.slice(at, at + 1))) continue;
    if (quotes.some((q) => q.whole[0] >= at && q.whole[0] <= at + 5 && s.slice(at, q.whole[0]).trim() === '')) continue;
    if (q) at += q[0].length;
    // "both murder and manslaughter", "either fraud or theft": the offences
    if (/^(?:both\s+\p{Ll}[^,.;]*\sand|either\s+\p{Ll}[^,.;]*\sor)\s/u.test(s.slice(at, at + 120))) at += s.slice(at).indexOf(' ') + 1;
    const rest = s.slice(at, at + 320);
    if (!/^[\p{Ll}]/u.test(rest)) continue;
    const stop = phraseStopRe.exec(rest);
    // (a phrase cut by the window ends at its last whole offence: no offence is cut in the middle of a word)
    const cut = stop ? stop.index : at + rest.length < s.length ? Math.max(0, rest.search(/(?:,\s*|\s+and\s+)[^,]*$/)) : rest.length;
    const phrase = rest.slice(0, cut);
    const lead = m[0].trim();
    // "for X, commonly known as ..., and for Y": a second offence only after a first one
    if (/^and\s/i.test(lead) && !out.some((c) => c.end <= m.index)) continue;
    // "arrested for 15 days for taking part in an unsanctioned rally": an administrative arrest, not a criminal case
    if (adminArrestRe.test(s.slice(Math.max(0, m.index - 40), at))) continue;
    // ("NAME, one of the teenagers from TOWN convicted of ...": what the group is known for, told in passing)
    const weak = weakLeadInRe.test(lead) || oneOfGroupRe.test(s.slice(Math.max(0, m.index - 100), m.index));
    const cleared = clearedLeadInRe.test(lead);
    // (not "also admitted": often what the court heard, not a plea)
    const also = !weak && !cleared && !/^admit/i.test(lead) && alsoBeforeRe.test(s.slice(Math.max(0, m.index - 30), m.index));
    let offset = 0;
    for (const part of splitOffences(phrase)) {
      const idx = phrase.indexOf(part, offset);
      offset = idx + part.length;
      const pq = quantifierRe.exec(part) ?? repeatedLeadRe.exec(part);
      let text = clean(pq ? part.slice(pq[0].length) : part);
      let start = at + idx + part.indexOf(text);
      const ref = chargeRefRe.exec(text);
      if (ref && isOffence(ref[1]!)) {
        start += ref[0].indexOf(ref[1]!);
        out.push({ text: ref[1]!, start, end: start + ref[1]!.length, code: false, quoted: false, weak, cleared, ref: ref[1]! });
        continue;
      }
      // embedded quotes are stripped, as is a leading article: the "attempted murder ..." -> attempted murder ...
      let end = start + text.length;
      const article = /^(?:the|an?)\s+/i.exec(text);
      // "jailed for 12 years for a stabbing outside a bar": after a sentence's "for", "a ..." is the act, not the offence
      // ("police charged the man with a knife": after "charged <someone> with", too)
      if ((weak || /^charg\w*\s+\S/i.test(lead.replace(/\s+with$/i, ''))) && article && /^an?\s/i.test(article[0])) continue;
      if (article) start += article[0].length;
      text = text.replace(/[“”"]/g, '').slice(article ? article[0].length : 0);
      const offence = victimNameRe.exec(text)?.[1];
      if (offence) {
        text = offence;
        end = start + offence.length;
      }
      if (!isOffence(text)) continue;
      // "was accused of overturning a police car": an act told by the prosecution, not the offence
      if (!options.accusation && /^accused/i.test(lead) && ingStartRe.test(text)) continue;
      out.push({ text, start, end, code: false, quoted: false, weak, cleared, ...(also ? { also } : {}) });
    }
  }
  onTheCountsRe.lastIndex = 0;
  for (let m = onTheCountsRe.exec(s); m; m = onTheCountsRe.exec(s)) {
    const text = m[1] ?? m[2]!;
    const start = m.index + m[0].indexOf(text);
    if (isOffence(text) && !kindOfChargeRe.test(text)) out.push({ text, start, end: start + text.length, code: false, quoted: false, weak: true, cleared: false });
  }
  articleRe.lastIndex = 0;
  for (let m = articleRe.exec(s); m; m = articleRe.exec(s)) {
    const start = m.index + m[0].lastIndexOf('Article');
    out.push({ text: `Article ${m[1]}`, start, end: m.index + m[0].length, code: true, quoted: false, weak: false, cleared: false });
  }
  // "spreading false information (Article 207.3)", "... under Part 2 of Article 274": the number of a worded
  // charge, not another offence
  // (most sentences have no charge)
  if (out.length === 0) return out;
  const worded = out.filter((c) => !c.code);
  const quoted = out.filter((c) => c.quoted);
  return out
    .filter((c) => !c.code || !worded.some((w) => isCodeOfWorded(s, w, c)))
    // the same offence found quoted and as an unquoted phrase: keep the quoted one
    .filter((c) => c.quoted || c.code || !quoted.some((q) => q.start < c.end + 2 && q.end + 2 > c.start))
    .sort((a, b) => a.start - b.start);
}

// a sentence whose subject is a numbered set of defendants: "Two former subordinates were also convicted of ...",
// "All 27 were charged with ...", "Her four accomplices, whose names were not released, received ..."
const numberedSubjectRe = new RegExp(
  String.raw`^(?:(?:the|all|his|her|their|its)\s+)?(?:other\s+|remaining\s+)?(${NUMBER_SRC}|both|all)\b[^,.;:]{0,40}?(?:,[^,.;:]{1,80},)?\s(?:were|are|have\s+been|had\s+been|received|got)\s`,
  'i',
);
// a subject that refers back: "Both had been", "Both men were", "The two were", "All three men have been" (not "Both his
// accomplices", "Two former clerks", "The other five")
const backRefSubjectRe = new RegExp(String.raw`^(?:Both|(?:The|All)\s+(?:${NUMBER_SRC}))(?:\s+(?:men|women|defendants|accused))?\s+(?:had|have|has|were|are)\b`, 'i');
/** "on both counts", "of all charges": every charge stated before for the set */
export const allCountsRe = /\b(?:on|of)\s+(?:both|all)\s+(?:counts|charges)\b/i;

export interface GroupCharges {
  /** the size of the set as written, null for "all" */
  count: number | null;
  /** the charges of the first clause, up to ";" */
  charges: ChargeFound[];
  /** every charge of the sentence ("All 27 were charged with X; five of them also faced Y": X and Y) */
  all: ChargeFound[];
  /** "Both had been found guilty", "The two men were convicted": the defendants named just before, not a new set */
  backRef: boolean;
}

/**
 * The charges stated for a numbered set of defendants in its own sentence: quoted or formal ones. Those of
 * the first clause belong to the whole set (what follows ";" is often about a subset: "All 27 were charged
 * with X; five of them also faced a charge of Y"); the members named next share them. Null when the sentence
 * is not about such a set.
 */
export function findGroupCharges(s: string): GroupCharges | null {
  const m = numberedSubjectRe.exec(s);
  if (!m) return null;
  const stated = (c: ChargeFound): boolean => (c.quoted || !c.weak) && !c.cleared && !c.ref && !c.code;
  const all = findCharges(s).filter(stated);
  const clauseEnd = s.indexOf(';');
  const charges = clauseEnd < 0 ? all : all.filter((c) => c.start < clauseEnd);
  if (!charges.length) return null;
  const word = m[1]!.toLowerCase();
  return { count: word === 'all' ? null : word === 'both' ? 2 : parseNumber(word), charges, all, backRef: backRefSubjectRe.test(s) };
}
