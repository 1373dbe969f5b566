import { describe, expect, it } from 'vitest';
import { escapeHtml, html, raw, safeHref } from '../../src/web/html.ts';
import { highlightEvidence } from '../../src/web/highlight.ts';
import { toCsv } from '../../src/web/export-format.ts';
import type { ExportRow } from '../../src/store/export.ts';

describe('html templating', () => {
  it('escapes every interpolated value, including in attributes and arrays', () => {
    const evil = `<script>alert(1)</script>"' onmouseover=x \``;
    const out = html`<p title="${evil}">${evil}${[evil, 1, null, undefined, false]}</p>`.value;
    expect(out).not.toContain('<script>');
    expect(out).not.toMatch(/"\s*onmouseover/);
    expect(out).toBe(`<p title="${escapeHtml(evil)}">${escapeHtml(evil)}${escapeHtml(evil)}1</p>`);
  });

  it('passes nested html and explicit raw() fragments through', () => {
    expect(html`<div>${html`<b>${'<i>'}</b>`}${raw('<hr>')}</div>`.value).toBe('<div><b>&lt;i&gt;</b><hr></div>');
  });

  it('only makes http(s) URLs into links', () => {
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,<script>')).toBeNull();
    expect(safeHref(' JaVaScRiPt:alert(1)')).toBeNull();
    expect(safeHref('https://news.example/a?b=1')).toBe('https://news.example/a?b=1');
  });
});

describe('evidence highlighting', () => {
  const text = 'Ali <b>Khan</b>, 32, was jailed for 5 years by the <script>court</script>.';
  it('marks each field in its own colour and escapes every slice', () => {
    const at = (part: string) => [text.indexOf(part), text.indexOf(part) + part.length];
    const evidence = { name: [at('Ali <b>Khan</b>')], age: [at('32')], sentence: [at('5 years')], court: [at('<script>court</script>')] };
    const out = highlightEvidence(text, evidence).value;
    expect(out).toContain('<mark class="ev ev-name" title="name" data-fields="name">Ali &lt;b&gt;Khan&lt;/b&gt;</mark>');
    expect(out).toContain('<mark class="ev ev-age" title="age" data-fields="age">32</mark>');
    expect(out).toContain('ev-sentence');
    expect(out).not.toContain('<script>');
    expect(out).not.toContain('<b>');
    // removing the marks gives back the escaped text exactly
    expect(out.replace(/<\/?mark[^>]*>/g, '')).toBe(escapeHtml(text));
  });

  it('survives overlapping, reversed, out-of-range and malformed spans', () => {
    const evidence = { name: [[0, 14], [10, 5], [-5, 2], [60, 999], ['a', 'b']], charges: [[4, 20]], bogus: 'x' };
    const out = highlightEvidence(text, evidence).value;
    expect(out.replace(/<\/?mark[^>]*>/g, '')).toBe(escapeHtml(text));
    expect(out).toContain('data-fields="name charges"');
    expect(highlightEvidence(text, null).value).toBe(escapeHtml(text));
  });
});

describe('CSV export format', () => {
  const row: ExportRow = {
    case_id: 3, record_ids: [5, 9], name: 'O\'Neil, "Big" Jim', count: 1, age: 40, age_min: null, age_max: null,
    charges: ['fraud', 'theft, aggravated'], court: '=HYPERLINK("http://evil.example")', sentence_kind: 'prison', sentence_months: 18,
    sentence_months_max: null, fine: null, verdict_date: '2024-05-01', verdict_date_precision: 'day', status: 'convicted',
    review_status: 'accepted', reviewed_by: 'rita', source_urls: ['https://a.example/1', 'https://b.example/2'],
  };
  it('starts with a BOM, uses CRLF, quotes per RFC 4180 and defuses formulas', () => {
    const csv = toCsv([row]);
    expect(csv.startsWith('\uFEFFcase_id,record_ids,name,')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(lines[1]).toContain(`"O'Neil, ""Big"" Jim"`);
    expect(lines[1]).toContain('"fraud; theft, aggravated"');
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(lines[1]).toContain('https://a.example/1 https://b.example/2');
  });
});

describe('stats text', () => {
  it('prints one aligned line per field and rule, weakest first as given', async () => {
    const { statsToText } = await import('../../src/web/stats-text.ts');
    const text = statsToText([
      { field: 'sentence', rule: 'sentence-years-words', accepted: 1, corrected: 2, rejected: 1 },
      { field: 'name', rule: 'name-object-sentenced', accepted: 9, corrected: 0, rejected: 1 },
    ]);
    expect(text.split('\n')).toEqual([
      'field     rule                   reviewed  accepted  corrected  rejected  bad',
      'sentence  sentence-years-words          4         1          2         1  75%',
      'name      name-object-sentenced        10         9          0         1  10%',
      '',
    ]);
    expect(statsToText([])).toBe('no reviewed records yet\n');
  });
});

describe('login limiter', () => {
  it('blocks a name or an address after too many failures, until the window passes', async () => {
    const { LoginLimiter, MAX_FAILURES, MAX_FAILURES_PER_ADDRESS, WINDOW_MS } = await import('../../src/web/login-limiter.ts');
    let now = 1_000_000;
    const limiter = new LoginLimiter(() => now);
    for (let i = 0; i < MAX_FAILURES; i++) {
      expect(limiter.blockedFor('Rita', '10.0.0.1')).toBe(0);
      limiter.recordFailure('Rita', '10.0.0.1');
    }
    expect(limiter.blockedFor('rita', '10.0.0.9')).toBe(WINDOW_MS); // the name, from anywhere
    expect(limiter.blockedFor('bob', '10.0.0.1')).toBe(0); // others behind the same address still may
    for (let i = MAX_FAILURES; i < MAX_FAILURES_PER_ADDRESS; i++) limiter.recordFailure(`name${i}`, '10.0.0.1');
    expect(limiter.blockedFor('bob', '10.0.0.1')).toBe(WINDOW_MS); // until the address itself is over its limit
    expect(limiter.blockedFor('bob', '10.0.0.2')).toBe(0);
    now += WINDOW_MS;
    expect(limiter.blockedFor('rita', '10.0.0.1')).toBe(0);
  });
});
