/** `courtwatch extract`, spawned as a user runs it: node bin/courtwatch.js extract ... */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURE_DIR } from './fixtures.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const tmp = mkdtempSync(path.join(tmpdir(), 'cw-extract-'));
const EXAMPLE = path.join(FIXTURE_DIR, 'almaty-bloody-january-11-defendants.txt');

function run(args: string[], input?: string | Buffer): { code: number | null; stdout: string; stderr: string } {
  // the timeout only guards against a hang; no assertion is made on time
  const r = spawnSync(process.execPath, ['bin/courtwatch.js', 'extract', ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('courtwatch extract', () => {
  it('prints {"records":[...]} for a text file with --published', () => {
    const r = run([EXAMPLE, '--published', '2024-06-14', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { records: Array<{ name: string | null; verdictDate: string | null }> };
    expect(out.records.map((x) => x.name)).toEqual(['Akzhol Zhandarbekov', null, 'Kazybek Kudaibergenov', 'Nursultan Isaev']);
    expect(out.records[0]!.verdictDate).toBe('2024-06-11');
  });

  it('reads stdin with FILE "-", and leaves "June 11" unresolved without --published', () => {
    const r = run(['-'], readFileSync(EXAMPLE, 'utf8'));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { records: Array<{ verdictDate: string | null }> };
    expect(out.records).toHaveLength(4);
    expect(out.records[0]!.verdictDate).toBeNull();
  });

  it('turns a page into article text with --html', () => {
    const r = run([path.join(FIXTURE_DIR, 'kz-html-almaty-police-deputy-chief.html'), '--html', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { records: Array<{ name: string | null }> };
    expect(out.records.map((x) => x.name)).toContain('Serik Zhumagulov');
  });

  it('--jsonl writes one {"id","records"} line per input line, in order, errors included', () => {
    const lines = [
      JSON.stringify({ id: 'a', text: readFileSync(EXAMPLE, 'utf8'), published: '2024-06-14' }),
      'not json',
      JSON.stringify({ id: 7, text: 'Nothing happened today.', published: null }),
      JSON.stringify({ id: 'b', text: 'x', published: '14/06/2024' }),
    ];
    const r = run(['--jsonl'], `${lines.join('\n')}\n`);
    expect(r.code).toBe(0);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: unknown; records: unknown[]; error?: string });
    expect(out.map((o) => o.id)).toEqual(['a', null, 7, 'b']);
    expect(out[0]!.records).toHaveLength(4);
    expect(out[1]!.error).toMatch(/line 2: not JSON/);
    expect(out[2]!.records).toEqual([]);
    expect(out[3]!.error).toMatch(/published/);
  });

  it('an empty file gets a clear message and exit code 1', () => {
    const file = path.join(tmp, 'empty.txt');
    writeFileSync(file, '');
    const r = run([file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/empty\.txt is empty: nothing to extract/);
  });

  it('a binary file gets a clear message and exit code 1', () => {
    const file = path.join(tmp, 'binary.bin');
    writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
    const r = run([file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/looks binary/);
  });

  it('a 10 MB text gives a bounded result and says only the start was read', () => {
    const file = path.join(tmp, 'huge.txt');
    const unit = 'Akzhol Zhandarbekov was found guilty and received a four-year prison sentence. ';
    writeFileSync(file, unit.repeat(Math.ceil((10 * 1024 * 1024) / unit.length)));
    const r = run([file, '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/only the first 2 MB were read/);
    expect((JSON.parse(r.stdout) as { records: unknown[] }).records.length).toBeLessThanOrEqual(1);
  });

  it('rejects a malformed --published and a missing file with one clear line', () => {
    const bad = run([EXAMPLE, '--published', 'June 14']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--published: expected YYYY-MM-DD/);
    const missing = run([path.join(tmp, 'nope.txt')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no such file/);
  });
});
