/**
 * Records from short texts: how terms, statuses, dates and courts travel between sentences — appeal rulings,
 * an outcome told before its defendant is named, aligned lists, pronouns. Names and numbers are placeholders.
 */
import { describe, expect, it } from 'vitest';
import { extractVerdicts } from '../../../src/extract/index.ts';

const records = (text: string, published = '2024-02-16') =>
  extractVerdicts(text, { published }).records.map((r) => ({ name: r.name, court: r.court, sentence: r.sentence, verdictDate: r.verdictDate, status: r.status }));
const prison = (months: number) => ({ kind: 'prison', months, monthsMax: null, fine: null });

describe('appeal rulings', () => {
  it('a rejected appeal is dated by the ruling, not by the first sentencing told in a relative clause after it', () => {
    const text = 'Separately, the Regional Court on Tuesday rejected the appeal of Ivan Petrov, 51, a retired teacher who was sentenced in April to four years in a penal colony for vandalism.';
    expect(records(text, '2024-08-16')).toEqual([{ name: 'Ivan Petrov', court: 'Regional Court', sentence: prison(48), verdictDate: '2024-08-13', status: 'appeal_upheld' }]);
  });

  it('a reduced term is the sentence; the appeal court and the ruling date win over the first instance', () => {
    const text =
      'An appeals court in the Atyrau region on Tuesday cut by two years the seven-year term handed to Marat Ospanov, a driver. ' +
      'Ospanov was convicted in October last year by the Kulsary city court of fraud. He will now serve five years. ' +
      'The second driver, Dias Nurlanov, 36, saw his four-year term for fraud upheld. Prosecutors had asked for nine years.';
    expect(records(text)).toEqual([
      { name: 'Marat Ospanov', court: 'appeals court in the Atyrau region', sentence: prison(60), verdictDate: '2024-02-13', status: 'appeal_reduced' },
      { name: 'Dias Nurlanov', court: 'appeals court in the Atyrau region', sentence: prison(48), verdictDate: '2024-02-13', status: 'appeal_upheld' },
    ]);
  });

  it('"the same panel" takes the date and court of the ruling told before, not a date in its own sentence', () => {
    const text =
      'The appellate board of the Taraz city court on Wednesday upheld the verdict and the 10-year sentence of Ruslan Temirov, a welder. ' +
      'Temirov was found guilty by the Zhambyl district court on January 5. ' +
      'The same panel reduced the sentence of his co-defendant, Arman Seitov, 34, from six to five years, citing his return of a rifle on January 8.';
    const [a, b] = records(text, '2022-12-09');
    expect(a).toMatchObject({ court: 'appellate board of the Taraz city court', sentence: prison(120), verdictDate: '2022-12-07', status: 'appeal_upheld' });
    expect(b).toMatchObject({ name: 'Arman Seitov', court: 'appellate board of the Taraz city court', sentence: prison(60), verdictDate: '2022-12-07', status: 'appeal_reduced' });
  });

  it('a rejected appeal with no court named has no court (the first-instance court is not the ruling\'s)', () => {
    const text = 'In November 2022, a court in Semey sentenced a former police chief, Nurlan Abenov, to 12 years for abuse of office. His appeal was rejected in March 2023.';
    expect(records(text, '2024-04-26')).toEqual([{ name: 'Nurlan Abenov', court: null, sentence: prison(144), verdictDate: '2023-03', status: 'appeal_upheld' }]);
  });

  it('a ruling on "the sentence" with no name is about the one convicted defendant just told', () => {
    const text = 'Marat Ospanov was sentenced in March to 10 years by the Medeu district court. On Tuesday the Almaty city court upheld the sentence.';
    expect(records(text, '2024-06-14')).toEqual([{ name: 'Marat Ospanov', court: 'Almaty city court', sentence: prison(120), verdictDate: '2024-06-11', status: 'appeal_upheld' }]);
  });

  it('a possessive before an outcome word names the defendant; "lost his appeal" keeps the term', () => {
    expect(records('An appeals court on Monday reduced Marat Ospanov\'s sentence to eight years. He had been jailed for 10 years in May.', '2024-06-14'))
      .toEqual([{ name: 'Marat Ospanov', court: 'appeals court', sentence: prison(96), verdictDate: '2024-06-10', status: 'appeal_reduced' }]);
    expect(records('Marat Ospanov, 40, lost his appeal against his 10-year sentence on Monday.', '2024-06-14'))
      .toEqual([{ name: 'Marat Ospanov', court: null, sentence: prison(120), verdictDate: '2024-06-10', status: 'appeal_upheld' }]);
  });

  it('a term replaced by a lighter kind is an appeal reduction; a cut to time served states its length', () => {
    const text =
      'At a hearing on March 10, the appeals board of the Zhetysu regional court cut the sentence of Arman Seitov, a welder, from nine years to six years. ' +
      'The board also reduced the term of Dias Nurlanov, 29, from five years to the time he had already spent behind bars — two years and eight months — and ordered his release. ' +
      'For another man, 45-year-old Bolat Kasymov, the board replaced four years in a colony with three years of restricted freedom. ' +
      'Kasymov had been convicted of "theft".';
    expect(records(text, '2025-03-12').map((r) => [r.name, r.sentence, r.status])).toEqual([
      ['Arman Seitov', prison(72), 'appeal_reduced'],
      ['Dias Nurlanov', prison(32), 'appeal_reduced'],
      ['Bolat Kasymov', { kind: 'restricted_freedom', months: 36, monthsMax: null, fine: null }, 'appeal_reduced'],
    ]);
  });

  it('an appeal ruling with no date of its own takes the date told with the appeal court\'s decision', () => {
    const text =
      'The appeals collegium of the Supreme Court announced its decision on Wednesday, four months after the regional court convicted a group of residents. ' +
      'The judges cut the sentence of Aqylbek Tursynov, 37, a schoolteacher, from 10.5 years to 7.5 years. ' +
      'Ruslan Dauletbaev, 26, a driver, had his five-year prison term replaced with three years of restricted freedom.';
    expect(records(text, '2023-06-02')).toEqual([
      { name: 'Aqylbek Tursynov', court: 'appeals collegium of the Supreme Court', sentence: prison(90), verdictDate: '2023-05-31', status: 'appeal_reduced' },
      { name: 'Ruslan Dauletbaev', court: 'appeals collegium of the Supreme Court', sentence: { kind: 'restricted_freedom', months: 36, monthsMax: null, fine: null }, verdictDate: '2023-05-31', status: 'appeal_reduced' },
    ]);
  });

  it('... but not a date told with the appeal court in a sentence about no ruling', () => {
    const text =
      'The appeals collegium of the Supreme Court was set up in 2019. ' +
      'The judges cut the sentence of Aqylbek Tursynov, 37, a schoolteacher, from 10.5 years to 7.5 years.';
    expect(records(text, '2023-06-02')[0]).toMatchObject({ name: 'Aqylbek Tursynov', verdictDate: null, status: 'appeal_reduced' });
  });

  it('a term "left in place" is upheld and dated by the ruling, not by the first imposition told beside it', () => {
    const text = 'The Bishkek City Court on Monday rejected an appeal by journalist Aziz Omurov against his conviction, leaving in place the three years of probation imposed on him in October.';
    expect(records(text, '2022-12-13')).toEqual([
      { name: 'Aziz Omurov', court: 'Bishkek City Court', sentence: { kind: 'probation', months: 36, monthsMax: null, fine: null }, verdictDate: '2022-12-12', status: 'appeal_upheld' },
    ]);
  });

  it('"The appeals of A and B were rejected. Each of them will continue serving the seven-year sentences": the term kept', () => {
    const text =
      'The Osh city court on Monday rejected the appeals of Marat Ospanov, 24, and Bolot Asanov, 33. ' +
      'Each of them will continue serving the seven-year sentences imposed last July for "hooliganism."';
    expect(records(text, '2024-06-14')).toEqual([
      { name: 'Marat Ospanov', court: 'Osh city court', sentence: prison(84), verdictDate: '2024-06-10', status: 'appeal_upheld' },
      { name: 'Bolot Asanov', court: 'Osh city court', sentence: prison(84), verdictDate: '2024-06-10', status: 'appeal_upheld' },
    ]);
  });

  it('a possible term told after a rejected appeal, or a term of one whose appeal did not fail, is not kept (negative)', () => {
    const rejected = 'The Osh city court on Monday rejected the appeal of Marat Ospanov, 24. Hooliganism is punishable by up to seven years.';
    expect(records(rejected, '2024-06-14').map((r) => r.sentence)).toEqual([null]);
    const charged = 'Marat Ospanov, 24, has been charged with hooliganism. He will continue serving a seven-year sentence imposed last July for theft.';
    expect(records(charged, '2024-06-14').map((r) => r.sentence)).toEqual([null]);
  });

  it('an appeal announced or pending leaves the status as it was', () => {
    const text = 'Marat Ospanov was sentenced on Monday to 10 years. He has appealed to the Supreme Court. Prosecutors have appealed, seeking 14 years.';
    expect(records(text, '2024-06-14')).toEqual([{ name: 'Marat Ospanov', court: null, sentence: prison(120), verdictDate: '2024-06-10', status: 'convicted' }]);
  });

  it('an acquittal later overturned, with a retrial, is charged_only', () => {
    const text = 'A third scientist, Oleg Petrenko, was acquitted of treason in 2021 after a jury trial, a verdict later overturned by the Supreme Court.';
    expect(records(text)).toEqual([{ name: 'Oleg Petrenko', court: null, sentence: null, verdictDate: null, status: 'charged_only' }]);
  });
});

