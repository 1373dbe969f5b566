/**
 * Numbers as news writes them: digits ("15", "1,400", "15.6") and words ("seventeen", "twenty-five", "a").
 */

const WORD_VALUES: Record<string, number> = {
  zero: 0, a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

/**
 * Regex source for one number (no capture groups). Longer words come first so "seventeen" is not read as
 * "seven". Samples: "17", "1,400", "15.6", "seventeen", "twenty-five", "a" (as in "a year").
 */
export const NUMBER_SRC =
  '(?:\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)' +
  '(?:[- ](?:one|two|three|four|five|six|seven|eight|nine)\\b)?|eleven|twelve|thirteen|fourteen|fifteen|sixteen|' +
  'seventeen|eighteen|nineteen|ten|one|two|three|four|five|six|seven|eight|nine|an?)';

/** Regex source for a currency written after an amount ("2 million tenge", "150,000 rubles"); no capture groups. */
export const CURRENCY_SRC =
  '(?:tenge|roubles?|rubles?|dollars|pounds|euros?|somoni|soms?|soums?|manats?|hryvnias?|US dollars|monthly calculation indices|MCI)';

// "twenty-five", "twenty five"
const compoundWordRe = /^([a-z]+)[- ]([a-z]+)$/;

/** The value of a number matched by NUMBER_SRC, or null if it is not one. */
export function parseNumber(raw: string): number | null {
  const s = raw.trim().toLowerCase();
  if (/^\d/.test(s)) {
    const n = Number(s.replace(/,/g, ''));
    return Number.isFinite(n) ? n : null;
  }
  const direct = WORD_VALUES[s];
  if (direct !== undefined) return direct;
  const m = compoundWordRe.exec(s);
  if (m) {
    const tens = WORD_VALUES[m[1]!];
    const ones = WORD_VALUES[m[2]!];
    if (tens !== undefined && ones !== undefined && tens >= 20 && ones < 10) return tens + ones;
  }
  return null;
}
