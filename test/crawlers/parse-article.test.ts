/** parseArticle: body, title, published date (in the issue's order), author, language, canonical URL. */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NotAnArticleError } from '../../src/errors.ts';
import { normalizeUrl, parseArticle } from '../../src/crawlers/index.ts';
import { pageOf } from './page-helpers.ts';

const HERALD = path.resolve(import.meta.dirname, '../../fixtures/sites/steppe-herald');
const BODY = `<article><h1>Former mayor jailed</h1>
<p>The city court on Tuesday sentenced the former mayor to eight years in prison for taking bribes from contractors.</p>
<p>Prosecutors had asked for ten years. The defence said it would appeal within fifteen days of the verdict.</p>
<p>The former mayor was arrested last year after an investigation by the anti-corruption agency into road contracts.</p></article>`;

function html(head: string, body = BODY, lang = 'en'): string {
  return `<!doctype html><html${lang ? ` lang="${lang}"` : ''}><head><meta charset="utf-8"><title>Former mayor jailed | City News</title>${head}</head><body>
<nav><a href="/">Home</a><a href="/courts">Courts</a></nav>${body}<footer>Contact us</footer></body></html>`;
}

const JSON_LD = `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"City News"},
  {"@type":"NewsArticle","headline":"Former mayor jailed","datePublished":"2024-06-14T09:30:00+05:00","author":[{"@type":"Person","name":"Aigerim Sadykova"}]}]}</script>`;
const OG = '<meta property="article:published_time" content="2024-06-13T08:00:00Z"><meta name="author" content="Meta Author">';
const TIME = '<time datetime="2024-06-12T07:00:00Z">12 June</time>';

describe('published date, in order: JSON-LD, Open Graph, <time>, visible text', () => {
  it.each([
    ['JSON-LD wins over everything', html(JSON_LD + OG, BODY.replace('<h1>', `${TIME}<h1>`)), '2024-06-14T04:30:00.000Z'],
    ['then article:published_time', html(OG, BODY.replace('<h1>', `${TIME}<h1>`)), '2024-06-13T08:00:00.000Z'],
    ['then <time datetime>', html('', BODY.replace('<h1>', `${TIME}<h1>`)), '2024-06-12T07:00:00.000Z'],
    ['then a date in the visible text', html('', BODY.replace('<h1>Former mayor jailed</h1>', '<h1>Former mayor jailed</h1><p class="byline">Published 11 June 2024</p>')), '2024-06-11'],
    ['none at all', html(''), null],
  ])('%s', (_label, page, expected) => {
    const published = parseArticle(pageOf(page)).publishedAt;
    if (expected === null) expect(published).toBeNull();
    else expect(published).toMatch(new RegExp(`^${expected}`));
  });

  it('ignores broken JSON-LD and falls through', () => {
    const page = html('<script type="application/ld+json">{"@type": "NewsArticle", broken</script>' + OG);
    expect(parseArticle(pageOf(page)).publishedAt).toBe('2024-06-13T08:00:00.000Z');
  });
});

describe('body, title and author', () => {
  it('extracts the body without navigation or footer, paragraphs separated by a blank line', () => {
    const a = parseArticle(pageOf(html(JSON_LD)));
    expect(a.text.split('\n\n')).toHaveLength(3);
    expect(a.text).toMatch(/^The city court on Tuesday sentenced/);
    expect(a.text).not.toMatch(/Home|Courts|Contact us/);
    expect(a.title).toBe('Former mayor jailed');
    expect(a.author).toBe('Aigerim Sadykova');
  });

  it('takes the author from meta tags when there is no JSON-LD', () => {
    expect(parseArticle(pageOf(html(OG))).author).toBe('Meta Author');
  });

  it('uses per-source selectors over Readability', () => {
    const body = `<div class="teaser"><p>${'Teaser text that is long and looks like an article. '.repeat(12)}</p></div>
      <div class="real-body"><p>Only this paragraph is the article.</p></div><span class="when">2024-01-02</span><h2 class="hl">Selector headline</h2>`;
    const a = parseArticle(pageOf(html('', body)), { article: { body: '.real-body', title: '.hl', published: '.when' } });
    expect(a.text).toBe('Only this paragraph is the article.');
    expect(a.title).toBe('Selector headline');
    expect(a.publishedAt).toBe('2024-01-02T00:00:00.000Z');
  });

  it('cleans soft hyphens, odd spaces and decomposed letters in the text', () => {
    const body = `<article><h1>T</h1><p>Der Ange\u00ADklagte aus Zu\u0308rich wurde zu f\u00FCnf\u00A0Jahren verurteilt, sagte das Gericht am Dienstag in der Stadt.</p>
      <p>Die Staatsanwaltschaft hatte sieben Jahre gefordert. Das Urteil ist noch nicht rechtskr\u00E4ftig, teilte das Gericht mit.</p></article>`;
    const a = parseArticle(pageOf(html('', body, 'de')));
    expect(a.text).toContain('Der Angeklagte aus Zürich wurde zu fünf Jahren verurteilt');
    for (const ch of ['\u00AD', '\u00A0', '\u0308']) expect(a.text).not.toContain(ch);
  });
});

