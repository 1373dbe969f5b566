import { describe, expect, it } from 'vitest';
import { explainMismatch, matchesRule } from '../../src/alerts/match.ts';
import { parseRuleDefinition, DEFAULT_ALERT_SETTINGS } from '../../src/alerts/rules-config.ts';
import { firstDueAt, nextDigestAt, retryDelayMs } from '../../src/alerts/schedule.ts';
import type { AlertCandidate } from '../../src/alerts/types.ts';

const base: AlertCandidate = {
  recordId: 1, caseId: 1, articleId: 1, name: 'Sergei Ivanov', count: 1, age: 45,
  charges: ['fraud on a large scale (Article 190 part 4)'], court: 'Almaty City Court', sentenceKind: 'prison',
  sentenceMonths: 72, sentenceMonthsMax: null, fine: null, verdictDate: '2026-01-04', status: 'convicted',
  reviewStatus: 'pending', confidence: 0.9, articleUrl: 'https://news.example/a', articleTitle: 'Ex-akim jailed',
  sourceId: 'demo-news', publishedAt: null, articleText: 'The former akim of Zhanaözen district was sentenced for embezzlement.',
};

const cases: Array<[string, Record<string, unknown>, Partial<AlertCandidate>, boolean]> = [
  ['charge word', { charges: ['FRAUD'] }, {}, true],
  ['charge word absent', { charges: ['bribery', 'theft'] }, {}, false],
  ['code article in charges', { code_articles: ['190'] }, {}, true],
  ['code article with part', { code_articles: ['190 part 4'] }, {}, true],
  ['code article is not a prefix of a longer number', { code_articles: ['19'] }, {}, false],
  ['code article in the article text', { code_articles: ['366'] }, { articleText: 'under art. 366 of the Criminal Code' }, true],
  ['court or region', { courts: ['almaty'] }, {}, true],
  ['court missing', { courts: ['almaty'] }, { court: null }, false],
  ['defendant surname', { defendants: ['Ivanov'] }, {}, true],
  ['defendant reversed order', { defendants: ['Ivanov Sergei'] }, {}, true],
  ['defendant other person', { defendants: ['Ivanova'] }, {}, false],
  ['unnamed group never matches a name', { defendants: ['Ivanov'] }, { name: null }, false],
  ['source', { sources: ['demo-news'] }, {}, true],
  ['other source', { sources: ['other-news'] }, {}, false],
  ['minimum sentence', { min_sentence_months: 72 }, {}, true],
  ['below minimum sentence', { min_sentence_months: 73 }, {}, false],
  ['range upper bound counts', { min_sentence_months: 84 }, { sentenceMonths: 36, sentenceMonthsMax: 96 }, true],
  ['life meets any minimum', { min_sentence_months: 600 }, { sentenceKind: 'life', sentenceMonths: null }, true],
  ['no sentence misses a minimum', { min_sentence_months: 1 }, { sentenceKind: null, sentenceMonths: null }, false],
  ['status', { statuses: ['acquitted', 'convicted'] }, {}, true],
  ['wrong status', { statuses: ['acquitted'] }, {}, false],
  ['keyword, accent-insensitive', { keywords: ['zhanaozen'] }, {}, true],
  ['keyword in the title', { keywords: ['ex-akim'] }, {}, true],
  ['keyword absent', { keywords: ['Karaganda'] }, {}, false],
  ['all criteria must hold', { charges: ['fraud'], courts: ['Astana'] }, {}, false],
  ['a rule without criteria matches every verdict', {}, {}, true],
];

describe('matchesRule', () => {
  it.each(cases)('%s', (_label, match, patch, expected) => {
    const rule = parseRuleDefinition({ id: 'r', name: 'r', match }, 'test');
    expect(matchesRule(rule, { ...base, ...patch })).toBe(expected);
  });

  it('names the criteria that failed', () => {
    const rule = parseRuleDefinition({ id: 'r', name: 'r', match: { charges: ['theft'], courts: ['Almaty'], statuses: ['acquitted'] } }, 'test');
    expect(explainMismatch(rule, base)).toEqual(['charges', 'statuses']);
  });
});

describe('schedule', () => {
  const s = { ...DEFAULT_ALERT_SETTINGS, digest_hour: 7, weekly_day: 'monday' as const };
  it('puts immediate alerts after the batch window and digests at the next slot', () => {
    const now = new Date('2026-01-07T10:00:00Z'); // a Wednesday
    expect(firstDueAt({ delivery: 'immediate' }, now, s).toISOString()).toBe('2026-01-07T10:05:00.000Z');
    expect(nextDigestAt(now, s, 'daily').toISOString()).toBe('2026-01-08T07:00:00.000Z');
    expect(nextDigestAt(new Date('2026-01-07T06:59:00Z'), s, 'daily').toISOString()).toBe('2026-01-07T07:00:00.000Z');
    expect(nextDigestAt(now, s, 'weekly').toISOString()).toBe('2026-01-12T07:00:00.000Z');
    expect(nextDigestAt(new Date('2026-01-12T07:00:00Z'), s, 'weekly').toISOString()).toBe('2026-01-19T07:00:00.000Z');
  });

  it('doubles the retry delay up to the cap, so ~2 days hold about 14 attempts', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, s) / 60_000)).toEqual([1, 2, 4, 8]);
    expect(retryDelayMs(20, s)).toBe(s.retry_max);
    let elapsed = 0;
    let attempts = 0;
    while (elapsed < s.retry_for) elapsed += retryDelayMs(++attempts, s);
    expect(attempts).toBeGreaterThan(10);
    expect(attempts).toBeLessThan(20);
  });
});