describe('an outcome told before the name', () => {
  it('"handing the man described as its organiser a 10-year term": the term of the next defendant named', () => {
    const text =
      'The Pervomaisky district court of Bishkek on Monday delivered its verdict in the case of an alleged plot, handing the man described as its organiser a 10-year prison term. ' +
      'Kubat Asanov, 52, a businessman, was found guilty of "preparing a violent seizure of power." ' +
      'Asanov was arrested in February last year.';
    expect(records(text, '2024-08-07')).toEqual([
      { name: 'Kubat Asanov', court: 'Pervomaisky district court of Bishkek', sentence: prison(120), verdictDate: '2024-08-05', status: 'convicted' },
    ]);
  });

  it('... but handing out leaflets is no outcome', () => {
    const text = 'Activists were seen handing out leaflets for five days in May. Kubat Asanov, 52, was found guilty of hooliganism.';
    expect(records(text, '2024-08-07')).toEqual([{ name: 'Kubat Asanov', court: null, sentence: null, verdictDate: null, status: 'convicted' }]);
  });

  it('goes to the first defendant named after it, even a few sentences on', () => {
    const text =
      'A Kenai man was sentenced today to a 51-month prison term for fraud. ' +
      'According to court documents, Harold Dean Miller, 63, falsely claimed relief payments. He sold permits too. It went on for years. ' +
      'Miller was convicted by a jury in March of wire fraud.';
    expect(records(text, '2024-08-29')).toEqual([{ name: 'Harold Dean Miller', court: null, sentence: prison(51), verdictDate: '2024-08-29', status: 'convicted' }]);
  });

  it('not when that defendant has a term of their own, and never to the one named after them', () => {
    const text =
      'A 17-year-old boy has been sentenced to four years\' detention for wounding. ' +
      'Jordan Pike, 19, who handed him the knife, was sentenced to six years. Callum Reed, 20, was convicted of affray.';
    const got = records(text, '2022-06-30');
    expect(got.find((r) => r.name === 'Jordan Pike')!.sentence).toEqual(prison(72));
    expect(got.find((r) => r.name === 'Callum Reed')!.sentence).toBeNull();
  });

  it('not to a defendant still awaiting sentence', () => {
    const text = 'Another man was jailed for five years last month. John Hale was convicted on Monday of theft and will be sentenced in May.';
    expect(records(text, '2024-03-08')).toEqual([{ name: 'John Hale', court: null, sentence: null, verdictDate: '2024-03-04', status: 'convicted' }]);
  });

  it('an acquittal of "a man" goes to the man named next, with its court and date', () => {
    const text =
      'A jury in the Rostov Regional Court on Monday acquitted a man accused of attacking a police officer. ' +
      'Sergei Orlov, 44, a teacher, had been charged with "use of violence against a representative of the authorities."';
    expect(records(text, '2024-03-08')).toEqual([
      { name: 'Sergei Orlov', court: 'Rostov Regional Court', sentence: { kind: 'acquitted', months: null, monthsMax: null, fine: null }, verdictDate: '2024-03-04', status: 'acquitted' },
    ]);
  });

  it('an aligned list goes to the next list of as many names, in order', () => {
    const text =
      'The leader of the ring was sentenced Thursday to life in prison, and three of his associates were sentenced to 240, 180 and 97 months in prison, respectively. ' +
      'The associates — Dale Brannon, 31, of Sapulpa; Maria Ortiz, 38, of Tulsa; and Terrence Gray, 27, of Owasso — each pleaded guilty to drug conspiracy.';
    expect(records(text, '2023-01-27').map((r) => [r.name, r.sentence?.months, r.verdictDate])).toEqual([
      ['Dale Brannon', 240, '2023-01-26'], ['Maria Ortiz', 180, '2023-01-26'], ['Terrence Gray', 97, '2023-01-26'],
    ]);
  });
});

