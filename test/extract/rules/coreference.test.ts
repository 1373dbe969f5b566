import { describe, expect, it } from 'vitest';
import { findAnaphors, foldToken, normalizeName, relationBetween, resolveSurname, sameFullName } from '../../../src/extract/rules/coreference.ts';

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
    ['Sentencing him at the same court yesterday, Judge Carrow said he was remorseful.', [[false, true]]],
    ['They were remanded in custody and will next appear at Cardiff Crown Court.', [[true, true]]],
    ['He will next appear at Liverpool Crown Court on 12 September.', [[false, true]]],
    ['He appeared to be calm as the sentence was read.', []],
    ['He insisted he was innocent.', []],
    ['but kept a fine of 20,000 somoni that had been imposed on him alongside the prison term.', [[false, true]]],
    // no outcome put on him
    ['His mother said the police had spied on him for months.', []],
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

  const relations: Array<[string, string | null]> = [
    ['The father, whom the judge called the directing mind, received six years.', 'father'],
    ['His son was jailed for four years.', 'son'],
    // a naming, a possessor, an in-law, or no verb: not a family anaphor
    ['His son Marcus Rook was jailed for four years.', null],
    ["His son's lawyer said he would appeal the sentence.", null],
    ['Her son-in-law was jailed for two years.', null],
    ['The father of the victim wept in court.', null],
  ];
  it.each(relations)('family noun: %s', (text, relation) => {
    expect(findAnaphors(text).find((a) => a.relation)?.relation ?? null).toBe(relation);
  });

  const ties: Array<[string, { second: string; first: string[] } | null]> = [
    [', 63, and his son ', { second: 'son', first: ['father'] }],
    [' and her husband, ', { second: 'husband', first: ['wife'] }],
    ["'s son, ", { second: 'son', first: ['father', 'mother'] }],
    [' and their daughter ', { second: 'daughter', first: [] }],
    [', 63, and ', null],
    [' and his lawyer, ', null],
  ];
  it.each(ties)('family tie in %j', (gap, tie) => {
    expect(relationBetween(gap)).toEqual(tie);
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
