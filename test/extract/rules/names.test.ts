import { describe, expect, it } from 'vitest';
import { findDefendantNames, findGroups, findNameCandidates, isOccupationListGap, isPlaceOrDeceased } from '../../../src/extract/rules/names.ts';

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
  // an occupation as a capitalised title at the head of a sentence is not part of the name
  ['Blogger Emil Sultanaliev, 31, who had posted videos praising the plan, was fined 200,000 soms.', ['Emil Sultanaliev']],
  ['Journalist Dana Omarova was jailed for three years.', ['Dana Omarova']],
  ['Ex-MP Aida Ismailova was given a suspended sentence.', ['Aida Ismailova']],
  ['Editor-in-chief Ivan Petrov was jailed.', ['Ivan Petrov']],
  ['Journalists Aibek Nurlanov and Dana Omarova were jailed for five years.', ['Aibek Nurlanov', 'Dana Omarova']],
  ['Jean-Paul Martin was jailed for five years.', ['Jean-Paul Martin']],
  // an age beside the name in a sentence about a verdict
  ['Ivan Petrov, 45 years old, heard the verdict in silence.', ['Ivan Petrov']],
  ['The verdict surprised Oleg Sidorov, 20 years older than the judge.', []],
  // an occupation with "a/an" is the person's own job: in a verdict role they are the defendant
  ['Ivan Petrov, a former police officer, was sentenced to five years for torture.', ['Ivan Petrov']],
  ['Marat Zhumabayev, his lawyer, was given the floor after the verdict.', []],
  // a short quote inside the clause between the name and its verb
  ['Former member of parliament Aida Ismailova, 47, who prosecutors said had agreed to head a "people\'s council" after the takeover, received a five-year probationary sentence.', ['Aida Ismailova']],
  // the recipient of a sentence told before the name
  ['The shortest sentence, two years, was given to 20-year-old Aibek Nurlanov, a second-year student at a local college.', ['Aibek Nurlanov']],
  ['The court refused to soften the 16-year prison sentence handed to Karakalpak journalist and lawyer Kamal Seitmuratovich Yusupov over the protests.', ['Kamal Seitmuratovich Yusupov']],
  ['The judges cut the sentence of Aqylbek Tursynbaev, 37, from 10.5 years to 7.5 years, and that of farmer Bakhtiyor Ismailov, 52, from eight years to six years.', ['Aqylbek Tursynbaev', 'Bakhtiyor Ismailov']],
  ['The sentence handed to Ivan Petrov was criticised by his lawyer Anna Zotova.', ['Ivan Petrov']],
  ['Ivan Petrov was jailed on Monday, and his story echoes that of activist Oleg Sidorov.', ['Ivan Petrov']],
  // an appositive object with a place or body in it
  ['A court in the capital has sentenced the former head of the Almaty region police, Serik Temirbekovich Aldabergenov, to seven and a half years.', ['Serik Temirbekovich Aldabergenov']],
  ['Last year, a court sentenced the former first deputy head of the National Security Committee, Daulet Yergozhin, to 16 years.', ['Daulet Yergozhin']],
  ['The court sentenced the man who attacked the mayor of Almaty, Oleg Sidorov, to five years.', []],
  // a list of objects: the names after the first share its role
  ['The appeals of Sanzhar Mukanov, 24, and Yerlan Baisakov, 33, were rejected.', ['Sanzhar Mukanov', 'Yerlan Baisakov']],
  ['A military court sentenced theatre director Yelena Voronina and playwright Svetlana Petrenko to six years each.', ['Yelena Voronina', 'Svetlana Petrenko']],
  ['The court sentenced Ivan Petrov, 24, and Anna Zotova, 50, his mother, wept in the gallery.', ['Ivan Petrov']],
  ['The court sentenced Ivan Petrov for the killing of Oleg Sidorov and Anna Zotova.', ['Ivan Petrov']],
  // tried alongside: a defendant; "tried to" is not a trial
  ["Aldabergenov's former deputy, Colonel Nurbol Kassymov, 49, was tried alongside him.", ['Nurbol Kassymov']],
  ['Ivan Petrov tried to flee the country before his trial.', []],
  // a lawyer in a verdict role is the defendant, unless the lawyer is someone's
  ['His co-defendant, lawyer Aigerim Tleuzhan, 37, received a four-year suspended sentence.', ['Aigerim Tleuzhan']],
  ['The court sentenced lawyer Ivan Petrov to five years.', ['Ivan Petrov']],
  ["Petrov's lawyer, Marat Zhumabayev, was given the floor after the verdict.", []],
  ['The defence lawyer Anna Zotova received a warning from the judge before the verdict.', []],
  ['The Supreme Court rejected the appeals of lawyers Buzurgmehr Yorov and Nuriddin Makhkamov, who are serving 28 and 16 years.', ['Buzurgmehr Yorov', 'Nuriddin Makhkamov']],
  ['The court rejected the appeal of Ivan Petrov and his lawyers Anna Zotova and Oleg Sidorov walked out.', ['Ivan Petrov']],
  // "were among those acquitted" is a verdict; a title between two listed names belongs to the second
  ['Politician Ravshan Jeenbekov, 50, and former MP Asia Sasykbaeva, 68, were among those acquitted.', ['Ravshan Jeenbekov', 'Asia Sasykbaeva']],
  ['Ravshan Jeenbekov was among those who watched the trial.', []],
  // an inverted clause; a relative listed with a defendant
  ['Acquitted were Ivan Petrov and Oleg Sidorov.', ['Ivan Petrov', 'Oleg Sidorov']],
  ['Sentenced alongside him were his brother Oleg Petrov and cousin Anna Petrova.', ['Oleg Petrov', 'Anna Petrova']],
  ['Also present were his lawyer Anna Zotova and his mother, Irina Petrova.', []],
  ['The court sentenced Ivan Petrov and his brother Oleg Petrov to five years each.', ['Ivan Petrov', 'Oleg Petrov']],
  ['The court sentenced Ivan Petrov as his lawyer Anna Zotova and his mother looked on.', ['Ivan Petrov']],
  ['The court sentenced Ivan Petrov and his lawyer Anna Zotova said he would appeal.', ['Ivan Petrov']],
  // other verdict shapes
  ['A suspended sentence went to Oleg Sidorov.', ['Oleg Sidorov']],
  ['Oleg Sidorov escaped with a suspended sentence.', ['Oleg Sidorov']],
  ['Oleg Sidorov, 29, must serve six years in a penal colony.', ['Oleg Sidorov']],
  ['Oleg Sidorov, who will serve as the chairman of the commission, praised the verdict.', []],
  // a speaker after a relative clause, unless the clause or the verb is a verdict
  ['Human rights activist Yevgeny Zhovtis, who monitored the trial, said the verdict was politically motivated.', []],
  ['Activist Ivan Petrov, who was jailed for five years in May, said he would appeal.', ['Ivan Petrov']],
  // a witness who was not charged
  ["Kozgo's editor-in-chief, Bermet Asanova, 45, who was questioned as a witness in the Satybaldiev case, was not charged.", []],
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

