/**
 * Article-body benchmark, side by side: our parseArticle and plain Readability (on linkedom, no pruning,
 * its textContent) over the same pages of the public Zyte article-extraction benchmark, each scored by
 * ../shared/bench/score-article-body.mjs. Reports F1, precision, recall, empty pages and time per page.
 *
 * Then a crawl of a generated local site (CRAWL_BENCH_PAGES article pages, default 2,000, ~40 KB each,
 * served from another process on 127.0.0.1) through the real path: discovery from its sitemap,
 * crawler.fetch with politeness off, parseArticle in a pool of worker threads (one per core). Prints
 * pages per second, CPU and peak memory, and the F1 of the extracted text against the generated truth.
 *
 *   npm run bench:body -- ../shared/bench/article-extraction     (prints both scores)
 *   npm run bench -- article-body                                (figures for the bench runner)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import os from 'node:os';
import { sourceSchema } from '../src/config.ts';
import { createCrawler, parseArticle } from '../src/crawlers/index.ts';
import { createParsePool } from '../src/backfill/parse-pool.ts';
import { generateArticle } from '../test/crawlers/generated-site.ts';
import { detectCharset } from '../src/crawlers/charset.ts';
import type { FetchedPage } from '../src/crawlers/types.ts';
import type { BenchFigure } from './run.ts';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_DIR = path.resolve(PROJECT_ROOT, '../shared/bench/article-extraction');
/** JIT warm-up pages per extractor, so the first extractor timed is not penalised. */
const WARMUP_PAGES = 15;

interface BenchPage {
  id: string;
  url: string;
  body: Buffer;
}

interface Score {
  f1: number;
  precision: number;
  recall: number;
  accuracy: number;
  emptyPred: number;
  n: number;
  std: { f1: number } | null;
}

export interface ExtractorResult {
  name: string;
  score: Score;
  msPerPage: number;
}