describe('terms and the people they belong to', () => {
  it('a term handed "to" someone belongs to them, not to the group sentenced in the same breath', () => {
    const text = 'The Bukhara regional court on Tuesday sentenced 22 people over the unrest, handing the longest term, 16 years, to the lawyer and journalist Polat Umarov.';
    expect(records(text, '2023-02-03')).toEqual([
      { name: 'Polat Umarov', court: 'Bukhara regional court', sentence: prison(192), verdictDate: '2023-01-31', status: 'convicted' },
    ]);
  });

  it('"him" after a person named in the same sentence is that person', () => {
    const text =
      'Nurzhan Amanov, 38, was given a three-year suspended sentence on Monday. ' +
      'In the west, Bauyrzhan Serikov, 22, walked free on Tuesday after the Aktobe city court sentenced him to eight months for rioting.';
    const got = records(text, '2022-06-03');
    expect(got.find((r) => r.name === 'Nurzhan Amanov')!.sentence).toEqual({ kind: 'suspended', months: 36, monthsMax: null, fine: null });
    expect(got.find((r) => r.name === 'Bauyrzhan Serikov')!.sentence).toEqual(prison(8));
  });

  it('a further term with no other is the new sentence; a prior term told later does not replace it or its date', () => {
    const text =
      'A former choirmaster who was already jailed in 2016 has been sentenced to a further 11 years. ' +
      'Reginald Ashby, 78, was found guilty by a jury at York Crown Court of indecent assault. ' +
      'He was sentenced on Wednesday. He was sentenced on 29th February 2016 to eight years for other offences.';
    expect(records(text, '2025-05-30')).toEqual([{ name: 'Reginald Ashby', court: 'York Crown Court', sentence: prison(132), verdictDate: '2025-05-28', status: 'convicted' }]);
  });
});

