/** Every non-null field carries evidence spans, and each span's text supports its value. */
import { describe, expect, it } from 'vitest';
import { extractVerdicts } from '../../src/extract/index.ts';
import type { EvidenceField, VerdictRecord } from '../../src/extract/index.ts';
import { sameChargesRe } from '../../src/extract/rules/charges.ts';
import { fixtureNames, loadFixture } from './fixtures.ts';

const norm = (s: string): string => s.normalize('NFC').replace(/[“”"«»]/g, '').replace(/\s+/g, ' ').toLowerCase();
const NUMBER_WORD = /\d|\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|half)\b/i;

/** What the text of a span must show for the field's value; a message when it does not. */
function unsupported(field: EvidenceField, r: VerdictRecord, spanText: string): string | null {
  const t = norm(spanText);
  switch (field) {
    case 'name': return t === norm(r.name!) ? null : `name span "${spanText}" is not "${r.name}"`;
    case 'count': return r.name !== null ? (t === norm(r.name) ? null : `count span "${spanText}"`) : (t.replace(/,/g, '').includes(String(r.count)) || NUMBER_WORD.test(t) ? null : `count span "${spanText}"`);
    case 'age': return t.includes(String(r.age)) ? null : `age span "${spanText}" lacks ${r.age}`;
    case 'ageRange': return t.includes(String(r.ageRange![0])) && t.includes(String(r.ageRange![1])) ? null : `ageRange span "${spanText}"`;
    case 'charges': return r.charges.some((c) => t.includes(norm(c).replace(/^article /, '')) || norm(c).includes(t)) || new RegExp(sameChargesRe.source, 'i').test(spanText) ? null : `charges span "${spanText}" is none of ${JSON.stringify(r.charges)}`;
    case 'court': return t === norm(r.court!) ? null : `court span "${spanText}" is not "${r.court}"`;
    case 'sentence': return NUMBER_WORD.test(t) || /life|death|time served|acquit|not guilty|clear/.test(t) || (r.sentence?.fine && t.includes(norm(r.sentence.fine))) ? null : `sentence span "${spanText}"`;
    case 'verdictDate': return /\d|day|week|month|year|spring|summer|autumn|fall|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec/.test(t) ? null : `date span "${spanText}"`;
    case 'status': return t.length > 0 ? null : 'empty status span';
  }
}

describe('evidence spans', () => {
  it.each(fixtureNames())('%s: every non-null field has spans that support it', async (name) => {
    const fx = await loadFixture(name);
    const { records } = extractVerdicts(fx.text, { published: fx.published });
    const problems: string[] = [];
    for (const r of records) {
      const label = r.name ?? `group(${r.count})`;
      const fields: Record<EvidenceField, unknown> = {
        name: r.name, count: r.count, age: r.age, ageRange: r.ageRange, charges: r.charges.length ? r.charges : null,
        court: r.court, sentence: r.sentence, verdictDate: r.verdictDate, status: r.status,
      };
      for (const [field, value] of Object.entries(fields) as Array<[EvidenceField, unknown]>) {
        if (value === null) continue;
        const spans = r.evidence[field] ?? [];
        if (spans.length === 0) problems.push(`${label}.${field}: no evidence span`);
        for (const [a, b] of spans) {
          if (!(a >= 0 && b > a && b <= fx.text.length)) problems.push(`${label}.${field}: span [${a}, ${b}) outside the text`);
          else {
            const why = unsupported(field, r, fx.text.slice(a, b));
            if (why) problems.push(`${label}.${field}: ${why}`);
          }
        }
      }
      expect(r.confidence).toBeGreaterThanOrEqual(0);
      expect(r.confidence).toBeLessThanOrEqual(1);
    }
    expect(problems).toEqual([]);
  });
});
