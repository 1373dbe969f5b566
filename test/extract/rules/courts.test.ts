import { describe, expect, it } from 'vitest';
import { findCourts } from '../../../src/extract/rules/courts.ts';

const table: Array<[string, string[]]> = [
  ['A trial in an Almaty district court resulted in', ['Almaty district court']],
  ['a court in the Aktobe region in western Kazakhstan sentenced', ['court in the Aktobe region']],
  ['was jailed for three years at Manchester Crown Court.', ['Manchester Crown Court']],
  ['in the Crown Court at Leeds', ['Crown Court at Leeds']],
  ['in the U.S. District Court for the Southern District of New York.', ['U.S. District Court for the Southern District of New York']],
  ['The Moscow City Court upheld', ['Moscow City Court']],
  ['A court in Taldykorgan, the administrative centre of the Zhetysu region, on Tuesday', ['court in Taldykorgan']],
  ['The Specialised Inter-district Criminal Court in Taraz on Wednesday sentenced', ['Specialised Inter-district Criminal Court in Taraz']],
  ['He told the court he was innocent.', []],
  ['Judge Smith’s court was full.', []],
];

describe('findCourts', () => {
  it.each(table)('%s', (text, expected) => {
    expect(findCourts(text).map((c) => c.name)).toEqual(expected);
  });

  it('spans are the court name exactly', () => {
    const s = 'sentenced by an Almaty district court on Monday';
    const [c] = findCourts(s);
    expect(s.slice(c!.start, c!.end)).toBe(c!.name);
  });
});