describe('a new case against someone already in prison', () => {
  it('the earlier term told again (same length) is context: the new case is charged only, with no sentence or date', () => {
    const text =
      'Pavel Sokolov, a blogger who is already serving an eight-year term, has been charged with treason in a new case, his lawyer said. ' +
      'Sokolov, 41, was sentenced in 2022 to eight years for "discrediting the army". ' +
      'The charge carries up to 20 years, which would be added to his term if he were convicted.';
    expect(records(text, '2024-09-06')).toEqual([{ name: 'Pavel Sokolov', court: null, sentence: null, verdictDate: null, status: 'charged_only' }]);
  });

  it('a new term of another length is the new outcome', () => {
    const text =
      'Pavel Sokolov, a blogger who is already serving an eight-year term, was tried on a new charge of treason. ' +
      'Sokolov, 41, was sentenced on Monday to 12 years.';
    expect(records(text, '2024-09-06')).toEqual([{ name: 'Pavel Sokolov', court: null, sentence: prison(144), verdictDate: '2024-09-02', status: 'convicted' }]);
  });
});

describe('a fine told after the appeal ruling', () => {
  it('"imposed on him" after his surname is his, not the last defendant\'s before', () => {
    const text =
      'The Supreme Court on Wednesday reduced the sentence of Karim Nazarov from seven years to five years. ' +
      'His colleague, Dilnoza Saidova, 31, had received two years of restricted freedom; her appeal was dismissed. ' +
      'The court also lifted a three-year ban on Nazarov working as a journalist, but kept a fine of 20,000 somoni that had been imposed on him.';
    const got = records(text, '2023-09-08');
    expect(got.map((r) => [r.name, r.sentence])).toEqual([
      ['Karim Nazarov', { ...prison(60), fine: '20,000 somoni' }],
      ['Dilnoza Saidova', { kind: 'restricted_freedom', months: 24, monthsMax: null, fine: null }],
    ]);
  });
});

describe('kin of a pair named together', () => {
  it('"The father ... received", "His son was jailed": the two named as "NAME and his son NAME2"', () => {
    const text =
      'Desmond Palmer, 63, and his son Marcus Palmer, 34, were found guilty in October of money laundering. ' +
      'The father, whom the judge described as "the directing mind" of the fraud, received six years. ' +
      'His son was jailed for four years and six months.';
    expect(records(text, '2024-02-16').map((r) => [r.name, r.sentence])).toEqual([
      ['Desmond Palmer', prison(72)],
      ['Marcus Palmer', prison(54)],
    ]);
  });

  it('... but a kin word with no pair named so is nobody\'s', () => {
    const text =
      'Desmond Palmer, 63, was found guilty in October of money laundering. ' +
      'His son was jailed for four years in 2019.';
    expect(records(text, '2024-02-16').map((r) => [r.name, r.sentence])).toEqual([['Desmond Palmer', null]]);
  });
});

describe('time served', () => {
  it('a sentence of time served takes the time on remand told for the same defendant', () => {
    const text =
      'Kit Harlow, 33, from Hackney, who was convicted of the same offence, had already spent 127 days on remand. ' +
      'The judge sentenced him to time served on Tuesday, meaning he was released from the dock.';
    expect(records(text, '2025-06-06')).toEqual([{ name: 'Kit Harlow', court: null, sentence: prison(4.2), verdictDate: '2025-06-03', status: 'convicted' }]);
  });

  it('... but time on remand does not change a term of its own (credit)', () => {
    const text =
      'Kit Harlow, 33, who was convicted of the same offence, had already spent 127 days on remand. ' +
      'The judge jailed him for 22 months on Tuesday.';
    expect(records(text, '2025-06-06')[0]!.sentence).toEqual(prison(22));
  });
});

