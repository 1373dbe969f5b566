import { describe, expect, it } from 'vitest';
import { findDates } from '../../../src/extract/rules/dates.ts';

const values = (s: string, published: string | null): Array<string | null> => findDates(s, published).filter((d) => !d.excluded).map((d) => d.value);

// [sentence, published, expected verdict-date values in text order]
const table: Array<[string, string | null, Array<string | null>]> = [
  ['resulted in the convictions on June 11 of 11 defendants', '2024-06-14', ['2024-06-11']],
  ['resulted in the convictions on June 11 of 11 defendants', null, [null]],
  ['sentenced on June 20', '2024-06-14', ['2023-06-20']],
  ['In November 2022, for example, he received', '2024-06-14', ['2022-11']],
  ['in early 2023 a court in the Aktobe region sentenced', '2024-06-14', ['2023']],
  ['was sentenced on Dec. 11, 2019, to', null, ['2019-12-11']],
  ['On 29th June 2006 he was jailed', null, ['2006-06-29']],
  ['sentenced on 29th February 2016 to', null, ['2016-02-29']],
  ['on Tuesday sentenced three men', '2023-03-02', ['2023-02-28']],
  ['was sentenced on Thursday', '2023-03-02', ['2023-03-02']],
  ['was sentenced last Thursday', '2023-03-02', ['2023-02-23']],
  ['was jailed yesterday', '2024-01-25', ['2024-01-24']],
  ['was sentenced in October last year', '2024-03-01', ['2023-10']],
  ['was sentenced on 14 March last year', '2025-05-01', ['2024-03-14']],
  ['was sentenced on March 14 last year', '2025-05-01', ['2024-03-14']],
  ['was sentenced on 14 March last year', null, [null]],
  ['was convicted earlier this month', '2024-03-21', ['2024-03']],
  ['was sentenced on Monday', null, [null]],
  ['the verdict of 2024-06-11 was upheld', null, ['2024-06-11']],
  ['was in charge of the facility on January 6–8, 2022, when', '2024-01-25', ['2022-01-06']],
  ['walked free from the courtroom on Tuesday after the court sentenced him', '2022-09-14', ['2022-09-13']],
  // "last January": the latest January before the publication month
  ['was sentenced last January', '2025-01-17', ['2024-01']],
  ['was sentenced last January', '2025-03-10', ['2025-01']],
  ['was sentenced last March', '2025-03-10', ['2024-03']],
  ['was sentenced last January', null, [null]],
  ['was sentenced on the last January 5 deadline', '2025-03-10', ['2025-01-05']],
  // a season gives a year, the latest one begun by publication; never a year without a publication date
  ['was upheld on appeal in the autumn', '2024-04-02', ['2023']],
  ['was sentenced in the spring', '2024-04-02', ['2024']],
  ['was sentenced during the summer', '2024-04-02', ['2023']],
  ['was jailed last autumn', '2024-10-15', ['2023']],
  ['was jailed last autumn', '2024-04-02', ['2023']],
  ['was convicted in the fall', '2024-11-20', ['2024']],
  ['was convicted in the summer of last year', '2024-11-20', ['2023']],
  ['was upheld on appeal in the autumn', null, [null]],
  ['was sentenced in the spring of 2023', '2024-11-20', ['2023']],
  ['prices will fall sharply in winter', '2024-11-20', []],
  ["jailed the organiser of last autumn's protest for 11 years", '2024-05-10', []],
  ['He was arrested in the summer and charged', '2024-11-20', []],
  // not verdict dates: arrests, events, hearings to come
  ['claims between 2013 and 2017', '2024-01-25', []],
  ['Sentencing is set before U.S. District Judge J. Doe for Dec. 11, 2023.', '2023-09-29', []],
  // the day something was said, and a dateline, are not the verdict's
  ["the court's press service said on Thursday", '2025-01-17', []],
  ['their relatives said on Thursday.', '2023-04-06', []],
  ['The verdict was condemned on Monday by rights groups.', '2024-05-10', []],
  ['UFA, Jan 17 — The Supreme Court of Bashkortostan has sentenced', '2025-01-17', []],
  ['TASHKENT (October 7) — A Tashkent court last Wednesday sentenced', '2022-10-07', ['2022-10-05']],
  ['He was arrested in January 2022 and sentenced', '2023-05-01', []],
  ['during the January 2022 unrest', '2023-05-01', []],
  ['Sentencing is scheduled for Oct. 3.', '2023-05-01', []],
  // the hearing that gave the ruling dates it; a hearing to come does not
  ['At a hearing on March 10, the judicial board cut the sentence', '2025-03-12', ['2025-03-10']],
  ['The next hearing in the case is on March 20.', '2025-03-12', []],
  ['At a hearing set for March 20, the court will consider', '2025-03-12', []],
  ['He may appeal.', '2023-05-01', []],
];

describe('findDates', () => {
  it.each(table)('%s (published %s)', (text, published, expected) => {
    expect(values(text, published)).toEqual(expected);
  });

  it('gives spans that cover the date text', () => {
    const s = 'A trial ended on June 11 in Almaty';
    const [d] = findDates(s, '2024-06-14');
    expect(s.slice(d!.start, d!.end)).toBe('June 11');
  });
});
