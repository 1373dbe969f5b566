/**
 * A small language guess for pages without <html lang>: the script first (Cyrillic letters particular to
 * Kazakh or Ukrainian), then the share of very common function words. Good enough to route text to the
 * right rules; not a general-purpose detector.
 */

const cyrillicRe = /[\u0400-\u04FF]/g;
const latinRe = /[A-Za-z\u00C0-\u024F]/g;
const kazakhRe = /[әғқңөұүһӘҒҚҢӨҰҮҺ]/g;
const ukrainianRe = /[їєґЇЄҐ]/g;
const wordRe = /[\p{L}]+/gu;

/** The most frequent short words per language; a hit is strong evidence at this length. */
const STOPWORDS: Record<string, ReadonlySet<string>> = {
  en: new Set(['the', 'and', 'of', 'to', 'in', 'is', 'was', 'that', 'for', 'with', 'he', 'on', 'by', 'said', 'his', 'from']),
  de: new Set(['der', 'die', 'und', 'das', 'nicht', 'ist', 'mit', 'den', 'von', 'zu', 'sich', 'auf', 'ein', 'eine', 'dem', 'wurde']),
  fr: new Set(['le', 'la', 'les', 'et', 'des', 'est', 'une', 'dans', 'du', 'que', 'pour', 'qui', 'pas', 'sur', 'au', 'été']),
  es: new Set(['el', 'los', 'las', 'del', 'que', 'y', 'en', 'una', 'por', 'con', 'para', 'fue', 'se', 'su', 'al', 'como']),
  it: new Set(['il', 'di', 'che', 'della', 'è', 'per', 'una', 'del', 'non', 'sono', 'gli', 'alla', 'con', 'nel', 'anche', 'stato']),
  pt: new Set(['o', 'os', 'do', 'da', 'não', 'que', 'em', 'uma', 'para', 'com', 'foi', 'dos', 'das', 'ao', 'pelo', 'mais']),
  ru: new Set(['и', 'в', 'не', 'на', 'что', 'с', 'по', 'он', 'как', 'это', 'был', 'его', 'к', 'из', 'за', 'суд']),
  uk: new Set(['і', 'та', 'що', 'не', 'на', 'з', 'до', 'як', 'це', 'був', 'його', 'від', 'за', 'суд', 'також', 'й']),
  kk: new Set(['және', 'бұл', 'мен', 'деп', 'бойынша', 'үшін', 'да', 'де', 'бір', 'сот', 'жылы', 'еді', 'болып', 'оның', 'осы', 'тиіс']),
};
const CYRILLIC_LANGS = ['ru', 'uk', 'kk'];
const LATIN_LANGS = ['en', 'de', 'fr', 'es', 'it', 'pt'];
/** Below this many words the counts mean little. */
const MIN_WORDS = 8;

function count(text: string, re: RegExp): number {
  return text.match(re)?.length ?? 0;
}

/** ISO 639-1 code of the text's language, or null when unsure. Looks at the first 5,000 characters. */
export function detectLanguage(fullText: string): string | null {
  const text = fullText.slice(0, 5000);
  const cyr = count(text, cyrillicRe);
  const lat = count(text, latinRe);
  if (cyr + lat < 20) return null;
  const words = (text.toLowerCase().match(wordRe) ?? []);
  if (words.length < MIN_WORDS) return null;
  const candidates = cyr > lat ? CYRILLIC_LANGS : LATIN_LANGS;
  if (cyr > lat) {
    if (count(text, kazakhRe) >= 3) return 'kk';
    if (count(text, ukrainianRe) >= 3) return 'uk';
  }
  let best: string | null = null;
  let bestHits = 0;
  for (const lang of candidates) {
    const set = STOPWORDS[lang]!;
    let hits = 0;
    for (const w of words) if (set.has(w)) hits++;
    if (hits > bestHits) {
      best = lang;
      bestHits = hits;
    }
  }
  // fewer than 3% function words: probably a list of names or a language we do not know
  return bestHits >= Math.max(2, words.length * 0.03) ? best : cyr > lat ? 'ru' : null;
}

/** "en-GB" -> "en"; null for empty or "und". */
export function primaryLanguage(tag: string | null | undefined): string | null {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return primary && /^[a-z]{2,3}$/.test(primary) && primary !== 'und' ? primary : null;
}