describe('language', () => {
  it('takes <html lang>, primary subtag only', () => {
    expect(parseArticle(pageOf(html('', BODY, 'en-GB'))).language).toBe('en');
  });

  it('detects it when <html lang> is missing', () => {
    expect(parseArticle(pageOf(html('', BODY, ''))).language).toBe('en');
    const ru = `<article><h1>Приговор</h1><p>Суд приговорил бывшего мэра к восьми годам лишения свободы за получение взяток от подрядчиков, сообщили в пресс-службе суда.</p>
      <p>Прокурор запрашивал десять лет. Защита заявила, что обжалует приговор в течение пятнадцати суток.</p></article>`;
    expect(parseArticle(pageOf(html('', ru, ''))).language).toBe('ru');
  });

  it('falls back to the source language when the text says too little', () => {
    expect(parseArticle(pageOf(html('', '<article><p>42</p></article>', '')), { language: 'kk' }).language).toBe('kk');
  });
});

describe('canonical URL: two URLs of the same article are one article', () => {
  it('uses <link rel=canonical>, normalised', () => {
    const page = html('<link rel="canonical" href="/a/former-mayor-jailed?b=2&a=1#top">');
    const viaFeed = parseArticle(pageOf(page, 'https://News.Example/a/former-mayor-jailed?utm_source=rss&a=1&b=2'));
    const viaListing = parseArticle(pageOf(page, 'https://news.example/amp/former-mayor-jailed'));
    expect(viaFeed.canonicalUrl).toBe('https://news.example/a/former-mayor-jailed?a=1&b=2');
    expect(viaListing.canonicalUrl).toBe(viaFeed.canonicalUrl);
  });

  it('falls back to the normalised final URL without tracking parameters', () => {
    const a = parseArticle(pageOf(html(''), 'https://NEWS.example:443/a/1?utm_medium=feed&fbclid=xyz&id=7#comments'));
    expect(a.canonicalUrl).toBe('https://news.example/a/1?id=7');
  });

  it('ignores a canonical that points at the home page of a deeper URL', () => {
    expect(parseArticle(pageOf(html('<link rel="canonical" href="/">'), 'https://news.example/a/1')).canonicalUrl).toBe('https://news.example/a/1');
  });

  it("the demo site's article listed with and without utm parameters has one canonical URL", () => {
    const file = readFileSync(path.join(HERALD, 'articles/brooklyn-exporter-sentenced-chips-russia.html'));
    const base = 'http://127.0.0.1:4321/articles/brooklyn-exporter-sentenced-chips-russia.html';
    const fromRss = parseArticle(pageOf(file, `${base}?utm_source=rss&utm_medium=feed&utm_campaign=daily`));
    const fromListing = parseArticle(pageOf(file, base));
    expect(fromRss.canonicalUrl).toBe(fromListing.canonicalUrl);
    expect(fromRss.publishedAt).toMatch(/^2024-07-09/);
  });
});

describe('normalizeUrl', () => {
  it.each([
    ['HTTP://Example.COM:80/Path?b=2&a=1#frag', 'http://example.com/Path?a=1&b=2'],
    ['https://example.com/x?utm_source=a&utm_campaign=b&gclid=1&fbclid=2&page=3', 'https://example.com/x?page=3'],
    ['https://example.com', 'https://example.com/'],
    ['https://example.com./a?', 'https://example.com/a'],
  ])('%s', (input, expected) => {
    expect(normalizeUrl(input)).toBe(expected);
  });
});

describe('not an article', () => {
  it('refuses a PDF body', () => {
    expect(() => parseArticle(pageOf(Buffer.from('%PDF-1.4 ...'), 'https://x.example/a.pdf', 'application/pdf', null))).toThrow(NotAnArticleError);
  });
});
