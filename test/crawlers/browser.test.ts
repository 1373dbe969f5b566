/** render: browser in real Chromium (playwright-core) against the local server. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DisallowedError, FetchError } from '../../src/errors.ts';
import { createCrawler, parseArticle } from '../../src/crawlers/index.ts';
import { startFixtureServer, testSource, type FixtureServer } from './fixture-server.ts';

const PARAGRAPHS = [
  'The regional court sentenced the former customs officer to seven years in prison on Tuesday.',
  'Prosecutors had asked for nine years; the defence said it would appeal the verdict within fifteen days.',
  'The officer was found guilty of taking bribes worth more than twenty million tenge from importers.',
];

/** The article exists only after this script runs. */
const JS_ARTICLE = `<!doctype html><html lang="en"><head><title>Loading…</title></head><body>
<div id="app">Loading…</div>
<img src="/img/photo.jpg"><link rel="stylesheet" href="/font.css">
<script>
setTimeout(() => {
  document.title = 'Customs officer jailed for seven years';
  const paragraphs = ${JSON.stringify(PARAGRAPHS)};
  document.getElementById('app').innerHTML = '<article class="story"><h1>Customs officer jailed for seven years</h1>' +
    paragraphs.map((p) => '<p>' + p + '</p>').join('') + '</article>';
}, 150);
</script></body></html>`;

const JS_LISTING = `<!doctype html><html><head><title>News</title></head><body><ul id="list"></ul>
<script>
fetch('/api/stories').then((r) => r.json()).then((stories) => {
  document.getElementById('list').innerHTML = stories.map((s) => '<li class="story"><a href="' + s + '">' + s + '</a></li>').join('');
});
</script></body></html>`;

let server: FixtureServer;
const crawler = createCrawler({ contactUrl: 'https://courtwatch.example/contact', timeouts: { browserMs: 15_000 } });

beforeAll(async () => {
  server = await startFixtureServer();
  server.route('/robots.txt', (_req, res) => res.writeHead(404).end());
  server.route('/js-article', (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(JS_ARTICLE));
  server.route('/img/photo.jpg', (_req, res) => res.writeHead(200, { 'content-type': 'image/jpeg' }).end(Buffer.alloc(10)));
  server.route('/js-listing', (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(JS_LISTING));
  server.route('/api/stories', (_req, res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(['/news/js-1.html', '/news/js-2.html', '/other/skip.html'])),
  );
  server.route('/never-ready', (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>still loading</body></html>'));
});

afterAll(async () => {
  await crawler.close();
  await server.close();
});

describe('render: browser', () => {
  it('fetches a page whose article is inserted by JavaScript, waiting for a selector; images are blocked', async () => {
    const source = testSource({ render: 'browser', wait_for: 'article.story p' });
    const page = await crawler.fetch(`${server.origin}/js-article`, source);
    expect(page.status).toBe(200);
    expect(page.charset).toBe('utf-8');
    const article = parseArticle(page, source);
    expect(article.title).toBe('Customs officer jailed for seven years');
    expect(article.text).toBe(PARAGRAPHS.join('\n\n'));
    expect(server.hits('/img/photo.jpg')).toHaveLength(0);
    expect(server.hits('/js-article')[0]!.headers['user-agent']).toContain('courtwatch/');
  });

  it('discovers links of a JavaScript-rendered listing (network idle)', async () => {
    const source = testSource({
      kind: 'listing',
      render: 'browser',
      wait_for: 'networkidle',
      url: `${server.origin}/js-listing`,
      include: ['/news/'],
      listing: { article_links: 'li.story a' },
    });
    const result = await crawler.discover(source);
    expect(result.urls.map((u) => u.url)).toEqual([`${server.origin}/news/js-1.html`, `${server.origin}/news/js-2.html`]);
  });

  it('refuses a private address unless the source allows it (robots.txt is not even asked)', async () => {
    const err = await crawler.fetch(`${server.origin}/js-article`, testSource({ render: 'browser', allow_private_network: false })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DisallowedError);
  });
});

describe('render: browser, without robots and limits (so the browser itself is tested)', () => {
  const bare = createCrawler({ contactUrl: 'https://courtwatch.example/contact', politeness: false, timeouts: { browserMs: 1500 } });
  afterAll(() => bare.close());

  it('gives up at the hard timeout when the wait condition never comes true', async () => {
    const err = await bare.fetch(`${server.origin}/never-ready`, testSource({ render: 'browser', wait_for: '#never' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect((err as FetchError).retryable).toBe(true);
  });

  it("the browser's own request guard refuses a private address", async () => {
    const before = server.hits('/js-article').length;
    const err = await bare.fetch(`${server.origin}/js-article`, testSource({ render: 'browser', allow_private_network: false })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DisallowedError);
    expect(server.hits('/js-article')).toHaveLength(before);
  });
});
