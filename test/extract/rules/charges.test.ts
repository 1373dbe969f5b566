import { describe, expect, it } from 'vitest';
import { findCharges, sameChargesRe } from '../../../src/extract/rules/charges.ts';

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
  // not charges
  ['According to investigators, he “deliberately hit police officers with a car” during the riots.', []],
  ['He admitted his guilt and apologised on camera.', []],
  ['Officials initially spoke of “20,000 terrorists” attacking Almaty.', []],
];

describe('findCharges', () => {
  it.each(table)('%s', (text, expected) => {
    expect(texts(text)).toEqual(expected);
  });

  it('recognises "under the same articles"', () => {
    expect('Under the same articles, a court sentenced'.match(sameChargesRe)).not.toBeNull();
  });
});
