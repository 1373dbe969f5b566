/**
 * Ages of defendants: "32-year-old NAME", "NAME, 32,", "NAME (32)", "NAME, aged 32,", "The 32-year-old",
 * "NAME is 32 years old"; and age ranges of groups: "ranging in age from 22 to 53". An age at the time of
 * the offence ("then aged 16", "who was 16 at the time") is not the defendant's age (CONVENTIONS.md).
 */

export interface AgeFound {
  age: number;
  start: number;
  end: number;
}

// "32-year-old Nursultan Isaev", "a 29-year-old welder, NAME" — the age just before the name
const ageBeforeRe = /\b(\d{1,3})-year-old\s+(?:[\p{Ll}-]+,?\s+){0,3}$/u;
// "Tolegenov, 44, a former taxi driver", "NAME (32)", "NAME, aged 32,", "NAME, now 78,", "NAME, a 38-year-old
// journalist" (not "a 16-year-old at the time"), "NAME, the youngest of the three at 23,", "NAME, the youngest, 28",
// "NAME, 45-year-old resident of Almaty" (translated, no article), "NAME, 45 years old,"
const ageAfterRe =
  /^(?:,\s*(?:(?:aged|age|now)\s+|the\s+(?:youngest|oldest)(?:\s+of\s+[^,;.]{1,30}?)?(?:,\s*|\s+at\s+))?(\d{1,3})(?=\s*[,.;)—–]|\s*$)|\s*\((\d{1,3})\)|,\s*(?:an?\s+)?(\d{1,3})-year-old\b(?!\s+at\s+the\s+time)|,\s*(\d{1,3})\s+years\s+old\b(?!\s+at\s+the\s+time))/;
// an elliptic list of ages: "Sabirov is 39, Khusnutdinov 33 and Fattakhov ..." — a bare number after a
// name, only when "NAME is N," has just opened the list
const ellipticAgeRe = /^\s+(\d{1,3})(?=\s*(?:,|;|\.|and\b))/;
const listOpenedRe = /\bis\s+\d{1,3}\s*,\s*$/;
// "NAME is 32 years old", "NAME, who is 32,", "NAME — whose surname also appears as X — is 26 years old"
const ageIsRe = /^(?:,\s*who\s+|\s+[—–]\s[^—–]{1,100}[—–]\s+|\s+)is\s+(\d{1,3})(?:\s+years\s+old)?\b/;
// "then aged 16", "at the time", "when he was 16" — the age at the offence
const atOffenceRe = /^[^.;]{0,25}\b(?:at the time|when (?:he|she) was|then aged)\b/i;
const thenAgedBeforeRe = /\bthen\s+(?:aged\s+)?$/i;
// "ranging in age from 22 to 53", "aged between 19 and 63", "aged 18 to 25"
// "ranging from 19 to 63 years old", "who are between 19 and 63 years old" (not "between 3 and 8 years")
const ageRangeRe =
  /\b(?:(?:ranging\s+in\s+age\s+from|aged\s+(?:between|from)?|between\s+the\s+ages\s+of|ages?)\s*(\d{1,3})\s*(?:to|and|-|–)\s*(\d{1,3})\b|(?:(?:ranging\s+)?from\s+|between\s+)?(\d{1,3})\s*(?:to|and|-|–)\s*(\d{1,3})\s+years?\s+(?:old|of\s+age)\b)/gi;

const plausible = (n: number): boolean => n >= 10 && n <= 110;

/** The age written right around a name whose span is [start, end) in `s`, or null. */
export function findAgeNear(s: string, start: number, end: number): AgeFound | null {
  const before = s.slice(Math.max(0, start - 60), start);
  const b = ageBeforeRe.exec(before);
  if (b && !thenAgedBeforeRe.test(before.slice(0, b.index))) {
    const age = Number(b[1]);
    const at = start - before.length + b.index;
    if (plausible(age)) return { age, start: at, end: at + b[1]!.length };
  }
  const after = s.slice(end, end + 160);
  const a = ageAfterRe.exec(after) ?? ageIsRe.exec(after) ?? (listOpenedRe.test(before) ? ellipticAgeRe.exec(after) : null);
  if (a) {
    const text = a[1] ?? a[2] ?? a[3] ?? a[4]!;
    const age = Number(text);
    const at = end + a.index + a[0].indexOf(text);
    if (plausible(age) && !atOffenceRe.test(after.slice(a[0].length))) return { age, start: at, end: at + text.length };
  }
  return null;
}

/** An age range stated in `s` between offsets from and to ("ranging in age from 22 to 53"), or null. */
export function findAgeRange(s: string, from = 0, to = s.length): { range: [number, number]; start: number; end: number } | null {
  ageRangeRe.lastIndex = 0;
  for (let m = ageRangeRe.exec(s); m; m = ageRangeRe.exec(s)) {
    if (m.index < from || m.index >= to) continue;
    const lo = Number(m[1] ?? m[3]);
    const hi = Number(m[2] ?? m[4]);
    if (plausible(lo) && plausible(hi) && lo <= hi) return { range: [lo, hi], start: m.index, end: m.index + m[0].length };
  }
  return null;
}
