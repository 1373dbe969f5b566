/**
 * Golden test: every fixture in fixtures/articles, compared with its expected.json field by field.
 * test/extract/known-gaps.json is a ratchet: per fixture, the fields known to be wrong today. A field that
 * differs and is not listed is a regression (fails); a listed field that is now right fails too, so the
 * list only shrinks. `UPDATE_GAPS=1 npx vitest run test/extract/golden.test.ts` rewrites the list.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractVerdicts } from '../../src/extract/index.ts';
import { diffRecords } from '../../src/extract/score.ts';
import { fixtureNames, loadFixture } from './fixtures.ts';

const GAPS_FILE = path.join(import.meta.dirname, 'known-gaps.json');
const USER_EXAMPLE = 'almaty-bloody-january-11-defendants';
const update = process.env.UPDATE_GAPS === '1';
const gaps = JSON.parse(readFileSync(GAPS_FILE, 'utf8')) as Record<string, string[]>;
const found: Record<string, string[]> = {};
const names = fixtureNames();

describe('golden fixtures', () => {
  it('has fixtures, and the user example is never a known gap', () => {
    expect(names.length).toBeGreaterThan(0);
    expect(names).toContain(USER_EXAMPLE);
    expect(gaps[USER_EXAMPLE] ?? []).toEqual([]);
  });

  it('lists gaps only for fixtures that exist', () => {
    expect(Object.keys(gaps).filter((n) => !names.includes(n))).toEqual([]);
  });

  it.each(names)('%s', async (name) => {
    const fx = await loadFixture(name);
    const { records } = extractVerdicts(fx.text, { published: fx.published });
    const diffs = diffRecords(records, fx.records);
    const keys = diffs.map((d) => d.key).sort();
    found[name] = keys;
    if (update) return;
    const known = new Set(gaps[name] ?? []);
    const regressions = diffs.filter((d) => !known.has(d.key));
    const fixed = [...known].filter((k) => !keys.includes(k));
    const explain = [
      ...regressions.map((d) => `${name}: ${d.key} differs (not a known gap)\n    got:  ${JSON.stringify(d.got)}\n    want: ${JSON.stringify(d.want)}`),
      ...fixed.map((k) => `${name}: known gap ${k} is now right: remove it from test/extract/known-gaps.json (or run with UPDATE_GAPS=1)`),
    ];
    expect(explain.join('\n')).toBe('');
  });

  afterAll(() => {
    if (!update) return;
    const out: Record<string, string[]> = {};
    for (const name of Object.keys(found).sort()) if (found[name]!.length) out[name] = found[name]!;
    writeFileSync(GAPS_FILE, `${JSON.stringify(out, null, 2)}\n`);
  });
});
