import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCanonicalUrl, readSavedPages } from '../../src/backfill/saved-pages.ts';
import { articleHtml } from './helpers/fake-archive.ts';

describe('folder of saved pages', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'cw-dir-'));
    await mkdir(path.join(dir, 'news.example.kz', '2023'), { recursive: true });
    await mkdir(path.join(dir, 'misc'), { recursive: true });
    await writeFile(path.join(dir, 'canonical.html'), articleHtml('A', 'text a', 'https://news.example.kz/2023/a?x=1&y=2'));
    await writeFile(path.join(dir, 'sidecar-url.htm'), articleHtml('B', 'text b'));
    await writeFile(path.join(dir, 'sidecar-url.url'), '[InternetShortcut]\nURL=https://news.example.kz/2023/b\n');
    await writeFile(path.join(dir, 'sidecar-json.html'), articleHtml('C', 'text c'));
    await writeFile(path.join(dir, 'sidecar-json.json'), JSON.stringify({ url: 'https://news.example.kz/2023/c', saved: '2023-05-01' }));
    await writeFile(path.join(dir, 'news.example.kz', '2023', 'd.html'), articleHtml('D', 'text d'));
    await writeFile(path.join(dir, 'misc', 'Saved Page E.html'), articleHtml('E', 'text e'));
    await writeFile(path.join(dir, 'misc', 'notes.txt'), 'not a page');
    await writeFile(path.join(dir, 'misc', 'image.png'), Buffer.from([1, 2, 3]));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('takes every .html/.htm file; URL from canonical link, else sidecar, else the file path', async () => {
    const source = await readSavedPages(dir);
    expect(source.total).toBe(5);
    const got: Record<string, string> = {};
    for await (const item of source.items) {
      const { page, archivedAt } = await item.load();
      got[item.key] = page.finalUrl;
      expect(page.status).toBe(200);
      expect(page.body.toString()).toContain('<article>');
      expect(archivedAt).toBeInstanceOf(Date);
    }
    expect(got).toEqual({
      'canonical.html': 'https://news.example.kz/2023/a?x=1&y=2',
      'sidecar-url.htm': 'https://news.example.kz/2023/b',
      'sidecar-json.html': 'https://news.example.kz/2023/c',
      [path.join('news.example.kz', '2023', 'd.html')]: 'https://news.example.kz/2023/d.html',
      [path.join('misc', 'Saved Page E.html')]: pathToFileURL(path.join(dir, 'misc', 'Saved Page E.html')).toString(),
    });
  });

  it('maps file paths under --base-url when given', async () => {
    const source = await readSavedPages(dir, { baseUrl: 'https://archive.example.org/saved' });
    const urls: string[] = [];
    for await (const item of source.items) urls.push((await item.load()).page.finalUrl);
    expect(urls).toContain('https://archive.example.org/saved/misc/Saved%20Page%20E.html');
  });

  it('finds the canonical link in either attribute order and ignores relative ones', () => {
    expect(findCanonicalUrl('<head><link href="https://a.kz/x" rel="canonical"></head>')).toBe('https://a.kz/x');
    expect(findCanonicalUrl("<link rel='canonical' href='https://a.kz/y'>")).toBe('https://a.kz/y');
    expect(findCanonicalUrl('<link rel="canonical" href="/relative">')).toBeNull();
    expect(findCanonicalUrl('<link rel="stylesheet" href="https://a.kz/s.css">')).toBeNull();
  });
});
