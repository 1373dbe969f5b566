/**
 * A generated news site served from memory, for the crawl-speed bench and the parse-pool test: N article
 * pages of realistic size and shape (~40-55 KB: head metadata, inline scripts and styles, a big navigation,
 * the article, a sidebar, a footer) plus a sitemap, with the true article text kept for scoring.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const WORDS = ('court sentenced former official years prison bribery case regional judge prosecutor appeal verdict colony ' +
  'defendant charges fraud million tenge property confiscation hearing testimony witnesses investigation police ' +
  'ministry deputy akim contract budget funds city district lawyer defence guilty acquitted probation fine ' +
  'evidence documents company director accountant embezzlement abuse power office press service statement').split(' ');

/** Deterministic pseudo-random numbers, so every run serves the same site. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentence(r: () => number): string {
  const n = 10 + Math.floor(r() * 14);
  const words = Array.from({ length: n }, () => WORDS[Math.floor(r() * WORDS.length)]!);
  words[0] = words[0]!.charAt(0).toUpperCase() + words[0]!.slice(1);
  return `${words.join(' ')}.`;
}

export interface GeneratedArticle {
  path: string;
  title: string;
  paragraphs: string[];
  html: string;
}

const NAV = Array.from({ length: 120 }, (_, i) => `<li class="menu__item"><a class="menu__link" href="/section/${i}.html">Section ${i}</a></li>`).join('\n');
const STYLE = `<style>${Array.from({ length: 220 }, (_, i) => `.c${i}{margin:${i % 7}px;padding:${i % 5}px;color:#${(i * 4099).toString(16).padStart(6, '0').slice(0, 6)}}`).join('\n')}</style>`;
const SCRIPT = `<script>window.dataLayer=window.dataLayer||[];${Array.from({ length: 120 }, (_, i) => `function f${i}(a){return a*${i}+${i % 9};}`).join('')}</script>`;

export function generateArticle(i: number): GeneratedArticle {
  const r = rng(i + 1);
  const title = sentence(r).replace(/\.$/, '');
  const paragraphs = Array.from({ length: 8 + Math.floor(r() * 8) }, () => Array.from({ length: 3 + Math.floor(r() * 3) }, () => sentence(r)).join(' '));
  const day = String(1 + (i % 28)).padStart(2, '0');
  const path = `/news/${i}.html`;
  const related = Array.from({ length: 12 }, (_, k) => `<li><a href="/news/${(i + k + 1) * 7}.html">${sentence(r)}</a></li>`).join('');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} | Generated Courts</title>
<link rel="canonical" href="${path}"><meta property="og:title" content="${title}"><meta property="article:published_time" content="2024-05-${day}T08:00:00Z">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"${title}","datePublished":"2024-05-${day}T08:00:00Z","author":{"@type":"Person","name":"Reporter ${i % 13}"}}</script>
${STYLE}${SCRIPT}</head><body>
<header class="site-header"><div class="logo"><a href="/">Generated Courts</a></div><nav class="menu"><ul>${NAV}</ul></nav></header>
<div class="cookie">We use cookies to improve the site. <button>Accept</button></div>
<main class="layout"><article class="story"><h1 class="story__title">${title}</h1>
<div class="byline">By Reporter ${i % 13} · <time datetime="2024-05-${day}T08:00:00Z">May ${day}, 2024</time></div>
<div class="story__body">${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</div>
<div class="share"><a href="https://twitter.com/share">Share</a><a href="https://facebook.com/share">Share</a></div></article>
<aside class="sidebar"><h3>Most read</h3><ul>${related}</ul><div class="newsletter">Subscribe to our newsletter for daily court news.</div></aside></main>
<footer class="site-footer"><p>© Generated Courts. All rights reserved.</p><ul>${NAV.slice(0, 4000)}</ul></footer>
${SCRIPT}</body></html>`;
  return { path, title, paragraphs, html };
}

export interface GeneratedSite {
  origin: string;
  articles: GeneratedArticle[];
  close(): Promise<void>;
}

/** Serves `count` generated articles and /sitemap.xml on 127.0.0.1 (port 0). */
export async function startGeneratedSite(count: number): Promise<GeneratedSite> {
  const articles = Array.from({ length: count }, (_, i) => generateArticle(i));
  const byPath = new Map(articles.map((a) => [a.path, Buffer.from(a.html)]));
  const sitemap = `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${articles.map((a) => `<url><loc>${a.path}</loc></url>`).join('')}</urlset>`;
  const server = http.createServer((req, res) => {
    const p = (req.url ?? '/').split('?')[0]!;
    if (p === '/robots.txt') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nAllow: /\n');
    if (p === '/sitemap.xml') return void res.writeHead(200, { 'content-type': 'application/xml' }).end(sitemap);
    const body = byPath.get(p);
    if (!body) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length }).end(body);
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    articles,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// `tsx test/crawlers/generated-site.ts COUNT`: serve the site from its own process (the crawl bench does
// this, so the server's CPU is not counted as the crawler's) and print the origin on stdout.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const site = await startGeneratedSite(Number(process.argv[2] ?? 2000));
  process.stdout.write(`${site.origin}\n`);
  process.on('SIGTERM', () => void site.close().then(() => process.exit(0)));
}
