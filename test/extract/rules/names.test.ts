import { describe, expect, it } from 'vitest';
import { findDefendantNames, findGroups, findNameCandidates, isPlaceOrDeceased } from '../../../src/extract/rules/names.ts';

const names = (s: string): string[] => findDefendantNames(s).map((n) => n.name);

// Names are found by their role: these include names no list would know.
const table: Array<[string, string[]]> = [
  ['One of the defendants, Akzhol Zhandarbekov, was found guilty of “participation in mass riots.”', ['Akzhol Zhandarbekov']],
  ['In November 2022, an entrepreneur from the southern city of Kyzylorda, Kazybek Kudaibergenov, received a 17-year sentence.', ['Kazybek Kudaibergenov']],
  ['a court in the Aktobe region sentenced a local resident, 32-year-old Nursultan Isaev, to 15 years in prison.', ['Nursultan Isaev']],
  ['ALEKSANDR V. MIRONENKO, 38, of Brooklyn, New York, was sentenced today to 87 months in prison.', ['ALEKSANDR V. MIRONENKO']],
  ['Her business partner, Desmond Okonkwo, 51, of Sugar Land, pleaded guilty to a misdemeanor count.', ['Desmond Okonkwo']],
  ['Abdullah al-Hassan was jailed for five years.', ['Abdullah al-Hassan']],
  ['Former Prime Minister Karim Massimov was sentenced to 18 years.', ['Karim Massimov']],
  ['Judge Aigerim Seitkali sentenced Yerzhan Tolegenov to 16 years.', ['Yerzhan Tolegenov']],
  ['A federal judge on Thursday formally sentenced Tremaine Jerome Holcomb to death.', ['Tremaine Jerome Holcomb']],
  ['Among those sentenced was journalist Makhambet Abzhan, 41.', ['Makhambet Abzhan']],
  ['The jury found his office manager, Luz M. Varela, 48, of Hialeah, not guilty of conspiracy.', ['Luz M. Varela']],
  // a long appositive between the name and its verb
  ['Mr Daulet Omarov, a 39-year-old who left Kazakhstan in 2021 and is believed to be living in Turkey, was found guilty of fraud.', ['Daulet Omarov']],
  // not defendants: lawyers, judges, prosecutors, victims, speakers, places
  ['Kanat Beisebaev, a lawyer who defended one of those accused of participating in the riots, asserted that many were bystanders.', []],
  ['U.S. District Judge Lorraine H. Castellano also ordered her to serve one year of supervised release.', []],
  ['said Tolegenov’s lawyer, Marat Zhumabayev, 61, who said he would appeal.', []],
  ['He was convicted of the murder of Mehmet Ali Yilmaz.', []],
  ['Assistant U.S. Attorney Kathryn Olson prosecuted the case.', []],
  ['“Justice was served,” said Special Agent in Charge Ramsey E. Covington.', []],
  ['A witness for the prosecution, Marat Sabirov, 67, told the court the lessons were political, and the defendant was convicted.', []],
  ["Mr Jeffries-Oduya's mother, Denise Jeffries, 51, said he was not convicted of anything.", []],
  ['Another colleague, Gennady Sobolev, 80, died in custody two days after being arrested.', []],
  ['John Reid, 30, who was arrested on suspicion of assisting an offender, has been released on bail.', []],
  ['John Reid, 30, who was arrested on Sunday, has been charged with assault and released on bail.', ['John Reid']],
  // "District of Michigan charges NAME": a place's capitals before the verb are no victim's description
  ['An indictment unsealed in the U.S. District Court for the Eastern District of Michigan charges John Colt, 35, with smuggling.', ['John Colt']],
  ['He was convicted of defrauding John Colt, 35, of Detroit.', []],
  // the object of an appeal ruling
  ['The appellate board on Wednesday upheld the verdict and the 10-year sentence of Ruslan Temirov, a welder.', ['Ruslan Temirov']],
  ['An appeals court on Tuesday reduced the term handed to Marat Ospanov from six to five years.', ['Marat Ospanov']],
  ['The same panel reduced the sentence of his co-defendant, Arman Seitov, 34, from six to five years.', ['Arman Seitov']],
  ['In February, the Court of Appeal reduced the sentence of another activist from the same group, Daniel Achter, 29, from four years to 30 months.', ['Daniel Achter']],
  // the name after the description is a place, not the one described
  ['The court reduced the sentence of a man from Leeds, who had appealed, to five years.', []],
  ['Retired midwife Harriet Oake, 71, from Saffron Walden, was made the subject of a 12-month community order.', ['Harriet Oake']],
  // not a passive "was made the subject of": the name is the one acting
  ['Jane Smith made the subject of her speech the sentence handed to her son.', []],
  ['The second activist, Dias Nurlanov, 36, saw his four-year term upheld.', ['Dias Nurlanov']],
  // an appeal verb is a verdict word for a name with an age
  ['For another man, 45-year-old Talgat Omarov, the board replaced four years in a colony with three years of restricted freedom.', ['Talgat Omarov']],
  ['Another pensioner, 71-year-old Galina Orlova, said her rent had been reduced last year.', []],
  ['A co-defendant, Kayla Marie Stone, 23, who delivered pills for Omar Haddad, pleaded guilty in July.', ['Kayla Marie Stone']],
  ['Marat Yerzhanov, whose mother, Zhamilya Yerzhanova, campaigned for him, was convicted.', ['Marat Yerzhanov']],
  ["The victim's partner, Jane Cole, 41, was given a chance to speak before he was sentenced.", []],
  // relatives and friends can be co-defendants
  ['His girlfriend, Chantelle Ainsworth, 27, of Hucknall, admitted the conspiracy charge and was sentenced.', ['Chantelle Ainsworth']],
  ["At the same hearing, Harrower's partner, Darren Coppell, 39, who pushed a trolley containing £312 worth of goods out of the store while the guard was struggling with her, admitted theft and was fined £1,200.", ['Darren Coppell']],
  ["The court rejected the appeal of Belousov's friend Timofei Ryabov, 22, and upheld his sentence.", ['Timofei Ryabov']],
  ['The Shymkent city court acquitted a former deputy head of the regional police, Gulmira Sadvakasova, 51, of negligence.', ['Gulmira Sadvakasova']],
];

