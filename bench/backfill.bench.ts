/**
 * Backfill throughput: a 5,000-page WARC.gz (generated from the article fixtures with varied names) read,
 * parsed, extracted and stored into a fresh Postgres database, end to end, in one process.
 * Also reports where the time goes (WARC reading, article parsing, rules, Postgres).
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createPipelineIngest } from '../src/backfill/pipeline-ingest.ts';
import { defaultParseThreads } from '../src/backfill/parse-pool.ts';
import { runBackfill } from '../src/backfill/runner.ts';
import { readWarcFiles } from '../src/backfill/warc.ts';
import { PROJECT_ROOT } from '../src/config.ts';
import { parseArticle } from '../src/crawlers/index.ts';
import { EXTRACTOR_VERSION, extractVerdicts } from '../src/extract/index.ts';
import { log } from '../src/log.ts';
import { Db, dropDatabase } from '../src/store/db.ts';
import { migrate } from '../src/store/migrate.ts';
import type { PipelineDeps } from '../src/workers/pipeline.ts';
import { articleHtml } from '../test/backfill/helpers/fake-archive.ts';
import { writeWarc, type WarcEntry } from '../test/backfill/helpers/build-warc.ts';
import type { BenchFigure } from './run.ts';

const PAGES = Number(process.env.BENCH_BACKFILL_PAGES ?? 5000);
const PG_BASE = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const FIRST = ['Akzhol', 'Marlen', 'Daniyar', 'Aigerim', 'Nurlan', 'Saule', 'Yerlan', 'Gulnara', 'Timur', 'Asel', 'Bakhyt', 'Zhanna'];
const LAST = ['Zhandarbekov', 'Dauletov', 'Abenov', 'Seitkali', 'Omarov', 'Kassymova', 'Tokayev', 'Nurpeisova', 'Baibolov', 'Iskakov'];

async function fixtureTexts(): Promise<Array<{ text: string; names: string[] }>> {
  const dir = path.join(PROJECT_ROOT, 'fixtures/articles');
  const out = [];
  for (const f of (await readdir(dir)).filter((n) => n.endsWith('.txt')).sort()) {
    const text = await readFile(path.join(dir, f), 'utf8');
    let names: string[] = [];
    try {
      const expected = JSON.parse(await readFile(path.join(dir, f.replace(/\.txt$/, '.expected.json')), 'utf8')) as { records?: Array<{ name: string | null }> };
      names = (expected.records ?? []).map((r) => r.name).filter((n): n is string => typeof n === 'string' && n.includes(' '));
    } catch {
      // no golden file: the text is used with its names unchanged
    }
    out.push({ text, names });
  }
  return out;
}

/** Page i: fixture i % k with its defendants renamed, so every page is a distinct article. */
function* benchEntries(fixtures: Array<{ text: string; names: string[] }>): Generator<WarcEntry> {
  for (let i = 0; i < PAGES; i++) {
    const f = fixtures[i % fixtures.length]!;
    let text = f.text;
    f.names.forEach((name, j) => {
      const fresh = `${FIRST[(i + j) % FIRST.length]} ${LAST[(Math.floor(i / FIRST.length) + j * 3) % LAST.length]}-${i}`;
      text = text.split(name).join(fresh);
    });
    const title = text.split('\n')[0]!.slice(0, 120);
    yield {
      type: 'response',
      url: `https://news.example.kz/${2022 + (i % 3)}/${i}-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 60)}`,
      date: new Date(Date.UTC(2022, 0, 1) + i * 3_600_000).toISOString(),
      body: articleHtml(title, text),
    };
  }
}

// Items in flight: enough to keep the parse threads and Postgres busy at the same time.
const CONCURRENCY = 8;
// Pages timed one by one, single-threaded, to say where the time goes.
const COST_SAMPLE = 300;

