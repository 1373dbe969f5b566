/**
 * Every labelled article (the golden set and the held-out set) has a well-formed expected.json, so that
 * `npm run eval` on either folder scores what the labeller meant. No accuracy is asserted here: the
 * held-out set is scored, never tested against (fixtures/holdout/README.md).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FIXTURE_DIR, fixtureNames, loadFixture } from './fixtures.ts';

const HOLDOUT_DIR = path.resolve(FIXTURE_DIR, '../holdout');
const date = z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/);
const record = z
  .object({
    name: z.string().min(2).nullable(),
    count: z.number().int().min(1),
    age: z.number().int().min(10).max(110).nullable(),
    ageRange: z.tuple([z.number().int(), z.number().int()]).refine(([a, b]) => a <= b).nullable(),
    charges: z.array(z.string().min(2)),
    court: z.string().min(3).nullable(),
    sentence: z
      .object({
        kind: z.enum(['prison', 'suspended', 'probation', 'restricted_freedom', 'fine', 'life', 'death', 'acquitted', 'community', 'other']),
        months: z.number().positive().nullable(),
        monthsMax: z.number().positive().nullable(),
        fine: z.string().nullable(),
      })
      .strict()
      .nullable(),
    verdictDate: date.nullable(),
    status: z.enum(['convicted', 'acquitted', 'charged_only', 'appeal_upheld', 'appeal_reduced']),
  })
  .strict()
  // an unnamed record is a group (or one unnamed person); a charged-only record has no sentence or date
  .refine((r) => r.status !== 'charged_only' || (r.sentence === null && r.verdictDate === null), 'charged_only has no sentence or verdict date');

describe.each([
  ['golden', FIXTURE_DIR],
  ['held-out', HOLDOUT_DIR],
])('%s labels', (_label, dir) => {
  const names = fixtureNames(dir);
  it('has articles', () => expect(names.length).toBeGreaterThanOrEqual(20));
  it.each(names)('%s', async (name) => {
    const fx = await loadFixture(name, dir);
    expect(fx.text.trim().length).toBeGreaterThan(0);
    if (fx.published !== null) expect(fx.published).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const r of fx.records) {
      const parsed = record.safeParse(r);
      expect(parsed.success ? '' : `${r.name ?? `group(${r.count})`}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`).toBe('');
    }
  });
});