describe('the headline', () => {
  it('a headline term is no group\'s: "leader gets life, nine co-defendants jailed" leaves the nine their own range', () => {
    const text =
      'Tajikistan: community leader gets life, nine co-defendants jailed in closed trial\n\n' +
      'The Supreme Court has sentenced Khudoyor Nazarov to life imprisonment on Tuesday. ' +
      'Nine other defendants in the same case, aged 24 to 61, were sentenced at the same hearing to between seven and 25 years in prison.';
    expect(records(text, '2024-12-06')).toEqual([
      { name: 'Khudoyor Nazarov', court: 'Supreme Court', sentence: { kind: 'life', months: null, monthsMax: null, fine: null }, verdictDate: '2024-12-03', status: 'convicted' },
      { name: null, court: 'Supreme Court', sentence: { kind: 'prison', months: 84, monthsMax: 300, fine: null }, verdictDate: '2024-12-03', status: 'convicted' },
    ]);
  });

  it('a headline term still waits for the defendant named in the body', () => {
    const text =
      'Border protest organiser jailed for 11 years, seven others get five to nine years\n\n' +
      'The district court on Monday jailed the organiser of the protest for 11 years, and gave seven other men terms of between five and nine years. ' +
      'Talant Mamatov, 45, was convicted of organising mass riots.';
    expect(records(text, '2024-05-08').find((r) => r.name === 'Talant Mamatov')!.sentence).toEqual(prison(132));
  });
});

describe('the court of a trial', () => {
  it('"after a trial in COURT" gives the court to the co-defendant convicted at that trial just before, not to an earlier case', () => {
    const text =
      'Ann Lee, 50, was sentenced in May to two years for theft. ' +
      'In a separate case, a federal jury on Thursday convicted Rafael A. Quintero, 63, of conspiracy. ' +
      'The jury found his manager, Luz M. Vargas, 48, of Hialeah, not guilty of conspiracy after a two-week trial in the U.S. District Court for the Southern District of Florida.';
    expect(records(text, '2023-10-20').map((r) => [r.name, r.court, r.status])).toEqual([
      ['Ann Lee', null, 'convicted'],
      ['Rafael A. Quintero', 'U.S. District Court for the Southern District of Florida', 'convicted'],
      ['Luz M. Vargas', 'U.S. District Court for the Southern District of Florida', 'acquitted'],
    ]);
  });
});

describe('groups told twice', () => {
  it('"The seven other men, aged 23 to 40, were found guilty of ..." is the group of seven sentenced before', () => {
    const text =
      'The district court on Monday jailed the organiser, Talant Asanov, 45, for 11 years and gave seven other men terms of between five and nine years. ' +
      'The seven other men, aged 23 to 40, were found guilty of participation in mass riots.';
    const got = extractVerdicts(text, { published: '2024-05-10' }).records.filter((r) => r.name === null);
    expect(got.map((r) => [r.count, r.ageRange, r.charges, r.sentence?.months, r.sentence?.monthsMax])).toEqual([[7, [23, 40], ['participation in mass riots'], 60, 108]]);
  });

  it('a group of another size is another group', () => {
    const text =
      'The court gave seven men terms of between five and nine years. ' +
      'The three women were each given two years.';
    const got = extractVerdicts(text, { published: '2024-05-10' }).records;
    expect(got.map((r) => [r.count, r.sentence?.months])).toEqual([[7, 60], [3, 24]]);
  });
});

describe('names joined into one subject', () => {
  it('"NAME, 31, and his brother, NAME, 34, ... were indicted": both are defendants', () => {
    const text = 'In a separate case, Aaron P. Rusk, 31, and his brother, Caleb J. Rusk, 34, both of Beckley, were indicted on Wednesday on charges of wire fraud.';
    expect(records(text, '2025-03-07').map((r) => [r.name, r.status])).toEqual([
      ['Aaron P. Rusk', 'charged_only'],
      ['Caleb J. Rusk', 'charged_only'],
    ]);
  });

  it('"NAME, 63, and his son NAME" (no comma) are one subject; "The father" / "His son" later are those two', () => {
    const text =
      'Desmond Rook, 63, and his son Marcus Rook, 34, both of Leigh, were found guilty in October of money laundering. ' +
      'The father, whom the judge called the directing mind of the scheme, received six years. ' +
      'His son was jailed for four years and six months.';
    expect(extractVerdicts(text, { published: '2023-12-15' }).records.map((r) => [r.name, r.charges, r.sentence?.months])).toEqual([
      ['Desmond Rook', ['money laundering'], 72],
      ['Marcus Rook', ['money laundering'], 54],
    ]);
  });

  it('"NAME\'s son, NAME, ..." ties them too: "The father" is the first', () => {
    const text =
      'Graham Pike was convicted of fraud. Pike\'s son, Connor Pike, 24, was convicted of theft. ' +
      'The father was jailed for three years.';
    expect(extractVerdicts(text, { published: '2023-12-15' }).records.map((r) => [r.name, r.sentence?.months ?? null])).toEqual([
      ['Graham Pike', 36],
      ['Connor Pike', null],
    ]);
  });

  it('a family noun with no defendant named with that tie is no one: no new person, not the last defendant', () => {
    const text = 'Mark Dane, 40, was convicted of fraud. His son was jailed for two years in 2019 for an unrelated assault.';
    expect(extractVerdicts(text, { published: '2025-03-07' }).records.map((r) => [r.name, r.sentence?.months ?? null])).toEqual([['Mark Dane', null]]);
  });

  it('a relative named as a speaker is not joined', () => {
    const text = 'Mark Dane, 40, was jailed for two years. His brother, Paul Dane, 44, said he would appeal.';
    expect(records(text, '2025-03-07').map((r) => r.name)).toEqual(['Mark Dane']);
  });
});