function loadPages(dir: string): BenchPage[] {
  const truth = JSON.parse(readFileSync(path.join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { url: string }>;
  return readdirSync(path.join(dir, 'html'))
    .filter((f) => f.endsWith('.html.gz'))
    .sort()
    .map((f) => {
      const id = f.replace(/\.html\.gz$/, '');
      return { id, url: truth[id]?.url ?? `https://example.invalid/${id}`, body: gunzipSync(readFileSync(path.join(dir, 'html', f))) };
    });
}

function asFetchedPage(p: BenchPage): FetchedPage {
  return {
    url: p.url, finalUrl: p.url, status: 200, headers: {}, body: p.body, contentType: 'text/html',
    charset: detectCharset(p.body, 'text/html').charset, contentHash: '', fetchedAt: new Date(),
  };
}

const EXTRACTORS: Record<string, (p: BenchPage) => string> = {
  courtwatch: (p) => parseArticle(asFetchedPage(p)).text,
  'readability-linkedom': (p) => {
    const { document } = parseHTML(new TextDecoder(detectCharset(p.body, 'text/html').charset).decode(p.body));
    return new Readability(document as never).parse()?.textContent ?? '';
  },
};

function score(dir: string, predictions: Record<string, { articleBody: string }>): Score {
  const tmp = mkdtempSync(path.join(tmpdir(), 'cw-body-bench-'));
  try {
    const pred = path.join(tmp, 'pred.json');
    const out = path.join(tmp, 'score.json');
    writeFileSync(pred, JSON.stringify(predictions));
    const scorer = path.join(dir, '..', 'score-article-body.mjs');
    execFileSync(process.execPath, [scorer, '--truth', dir, '--pred', pred, '--bootstrap', '200', '--json', out, '--quiet'], { stdio: ['ignore', 'ignore', 'inherit'] });
    return JSON.parse(readFileSync(out, 'utf8')) as Score;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Runs every extractor over the benchmark folder and scores each. */
export async function runArticleBodyBench(dir = DEFAULT_DIR): Promise<ExtractorResult[]> {
  const pages = loadPages(dir);
  const results: ExtractorResult[] = [];
  for (const [name, extract] of Object.entries(EXTRACTORS)) {
    for (const p of pages.slice(0, WARMUP_PAGES)) extract(p);
    const predictions: Record<string, { articleBody: string }> = {};
    // CPU time, not wall time: the figure should not depend on what else the machine is running
    const start = process.cpuUsage();
    for (const p of pages) predictions[p.id] = { articleBody: extract(p) };
    const used = process.cpuUsage(start);
    const ms = (used.user + used.system) / 1000;
    results.push({ name, score: score(dir, predictions), msPerPage: ms / pages.length });
  }
  return results;
}

function printTable(results: ExtractorResult[]): void {
  const rows = results.map((r) =>
    `${r.name.padEnd(22)} F1 ${r.score.f1.toFixed(3)}${r.score.std ? ` ±${r.score.std.f1.toFixed(3)}` : ''}  precision ${r.score.precision.toFixed(3)}  recall ${r.score.recall.toFixed(3)}  accuracy ${r.score.accuracy.toFixed(3)}  empty ${r.score.emptyPred}/${r.score.n}  ${r.msPerPage.toFixed(1)} ms CPU/page (${(1000 / r.msPerPage).toFixed(0)} pages per CPU-second)`,
  );
  process.stdout.write(`${rows.join('\n')}\n`);
}

/** Fetches in flight at once during the crawl bench: enough to keep both cores busy parsing. */
const CRAWL_CONCURRENCY = 32;

export interface CrawlBenchResult {
  pages: number;
  seconds: number;
  pagesPerSecond: number;
  cpuSeconds: number;
  peakRssMb: number;
  f1: number | null;
  failures: number;
}

async function scorerFunctions(dir: string): Promise<{ scorePage: (t: string, p: string) => { precision: number | null; recall: number | null }; aggregate: (p: unknown[]) => { f1: number } } | null> {
  try {
    return (await import(pathToFileURL(path.join(dir, '..', 'score-article-body.mjs')).href)) as never;
  } catch {
    return null; // the scorer is optional here; the figure is then left out
  }
}

/** Crawls a generated site served by a child process, through discovery, fetch and the parse pool. */
export async function runCrawlBench(pageCount: number, scorerDir = DEFAULT_DIR): Promise<CrawlBenchResult> {
  const server = spawn(process.execPath, [...process.execArgv, path.join(PROJECT_ROOT, 'test/crawlers/generated-site.ts'), String(pageCount)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const [line] = (await once(server.stdout, 'data')) as [Buffer];
    const origin = line.toString().trim();
    const source = sourceSchema.parse({ id: 'bench-site', name: 'Generated', kind: 'sitemap', url: `${origin}/sitemap.xml`, allow_private_network: true });
    const crawler = createCrawler({ contactUrl: 'https://courtwatch.example/bench', politeness: false });
    const pool = createParsePool(os.availableParallelism());
    await pool.ready();
    // steady state is what a long-running crawler sees: load the modules in every worker before timing
    const warm = { url: origin, finalUrl: origin, status: 200, headers: {}, body: Buffer.from(generateArticle(0).html), contentType: 'text/html', charset: 'utf-8', contentHash: '', fetchedAt: new Date() };
    await Promise.all(Array.from({ length: os.availableParallelism() * 2 }, () => pool.parse(warm)));
    const cpu0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const { urls } = await crawler.discover(source);
    const texts = new Map<string, string>();
    let failures = 0;
    let next = 0;
    await Promise.all(
      Array.from({ length: CRAWL_CONCURRENCY }, async () => {
        while (next < urls.length) {
          const { url } = urls[next++]!;
          try {
            const page = await crawler.fetch(url, source);
            // null: the thread could not parse it; the main thread parses again to raise the real error
            const article = (await pool.parse(page, source)) ?? parseArticle(page, source);
            texts.set(url, article.text);
          } catch {
            failures++; // counted and reported: a bench run with failures is not a valid figure
          }
        }
      }),
    );
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const cpu = process.cpuUsage(cpu0);
    await Promise.all([crawler.close(), pool.close()]);
    const scorer = await scorerFunctions(scorerDir);
    let f1: number | null = null;
    if (scorer) {
      const scored = [...texts].map(([url, text]) => {
        const i = Number(/\/news\/(\d+)\.html/.exec(url)![1]);
        return scorer.scorePage(generateArticle(i).paragraphs.join('\n'), text);
      });
      f1 = scorer.aggregate(scored).f1;
    }
    return {
      pages: texts.size, seconds, pagesPerSecond: texts.size / seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6,
      peakRssMb: process.resourceUsage().maxRSS / 1024, f1, failures,
    };
  } finally {
    server.kill('SIGTERM');
  }
}

function printCrawl(r: CrawlBenchResult): void {
  process.stdout.write(
    `crawl of a generated local site: ${r.pages} pages in ${r.seconds.toFixed(1)} s = ${r.pagesPerSecond.toFixed(0)} pages/s on ${os.availableParallelism()} cores; ` +
      `CPU ${r.cpuSeconds.toFixed(1)} s (${(r.pages / r.cpuSeconds).toFixed(0)} pages per CPU-second); peak RSS ${r.peakRssMb.toFixed(0)} MB; ` +
      `F1 ${r.f1 === null ? 'n/a' : r.f1.toFixed(3)}; failures ${r.failures}\n`,
  );
}

export default async function articleBodyBench(): Promise<BenchFigure[]> {
  const results = await runArticleBodyBench(process.env.ARTICLE_BENCH_DIR ?? DEFAULT_DIR);
  printTable(results);
  const crawl = await runCrawlBench(Number(process.env.CRAWL_BENCH_PAGES ?? 2000));
  printCrawl(crawl);
  return [
    { name: 'crawl.pages_per_second', value: crawl.pagesPerSecond, unit: 'pages/s', better: 'higher', note: `generated site, ${crawl.pages} pages, fetch + parse` },
    { name: 'crawl.pages_per_cpu_second', value: crawl.pages / crawl.cpuSeconds, unit: 'pages/CPU-s', better: 'higher', note: 'independent of other load' },
    { name: 'crawl.peak_rss_mb', value: crawl.peakRssMb, unit: 'MB', better: 'lower' },
    ...results.flatMap((r) => [
    { name: `article_body.${r.name}.f1`, value: r.score.f1, unit: 'F1', better: 'higher' as const, note: `${r.score.emptyPred} empty of ${r.score.n}` },
    { name: `article_body.${r.name}.ms_per_page`, value: r.msPerPage, unit: 'ms/page', better: 'lower' as const, note: 'CPU time, parse + extract, one core' },
    ]),
  ];
}

const runDirectly = process.argv[1] !== undefined && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url;
if (runDirectly) {
  const dir = path.resolve(process.argv[2] ?? DEFAULT_DIR);
  printTable(await runArticleBodyBench(dir));
  if (process.env.CRAWL_BENCH_PAGES !== '0') printCrawl(await runCrawlBench(Number(process.env.CRAWL_BENCH_PAGES ?? 2000), dir));
}
