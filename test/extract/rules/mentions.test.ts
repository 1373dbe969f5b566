import { describe, expect, it } from 'vitest';
import { extractVerdicts } from '../../../src/extract/index.ts';

const names = (text: string): Array<string | null> => extractVerdicts(text, { published: '2024-05-10' }).records.map((r) => r.name);

// Who the records are, across the list shapes of verdict news (collectMentions in verdict.ts).
const table: Array<[string, Array<string | null>]> = [
  [
    'The defendants, Artem Gennadyevich Zhukovsky, 45, a Russian national residing in Queens; Nargiza Tashmatova, 37, a citizen of Uzbekistan; and Tamerlan Aliyev, 52, a national residing in Istanbul, are charged with smuggling.',
    ['Artem Gennadyevich Zhukovsky', 'Nargiza Tashmatova', 'Tamerlan Aliyev'],
  ],
  [
    'The associates — Dakota Lee Brannigan, 31, of Sapulpa; Marisol Yáñez, 38, of Tulsa; and Terrell Washington Greer, 27, of Owasso — each pleaded guilty to drug conspiracy.',
    ['Dakota Lee Brannigan', 'Marisol Yáñez', 'Terrell Washington Greer'],
  ],
  ['Four of them — Sherzod Nematov, Bahodir Qosimov, Akmal Rustamov and Ulugbek Valiyev — got three years each.', ['Sherzod Nematov', 'Bahodir Qosimov', 'Akmal Rustamov', 'Ulugbek Valiyev']],
  ["Rhys Llewellyn-Davies, 27, of Ely, and Osian Prydderch, 25, of Splott, appeared at Cardiff Magistrates' Court on Wednesday.", ['Rhys Llewellyn-Davies', 'Osian Prydderch']],
  ['A fifth defendant, Aaliyah Brennan, 20, of Wigan, who admitted possession of drugs, was given two years imprisonment.', ['Aaliyah Brennan']],
  // a name inside another's relative clause is not the subject of the main verb
  ['A co-defendant, Kayleigh Marie Strand, 23, who delivered pills for Ahmad Nasser, pleaded guilty in July.', ['Kayleigh Marie Strand']],
  // a charging document's present tense; a name joined after the object is an object too (a town and state between)
  [
    'In a related case, an indictment unsealed Thursday in the U.S. District Court for the Eastern District of Michigan charges RAYMOND ELIJAH COLT, 35, of Windsor, Ontario, and TERRELL ANTWAN BROOK, 29, of Detroit, with trafficking in firearms.',
    ['RAYMOND ELIJAH COLT', 'TERRELL ANTWAN BROOK'],
  ],
  ['The judge sentenced Mark Dane, 40, and Paul Reed, 44, to two years each.', ['Mark Dane', 'Paul Reed']],
  // "charges" as a noun; a lawyer after the object
  ['Mark Dane denied the charges John Smith brought with his complaint, and was acquitted.', ['Mark Dane']],
  ['The court sentenced Mark Dane, 40, and his lawyer, Paul Reed, said he would appeal.', ['Mark Dane']],
  // a semicolon between two sentences' worth of facts is not a list of one subject
  ['Ivan Petrov, 31, was jailed for five years; Oleg Sidorov, 40, received three years.', ['Ivan Petrov', 'Oleg Sidorov']],
];