describe('charged defendants and the court of their trial', () => {
  it('"appeared at the magistrates\' court ... They were remanded and will next appear at the Crown Court": the Crown Court', () => {
    const text =
      "Rhys Llew, 27, of Ely, and Osian Pryd, 25, of Splott, appeared at Cardiff Magistrates' Court on Wednesday charged with attempted murder. " +
      'They were remanded in custody and will next appear at Cardiff Crown Court on 27 October.';
    expect(records(text, '2023-09-29').map((r) => [r.name, r.court, r.status])).toEqual([
      ['Rhys Llew', 'Cardiff Crown Court', 'charged_only'],
      ['Osian Pryd', 'Cardiff Crown Court', 'charged_only'],
    ]);
  });

  it('"has been charged ... He will next appear at COURT": the court of the trial; a convicted one keeps his own court', () => {
    const text =
      'Stacey Wren, 34, was jailed for 10 weeks at Liverpool Crown Court yesterday. ' +
      'Meanwhile Ryan Cart, 26, of Bootle, has been charged with violent disorder and remanded in custody. ' +
      'He will next appear at Chester Crown Court on 12 September.';
    expect(records(text, '2024-08-16').map((r) => [r.name, r.court, r.status])).toEqual([
      ['Stacey Wren', 'Liverpool Crown Court', 'convicted'],
      ['Ryan Cart', 'Chester Crown Court', 'charged_only'],
    ]);
  });

  it('a remand prisoner who died, named with a place, is no record; "He had been remanded" is not the place (negative)', () => {
    const text =
      'An inquest jury has found failures contributed to the death of a man at HMP Bristol. ' +
      'Callum Jeffo, from Knowle West, died in hospital on 14 August 2021. ' +
      'He had been remanded in custody four weeks earlier awaiting trial on a charge of burglary, which he denied.';
    expect(records(text, '2023-11-24')).toEqual([]);
  });
});

describe('a group in the headline and in the body', () => {
  it('the body\'s record of the same number, not the headline\'s', () => {
    const text =
      'Community leader gets life, nine co-defendants jailed in closed trial\n\n' +
      'The Supreme Court on Tuesday sentenced Tolib Ayombekov to life in prison. ' +
      'Nine other defendants in the same case, aged 24 to 61, were sentenced at the same hearing to between seven and 25 years in prison.';
    const got = extractVerdicts(text, { published: '2024-12-06' }).records.filter((r) => r.name === null);
    expect(got.map((r) => [r.count, r.ageRange, r.sentence?.months, r.sentence?.monthsMax])).toEqual([[9, [24, 61], 84, 300]]);
  });

  it('a first sentence with a full stop is body text: two groups of the same size stay two', () => {
    const text = 'Nine men were jailed for five years for rioting. Nine other men were acquitted of rioting.';
    const got = extractVerdicts(text, { published: '2024-12-06' }).records;
    expect(got.map((r) => [r.count, r.status])).toEqual([[9, 'convicted'], [9, 'acquitted']]);
  });
});

describe('an acquittal\'s date', () => {
  it('"The jury returned its verdicts in September" dates an acquittal known only by the case\'s sentencing date', () => {
    const text =
      'Graham Pike was sentenced on Wednesday to six years for fraud. ' +
      'His son, Connor Pike, 24, was cleared by the jury of fraud. The jury returned its verdicts in September.';
    expect(records(text, '2023-12-01').map((r) => [r.name, r.status, r.verdictDate])).toEqual([
      ['Graham Pike', 'convicted', '2023-11-29'],
      ['Connor Pike', 'acquitted', '2023-09'],
    ]);
  });
});

