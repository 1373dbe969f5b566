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

  it('a relative named as a speaker is not joined', () => {
    const text = 'Mark Dane, 40, was jailed for two years. His brother, Paul Dane, 44, said he would appeal.';
    expect(records(text, '2025-03-07').map((r) => r.name)).toEqual(['Mark Dane']);
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
