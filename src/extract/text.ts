/**
 * Sentence splitting with character offsets into the original text, so every fact keeps its evidence span.
 * Hand-written (no NLP library): it must be linear and fast over 10 MB of hostile input.
 */

export interface TextSentence {
  /** offset of the sentence's first character in the whole text */
  start: number;
  text: string;
}

/** A sentence longer than this is cut at a space: real sentences are far shorter, and every rule then
 * works on a bounded string (no quadratic work on a 10 MB text without full stops). */
export const MAX_SENTENCE_CHARS = 1_200;

// "riots.” He received", "years. The other", "hostage.\n" — end punctuation, closing quotes, then space
const boundaryRe = /[.!?]["”’)]*(?=\s)|\n/g;
// the word before a full stop that does not end a sentence: "Mr. Smith", "Dec. 11", "U.S. District"
const abbreviationRe =
  /(?:^|[\s(“"])(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Lt|Col|Sgt|Capt|Gov|Sen|Rep|Rev|Prof|No|Nos|Inc|Co|Corp|Ltd|vs|v|etc|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.K|a\.m|p\.m|[A-Z])$/;

/** Splits `text` into sentences (and lines: a headline is a sentence), each with its start offset. */
export function splitSentences(text: string): TextSentence[] {
  const out: TextSentence[] = [];
  let from = 0;
  const push = (end: number): void => {
    let s = from;
    while (s < end && /\s/.test(text[s]!)) s++;
    let e = end;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    for (let a = s; a < e; ) {
      let b = Math.min(e, a + MAX_SENTENCE_CHARS);
      if (b < e) {
        const space = text.lastIndexOf(' ', b);
        if (space > a + MAX_SENTENCE_CHARS / 2) b = space;
      }
      out.push({ start: a, text: text.slice(a, b) });
      a = b;
      while (a < e && /\s/.test(text[a]!)) a++;
    }
  };
  boundaryRe.lastIndex = 0;
  for (let m = boundaryRe.exec(text); m; m = boundaryRe.exec(text)) {
    const end = m.index + m[0].length;
    if (m[0] !== '\n') {
      const before = text.slice(Math.max(from, m.index - 8), m.index + 1);
      if (m[0].startsWith('.') && m[0].length === 1 && abbreviationRe.test(before.slice(0, -1))) continue;
      // "the U.S. Attorney" — a full stop followed by a lowercase word does not end a sentence
      const next = /\S/.exec(text.slice(end, end + 4));
      if (next && /[a-z]/.test(next[0])) continue;
    }
    push(end);
    from = end;
  }
  push(text.length);
  return out;
}
