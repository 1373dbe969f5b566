import { describe, expect, it } from 'vitest';
import { findAgeNear, findAgeRange } from '../../../src/extract/rules/ages.ts';

const ageOf = (s: string, name: string): number | null => {
  const at = s.indexOf(name);
  return findAgeNear(s, at, at + name.length)?.age ?? null;
};

const table: Array<[string, string, number | null]> = [
  ['sentenced a local resident, 32-year-old Nursultan Isaev, to 15 years', 'Nursultan Isaev', 32],
  ['Tolegenov, 44, a former taxi driver', 'Tolegenov', 44],
  ['MIRONENKO, 38, of Brooklyn', 'MIRONENKO', 38],
  ['Jane Doe (29) was jailed', 'Jane Doe', 29],
  ['Ruslan Kambarov, 34, from six to five years', 'Ruslan Kambarov', 34],
  ['Ivan Petrov is 45 years old', 'Ivan Petrov', 45],
  ['sentenced Dinara Yeskendirova, a 38-year-old journalist who runs a channel', 'Dinara Yeskendirova', 38],
  ['Reginald Ashworth-Pike, now 78, of Harrogate, was found guilty', 'Reginald Ashworth-Pike', 78],
  ['Mukhametkali, the youngest of the three at 23, was accused', 'Mukhametkali', 23],
  ['Sabirov is 39, Khusnutdinov 33 and Fattakhov, the youngest, 28.', 'Khusnutdinov', 33],
  ['Sabirov is 39, Khusnutdinov 33 and Fattakhov, the youngest, 28.', 'Fattakhov', 28],
  ['The clerk, Aruzhan Kuanyshova — whose surname also appears as Kuanysheva — is 26 years old.', 'Aruzhan Kuanyshova', 26],
  // a bare number after a name is an age only in a list opened by "NAME is N,"
  ['Kuanyshova 26 times denied it', 'Kuanyshova', null],
  ['Mr Daulet Omarov, a 39-year-old who left Kazakhstan in 2021, was found guilty', 'Daulet Omarov', 39],
  ['Ivan Petrov, a 16-year-old at the time, was', 'Ivan Petrov', null],
  // not the defendant's present age
  ['Ivan Petrov, then aged 16, was', 'Ivan Petrov', null],
  ['Ivan Petrov, 16 at the time, was', 'Ivan Petrov', null],
  ['Ivan Petrov was jailed', 'Ivan Petrov', null],
  // translated appositives: no article, or "N years old"
  ['Ivan Petrov, 45-year-old resident of Almaty, was jailed', 'Ivan Petrov', 45],
  ['Ivan Petrov, 45 years old, was jailed', 'Ivan Petrov', 45],
  ['Ivan Petrov, 16 years old at the time, was', 'Ivan Petrov', null],
  ['Ivan Petrov, 20 years older than his co-defendant, was', 'Ivan Petrov', null],
];

describe('findAgeNear', () => {
  it.each(table)('%s -> %s is %s', (text, name, expected) => {
    expect(ageOf(text, name)).toBe(expected);
  });
});

describe('findAgeRange', () => {
  it('reads group age ranges', () => {
    expect(findAgeRange('The other 10 defendants, ranging in age from 22 to 53, were')?.range).toEqual([22, 53]);
    expect(findAgeRange('defendants aged between 19 and 63')?.range).toEqual([19, 63]);
    expect(findAgeRange('sentenced to between 18 months and 20 years')).toBeNull();
    // "N to M years old"
    expect(findAgeRange('The defendants, ranging from 19 to 63 years old, were')?.range).toEqual([19, 63]);
    expect(findAgeRange('The men, who are between 19 and 63 years old, were')?.range).toEqual([19, 63]);
    expect(findAgeRange('sentenced to between 12 and 15 years in prison')).toBeNull();
    expect(findAgeRange('sentenced to between 12 and 15 years of imprisonment')).toBeNull();
  });
});
