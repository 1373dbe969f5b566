/** Text clean-up shared by every extractor: NFC, soft hyphens and invisible characters out, whitespace tidied. */

const softHyphenRe = /\u00AD/g;
/** zero-width space/joiners, BOM, word joiner: invisible, and they split words for every tokenizer */
const invisibleRe = /[\u200B-\u200D\u2060\uFEFF]/g;
/** all horizontal whitespace including NBSP, narrow NBSP and the other Unicode spaces */
const horizontalSpaceRe = /[ \t\f\v\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g;
const lineBreakRe = /\r\n?|[\u2028\u2029\u0085]/g;
const spaceAroundNewlineRe = / *\n */g;
const manyNewlinesRe = /\n{3,}/g;

/** Cleans one block of text, keeping paragraph breaks (one blank line at most). */
export function cleanText(text: string): string {
  return text
    .normalize('NFC')
    .replace(softHyphenRe, '')
    .replace(invisibleRe, '')
    .replace(lineBreakRe, '\n')
    .replace(horizontalSpaceRe, ' ')
    .replace(spaceAroundNewlineRe, '\n')
    .replace(manyNewlinesRe, '\n\n')
    .trim();
}

/** Cleans a one-line value (title, author): every whitespace run becomes one space. */
export function cleanLine(text: string): string {
  return cleanText(text).replace(/\s+/g, ' ');
}