describe('a pronoun opening a sentence', () => {
  it('"She later admitted ..." is the person the sentence before opened with', () => {
    const text =
      'Connor Hale, 29, was jailed for six years. ' +
      'His passenger, Jade Ellis, 24, told police at the scene that a friend had been driving. ' +
      'She later admitted perverting the course of justice and received 10 months imprisonment, suspended for 18 months.';
    expect(extractVerdicts(text, { published: '2024-09-27' }).records.map((r) => [r.name, r.age, r.sentence?.kind, r.sentence?.months])).toEqual([
      ['Connor Hale', 29, 'prison', 72],
      ['Jade Ellis', 24, 'suspended', 10],
    ]);
  });

  it('but not a lawyer who opened the sentence before', () => {
    const text = 'Mark Dane, 40, was convicted of fraud. His lawyer, Paul Reed, 51, told reporters the verdict was wrong. He was jailed for two years.';
    expect(records(text, '2025-03-07').map((r) => [r.name, r.sentence?.months])).toEqual([['Mark Dane', 24]]);
  });
});

describe('a group awaiting a separate trial', () => {
  it('"A separate trial of six other activists is due to begin" is a charged_only group; "accused of X" gives its charge', () => {
    const text =
      'The jury acquitted Ann Lee, 26, of criminal damage on Thursday. ' +
      'A separate trial of six other activists is due to begin in January. ' +
      'A separate case against two women accused of financing mass riots is still being heard.';
    const got = extractVerdicts(text, { published: '2024-08-16' }).records.filter((r) => r.name === null);
    expect(got.map((r) => [r.count, r.charges, r.status, r.verdictDate])).toEqual([
      [6, [], 'charged_only', null],
      [2, ['financing mass riots'], 'charged_only', null],
    ]);
  });

  it('"... still being heard by the same court" gives the group the case\'s court', () => {
    const text =
      'The Pervomaisky district court on Monday jailed Talant Asanov, 45, for 11 years. ' +
      'A separate case against two women accused of financing mass riots is still being heard by the same court.';
    const got = extractVerdicts(text, { published: '2024-05-10' }).records.filter((r) => r.name === null);
    expect(got.map((r) => [r.count, r.court, r.status])).toEqual([[2, 'Pervomaisky district court', 'charged_only']]);
  });

  it('a number of people in a trial that is not separate is no group record', () => {
    const text = 'The trial of six activists ended with fines. Ann Lee, 26, was fined $500.';
    expect(extractVerdicts(text, { published: '2024-08-16' }).records.filter((r) => r.name === null)).toEqual([]);
  });
});

describe('administrative cases are not records', () => {
  it('a fine under the administrative code, or a fine in an article about such cases, is none', () => {
    const text =
      'Judges sentenced at least 39 people to administrative arrest for "violating the rules for public events." ' +
      'A pensioner, Lidia Orlova, 78, was fined 20,000 rubles. Five others were fined 69,000 tenge each under the Code of Administrative Offences.';
    expect(records(text)).toEqual([]);
  });

  it('but a criminal conviction told beside an earlier administrative fine is one', () => {
    const text =
      'Her friend Gleb Tarkov, 23, was convicted under Article 280.3 of the Criminal Code, having already been fined twice under the administrative code. ' +
      'The court fined him 300,000 rubles.';
    expect(records(text, '2023-11-03')).toEqual([
      { name: 'Gleb Tarkov', court: null, sentence: { kind: 'fine', months: null, monthsMax: null, fine: '300,000 rubles' }, verdictDate: null, status: 'convicted' },
    ]);
  });

  it('a fine for a quoted criminal offence is a verdict even in an article that mentions administrative fines; it dates the case', () => {
    const text =
      'A court on Monday ordered theatre director Yelena Petrova to pay a fine of 800,000 rubles for "justifying terrorism." ' +
      'The playwright, Anna Sokolova (38), received a suspended sentence of two years on the same charge. ' +
      'A supporter was later fined 15,000 rubles under the administrative code for an unauthorised picket.';
    expect(records(text, '2023-06-23')).toEqual([
      { name: 'Yelena Petrova', court: null, sentence: { kind: 'fine', months: null, monthsMax: null, fine: '800,000 rubles' }, verdictDate: '2023-06-19', status: 'convicted' },
      { name: 'Anna Sokolova', court: null, sentence: { kind: 'suspended', months: 24, monthsMax: null, fine: null }, verdictDate: '2023-06-19', status: 'convicted' },
    ]);
  });
});

