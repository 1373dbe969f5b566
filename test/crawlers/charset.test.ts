/** Characters right: header, then <meta>, then sniffing; lying headers overruled; text cleaned. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectCharset } from '../../src/crawlers/charset.ts';
import { cleanText, createCrawler, parseArticle } from '../../src/crawlers/index.ts';
import { startFixtureServer, testSource, type FixtureServer } from './fixture-server.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/crawl');
const DEMO_SITE = path.resolve(import.meta.dirname, '../../fixtures/sites/steppe-herald');
const read = (f: string) => readFileSync(path.join(FIXTURES, f));
const RUSSIAN_SENTENCE = 'приговорил бывшего директора коммунального предприятия к пяти годам лишения свободы';

describe('detectCharset', () => {
  it.each([
    ['windows-1251 declared in the header', 'windows-1251-header.html', 'text/html; charset=windows-1251', 'windows-1251', 'header'],
    ['windows-1251 declared in <meta> only', 'windows-1251-meta.html', 'text/html', 'windows-1251', 'meta'],
    ['windows-1251 declared nowhere', 'windows-1251-undeclared.html', 'text/html', 'windows-1251', 'cyrillic-guess'],
    ['UTF-8 with a wrong latin header', 'utf8-wrong-header.html', 'text/html; charset=iso-8859-1', 'utf-8', 'utf8-check'],
    ['UTF-8 with a wrong Cyrillic header', 'utf8-wrong-header.html', 'text/html; charset=windows-1251', 'utf-8', 'utf8-check'],
  ])('%s', (_label, file, contentType, charset, via) => {
    expect(detectCharset(read(file), contentType)).toEqual({ charset, via });
  });

  it('lets a BOM win over the header', () => {
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<p>ü</p>')]);
    expect(detectCharset(body, 'text/html; charset=windows-1251').charset).toBe('utf-8');
  });

  it('keeps a header charset for legacy bytes that are not valid UTF-8', () => {
    expect(detectCharset(Buffer.from([0x3c, 0x70, 0x3e, 0xfc, 0x3c]), 'text/html; charset=windows-1252').charset).toBe('windows-1252');
  });
});

describe('cleanText', () => {
  it.each([
    ['soft hyphens', 'Straf\u00ADverfahren', 'Strafverfahren'],
    ['NFC', 'Cafe\u0301 Zu\u0308rich', 'Café Zürich'],
    ['NBSP and runs of spaces', 'five\u00A0years  in \t prison', 'five years in prison'],
    ['zero-width characters', 'con\u200Bvicted\uFEFF', 'convicted'],
    ['paragraph breaks kept, at most one blank line', 'one\r\n\r\n\r\n\n two \n three', 'one\n\ntwo\nthree'],
  ])('%s', (_label, input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });
});

describe('pages served with their real headers come out right', () => {
  let server: FixtureServer;
  const crawler = createCrawler({ contactUrl: 'https://courtwatch.example/contact' });
  beforeAll(async () => {
    server = await startFixtureServer();
    server.route('/robots.txt', (_req, res) => res.writeHead(404).end());
    const serve = (p: string, file: string, type: string) => server.route(p, (_req, res) => res.writeHead(200, { 'content-type': type }).end(read(file)));
    serve('/ru-header', 'windows-1251-header.html', 'text/html; charset=windows-1251');
    serve('/ru-meta', 'windows-1251-meta.html', 'text/html');
    serve('/ru-none', 'windows-1251-undeclared.html', 'text/html');
    serve('/kk-wrong', 'utf8-wrong-header.html', 'text/html; charset=iso-8859-1');
    server.serveDir('/herald/', DEMO_SITE);
  });
  afterAll(async () => {
    await crawler.close();
    await server.close();
  });

  it.each(['/ru-header', '/ru-meta', '/ru-none'])('a windows-1251 Russian page (%s)', async (p) => {
    const page = await crawler.fetch(`${server.origin}${p}`, testSource());
    expect(page.charset).toBe('windows-1251');
    const article = parseArticle(page);
    expect(article.text).toContain(RUSSIAN_SENTENCE);
    expect(article.title).toBe('Суд в Караганде вынес приговор бывшему директору');
    expect(article.language).toBe('ru');
  });

  it('a UTF-8 Kazakh page with a wrong header', async () => {
    const page = await crawler.fetch(`${server.origin}/kk-wrong`, testSource());
    expect(page.charset).toBe('utf-8');
    const article = parseArticle(page);
    expect(article.text).toContain('Әлібек Жұмабаев 9 жылға');
    expect(article.text).toContain('120 млн ₸');
    expect(article.text).toContain('Müller мырза мен Göktürk');
    expect(article.language).toBe('kk');
  });

  it("the demo site's windows-1251 page (meta only) and UTF-8 page with an iso-8859-1 header", async () => {
    const ru = parseArticle(await crawler.fetch(`${server.origin}/herald/articles/taldykorgan-sud-prigovor-rastrata.html`, testSource()));
    expect(ru.text).toContain('Прокурор запрашивал для Ахметова восемь лет');
    expect(ru.language).toBe('ru');
    const kk = parseArticle(await crawler.fetch(`${server.origin}/herald/articles/shymkent-court-mother-tongue-fund-fraud.html`, testSource()));
    expect(kk.text).toContain('Әлібек Жұмабаев');
    expect(kk.text).not.toMatch(/Ã|Ð/);
  });
});
