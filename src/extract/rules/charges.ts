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
}

// “participation in mass riots,” / "theft" / «extremism»
const quoteRe = /[“"«]([^”"»“«\n]{2,200})[”"»]|‘([^’‘\n]{2,200})’/g;
// between two quoted charges: ", " / " and " / ", and "
const quoteJoinRe = /^[\s,]*(?:and|or|as well as)?[\s,]*$/;
// just before the first quote: "found guilty of ", "a 17-year sentence for ", "under "
const quoteCueRe =
  /\b(?:guilty\s+of|convicted\s+of|convicted\s+on|charged\s+with|charges?\s+of|charges?|accused\s+of|sentences?\s+for|for|under|articles?|acquitted\s+of|cleared\s+of|offen[cs]es?\s+of|crimes?\s+of|counts?\s+of|suspicion\s+of|including|namely|of\s+committing|over)\s*$/i;
// lead-ins of an unquoted offence: "convicted of", "pleaded guilty on March 3 to", "admitted", "on charges of"
const leadInRe =
  /\b(?:(?:found\s+)?guilty\s+of|convicted\s+(?:on\s+(?:\w+\s+)?charges?\s+)?of|acquitted\s+of|cleared\s+of|charged\s+with|accused\s+of|indicted\s+(?:on\s+(?:\w+\s+)?charges?\s+of|for)|on\s+(?:a\s+|the\s+)?charges?\s+of|pleaded\s+guilty(?:\s+[^,.;“”"]{1,30}?)?\s+to|pled\s+guilty(?:\s+[^,.;“”"]{1,30}?)?\s+to|admitted|on\s+suspicion\s+of)\s+/gi;
// where an unquoted offence ends: "bribery and was sentenced", "fraud after a trial", "theft in 2019"
const phraseStopRe =
  /[,.;:()“”"—–]|\s(?:and\s+(?:was|were|is|are|has|had|sentenced|received|jailed|fined|ordered|faces?|given|handed|will|could|then|later)|after|before|at\s+\p{Lu}|in\s+(?:\p{Lu}|\d|early|late|connection|relation|the\s+(?:case|trial|same)|a\s+case)|on\s+(?:\p{Lu}|\d)|last|earlier|when|while|following|under|between|by\s+(?:a|an|the)\s|from\s+\d|during|which|who|that|but|because|as\s+part|according|to\s+\d|to\s+(?:one|two|three|four|five|six|seven|eight|nine|ten)\b|for\s+which|since|until)\b/u;
// "four counts of", "one count of", "two charges of", "a charge of"
const quantifierRe = /^(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+|multiple|several|numerous)\s+(?:counts?|charges?)\s+(?:each\s+)?of\s+)/i;
// separate offences: "fraud, forgery and money laundering"
const splitRe = /\s*,\s*(?:and\s+|or\s+)?|\s+and\s+/;
// "Part 2 of Article 272", "Article 282.1"
const articleRe = /\b(?:(?:Part|part|paragraph|Paragraph)\s+\d+\s+of\s+)?Article\s+(\d+(?:\.\d+)?)/g;
/** "Under the same articles", "on the same charges" */
export const sameChargesRe = /\b(?:under|on|of|with)\s+the\s+same\s+(?:articles?|charges?|counts?|offen[cs]es?)\b/gi;

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
    const lead = s.slice(Math.max(0, quotes[i]!.whole[0] - 40), quotes[i]!.whole[0]);
    if (quoteCueRe.test(lead)) {
      for (let k = i; k <= j; k++) {
        const q = quotes[k]!;
        if (q.text && !/^\d/.test(q.text)) out.push({ text: q.text, start: q.start, end: q.end, code: false });
      }
    }
    i = j + 1;
  }
  leadInRe.lastIndex = 0;
  for (let m = leadInRe.exec(s); m; m = leadInRe.exec(s)) {
    let at = m.index + m[0].length;
    if (/^[“"«‘\d]/.test(s.slice(at, at + 1))) continue;
    const q = quantifierRe.exec(s.slice(at, at + 40));
    if (q) at += q[0].length;
    const rest = s.slice(at, at + 200);
    if (!/^[\p{Ll}]/u.test(rest)) continue;
    const stop = phraseStopRe.exec(rest);
    const phrase = rest.slice(0, stop ? stop.index : rest.length);
    let offset = 0;
    for (const part of phrase.split(splitRe)) {
      const idx = phrase.indexOf(part, offset);
      offset = idx + part.length;
      const pq = quantifierRe.exec(part);
      const text = clean(pq ? part.slice(pq[0].length) : part);
      if (text.length < 3 || /^(?:the charges?|charges?|all charges|it|them|this|that|crimes?|a crime|an offen[cs]e)$/i.test(text)) continue;
      const start = at + idx + part.indexOf(text);
      out.push({ text, start, end: start + text.length, code: false });
    }
  }
  articleRe.lastIndex = 0;
  for (let m = articleRe.exec(s); m; m = articleRe.exec(s)) {
    const start = m.index + m[0].lastIndexOf('Article');
    out.push({ text: `Article ${m[1]}`, start, end: m.index + m[0].length, code: true });
  }
  return out.sort((a, b) => a.start - b.start);
}
