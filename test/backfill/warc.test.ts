import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackfillItem, ItemSource } from '../../src/backfill/types.ts';
import { readWarcFiles } from '../../src/backfill/warc.ts';
import { articleHtml } from './helpers/fake-archive.ts';
import { writeWarc, type WarcEntry } from './helpers/build-warc.ts';

const HTML_A = articleHtml('Verdict A', 'The Almaty district court sentenced him to four years.');
const HTML_B = articleHtml('Приговор Б', 'Суд приговорил его к пяти годам лишения свободы.');

const ENTRIES: WarcEntry[] = [
  { type: 'warcinfo', url: '', date: '2023-01-01T00:00:00Z' },
  { type: 'request', url: 'https://news.example.kz/a', date: '2023-02-01T10:00:00Z' },
  { type: 'response', url: 'https://news.example.kz/a', date: '2023-02-01T10:00:01Z', body: HTML_A },
  { type: 'metadata', url: 'https://news.example.kz/a', date: '2023-02-01T10:00:02Z', body: '{"outlinks":[]}' },
  { type: 'response', url: 'https://news.example.kz/logo.png', date: '2023-02-01T10:00:03Z', contentType: 'image/png', body: Buffer.from([0x89, 0x50, 0x4e, 0x47]) },
  { type: 'response', url: 'https://news.example.kz/missing', date: '2023-02-01T10:00:04Z', status: 404, body: '<html>not found</html>' },
  { type: 'revisit', url: 'https://news.example.kz/a', date: '2023-03-01T10:00:00Z' },
  // served gzip-compressed: the reader must hand over the decoded HTML
  { type: 'response', url: 'https://news.example.kz/b', date: '2023-04-05T06:07:08Z', body: gzipSync(Buffer.from(HTML_B)), headers: { 'Content-Encoding': 'gzip' } },
];

async function collect(source: ItemSource): Promise<Array<BackfillItem & { html: string; finalUrl: string; status: number; hash: string }>> {
  const out = [];
  for await (const item of source.items) {
    const { page } = await item.load();
    out.push({ ...item, html: page.body.toString('utf8'), finalUrl: page.finalUrl, status: page.status, hash: page.contentHash });
  }
  return out;
}

describe('WARC reader', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'cw-warc-'));
    await writeWarc(path.join(dir, 'crawl.warc'), ENTRIES);
    await writeWarc(path.join(dir, 'crawl.warc.gz'), ENTRIES, { gzip: true });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  for (const name of ['crawl.warc', 'crawl.warc.gz']) {
    it(`takes only the HTML responses of ${name}, with target URI and date`, async () => {
      const source = await readWarcFiles([path.join(dir, name)]);
      expect(source.total).toBe(2);
      const items = await collect(source);
      expect(items.map((i) => [i.url, i.archivedAt?.toISOString(), i.finalUrl, i.status])).toEqual([
        ['https://news.example.kz/a', '2023-02-01T10:00:01.000Z', 'https://news.example.kz/a', 200],
        ['https://news.example.kz/b', '2023-04-05T06:07:08.000Z', 'https://news.example.kz/b', 200],
      ]);
      expect(items[0]!.html).toBe(HTML_A);
      expect(items[1]!.html).toBe(HTML_B);
      expect(items[0]!.key).toMatch(new RegExp(`^${name.replaceAll('.', '\\.')}:<urn:uuid:`));
      expect(new Set(items.map((i) => i.key)).size).toBe(2);
      expect(Object.fromEntries(source.skipped)).toEqual({
        'WARC warcinfo record': 1,
        'WARC request record': 1,
        'WARC metadata record': 1,
        'WARC revisit record': 1,
        'not HTML': 1,
        'HTTP status 404': 1,
      });
    });
  }

  it('gives the same keys on a second read (the checkpoint depends on it)', async () => {
    const file = path.join(dir, 'crawl.warc.gz');
    const first = (await collect(await readWarcFiles([file]))).map((i) => i.key);
    const second = (await collect(await readWarcFiles([file]))).map((i) => i.key);
    expect(second).toEqual(first);
  });
});
