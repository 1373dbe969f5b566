/** Hostile input: empty, binary, huge, no punctuation. Results are bounded; there is no catastrophic backtracking. */
import { describe, expect, it } from 'vitest';
import { extractVerdicts, MAX_TEXT_CHARS } from '../../src/extract/index.ts';

describe('extractVerdicts on hostile input', () => {
  it('returns no records for empty or whitespace text', () => {
    expect(extractVerdicts('').records).toEqual([]);
    expect(extractVerdicts(' \n\n\t ').records).toEqual([]);
  });

  it('survives binary-looking text', () => {
    const junk = Array.from({ length: 50_000 }, (_, i) => String.fromCharCode((i * 7919) % 65_000)).join('');
    expect(Array.isArray(extractVerdicts(junk).records)).toBe(true);
  });

  it('handles a 10 MB text (one long run without full stops) with a bounded result', () => {
    const unit = 'Akzhol Zhandarbekov was found guilty of “participation in mass riots” and received a four-year prison sentence and ';
    const huge = unit.repeat(Math.ceil((10 * 1024 * 1024) / unit.length));
    expect(huge.length).toBeGreaterThan(10_000_000);
    const { records } = extractVerdicts(huge, { published: '2024-06-14' });
    expect(records.length).toBeLessThanOrEqual(1);
    for (const r of records) for (const spans of Object.values(r.evidence)) for (const [, b] of spans!) expect(b).toBeLessThanOrEqual(MAX_TEXT_CHARS);
  });

  it('handles pathological repetitions that would make a backtracking regex explode', () => {
    const inputs = [
      `${'A '.repeat(100_000)}was sentenced`,
      `${', '.repeat(100_000)}`,
      `${'one year and '.repeat(20_000)}`,
      `${'“'.repeat(50_000)}${'”'.repeat(50_000)}`,
      `${'Aa-'.repeat(60_000)}`,
    ];
    for (const text of inputs) expect(Array.isArray(extractVerdicts(text).records)).toBe(true);
  });
});
