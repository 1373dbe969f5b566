/**
 * Article-body benchmark, side by side: our parseArticle and plain Readability (on linkedom, no pruning,
 * its textContent) over the same pages of the public Zyte article-extraction benchmark, each scored by
 * ../shared/bench/score-article-body.mjs. Reports F1, precision, recall, empty pages and time per page.
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
import { parseArticle } from '../src/crawlers/index.ts';
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
    const start = process.hrtime.bigint();
    for (const p of pages) predictions[p.id] = { articleBody: extract(p) };
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    results.push({ name, score: score(dir, predictions), msPerPage: ms / pages.length });
  }
  return results;
}

function printTable(results: ExtractorResult[]): void {
  const rows = results.map((r) =>
    `${r.name.padEnd(22)} F1 ${r.score.f1.toFixed(3)}${r.score.std ? ` ±${r.score.std.f1.toFixed(3)}` : ''}  precision ${r.score.precision.toFixed(3)}  recall ${r.score.recall.toFixed(3)}  accuracy ${r.score.accuracy.toFixed(3)}  empty ${r.score.emptyPred}/${r.score.n}  ${r.msPerPage.toFixed(1)} ms/page (${(1000 / r.msPerPage).toFixed(0)} pages/s, one core)`,
  );
  process.stdout.write(`${rows.join('\n')}\n`);
}

export default async function articleBodyBench(): Promise<BenchFigure[]> {
  const results = await runArticleBodyBench(process.env.ARTICLE_BENCH_DIR ?? DEFAULT_DIR);
  printTable(results);
  return results.flatMap((r) => [
    { name: `article_body.${r.name}.f1`, value: r.score.f1, unit: 'F1', better: 'higher' as const, note: `${r.score.emptyPred} empty of ${r.score.n}` },
    { name: `article_body.${r.name}.ms_per_page`, value: r.msPerPage, unit: 'ms/page', better: 'lower' as const, note: 'parse + extract, one core' },
  ]);
}

const runDirectly = process.argv[1] !== undefined && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url;
if (runDirectly) {
  const dir = path.resolve(process.argv[2] ?? DEFAULT_DIR);
  printTable(await runArticleBodyBench(dir));
}
