import { describe, expect, it } from 'vitest';
import { findCharges, findGroupCharges, sameChargesRe } from '../../../src/extract/rules/charges.ts';
import { extractVerdicts } from '../../../src/extract/index.ts';

const texts = (s: string): string[] => findCharges(s).map((c) => c.text);

const table: Array<[string, string[]]> = [
  [
    'One of the defendants, Akzhol Zhandarbekov, was found guilty of “participation in mass riots,” “invasion of a building,” “use of violence against a government official,” and “taking a serviceman hostage.”',
    ['participation in mass riots', 'invasion of a building', 'use of violence against a government official', 'taking a serviceman hostage'],
  ],
  ['received a 17-year sentence for “participation in mass riots” and “attack on the life of a military serviceman.”', ['participation in mass riots', 'attack on the life of a military serviceman']],
  ['He was convicted of four counts of bribery.', ['bribery']],
  ['She pleaded guilty in November to aiding and assisting in the preparation of false returns.', ['aiding and assisting in the preparation of false returns']],
  ['pleaded guilty to a misdemeanor count of willful failure to file a tax return.', ['willful failure to file a tax return']],
  ['was convicted by a jury in March of wire fraud, aggravated identity theft and making false statements to a federal agency.', ['wire fraud', 'aggravated identity theft', 'making false statements to a federal agency']],
  ['was sentenced to 108 months in prison for possession of a firearm by a convicted felon.', ['possession of a firearm by a convicted felon']],
  ['was sentenced in 2023 to nine years for spreading "fakes" about the army.', ['spreading fakes about the army']],
  ['had been charged with the "attempted murder of a law enforcement officer" after a scuffle', ['attempted murder of a law enforcement officer']],
  ['pleaded guilty to carjacking and to being an accessory after the fact and testified', ['carjacking', 'being an accessory after the fact']],
  ['was acquitted of treason in 2021 after a rare jury trial', ['treason']],
  ['was convicted under Part 2 of Article 272 of the Criminal Code.', ['Article 272']],
  ['was convicted of spreading knowingly false information (Article 207.3).', ['spreading knowingly false information']],
  ['Beasley admitted flying drugs into HMP Lowdham Grange.', ['flying drugs into HMP Lowdham Grange']],
  ['was jailed for nine years and four months at Bolton Crown Court on Friday after pleading guilty to conspiracy to supply Class A drugs and money laundering.', ['conspiracy to supply Class A drugs', 'money laundering']],
  ['was jailed for 18 weeks after admitting dangerous driving, driving without insurance and handling stolen goods.', ['dangerous driving', 'driving without insurance', 'handling stolen goods']],
  ['who admitted allowing himself to be carried in a stolen vehicle, was given a 12-month community order with 150 hours of unpaid work.', ['allowing himself to be carried in a stolen vehicle']],
  ['was given a community order with 120 hours of unpaid work for affray.', ['affray']],
  ['was given 10 months for assault occasioning actual bodily harm and a further three months for breaching the restraining order, to run consecutively, when he appeared', ['assault occasioning actual bodily harm', 'breaching the restraining order']],
  ['was found guilty by a jury at York Crown Court of 12 counts of indecent assault on a male and two counts of indecency with a child, committed between 1979 and 1991.', ['indecent assault on a male', 'indecency with a child']],
  ['the Kyzylorda city court on November 22 acquitted Marlen Dauletov, 27, of participation in mass riots, ruling that', ['participation in mass riots']],
  ['was convicted of the murder of Mehmet Ali Yilmaz, 38, following a three-week trial', ['murder']],
  ['was sentenced to 70 months for possessing a machine gun conversion device, commonly known as a "switch," and for making a false statement during the purchase of a firearm.', ['possessing a machine gun conversion device', 'making a false statement during the purchase of a firearm']],
  ['was sentenced to time served for illegal reentry after deportation and possession of a firearm by an alien unlawfully present in the United States.', ['illegal reentry after deportation', 'possession of a firearm by an alien unlawfully present in the United States']],
  ['was sentenced to 60 months on the health care fraud counts and a consecutive 24 months for aggravated identity theft.', ['health care fraud', 'aggravated identity theft']],
  ['has fined him 150 million soums for accepting a bribe in exchange for allocating land plots', ['accepting a bribe']],
  ['received a term of three years in a colony-settlement and a fine of 2 million tenge for negligence.', ['negligence']],
  ['the court gave him a term of 12.5 years on a treason charge.', ['treason']],
  // which charge, not what offence; a quotation's closing mark ends a phrase ("..., she said" is no offence)
  ['He was later jailed on a separate charge.', []],
  ['"He was handed a sentence for other people\'s decisions," she said.', []],
  ['"He was jailed for five years for fraud," she said.', ['fraud']],
  ['was convicted of "insulting the president" under Article 158 of the Criminal Code, as well as "extortion" and "fraud."', ['insulting the president', 'extortion', 'fraud']],
  ['was found guilty under Part 3 of Article 282.1 of the Criminal Code and of "financing extremist activities" in connection with', ['Article 282.1', 'financing extremist activities']],
  ['was found guilty of the same offence and of possession of an offensive weapon in a public place.', ['possession of an offensive weapon in a public place']],
  ['sentenced her to two years of "freedom limitation," a parole-like sentence, for spreading knowingly false information.', ['spreading knowingly false information']],
  ['was found guilty of "calls for separatism" and was also convicted under Part 1 of Article 282.1 of the Criminal Code.', ['calls for separatism', 'Article 282.1']],
  ['was convicted of spreading false information under Part 2 of Article 274.', ['spreading false information']],
  ['He pleaded guilty to four offences of making indecent images of children.', ['making indecent images of children']],
  ['was sentenced to 18 months for possession of cocaine with intent to supply, police said.', ['possession of cocaine with intent to supply']],
  ['Convicted of fraud, sentenced to four years', ['fraud']],
  // a date or the court between a term and its "for"; a consecutive term's own "for"
  ['was jailed for 22 months on Tuesday for conspiracy to cause a public nuisance.', ['conspiracy to cause a public nuisance']],
  ['was given a 12-month youth referral order at the same court yesterday for affray, after he kicked a police van.', ['affray']],
  ['was jailed for three years for violent disorder and a further four months, to run consecutively, for assaulting an emergency worker.', ['violent disorder', 'assaulting an emergency worker']],
  // non-custodial kinds and fines in figures
  ['had received two years of restricted freedom for failing to report a crime.', ['failing to report a crime']],
  ['was fined £1,500 for obstructing an airport employee and ordered to pay £500 towards prosecution costs.', ['obstructing an airport employee']],
  // words between the verdict and "of", "to"
  ['was convicted by a jury at Snaresbrook Crown Court in January of conspiracy to commit burglary and handling stolen goods.', ['conspiracy to commit burglary', 'handling stolen goods']],
  ['previously pleaded guilty before U.S. District Judge Nadia M. Castellano to one count of tax evasion and one count of filing a false tax return.', ['tax evasion', 'filing a false tax return']],
  // who is charged, between "charged" and "with"
  ['an indictment unsealed Thursday charges JOHN PAUL HARTLEY, 35, of Windsor, Ontario, and MARK LEE PELL, 29, of Detroit, with conspiracy to smuggle goods from the United States and trafficking in firearms.', ['conspiracy to smuggle goods from the United States', 'trafficking in firearms']],
  ['Investigators have charged a local environmental activist with vandalism motivated by political hatred over anti-war graffiti.', ['vandalism motivated by political hatred']],
  ['faces separate charges of abuse of power and is awaiting trial in the same court.', ['abuse of power']],
  ['has been charged with violent disorder and remanded in custody.', ['violent disorder']],
  // "both ... and", one offence dealing in two goods, a statutory "in connection with", a long list
  ['was acquitted of both murder and manslaughter by the jury in July.', ['murder', 'manslaughter']],
  ['convicted of conspiracy to make false statements in connection with the acquisition of firearms and dealing in firearms without a license; and', ['conspiracy to make false statements in connection with the acquisition of firearms', 'dealing in firearms without a license']],
  [
    'was convicted at trial in June on charges of conspiracy to distribute methamphetamine and fentanyl, possession with intent to distribute methamphetamine, money laundering conspiracy, and possession of a firearm in furtherance of a drug trafficking crime.',
    ['conspiracy to distribute methamphetamine and fentanyl', 'possession with intent to distribute methamphetamine', 'money laundering conspiracy', 'possession of a firearm in furtherance of a drug trafficking crime'],
  ],
  ['pleaded guilty to possession of heroin and burglary.', ['possession of heroin', 'burglary']],
  ['was convicted of murder in connection with the death of a teenager.', ['murder']],
  ['He faces charges of fraud in another case.', ['fraud']],
  ['was sentenced on Monday to six years for robbery in an unrelated case.', ['robbery']],
  // "over" ends an offence ("... over anti-war graffiti") but not "taking over"
  ['was convicted of taking over a government building in 2022.', ['taking over a government building']],
  // "on charges of" is no date between a term and its "for"
  ['sentenced John Hartley to six years in prison on charges of calling for mass riots.', ['calling for mass riots']],
  // an acquittal by the jury, judge or court: "cleared by the jury of"
  ['was cleared by the jury of fraud by false representation after telling the court he had believed the scheme was genuine.', ['fraud by false representation']],
  ['was acquitted by a judge of dangerous driving.', ['dangerous driving']],
  ['was cleared by the Court of Appeal of murder in 2019.', ['murder']],
  // not charges
  ['He was cleared by the Court of Appeal of Scotland in 2019.', []],
  ['He was cleared by police of any involvement in the attack.', []],
  ['was fined £500 and ordered to pay £200 for the damage.', []],
  ['police charged the man with a knife.', []],
  ['He campaigned for press freedom for years.', []],
  ['He had received two years of restricted freedom for his role in the protests.', []],
  ['was jailed for six years on Tuesday for the first time.', []],
  ['when he was arrested for 15 days for taking part in an unsanctioned rally', []],
  ['Under cross-examination, the witness admitted that he had never attended one.', []],
  ['He was jailed after admitting he had lied to police.', []],
  ['He paid 2 million tenge for a flat in Almaty.', []],
  ['He was given 200 hours of unpaid work for the community.', []],
  ['He was convicted on the remaining counts.', []],
  ['Orazbayev was accused of overturning a police car.', []],
  ['He is accused of murder.', ['murder']],
  ['In a separate case, a 19-year-old was jailed for 12 years for a stabbing outside a bar.', []],
  ['He was jailed for three years for fraud and for the next two years he will be banned from driving.', ['fraud']],
  ['sentenced him to death for the 2021 carjacking', []],
  ['was jailed for 11 years for the same offences.', []],
  ['Garside pleaded guilty to both offences at an earlier hearing.', []],
  ['According to investigators, he “deliberately hit police officers with a car” during the riots.', []],
  ['He admitted his guilt and apologised on camera.', []],
  ['Officials initially spoke of “20,000 terrorists” attacking Almaty.', []],
];

