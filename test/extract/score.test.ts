import { describe, expect, it } from 'vitest';
import { emptyTally, matchRecords, scoreArticle, scoreOf, summarize, type LabelledRecord } from '../../src/extract/score.ts';

const rec = (over: Partial<LabelledRecord>): LabelledRecord => ({
  name: 'Akzhol Zhandarbekov', count: 1, age: null, ageRange: null, charges: [], court: null,
  sentence: { kind: 'prison', months: 48, monthsMax: null, fine: null }, verdictDate: '2024-06-11', status: 'convicted', ...over,
});

describe('matchRecords', () => {
  it('matches by name without case or diacritics, by surname alone, and groups by count', () => {
    const expected = [rec({ name: 'Marisol Yáñez' }), rec({ name: 'Kazybek Kudaibergenov' }), rec({ name: null, count: 10 }), rec({ name: null, count: 4 })];
    const predicted = [rec({ name: null, count: 4 }), rec({ name: 'Kudaibergenov' }), rec({ name: 'MARISOL YANEZ' }), rec({ name: null, count: 10 })];
    expect(matchRecords(predicted, expected)).toEqual([[2, 0], [1, 1], [3, 2], [0, 3]]);
  });

  it('does not match different people who share a surname', () => {
    expect(matchRecords([rec({ name: 'Askar Massimov' })], [rec({ name: 'Karim Massimov' })])).toEqual([]);
  });
});

describe('scoreArticle', () => {
  it('counts right, wrong, missing and extra values per field', () => {
    const expected = [rec({ age: 32, charges: ['a', 'b'] }), rec({ name: 'Nursultan Isaev' })];
    const predicted = [rec({ age: 33, charges: ['a', 'c'] }), rec({ name: 'Kanat Beisebaev' })];
    const t = scoreArticle(predicted, expected);
    expect(t.defendants).toEqual({ tp: 1, fp: 1, fn: 1 });
    expect(t.age).toEqual({ tp: 0, fp: 1, fn: 1 });
    expect(t.charges).toEqual({ tp: 1, fp: 1, fn: 1 });
    expect(t.sentenceMonths).toEqual({ tp: 1, fp: 1, fn: 1 });
    expect(t.status).toEqual({ tp: 1, fp: 1, fn: 1 });
    expect(t.court).toEqual({ tp: 0, fp: 0, fn: 0 });
  });

  it('computes precision, recall and F1, and the summary line figures', () => {
    expect(scoreOf({ tp: 3, fp: 1, fn: 2 })).toMatchObject({ precision: 0.75, recall: 0.6 });
    expect(scoreOf({ tp: 3, fp: 1, fn: 2 }).f1).toBeCloseTo(2 / 3);
    const perfect = scoreArticle([rec({})], [rec({})], emptyTally());
    expect(summarize(perfect)).toEqual({ f1: 1, defendants: 1, sentence: 1 });
    expect(summarize(scoreArticle([], [rec({})])).defendants).toBe(0);
  });
});