/** Single-thread cost per page of each CPU step, on the first COST_SAMPLE pages of the WARC. */
async function cpuCostPerPage(file: string): Promise<{ read: number; parse: number; extract: number }> {
  let t0 = performance.now();
  const source = await readWarcFiles([file]);
  // the count pass (for the progress total) reads the whole file once
  const countPerPage = (performance.now() - t0) / Math.max(1, source.total ?? 1);
  let read = 0;
  let parse = 0;
  let extract = 0;
  let n = 0;
  t0 = performance.now();
  for await (const item of source.items) {
    const { page } = await item.load();
    read += performance.now() - t0;
    t0 = performance.now();
    const parsed = parseArticle(page);
    parse += performance.now() - t0;
    t0 = performance.now();
    extractVerdicts(parsed.text, { published: parsed.publishedAt?.slice(0, 10) ?? null });
    extract += performance.now() - t0;
    if (++n >= COST_SAMPLE) break;
    t0 = performance.now();
  }
  const r = (ms: number) => +ms.toFixed(3);
  return { read: r(countPerPage + read / n), parse: r(parse / n), extract: r(extract / n) };
}

export default async function bench(): Promise<BenchFigure[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cw-bench-backfill-'));
  const dbName = `cw_bench_backfill_${randomUUID().slice(0, 8)}`;
  const url = new URL(PG_BASE);
  url.pathname = `/${dbName}`;
  const file = path.join(dir, 'bench.warc.gz');
  await writeWarc(file, benchEntries(await fixtureTexts()), { gzip: true });
  await migrate(url.toString());
  const db = new Db(url.toString(), { max: 10 });
  const deps: PipelineDeps = {
    db,
    crawler: { discover: () => Promise.reject(new Error('no network')), fetch: () => Promise.reject(new Error('no network')) },
    sources: new Map(),
    parseArticle,
    extract: extractVerdicts,
    extractorVersion: EXTRACTOR_VERSION,
    log,
  };
  const threads = Number(process.env.BENCH_PARSE_THREADS ?? defaultParseThreads());
  const { ingest, ready, close } = await createPipelineIngest(deps, { threads });
  try {
    // thread start-up (loading TypeScript) is a one-off of a few seconds, not throughput
    await ready();
    const started = performance.now();
    const cpu0 = process.cpuUsage();
    const summary = await runBackfill(
      { db, log, ingest, concurrency: CONCURRENCY },
      { mode: 'warc', sourceId: null, params: { files: [file] }, open: () => readWarcFiles([file]) },
    );
    const seconds = (performance.now() - started) / 1000;
    // all of this process's threads; on a busy machine this says more than the wall-clock rate
    const cpu = process.cpuUsage(cpu0);
    const cpuMsPerPage = (cpu.user + cpu.system) / 1000 / PAGES;
    if (summary.fetched !== PAGES || summary.failed !== 0) {
      throw new Error(`bench backfill: expected ${PAGES} pages and no failure, got ${summary.fetched} fetched, ${summary.failed} failed: ${JSON.stringify(summary.failures)}`);
    }
    const cost = await cpuCostPerPage(file);
    return [
      {
        name: 'backfill.warc_pages_per_second', value: PAGES / seconds, unit: 'pages/s', better: 'higher',
        note: `${PAGES}-page WARC.gz -> Postgres end to end, ${threads} parse thread(s), ${summary.recordsCreated} records`,
      },
      { name: 'backfill.node_cpu_ms_per_page', value: cpuMsPerPage, unit: 'ms/page', better: 'lower', note: 'CPU of all node threads during the run (Postgres not included)' },
      { name: 'backfill.warc_read_ms_per_page', value: cost.read, unit: 'ms/page', better: 'lower', note: 'warcio: count pass + read, one thread' },
      { name: 'backfill.parse_ms_per_page', value: cost.parse, unit: 'ms/page', better: 'lower', note: 'parseArticle (readability on linkedom), one thread' },
      { name: 'backfill.extract_ms_per_page', value: cost.extract, unit: 'ms/page', better: 'lower', note: 'extractVerdicts (the rules), one thread' },
    ];
  } finally {
    await close();
    await db.close();
    await dropDatabase(PG_BASE, dbName);
    await rm(dir, { recursive: true, force: true });
  }
}
