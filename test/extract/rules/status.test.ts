import { describe, expect, it } from 'vitest';
import { statusIn, isAdministrative } from '../../../src/extract/rules/status.ts';
import { findTerms } from '../../../src/extract/rules/sentences.ts';

const statusOf = (s: string): string | null =>
  statusIn(s, findTerms(s).filter((t) => ['imposed', 'unknown', 'appeal_upheld', 'appeal_reduced'].includes(t.role)))?.status ?? null;

const table: Array<[string, string | null]> = [
  ['was found guilty of participation in mass riots', 'convicted'],
  ['pleaded guilty to wire fraud', 'convicted'],
  ['was acquitted of all charges', 'acquitted'],
  ['was found not guilty by a jury', 'acquitted'],
  ['was acquitted of murder but convicted of manslaughter', 'convicted'],
  ['was charged with treason and remains in custody', 'charged_only'],
  ['pleaded not guilty', 'charged_only'],
  ['has been placed on the wanted list and her case separated for trial at a later date', 'charged_only'],
  ['The court upheld the verdict and his 10-year sentence', 'appeal_upheld'],
  ['reduced his sentence from six to five years', 'appeal_reduced'],
  ['His appeal was rejected in March 2023.', 'appeal_upheld'],
  ['The appeals of Sanzhar Mukanov, 24, and Yerlan Baisakov, 33, were rejected.', 'appeal_upheld'],
  ['The appeals of the defence lawyers were heard on Monday.', null],
  ['was acquitted of treason in 2021 after a jury trial, a verdict later overturned by the Supreme Court', 'charged_only'],
  ['was acquitted of conspiracy in August by the same jury that convicted his partner', 'acquitted'],
  ['was cleared by the jury of fraud by false representation', 'acquitted'],
  // the jury cleared someone else
  ['was convicted by the jury that cleared his son of fraud', 'convicted'],
  ['Sentencing him at the same court yesterday, Judge Carrow said his remorse made it possible to suspend the term.', 'convicted'],
  ['The judge adjourned the hearing before sentencing him.', null],
  ['an indictment unsealed Thursday in the U.S. District Court charges NAME with trafficking in firearms', 'charged_only'],
  ['The charges were dropped last year.', null],
  ['insisted he was innocent', null],
  ['The jury found his office manager, Luz M. Varela, 48, of TOWN, not guilty of conspiracy', 'acquitted'],
  ['The jury found him guilty of fraud but not of theft', 'convicted'],
  // a condition, not a verdict
  ['If convicted, he faces up to three years in prison.', 'charged_only'],
  ['faces seven years, which would be added to his current term if he were convicted', 'charged_only'],
  ['if he is found guilty, he faces up to 10 years', 'charged_only'],
  ['If found guilty, she faces a fine', 'charged_only'],
  // a verdict with "if" elsewhere in the sentence
  ['He was convicted of fraud, and if he appeals he risks a longer term', 'convicted'],
  ['was charged on Wednesday and placed under house arrest', 'charged_only'],
  // arrested on suspicion and released: no defendant; but charged after such an arrest is
  ['Three other men arrested on suspicion of violent disorder have been released on bail pending further inquiries.', null],
  ['He was arrested on suspicion of murder, released on bail and later charged with manslaughter.', 'charged_only'],
];

describe('statusIn', () => {
  it.each(table)('%s', (text, expected) => {
    expect(statusOf(text)).toBe(expected);
  });

  it('recognises administrative arrests (not criminal cases)', () => {
    expect(isAdministrative('were later arrested for 10 days under the Code of Administrative Offences')).toBe(true);
    expect(isAdministrative('was sentenced to 10 years')).toBe(false);
  });
});