describe('findCharges', () => {
  it.each(table)('%s', (text, expected) => {
    expect(texts(text)).toEqual(expected);
  });

  it('marks a sentence\'s "for" as weak and a conviction as formal', () => {
    const [weak] = findCharges('was sentenced to life imprisonment for the bombing of a shopping centre');
    const [formal] = findCharges('was found guilty of an "act of terrorism resulting in death"');
    expect([weak?.text, weak?.weak]).toEqual(['bombing of a shopping centre', true]);
    expect([formal?.text, formal?.weak]).toEqual(['act of terrorism resulting in death', false]);
  });

  it('marks "also convicted of" as an added offence, "faces charges" and a group\'s description as weak', () => {
    expect(findCharges('He was also convicted of possession of a bladed article.').map((c) => [c.text, c.also, c.weak])).toEqual([['possession of a bladed article', true, false]]);
    expect(findCharges('He was convicted of possession of a bladed article.').map((c) => c.also ?? false)).toEqual([false]);
    expect(findCharges('faces separate charges of abuse of power').map((c) => c.weak)).toEqual([true]);
    expect(findCharges('John Hartley, one of the teenagers from the town convicted of plotting to blow up a building').map((c) => [c.text, c.weak])).toEqual([['plotting to blow up a building', true]]);
    expect(findCharges('John Hartley, 19, was convicted of plotting to blow up a building').map((c) => c.weak)).toEqual([false]);
  });

  it('marks the offences of an acquittal next to a conviction', () => {
    const found = findCharges('was cleared of murder but convicted of manslaughter');
    expect(found.map((c) => [c.text, c.cleared])).toEqual([['murder', true], ['manslaughter', false]]);
  });

  it('gives "the conspiracy charge" as a reference to an offence named before', () => {
    expect(findCharges('admitted the conspiracy charge and was sentenced').map((c) => c.ref)).toEqual(['conspiracy']);
  });

  it('finds the charges stated for a numbered set of defendants', () => {
    const shared = (t: string): string[] | null => findGroupCharges(t)?.charges.map((c) => c.text) ?? null;
    expect(shared('Two former subordinates were also convicted of smuggling committed by an organised group.')).toEqual(['smuggling committed by an organised group']);
    // what follows ";" is about a subset
    expect(shared('All 27 were charged with “preparing to organise mass riots”; five of them also faced a charge of “calls for the violent seizure of power.”')).toEqual(['preparing to organise mass riots']);
    const accomplices = findGroupCharges('Her four accomplices, whose names were not released, received jail terms of two to five years for "fraud on a large scale."');
    expect([accomplices?.count, accomplices?.charges.map((c) => c.text)]).toEqual([4, ['fraud on a large scale']]);
    const all27 = findGroupCharges('All 27 were charged with “preparing to organise mass riots”; five of them also faced a charge of “calls for the violent seizure of power.”');
    expect([all27?.count, all27?.all.map((c) => c.text)]).toEqual([27, ['preparing to organise mass riots', 'calls for the violent seizure of power']]);
    // a subject referring back to the defendants just named, or a new set
    expect(findGroupCharges('Both had been found guilty of "participation in mass riots."')?.backRef).toBe(true);
    expect(findGroupCharges('The two men were convicted of "hooliganism."')?.backRef).toBe(true);
    expect(findGroupCharges('Both his accomplices were convicted of theft.')?.backRef).toBe(false);
    expect(findGroupCharges('Two former subordinates were also convicted of smuggling.')?.backRef).toBe(false);
    // not a numbered set; a total with no charge
    expect(shared('His lawyer was convicted of contempt of court.')).toBeNull();
    expect(shared('Almost 1,400 people have been convicted since January.')).toBeNull();
  });

  it('recognises "under the same articles"', () => {
    expect('Under the same articles, a court sentenced'.match(sameChargesRe)).not.toBeNull();
  });
});

