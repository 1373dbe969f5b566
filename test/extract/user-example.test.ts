/** Issue 3, point 1: the user's own example must be exactly right, always (never a known gap). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractVerdicts } from '../../src/extract/index.ts';
import { FIXTURE_DIR } from './fixtures.ts';

const NAME = 'almaty-bloody-january-11-defendants';
const text = readFileSync(path.join(FIXTURE_DIR, `${NAME}.txt`), 'utf8');
const expected = JSON.parse(readFileSync(path.join(FIXTURE_DIR, `${NAME}.expected.json`), 'utf8')) as { published: string; records: unknown[] };
const strip = ({ evidence: _e, rules: _r, confidence: _c, ...rest }: { evidence: unknown; rules?: unknown; confidence: unknown }): unknown => rest;

describe('the user example (Almaty district court, 11 defendants)', () => {
  it('with --published 2024-06-14 gives exactly the four expected records', () => {
    expect(expected.published).toBe('2024-06-14');
    const { records } = extractVerdicts(text, { published: '2024-06-14' });
    expect(records.map(strip)).toEqual(expected.records);
  });

  it('never makes records of the lawyer or of the national total', () => {
    const { records } = extractVerdicts(text, { published: '2024-06-14' });
    expect(records.map((r) => r.name)).not.toContain('Kanat Beisebaev');
    expect(records.some((r) => r.count > 100)).toBe(false);
  });

  it('without a publication date, "June 11" gives verdictDate null (a year is never invented)', () => {
    const { records } = extractVerdicts(text);
    const byName = new Map(records.map((r) => [r.name, r]));
    expect(records).toHaveLength(4);
    expect(byName.get('Akzhol Zhandarbekov')!.verdictDate).toBeNull();
    expect(byName.get(null)!.verdictDate).toBeNull();
    expect(byName.get('Kazybek Kudaibergenov')!.verdictDate).toBe('2022-11');
    expect(byName.get('Nursultan Isaev')!.verdictDate).toBe('2023');
    // everything else is unchanged
    const withDate = extractVerdicts(text, { published: '2024-06-14' }).records;
    expect(records.map((r) => ({ ...(strip(r) as object), verdictDate: null }))).toEqual(withDate.map((r) => ({ ...(strip(r) as object), verdictDate: null })));
  });

  it('is deterministic', () => {
    expect(extractVerdicts(text, { published: '2024-06-14' })).toEqual(extractVerdicts(text, { published: '2024-06-14' }));
  });
});