describe('isOccupationListGap', () => {
  const gaps: Array<[string, boolean]> = [
    [' and playwright ', true],
    [', 50, and former MP ', true],
    [', and blogger ', true],
    [' and his lawyer ', false],
    [' and said ', false],
    [', and Judge ', false],
  ];
  it.each(gaps)('%j', (gap, expected) => {
    expect(isOccupationListGap(gap)).toBe(expected);
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
    // a post-modifier between the group and its verb
    ['Nine other defendants in the same case, aged 24 to 61, were sentenced to between seven and 25 years', [[9, 'subject']]],
    ['Six members of a Marxist reading group arrested in Ufa in the spring remain in pre-trial detention awaiting trial', [[6, 'subject']]],
    ['Two men wanted in the Alidodov case, believed to be living in Russia, were placed on an international wanted list', [[2, 'subject']]],
    ['Thousands of people in the city were detained', []],
    ['Two members of the jury said they had been threatened', []],
    ['Twelve residents of Zhanaozen were sentenced to between two and seven years', [[12, 'subject']]],
    ['Five people of all ages were arrested', []],
    // "a group of N" is a stated number; "one of N" is not a group
    ['A group of 12 people were convicted of hooliganism', [[12, 'subject']]],
    ['One of 12 people detained was later charged', []],
  ];
  it.each(table2)('%s', (text, expected) => {
    expect(findGroups(text).map((g) => [g.count, g.role])).toEqual(expected);
  });

  // a post-modifier that ties the group to one case or organisation makes it a stated set of defendants
  const specific: Array<[string, boolean]> = [
    ['Six members of a Marxist reading group arrested in Ufa remain in pre-trial detention', true],
    ['Two men wanted in the Alidodov case were placed on a wanted list', true],
    ['Five people from the village were arrested', false],
  ];
  it.each(specific)('specific: %s', (text, expected) => {
    expect(findGroups(text)[0]?.specific).toBe(expected);
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
