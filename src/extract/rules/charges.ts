/**
 * Charges: each offence as the article phrases it (CONVENTIONS.md "charges"). Quoted translated article
 * names after a cue ("found guilty of “participation in mass riots,” and “theft.”"), unquoted offences
 * after a lead-in ("convicted of four counts of bribery" -> "bribery"), and code articles given alone
 * ("under Part 2 of Article 272" -> "Article 272").
 */

export interface ChargeFound {
  text: string;
  start: number;
  end: number;
  /** "Article 272": only used when no worded charge is given */
  code: boolean;
  /** written in quotes (a translated article name): the formal charge, preferred over narrative phrases */
  quoted: boolean;
}

// “participation in mass riots,” / "theft" / «extremism»
const quoteRe = /[“"«]([^”"»“«\n]{2,200})[”"»]|‘([^’‘\n]{2,200})’/g;
// between two quoted charges: ", " / " and " / ", and "
const quoteJoinRe = /^[\s,]*(?:and|or|as well as)?[\s,]*$/;
// just before the first quote: "found guilty of ", "a 17-year sentence for ", "under ", "guilty ... on Wednesday of an "
const quoteCueRe =
  /\b(?:guilty\s+of|convicted\s+of|convicted\s+on|charged\s+with|charges?\s+of|charges?|accused\s+of|sentences?\s+for|for|under|articles?|acquitted\s+of|cleared\s+of|offen[cs]es?\s+of|crimes?\s+of|counts?\s+of|suspicion\s+of|including|namely|of\s+committing|over)\s+(?:an?\s+|the\s+)?$|\b(?:guilty|convicted|acquitted|accused|charged|suspicion)\b[^“”".;]{0,80}\b(?:of|with)\s+(?:an?\s+|the\s+)?$/i;
// lead-ins of an unquoted offence: "convicted of", "pleaded guilty on March 3 to", "admitted", "on charges of"
const leadInRe =
  /\b(?:(?:found\s+)?guilty(?:\s+(?!and\b|were\b|was\b|each\b|given\b)[^\s,.;“”"]+){0,8}?\s+of|convicted(?:\s+(?!and\b|were\b|was\b|each\b|given\b)[^\s,.;“”"]+){0,8}?\s+of|convicted\s+(?:[^,.;“”"]{1,40}?\s+)?on\s+[\w-]+\s+(?:counts?|charges?),?\s+including|acquitted\s+of|cleared\s+of|charged\s+with|accused\s+of|indicted\s+(?:on\s+(?:\w+\s+)?charges?\s+of|for)|on\s+(?:a\s+|the\s+)?charges?\s+of|pleaded\s+guilty(?:\s+[^,.;“”"]{1,30}?)??\s+to|pled\s+guilty(?:\s+[^,.;“”"]{1,30}?)??\s+to|admitted|on\s+suspicion\s+of|(?:years?|months?|weeks?|days?|prison|jail|custody|sentences?|imprisonment|probation|colony|fine|order|life|death)\s+(?:in\s+(?:federal\s+)?(?:prison|jail)\s+)?for)\s+/gi;
// where an unquoted offence ends: "bribery and was sentenced", "fraud after a trial", "theft in 2019"
const phraseStopRe =
  /[.;:()—–]|,\s+(?:who|which|whom|whose|when|while|after|before|and\s+(?:was|were|is|had|has|sentenced|received|jailed|given)|a\s|an\s|the\s|his\s|her\s|their\s|but|according|as\s|in\s|on\s|at\s|for\s|with\s|where|said|prosecutors?|he\s|she\s|they\s|it\s)|\s(?:and\s+(?:was|were|is|are|has|had|sentenced|received|jailed|fined|ordered|faces?|given|handed|will|could|then|later|testified|apologi[sz]ed)|after(?!\s+the\s+fact)|before|at\s+(?:\p{Lu}\p{L}*|an?|the)|in\s+(?:\p{Lu}\p{L}*|\d+|early|late|connection|relation|the\s+(?:case|trial|same)|a\s+case)|on\s+(?:\p{Lu}\p{L}*|\d+)|last|earlier|when|while|following|under|between|by\s+(?:a|an|the)\s+(?:jury|judge|court|panel|magistrate)|from\s+\d+|during|which|who|that|but|because|as\s+part|according|to\s+\d+|to\s+(?:one|two|three|four|five|six|seven|eight|nine|ten)|for\s+which|since|until|and\s+sentenced)\b/u;
// an unquoted phrase that is not an offence: "his guilt", "their part in the unrest", "five years"
const notOffenceRe =
  /^(?:his|her|their|its|my|our|your|part|role|involvement|every|each|all|some|any|no|one|two|three|four|five|six|seven|eight|nine|ten|\d|probation|prison|jail|the\s+(?:same|charges?|crimes?|offen[cs]es?))\b/i;
// "four counts of", "one count of", "two charges of", "a charge of"
const quantifierRe = /^(?:to\s+)?(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+|multiple|several|numerous)\s+(?:[\w-]+\s+)?(?:counts?|charges?)\s+(?:each\s+)?of\s+)|^to\s+(?=\p{Ll})/iu;
// separate offences: "fraud, forgery and money laundering"
const splitRe = /\s*,\s*(?:and\s+|or\s+)?|\s+and\s+/;
// "aiding and assisting in ...": two -ing words joined by "and" share what follows: one offence
const loneIngRe = /^[\p{L}-]+ing$/u;
const ingStartRe = /^[\p{L}-]+ing\b/u;

function splitOffences(phrase: string): string[] {
  const parts: string[] = [];
  for (const part of phrase.split(splitRe)) {
    const prev = parts[parts.length - 1];
    if (prev !== undefined && loneIngRe.test(prev) && ingStartRe.test(part)) parts[parts.length - 1] = `${prev} and ${part}`;
    else parts.push(part);
  }
  return parts;
}
// "Part 2 of Article 272", "Article 282.1"
const articleRe = /\b(?:(?:Part|part|paragraph|Paragraph)\s+\d+\s+of\s+)?Article\s+(\d+(?:\.\d+)?)/g;
/** "Under the same articles", "on the same charges" */
export const sameChargesRe = /\b(?:under|on|of|with|to|for|admitted)\s+the\s+same\s+(?:articles?|charges?|counts?|offen[cs]es?|crimes?)\b/gi;

function clean(text: string): string {
  return text.replace(/^[\s,.;:!?]+|[\s,.;:!?]+$/g, '');
}

/** Every charge written in a sentence, in text order. */
export function findCharges(s: string): ChargeFound[] {
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
      for (let k = i; k <= j; k++) {
        const q = quotes[k]!;
        if (q.text && !/^\d/.test(q.text)) out.push({ text: q.text, start: q.start, end: q.end, code: false, quoted: true });
      }
    }
    i = j + 1;
  }
  leadInRe.lastIndex = 0;
  for (let m = leadInRe.exec(s); m; m = leadInRe.exec(s)) {
    let at = m.index + m[0].length;
    if (/^[“"«‘\d]/.test(s.slice(at, at + 1))) continue;
    if (quotes.some((q) => q.whole[0] >= at && q.whole[0] <= at + 5 && quotes.indexOf(q) >= 0 && s.slice(at, q.whole[0]).trim() === '')) continue;
    const q = quantifierRe.exec(s.slice(at, at + 40));
    if (q) at += q[0].length;
    const rest = s.slice(at, at + 200);
    if (!/^[\p{Ll}]/u.test(rest)) continue;
    const stop = phraseStopRe.exec(rest);
    const phrase = rest.slice(0, stop ? stop.index : rest.length);
    let offset = 0;
    for (const part of splitOffences(phrase)) {
      const idx = phrase.indexOf(part, offset);
      offset = idx + part.length;
      const pq = quantifierRe.exec(part);
      let text = clean(pq ? part.slice(pq[0].length) : part);
      const start = at + idx + part.indexOf(text);
      const end = start + text.length;
      // embedded quotes are stripped, as is a leading article: the "attempted murder ..." -> attempted murder ...
      text = text.replace(/[“”"]/g, '').replace(/^(?:the|an?)\s+/i, '');
      if (text.length < 3 || notOffenceRe.test(text) || /^(?:charges?|all charges|it|them|this|that|crimes?|a crime|an offen[cs]e)$/i.test(text)) continue;
      out.push({ text, start, end, code: false, quoted: false });
    }
  }
  articleRe.lastIndex = 0;
  for (let m = articleRe.exec(s); m; m = articleRe.exec(s)) {
    const start = m.index + m[0].lastIndexOf('Article');
    out.push({ text: `Article ${m[1]}`, start, end: m.index + m[0].length, code: true, quoted: false });
  }
  // "spreading false information (Article 207.3)": the number of a worded charge, not another offence
  const worded = out.filter((c) => !c.code);
  const quoted = out.filter((c) => c.quoted);
  return out
    .filter((c) => !c.code || !worded.some((w) => w.end <= c.start && c.start - w.end < 40))
    // the same offence found quoted and as an unquoted phrase: keep the quoted one
    .filter((c) => c.quoted || c.code || !quoted.some((q) => q.start < c.end + 2 && q.end + 2 > c.start))
    .sort((a, b) => a.start - b.start);
}