describe('an outcome told before its defendant is introduced', () => {
  it('"A 34-year-old engineer has been jailed ..." gives its age to the defendant named next, not to a later one', () => {
    const text =
      'A 34-year-old engineer from Yekaterinburg has been jailed for 13 years for treason. ' +
      'Dmitry Sorokin was given a custodial sentence of 13 years by the regional court on Thursday. ' +
      'Last year the same court gave Kirill Lavrov a term of 12 years.';
    expect(extractVerdicts(text, { published: '2024-02-02' }).records.map((r) => [r.name, r.age])).toEqual([['Dmitry Sorokin', 34], ['Kirill Lavrov', null]]);
  });

  it('a date in a relative clause of the appositive is the life story, not the outcome', () => {
    const text =
      'A court this month sentenced in absentia a former banker to 10 years in prison. ' +
      'Daulet Omarov, a 39-year-old who left Kazakhstan in 2021, was found guilty of fraud. ' +
      'His adviser, Aigerim Nurova, 47, was acquitted of abuse of office.';
    expect(records(text, '2023-11-24').map((r) => [r.name, r.verdictDate, r.status])).toEqual([
      ['Daulet Omarov', '2023-11', 'convicted'],
      ['Aigerim Nurova', '2023-11', 'acquitted'],
    ]);
  });

  it('a sentence opening with a full name and an age names the defendant; the offences after "guilty of" go with the term', () => {
    const text =
      'A former oil trader was handed seven years in a general-regime colony on Tuesday after a court found him guilty of embezzlement. ' +
      'Erlan T. Omarov, aged 52, ran the trading arm of a state company.';
    expect(extractVerdicts(text, { published: '2024-03-15' }).records.map((r) => [r.name, r.age, r.charges, r.sentence?.months, r.verdictDate, r.status])).toEqual([
      ['Erlan T. Omarov', 52, ['embezzlement'], 84, '2024-03-12', 'convicted'],
    ]);
  });

  it('a lawyer or a victim introduced so is not the defendant', () => {
    const text =
      'A former oil trader was handed seven years on Tuesday. ' +
      'Gulnar Sadykova, 61, his lawyer, said they would appeal.';
    expect(records(text, '2024-03-15')).toEqual([]);
  });
});

describe('groups and handed terms', () => {
  it('a term handed "to" an unnamed person is not the next group\'s; a definite group of the same size is the same group', () => {
    const text =
      'A district court on Tuesday handed a one-year prison sentence to a former clerk, and jailed four members of the ring. ' +
      'Her four accomplices received jail terms of two to five years.';
    expect(records(text, '2024-05-01')).toEqual([
      { name: null, court: 'district court', sentence: { kind: 'prison', months: 24, monthsMax: 60, fine: null }, verdictDate: '2024-04-30', status: 'convicted' },
    ]);
  });

  it('a term handed to someone described goes to the one named later after "The <same noun>,"', () => {
    const text =
      'A district court on Tuesday handed a two-year prison sentence to a former bank clerk who opened accounts for fraudsters, and jailed four members of the ring. ' +
      'The clerk, Dana Serikova, is 30 years old. She was found guilty of "complicity in fraud."';
    expect(records(text, '2024-05-01')[0]).toEqual({ name: 'Dana Serikova', court: 'district court', sentence: prison(24), verdictDate: '2024-04-30', status: 'convicted' });
  });

  it('... but not to someone named after another noun', () => {
    const text =
      'A district court on Tuesday handed a two-year prison sentence to a former bank clerk who opened accounts for fraudsters, and jailed four members of the ring. ' +
      'The courier, Dana Serikova, is 30 years old. She was found guilty of "complicity in fraud."';
    expect(records(text, '2024-05-01')[0]).toMatchObject({ name: 'Dana Serikova', sentence: null, status: 'convicted' });
  });

  it('"sentences of one year and nine months" is one term, not a range', () => {
    expect(records('The other 10 defendants each received sentences of one year and nine months.')[0]!.sentence).toEqual(prison(21));
  });
});

describe('unnamed groups told twice', () => {
  const groups = (text: string, published = '2024-12-05') =>
    extractVerdicts(text, { published }).records.filter((r) => r.name === null).map((r) => ({ count: r.count, ageRange: r.ageRange, status: r.status }));

  it('"N co-defendants" and "N other defendants" in the same case are one set', () => {
    const text =
      'Community leader gets life, nine co-defendants jailed in closed trial\n\n' +
      'The Supreme Court on Tuesday sentenced Ivan Petrov, 57, to life imprisonment. ' +
      'Nine other defendants in the same case, aged 24 to 61, were sentenced at the same hearing to between seven and 25 years in prison.';
    expect(groups(text)).toEqual([{ count: 9, ageRange: [24, 61], status: 'convicted' }]);
  });

  it('groups of the same size with other nouns stay apart', () => {
    const text = 'The court on Tuesday jailed three men for five years for fraud. Three other women were acquitted of the same charge.';
    expect(groups(text).map((g) => g.count)).toEqual([3, 3]);
  });

  it('a group awaiting trial, then its ages in "The six, aged A to B"', () => {
    const text =
      'Six members of a reading group arrested in Ufa in the spring remain in pre-trial detention awaiting trial on charges of "organising a terrorist community." ' +
      'The six, aged 21 to 48, deny the accusations.';
    expect(groups(text)).toEqual([{ count: 6, ageRange: [21, 48], status: 'charged_only' }]);
  });
});