describe('findDefendantNames', () => {
  it.each(table)('%s', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it('drops a descriptive noun capitalised at the start of a sentence ("Grandfather NAME")', () => {
    const c = findNameCandidates('Grandfather Daniel Hesk, 58, admitted affray. Father-of-two Lee Ward was jailed. Pensioner Smith was fined.');
    expect(c.map((x) => x.name)).toEqual(['Daniel Hesk', 'Lee Ward', 'Smith']);
    expect(findNameCandidates('Blogger Emil Sultan, 31, was fined.').map((x) => x.name)).toEqual(['Emil Sultan']);
    // as a surname, or alone, it stays
    expect(findNameCandidates('John Student was jailed. Grandfather was jailed.').map((x) => x.name)).toEqual(['John Student', 'Grandfather']);
  });

  it('drops titles and keeps court-side people apart', () => {
    const c = findNameCandidates('Recorder Jane Holt sentenced Mr Tom Reed');
    expect(c.map((x) => [x.name, x.courtSide])).toEqual([['Jane Holt', true], ['Tom Reed', false]]);
  });
});

describe('findGroups', () => {
  const table2: Array<[string, Array<[number, string]>]> = [
    ['The other 10 defendants, ranging in age from 22 to 53, were found guilty', [[10, 'subject']]],
    ['The court on Wednesday sentenced 45 people to between 18 months and 20 years', [[45, 'object']]],
    ['Almost 1,400 individuals have been convicted of criminal behavior.', []],
    ['protests that left 238 people dead', []],
    ['Her four accomplices received jail terms between two to five years', [[4, 'subject']]],
    ['The court on Friday acquitted 22 of the 27 politicians, activists and journalists accused of plotting riots', [[22, 'object']]],
    ['Two camera operators were acquitted of the same charge', [[2, 'subject']]],
    ['Four other men who were with Toktarov that night were sentenced to between eight and 12 years', [[4, 'subject']]],
    // a post-modifier naming the set, then the appositive
    ['The other eight defendants in the case, aged 23 to 51, pleaded guilty and were sentenced earlier this year.', [[8, 'subject']]],
    // "in the city" names no set of defendants: the group has no verb of its own
    ['Police said eight people in the city centre, most of them students, were injured as they tried to flee the crowd that was later convicted.', []],
    // arrested and let go without charge: no defendants; charged and bailed: defendants
    ['Three other men arrested on suspicion of violent disorder in Southport have been released on bail pending further inquiries.', []],
    ['Two men arrested on Friday have been charged with violent disorder and released on bail.', [[2, 'subject']]],
    ['Nine other defendants in the same case, aged 24 to 61, were sentenced at the same hearing to between seven and 25 years', [[9, 'subject']]],
    // (a place, not the case, before the verb)
    ['Nine other people in the village square were sentenced, witnesses said', []],
  ];
  it.each(table2)('%s', (text, expected) => {
    expect(findGroups(text).map((g) => [g.count, g.role])).toEqual(expected);
  });
});

describe('isPlaceOrDeceased', () => {
  const table3: Array<[string, string, boolean]> = [
    ['The court heard that ', ' was remanded in custody.', false],
    ['Callum Jeffo, from ', ', died in hospital.', true],
    ['', ', from Knowle West, died in hospital.', true],
    ['Beasley, 52, of ', ', accepted cash.', true],
    // a person after "from" with no comma: "accepted cash from NAME"
    ['accepted cash payments and a boat from ', ', 47, of Virginia Beach.', false],
    ['', ', 47, of Virginia Beach, pleaded guilty.', false],
  ];
  it.each(table3)('%j NAME %j -> %s', (before, after, expected) => {
    expect(isPlaceOrDeceased(before, after)).toBe(expected);
  });
});