// charges across sentences and defendants (verdict.ts: addCharges, copyCharges, shareGroupCharges)
describe('charges in an article', () => {
  const charges = (text: string): Array<[string | null, string[]]> =>
    extractVerdicts(text, { published: '2024-05-01' }).records.map((r) => [r.name, r.charges]);

  it.each<[string, Array<[string | null, string[]]>]>([
    // a member named after a numbered set shares its charges
    ['Two former clerks were also convicted of forgery. John Hartley, 44, who ran the office, received eight years.', [['John Hartley', ['forgery']]]],
    // "on the same charge" after a sentence about unnamed defendants
    [
      'Her three accomplices, whose names were not released, received jail terms of two to five years for "fraud on an especially large scale." Police said the ring used rented flats. The group\'s leader, John Hartley, was sentenced separately last year to seven years on the same charge.',
      // (the three accomplices, with their range of terms, are a group record of their own)
      [[null, ['fraud on an especially large scale']], ['John Hartley', ['fraud on an especially large scale']]],
    ],
    // the act after a sentence's "for" gives way to the offence of conviction
    [
      'A court sentenced John Hartley, 30, to life imprisonment for the bombing of a shopping centre. Hartley was found guilty of an "act of terrorism resulting in death."',
      [['John Hartley', ['act of terrorism resulting in death']]],
    ],
    // "the same offence" first: its charges come first
    [
      'The youth, who cannot be named, was convicted of wounding with intent. John Hartley, 19, was jailed after being found guilty of the same offence and of possession of an offensive weapon.',
      [['John Hartley', ['wounding with intent', 'possession of an offensive weapon']]],
    ],
    // a group told before takes the charges stated for a set of its size
    [
      'A district court on Tuesday handed a one-year prison sentence to a former clerk, and jailed four members of the ring. Her four accomplices, whose names were not released, received jail terms between two to five years for "fraud on a large scale."',
      [[null, ['fraud on a large scale']]],
    ],
    // a smaller group is part of a larger set
    [
      'A court on Friday sentenced the other 10 defendants to between two and five years in prison. The defendants had been arrested in October. All 12 were charged with “hooliganism”; two of them also faced a charge of “robbery.”',
      [[null, ['hooliganism']]],
    ],
    // "on both counts": the counts stated for the set
    [
      'All 27 were charged with “preparing to organise mass riots”; five of them also faced a charge of “calls for the violent seizure of power.” The other five defendants were found guilty on both counts and were each given three years of probation.',
      [[null, ['preparing to organise mass riots', 'calls for the violent seizure of power']]],
    ],
    // a witness's admission is no charge
    ['John Hartley, 30, was jailed for six years for fraud. A witness, Mark Pell, admitted that he had never met him.', [['John Hartley', ['fraud']]]],
    // the offence of a term told before the name, when the named defendant's own sentence tells that term again
    [
      'A 34-year-old engineer has been jailed for 13 years for treason after transferring money abroad. John Hartley was given a custodial sentence of 13 years by the regional court on Thursday.',
      [['John Hartley', ['treason']]],
    ],
    // an unnamed person charged, then named; not someone named with an outcome of his own
    ['Investigators have charged a local activist with vandalism over anti-war graffiti. John Hartley, 27, was charged on Wednesday and placed under house arrest.', [['John Hartley', ['vandalism']]]],
    ['Police have charged a local man with burglary. John Hartley, 27, was sentenced on Wednesday to two years for fraud.', [['John Hartley', ['fraud']]]],
    // "also convicted of" adds an offence; a later accusation does not
    ['John Hartley, 23, was found guilty of murder. He was also convicted of possession of a bladed article.', [['John Hartley', ['murder', 'possession of a bladed article']]]],
    ['John Hartley, 23, was found guilty of murder. He was accused of stabbing the victim.', [['John Hartley', ['murder']]]],
    ['John Hartley, 40, was convicted of fraud on Monday. The court heard he also admitted lying to his employer.', [['John Hartley', ['fraud']]]],
    // a quoted article name replaces what a group was said to be convicted of; not an offence of conviction named plainly
    [
      'The court cut the term of John Hartley, one of the students from the town convicted of plotting to blow up a building. Hartley had been sentenced to six years for “undergoing training for terrorist activity.”',
      [['John Hartley', ['undergoing training for terrorist activity']]],
    ],
    ['John Hartley was convicted of fraud. He was sentenced to six years for “fraud on a large scale.”', [['John Hartley', ['fraud']]]],
    // "the other seven": the rest, not the defendant named after them
    [
      'The other seven defendants were sentenced to between three and six years for "participation in a plot." The court acquitted one defendant, John Hartley, 36, of all charges.',
      [[null, ['participation in a plot']], ['John Hartley', []]],
    ],
    // "Both had been found guilty of X": the defendants named just before (even when one of them was missed)
    [
      'The judges cut the sentence of John Hartley, 37, a schoolteacher, from ten years to seven. Both had been found guilty of “participation in mass riots.”',
      [['John Hartley', ['participation in mass riots']]],
    ],
    ['John Hartley, 40, was jailed for five years. Both his accomplices were convicted of theft.', [['John Hartley', []]]],
    // "NAME, 63, and his son NAME, 34, were found guilty of": both
    [
      'John Hartley, 63, and his son Mark Hartley, 34, both of Brentwood, were found guilty in October of conspiracy to cheat the public revenue and money laundering.',
      [['John Hartley', ['conspiracy to cheat the public revenue', 'money laundering']], ['Mark Hartley', ['conspiracy to cheat the public revenue', 'money laundering']]],
    ],
  ])('%s', (text, expected) => {
    expect(charges(text)).toEqual(expected);
  });
});
