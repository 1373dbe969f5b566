import { describe, expect, it } from 'vitest';
import { findAnaphors, foldToken, normalizeName, resolveSurname, sameFullName } from '../../../src/extract/rules/coreference.ts';

describe('coreference', () => {
  it('normalises names without case and diacritics', () => {
    expect(normalizeName('Marisol Yáñez')).toBe('marisol yanez');
    expect(normalizeName('Tomasz Wiśniewski')).toBe('tomasz wisniewski');
  });

  it('folds transliteration variants', () => {
    expect(foldToken('Massimov')).toBe(foldToken('Masimov'));
    expect(foldToken('Kassymov')).toBe(foldToken('Kasymov'));
    expect(foldToken('Aliyev')).toBe(foldToken('Aliev'));
  });

  const refs = [{ id: 0, tokens: ['Kazybek', 'Kudaibergenov'] }, { id: 1, tokens: ['Nursultan', 'Isaev'] }];
  const table: Array<[string, number | null]> = [['Kudaibergenov', 0], ['Isaev', 1], ['Beisebaev', null]];
  it.each(table)('surname %s -> record %s', (surname, id) => {
    expect(resolveSurname(surname, refs)?.id ?? null).toBe(id);
  });

  it('matches full names with initials and spelling variants', () => {
    expect(sameFullName(['Marcus', 'J.', 'Whitfield'], ['M.', 'Whitfield'])).toBe(true);
    expect(sameFullName(['Karim', 'Massimov'], ['Karim', 'Masimov'])).toBe(true);
    expect(sameFullName(['Karim', 'Massimov'], ['Askar', 'Massimov'])).toBe(false);
  });

  const anaphors: Array<[string, Array<[boolean, boolean]>]> = [
    ['He received a four-year prison sentence.', [[false, true]]],
    ['The court sentenced him to 15 years.', [[false, true]]],
    ['They were sentenced to eight years each.', [[true, true]]],
    ['The 32-year-old, of Leeds, was jailed.', [[false, true]]],
    ['He insisted he was innocent.', []],
    ['The 34-year-old, of Great Lever, ran the operation from a rented flat.', [[false, false]]],
    // a plural anaphor with the group's ages and no outcome verb
    ['The six, aged 21 to 48, deny the accusations.', [[true, false]]],
    ['The six were sentenced to eight years each.', [[true, true]]],
    ['The six hours of hearings ended late.', []],
    ['Each of them will continue serving the seven-year sentences imposed last July.', [[true, true]]],
    ['Both of them were jailed for two years.', [[true, true]]],
    ['Each of them said they were innocent.', []],
  ];
  it.each(anaphors)('%s', (text, expected) => {
    expect(findAnaphors(text).map((a) => [a.plural, a.withVerb])).toEqual(expected);
  });

  const ages: Array<[string, number | null]> = [
    ['The 34-year-old, of Great Lever, ran the operation.', 34],
    ['The woman, age 62, of Naperville, had faced a maximum of five years.', 62],
    // someone else's age: the noun after it names another person
    ['The 24-year-old victim was taken to hospital and later received treatment.', null],
  ];
  it.each(ages)('age in anaphor: %s', (text, age) => {
    expect(findAnaphors(text).find((a) => !a.plural)?.age ?? null).toBe(age);
  });
});
