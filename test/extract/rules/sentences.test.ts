import { describe, expect, it } from 'vitest';
import { findTerms, durationMonths, describedRecipient } from '../../../src/extract/rules/sentences.ts';

type Expect = { kind: string; months: number | null; monthsMax?: number | null; fine?: string | null; role: string };
const strip = (s: string): Expect[] =>
  findTerms(s).map((t) => ({ kind: t.kind, months: t.months, monthsMax: t.monthsMax, fine: t.fine, role: t.role }));

const table: Array<[string, Expect[]]> = [
  ['He received a four-year prison sentence.', [{ kind: 'prison', months: 48, monthsMax: null, fine: null, role: 'imposed' }]],
  ['each received sentences of one year and nine months.', [{ kind: 'prison', months: 21, monthsMax: null, fine: null, role: 'imposed' }]],
  ['sentenced a local resident, 32-year-old Nursultan Isaev, to 15 years in prison.', [{ kind: 'prison', months: 180, monthsMax: null, fine: null, role: 'imposed' }]],
  ['was given 15.6 years', [{ kind: 'prison', months: 187.2, monthsMax: null, fine: null, role: 'imposed' }]],
  ['was sentenced to a year and a day in prison', [{ kind: 'prison', months: 12, monthsMax: null, fine: null, role: 'imposed' }]],
  ['was sentenced to 12 months and one day', [{ kind: 'prison', months: 12, monthsMax: null, fine: null, role: 'imposed' }]],
  ['was jailed for 18 weeks', [{ kind: 'prison', months: 4.2, monthsMax: null, fine: null, role: 'imposed' }]],
  ['was sentenced to 87 months in federal prison', [{ kind: 'prison', months: 87, monthsMax: null, fine: null, role: 'imposed' }]],
  ['sentenced 45 people to between 18 months and 20 years in prison', [{ kind: 'prison', months: 18, monthsMax: 240, fine: null, role: 'imposed' }]],
  ['received 16 months imprisonment, suspended for two years', [
    { kind: 'suspended', months: 16, monthsMax: null, fine: null, role: 'imposed' },
    { kind: 'prison', months: 24, monthsMax: null, fine: null, role: 'ancillary' },
  ]],
  ['was sentenced to three years probation, including 12 months of home detention', [
    { kind: 'probation', months: 36, monthsMax: null, fine: null, role: 'imposed' },
    { kind: 'other', months: 12, monthsMax: null, fine: null, role: 'ancillary' },
  ]],
  ['was sentenced to two years of "freedom limitation," a parole-like sentence', [{ kind: 'restricted_freedom', months: 24, monthsMax: null, fine: null, role: 'imposed' }]],
  ['was ordered to pay a $9,500 fine', [{ kind: 'fine', months: null, monthsMax: null, fine: '$9,500', role: 'imposed' }]],
  // the one ordered to pay may stand between "ordered" and "to pay"
  ['A court ordered theatre director NAME to pay a fine of 800,000 rubles', [{ kind: 'fine', months: null, monthsMax: null, fine: '800,000 rubles', role: 'imposed' }]],
  ['The court also ordered him to pay a fine of 300,000 rubles.', [{ kind: 'fine', months: null, monthsMax: null, fine: '300,000 rubles', role: 'imposed' }]],
  // a youth rehabilitation order is a (youth) community order
  ['were each given 12-month youth rehabilitation orders after admitting burglary', [{ kind: 'community', months: 12, monthsMax: null, fine: null, role: 'imposed' }]],
  ['was given a youth rehabilitation order', [{ kind: 'community', months: null, monthsMax: null, fine: null, role: 'imposed' }]],
  ['was made the subject of a 12-month community order for aggravated trespass', [{ kind: 'community', months: 12, monthsMax: null, fine: null, role: 'imposed' }]],
  // a community order spoken of, not made
  ['The charity runs a 12-month community order scheme for young offenders', [{ kind: 'community', months: 12, monthsMax: null, fine: null, role: 'unknown' }]],
  // a described defendant between the appeal verb and "from ... to"
  ['the Court of Appeal reduced the sentence of another activist from the same group, NAME, 29, who had blocked a motorway bridge, from four years to 30 months', [
    { kind: 'prison', months: 30, monthsMax: null, fine: null, role: 'appeal_reduced' },
  ]],
  ['was sentenced to life imprisonment', [{ kind: 'life', months: null, monthsMax: null, fine: null, role: 'imposed' }]],
  ['was sentenced to death', [{ kind: 'death', months: null, monthsMax: null, fine: null, role: 'imposed' }]],
  ['was jailed for life with a minimum term of 45 years', [
    { kind: 'life', months: null, monthsMax: null, fine: null, role: 'imposed' },
    { kind: 'prison', months: 540, monthsMax: null, fine: null, role: 'minimum' },
  ]],
  ['Her sentence was set for "time served."', [{ kind: 'prison', months: null, monthsMax: null, fine: null, role: 'imposed' }]],
  ['was conditionally discharged for 12 months', [{ kind: 'other', months: null, monthsMax: null, fine: null, role: 'unknown' }]],
  // traps: requested, possible, prior, totals, bans, appeals
  ['Prosecutors had requested 12 years.', [{ kind: 'prison', months: 144, monthsMax: null, fine: null, role: 'requested' }]],
  ['He faces up to 20 years in prison.', [{ kind: 'prison', months: 240, monthsMax: null, fine: null, role: 'possible' }]],
  ['He was sentenced to eight years, less than the 10 years requested by prosecutors.', [
    { kind: 'prison', months: 96, monthsMax: null, fine: null, role: 'imposed' },
    { kind: 'prison', months: 120, monthsMax: null, fine: null, role: 'requested' },
  ]],
  ['He is already serving a nine-year term.', [{ kind: 'prison', months: 108, monthsMax: null, fine: null, role: 'prior' }]],
  ['In total, the three men will spend 34 years behind bars.', [{ kind: 'prison', months: 408, monthsMax: null, fine: null, role: 'total' }]],
  ['He was banned from political activity for eight years.', [{ kind: 'prison', months: 96, monthsMax: null, fine: null, role: 'ancillary' }]],
  ['The court upheld the verdict and his 10-year sentence.', [{ kind: 'prison', months: 120, monthsMax: null, fine: null, role: 'appeal_upheld' }]],
  ['He lost his appeal against his 10-year sentence.', [{ kind: 'prison', months: 120, monthsMax: null, fine: null, role: 'appeal_upheld' }]],
  ['The panel reduced his sentence from six to five years.', [{ kind: 'prison', months: 60, monthsMax: null, fine: null, role: 'appeal_reduced' }]],
  ['The appeal court cut by two years the seven-year term.', [{ kind: 'prison', months: 60, monthsMax: null, fine: null, role: 'appeal_reduced' }]],
  ['Jailed for more than 10 years', [{ kind: 'prison', months: 120, monthsMax: null, fine: null, role: 'vague' }]],
  ['The three were sentenced to 16, 15 and three years in prison, respectively.', [
    { kind: 'prison', months: 192, monthsMax: null, fine: null, role: 'imposed' },
    { kind: 'prison', months: 180, monthsMax: null, fine: null, role: 'imposed' },
    { kind: 'prison', months: 36, monthsMax: null, fine: null, role: 'imposed' },
  ]],
  ['He will now serve five years in a medium-security penal colony.', [{ kind: 'prison', months: 60, monthsMax: null, fine: null, role: 'imposed' }]],
  ['She was given a three-year probationary sentence and fined 200,000 soms.', [
    { kind: 'probation', months: 36, monthsMax: null, fine: null, role: 'imposed' },
    { kind: 'fine', months: null, monthsMax: null, fine: '200,000 soms', role: 'imposed' },
  ]],
  ['The court has given a suspended two-year sentence to a history teacher.', [{ kind: 'suspended', months: 24, monthsMax: null, fine: null, role: 'imposed' }]],
  ['was sentenced to time served — the roughly 14 months she had already spent in federal custody', [{ kind: 'prison', months: 14, monthsMax: null, fine: null, role: 'imposed' }]],
  ['The court fined him 300,000 rubles, roughly his earnings as a courier.', [{ kind: 'fine', months: null, monthsMax: null, fine: '300,000 rubles', role: 'imposed' }]],
  ['A regional court has fined Bakhodir Yusupov, a former deputy khokim of the district, 150 million soums for accepting a bribe.', [
    { kind: 'fine', months: null, monthsMax: null, fine: '150 million soums', role: 'imposed' },
  ]],
  ['The other 21 defendants received sentences ranging from three to eight and a half years in prison.', [{ kind: 'prison', months: 36, monthsMax: 102, fine: null, role: 'imposed' }]],
  ['He was given a community order with 120 hours of unpaid work.', [{ kind: 'community', months: null, monthsMax: null, fine: null, role: 'imposed' }]],
  ['A court in Osh sentenced Bakyt Omurov, the man prosecutors described as the organiser, to 12 years.', [{ kind: 'prison', months: 144, monthsMax: null, fine: null, role: 'imposed' }]],
  // traps: the amount of a cut, supervised release, a requested kind without a length
  ['A Russian appeals court has reduced by one year the sentence of a student.', [{ kind: 'prison', months: 12, monthsMax: null, fine: null, role: 'reduction' }]],
  ['Greer will serve four years of supervised release after leaving prison.', [{ kind: 'prison', months: 48, monthsMax: null, fine: null, role: 'ancillary' }]],
  ['She was sentenced to restricted freedom.', [{ kind: 'restricted_freedom', months: null, monthsMax: null, fine: null, role: 'imposed' }]],
  ['He was placed on probation and ordered to pay restitution.', [{ kind: 'probation', months: null, monthsMax: null, fine: null, role: 'imposed' }]],
  ['She must report to the probation service.', []],
  ['Prosecutors had asked for a suspended sentence.', [{ kind: 'suspended', months: null, monthsMax: null, fine: null, role: 'requested' }]],
  ['Prosecutors want him jailed for 10 years.', [{ kind: 'prison', months: 120, monthsMax: null, fine: null, role: 'requested' }]],
  ['Prosecutors asked the court to sentence him to 12 years.', [{ kind: 'prison', months: 144, monthsMax: null, fine: null, role: 'requested' }]],
  ['The defense argued for a sentence of three years.', [{ kind: 'prison', months: 36, monthsMax: null, fine: null, role: 'requested' }]],
  ['If convicted, he could be jailed for 20 years.', [{ kind: 'prison', months: 240, monthsMax: null, fine: null, role: 'possible' }]],
  ['He has served seven years of a 12-year sentence.', [
    { kind: 'prison', months: 84, monthsMax: null, fine: null, role: 'served' },
    { kind: 'prison', months: 144, monthsMax: null, fine: null, role: 'served' },
  ]],
  ['He was jailed for eight years, two years less than prosecutors had sought.', [{ kind: 'prison', months: 96, monthsMax: null, fine: null, role: 'imposed' }]],
  // a fine kept by an appeal court; a ban's length is no term; "somoni" is the currency (not "som")
  ['The court also lifted a three-year ban on him working as a journalist, but kept a fine of 20,000 somoni.', [
    { kind: 'prison', months: 36, monthsMax: null, fine: null, role: 'ancillary' },
    { kind: 'fine', months: null, monthsMax: null, fine: '20,000 somoni', role: 'appeal_upheld' },
  ]],
  ['He was given a 10-year driving ban.', [{ kind: 'prison', months: 120, monthsMax: null, fine: null, role: 'ancillary' }]],
  ['He was jailed for two years and banned from driving.', [{ kind: 'prison', months: 24, monthsMax: null, fine: null, role: 'imposed' }]],
  ['She was fined 58,000 som.', [{ kind: 'fine', months: null, monthsMax: null, fine: '58,000 som', role: 'imposed' }]],
  // appeal changes: to time served (its length if stated), a term replaced by a lighter one, a far "from ... to"
  ['The board reduced the term of NAME, 29, from five years to the time he had already spent behind bars — two years and eight months — and freed him.', [
    { kind: 'prison', months: 32, monthsMax: null, fine: null, role: 'appeal_reduced' },
  ]],
  ['The court cut his sentence from six years to time served.', [{ kind: 'prison', months: null, monthsMax: null, fine: null, role: 'appeal_reduced' }]],
  ['the board replaced four years in a colony with three years of restricted freedom, citing his health.', [
    { kind: 'restricted_freedom', months: 36, monthsMax: null, fine: null, role: 'appeal_reduced' },
  ]],
  ['The Court of Appeal reduced the sentence of another activist from the same group, NAME, 29, who had blocked a bridge, from four years to 30 months.', [
    { kind: 'prison', months: 30, monthsMax: null, fine: null, role: 'appeal_reduced' },
  ]],
  // ... but a range after a cut is still a range when not a change; "replaced" with no penalty is no term
  ['The court reduced the sentences of the 12 defendants, who had received terms ranging from five to 12 years.', [
    { kind: 'prison', months: 60, monthsMax: 144, fine: null, role: 'imposed' },
  ]],
  ['He replaced the windows with new ones two years ago.', []],
  ['NAME, 26, a delivery driver, had his five-year prison term replaced with three years of restricted freedom.', [
    { kind: 'restricted_freedom', months: 36, monthsMax: null, fine: null, role: 'appeal_reduced' },
  ]],
  ['Two years later the roof was replaced by a new one.', []],
  // a kept term is upheld; "calling for mass unrest" is an offence, not a request
  ['The city court rejected an appeal by NAME against his conviction for calling for mass unrest, leaving in place the three years of probation imposed on him in October.', [
    { kind: 'probation', months: 36, monthsMax: null, fine: null, role: 'appeal_upheld' },
  ]],
  ['He was convicted of calling for mass riots and jailed for five years.', [{ kind: 'prison', months: 60, monthsMax: null, fine: null, role: 'imposed' }]],
  ['Prosecutors called for 10 years.', [{ kind: 'prison', months: 120, monthsMax: null, fine: null, role: 'requested' }]],
  // "handing out" gives no term
  ['Police detained two students handing out leaflets for five days.', [{ kind: 'prison', months: 0.2, monthsMax: null, fine: null, role: 'unknown' }]],
  // a youth referral order is another kind of order: its length is no term
  ['A 15-year-old boy was given a 12-month youth referral order for affray.', [{ kind: 'other', months: null, monthsMax: null, fine: null, role: 'imposed' }]],
  ['He was given a referral order.', [{ kind: 'other', months: null, monthsMax: null, fine: null, role: 'imposed' }]],
  ['She received a 12-month community order.', [{ kind: 'community', months: 12, monthsMax: null, fine: null, role: 'imposed' }]],
  // a conditional discharge is another kind (not a conditional = suspended sentence)
  ['She was given a 12-month conditional discharge after admitting the offence.', [{ kind: 'other', months: null, monthsMax: null, fine: null, role: 'imposed' }]],
  ['He received a two-year conditional sentence.', [{ kind: 'suspended', months: 24, monthsMax: null, fine: null, role: 'imposed' }]],
  // not terms at all
  ['He was convicted following a three-week trial.', []],
  ['After a 14-week trial and two days of deliberations, the jury found him guilty.', []],
  ['A 32-year-old man was arrested.', []],
  ['The attack on the life of a military serviceman.', []],
  ['He was arrested a month later.', []],
];

