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
  ['insisted he was innocent', null],
  ['The jury found his office manager, Luz M. Varela, 48, of TOWN, not guilty of conspiracy', 'acquitted'],
  ['The jury found him guilty of fraud but not of theft', 'convicted'],
  // a condition, not a verdict
  ['If convicted, he faces up to three years in prison.', 'charged_only'],
  ['was charged on Wednesday and placed under house arrest', 'charged_only'],
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
