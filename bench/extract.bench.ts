/**
 * Extraction throughput on one core over the golden fixtures (articles per second, ms per 1,000 words,
 * and the same scaled to an 800-word article), and the time to load the rules (first import + first call).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchFigure } from './run.ts';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/articles');
/** Enough passes for a stable figure (~1-3 s on one core). */
const MIN_PASSES = 5;
const MIN_MS = 500;
const ROUNDS = 6;
/** A long-running worker is always warm; the cold first call is reported on its own. */
const WARMUP_MS = 1_500;

export default async function bench(): Promise<BenchFigure[]> {
  const loadStart = performance.now();
  const { extractVerdicts } = await import('../src/extract/index.ts');
  const importMs = performance.now() - loadStart;
  const { htmlToArticleText } = await import('../src/commands/extract.ts');
  const names = readdirSync(FIXTURES).filter((f) => f.endsWith('.expected.json')).map((f) => f.slice(0, -'.expected.json'.length));
  const articles: Array<{ text: string; published: string | null }> = [];
  for (const name of names) {
    const { published } = JSON.parse(readFileSync(path.join(FIXTURES, `${name}.expected.json`), 'utf8')) as { published: string | null };
    const txt = path.join(FIXTURES, `${name}.txt`);
    const html = path.join(FIXTURES, `${name}.html`);
    if (existsSync(txt)) articles.push({ text: readFileSync(txt, 'utf8'), published });
    else if (existsSync(html)) articles.push({ text: (await htmlToArticleText(readFileSync(html, 'utf8'))).text, published });
  }
  const firstCallStart = performance.now();
  extractVerdicts(articles[0]!.text, { published: articles[0]!.published });
  const firstCallMs = performance.now() - firstCallStart;
  const loadMs = importMs + firstCallMs;

  const words = articles.reduce((n, a) => n + a.text.split(/\s+/).filter(Boolean).length, 0);
  // warm up the JIT (regexes tier up from the interpreter after some runs), then measure whole passes
  const warmStart = performance.now();
  while (performance.now() - warmStart < WARMUP_MS) for (const a of articles) extractVerdicts(a.text, { published: a.published });
  // best of ROUNDS: other processes on a shared machine only ever make a round slower
  let bestMsPerPass = Infinity;
  for (let r = 0; r < ROUNDS; r++) {
    let passes = 0;
    const t0 = performance.now();
    while (passes < MIN_PASSES || performance.now() - t0 < MIN_MS) {
      for (const a of articles) extractVerdicts(a.text, { published: a.published });
      passes++;
    }
    bestMsPerPass = Math.min(bestMsPerPass, (performance.now() - t0) / passes);
  }
  const passes = 1;
  const ms = bestMsPerPass;
  const perArticleMs = ms / (passes * articles.length);
  const msPer1000Words = (ms / (passes * words)) * 1000;
  const avgWords = words / articles.length;
  return [
    { name: 'extract.articles_per_second', value: 1000 / perArticleMs, unit: 'articles/s', better: 'higher', note: `${articles.length} fixtures, avg ${Math.round(avgWords)} words, one core, best of ${ROUNDS} rounds` },
    { name: 'extract.ms_per_1000_words', value: msPer1000Words, unit: 'ms', better: 'lower' },
    { name: 'extract.articles_per_second_800_words', value: 1000 / ((msPer1000Words * 800) / 1000), unit: 'articles/s', better: 'higher', note: 'scaled to an 800-word article (target >= 200)' },
    { name: 'extract.rules_load_ms', value: loadMs, unit: 'ms', better: 'lower', note: 'first import of src/extract (through tsx) + first call' },
    { name: 'extract.first_call_ms', value: firstCallMs, unit: 'ms', better: 'lower', note: 'first extraction, cold JIT' },
  ];
}