describe('defendant mentions', () => {
  it.each(table)('%s', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it('reads a pronoun as the defendant named just before it in the same sentence', () => {
    const text = 'Maxim Belousov was jailed for six years on Monday. The court rejected the appeal of his friend Timofei Ryabov, 22, and upheld his sentence of three years and six months.';
    const r = extractVerdicts(text, { published: '2024-05-10' }).records;
    expect(r.map((x) => [x.name, x.sentence?.months])).toEqual([['Maxim Belousov', 72], ['Timofei Ryabov', 42]]);
  });

  it('makes a record of a defendant given by age alone, and names it from the next sentence', () => {
    const run = (text: string) => extractVerdicts(text, { published: '2024-05-10' }).records.map((r) => [r.name, r.count, r.age, r.sentence?.months ?? null]);
    expect(run('In a separate case last month, a 19-year-old was jailed for 12 years for a stabbing.')).toEqual([[null, 1, 19, 144]]);
    expect(run('A court in Almaty has sentenced a 35-year-old man to 20 years. Ilyas Toktarov was found guilty on Tuesday of murder.')).toEqual([['Ilyas Toktarov', 1, 35, 240]]);
    // "who cannot be named": the next name is someone else
    expect(run('A 17-year-old boy has been sentenced to four years. The youth, who cannot be named, was convicted of wounding. Jordan Mace was sentenced to six years.')).toEqual([
      [null, 1, 17, 48],
      ['Jordan Mace', 1, null, 72],
    ]);
    // a victim's age is no defendant
    expect(run('He was jailed for the killing of a 20-year-old conscript. A 24-year-old man was stabbed.')).toEqual([]);
    // "NAME, a 39-year-old nurse, who was given five years": the age is the name's
    expect(run('Among them was Gulnora Abdimuratova, a 39-year-old nurse, who was given five years.')).toEqual([['Gulnora Abdimuratova', 1, 39, 60]]);
  });

  it('gives members named after their group the outcome the article states for the group', () => {
    const run = (text: string) =>
      extractVerdicts(text, { published: '2024-05-10' }).records.map((r) => [r.name, r.count, r.status, r.sentence?.months ?? null, r.charges]);
    expect(run('The city court on Tuesday convicted 14 local residents of "hooliganism." They were all handed five years. Among them was Marat Yerzhanov, 29, an electrician.')).toEqual([
      [null, 14, 'convicted', 60, ['hooliganism']],
      ['Marat Yerzhanov', 1, 'convicted', 60, ['hooliganism']],
    ]);
    // "The N — A, B, C and D —" names the whole group: the group is its members
    expect(run('Four activists who broke windows have been cleared of "criminal damage," while a fifth was convicted. The four — Niamh Ó Súilleabháin, 26, Zara Ahmadi-Walsh, 31, Ben Harcourt, 24, and Farida Mansour, 29 — had argued a lawful excuse.').map((r) => [r[0], r[2]])).toEqual([
      ['Niamh Ó Súilleabháin', 'acquitted'],
      ['Zara Ahmadi-Walsh', 'acquitted'],
      ['Ben Harcourt', 'acquitted'],
      ['Farida Mansour', 'acquitted'],
    ]);
    // "the longest term went to": the top of the group's range
    expect(run('The court sentenced 45 people to between 18 months and 20 years in prison. The longest term went to Serik Baimukhanov, 52, a former police major.').map((r) => [r[0], r[3]])).toEqual([
      [null, 18],
      ['Serik Baimukhanov', 240],
    ]);
    // "the shortest sentence, two years, was given to", "the harshest punishment was handed to": a member, also
    // sentences after the group (its charges and the bottom or top of its range); a requested term is no such cue
    const pre = 'The city court on Tuesday sentenced 12 local residents to between two and six years for "hooliganism." The trial lasted four months. Relatives waited outside. The building was guarded by police. Reporters were not allowed in. The defence will appeal. ';
    expect(run(pre + 'The shortest sentence, two years, was given to 20-year-old Marat Yerzhanov, a student.')[1]).toEqual(['Marat Yerzhanov', 1, 'convicted', 24, ['hooliganism']]);
    expect(run(pre + 'The harshest punishment was handed to Marat Yerzhanov, 41.')[1]).toEqual(['Marat Yerzhanov', 1, 'convicted', 72, ['hooliganism']]);
    expect(run(pre + 'The shortest sentence, two years, was requested for Marat Yerzhanov, 41, by his lawyer.').map((r) => r[0])).toEqual([null]);
    // no group just reported: a name after "among them" is not made a defendant by the cue alone
    expect(run('Relatives gathered outside. Among them was Zhamilya Yerzhanova, who travelled from Astana.')).toEqual([]);
  });

  it('keeps a stated set of defendants with no term, not any number of people', () => {
    const run = (text: string) => extractVerdicts(text, { published: '2024-05-10' }).records.map((r) => [r.name, r.count, r.status]);
    expect(run('Twelve other defendants charged in the investigation have pleaded guilty and are awaiting sentencing.')).toEqual([[null, 12, 'convicted']]);
    expect(run('He had been arrested in 2019 in a series of raids in which 14 people were detained.')).toEqual([]);
  });

  it('drops a total that the article splits into named defendants and "the other N"', () => {
    const text = 'The regional court on Tuesday sentenced 22 people, handing the longest term, 16 years, to the journalist Polat Seytmuratov. Seytmuratov, 45, was found guilty of treason. The other 21 defendants received sentences ranging from three to eight years in prison.';
    const r = extractVerdicts(text, { published: '2024-05-10' }).records;
    expect(r.map((x) => [x.name, x.count])).toEqual([['Polat Seytmuratov', 1], [null, 21]]);
  });

  it('makes no record of an administrative fine', () => {
    const run = (text: string) => extractVerdicts(text, { published: '2024-05-10' }).records.map((r) => [r.name, r.count]);
    expect(run('Activists were arrested for 15 days. Five others were fined 69,000 tenge each under the Code of Administrative Offences.')).toEqual([]);
    expect(run('Judges sentenced at least 39 people to administrative arrest. A pensioner, Lidia Gorbunova, 78, was fined 20,000 rubles.')).toEqual([]);
    // a criminal fine beside an earlier administrative one is a record
    expect(run('Gleb Tarasov, 23, was convicted under Article 280.3 of the Criminal Code, having already been fined under the administrative code. The court fined him 300,000 rubles.')).toEqual([['Gleb Tarasov', 1]]);
  });

  it('reads "She" as the person named in the sentence before when no defendant is named yet', () => {
    const run = (text: string) => extractVerdicts(text, { published: '2024-05-10' }).records.map((r) => [r.name, r.age]);
    expect(run('The clerk, Aruzhan Kuanyshova — whose surname also appears as Kuanysheva — is 26 years old. She was found guilty of "fraud."')).toEqual([['Aruzhan Kuanyshova', 26]]);
    // a defendant named before keeps the pronoun
    expect(run('Ivan Petrov was jailed for five years. Police named Anna Smirnova as the organiser. He was also fined.')).toEqual([['Ivan Petrov', null]]);
    // a lawyer is never remembered as a possible defendant
    expect(run('Defence lawyer Zamira Kadyrbekova spoke outside. She was found guilty of nothing, she said.')).toEqual([]);
  });

  it('keeps the facts of each item of a semicolon-separated pair apart', () => {
    const r = extractVerdicts('Ivan Petrov, 31, was jailed for five years; Oleg Sidorov, 40, received three years.', { published: '2024-05-10' }).records;
    expect(r.map((x) => x.sentence?.months)).toEqual([60, 36]);
  });
});