describe('findTerms', () => {
  it.each(table)('%s', (text, expected) => {
    expect(strip(text)).toEqual(expected);
  });

  it('marks a term given to the one named after it', () => {
    expect(findTerms('handing the longest term, 16 years, to the lawyer and journalist Polat Umarov.')[0]!.toAfter).toBe(true);
    expect(findTerms('sentenced him to six years and four years, to run concurrently.').some((t) => t.toAfter)).toBe(false);
    expect(findTerms('He was jailed for five years to the dismay of his family.').some((t) => t.toAfter)).toBe(false);
  });

  it('gives the head noun of an unnamed person a handed term goes to', () => {
    const head = (s: string): Array<string | null> => findTerms(s).map((t) => describedRecipient(s, t));
    expect(head('on Tuesday handed a one-year-nine-month prison sentence to a former bank clerk who helped a group of fraudsters')).toEqual(['clerk']);
    expect(head('The court gave a suspended two-year sentence to a history teacher from Almaty.')).toEqual(['teacher']);
    // named, not described; not handed; "to run concurrently"
    expect(head('handing the longest term, 16 years, to the lawyer and journalist Polat Umarov.')).toEqual([null]);
    expect(head('A former bank clerk was jailed for two years.')).toEqual([null]);
    expect(head('sentenced him to six years and four years, to run concurrently.')).toEqual([null, null]);
  });

  it('reads number words, hyphenated compounds and halves', () => {
    expect(durationMonths('seventeen years')).toBe(204);
    expect(durationMonths('twenty-five years')).toBe(300);
    expect(durationMonths('one-year-nine-month')).toBe(21);
    expect(durationMonths('two and a half years')).toBe(30);
  });
});
