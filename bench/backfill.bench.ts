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
import { runBackfill } from '../src/backfill/runner.ts';
import { readWarcFiles } from '../src/backfill/warc.ts';
import { PROJECT_ROOT } from '../src/config.ts';
import { parseArticle } from '../src/crawlers/index.ts';
import { EXTRACTOR_VERSION, extractVerdicts } from '../src/extract/index.ts';
import { log } from '../src/log.ts';
import { Db, dropDatabase } from '../src/store/db.ts';
import { migrate } from '../src/store/migrate.ts';
import { ingestPage, type PipelineDeps } from '../src/workers/pipeline.ts';
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

export default async function bench(): Promise<BenchFigure[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cw-bench-backfill-'));
  const dbName = `cw_bench_backfill_${randomUUID().slice(0, 8)}`;
  const url = new URL(PG_BASE);
  url.pathname = `/${dbName}`;
  const file = path.join(dir, 'bench.warc.gz');
  await writeWarc(file, benchEntries(await fixtureTexts()), { gzip: true });
  await migrate(url.toString());
  const db = new Db(url.toString(), { max: 10 });
  const timing = { parse: 0, extract: 0, ingest: 0 };
  const deps: PipelineDeps = {
    db,
    crawler: { discover: () => Promise.reject(new Error('no network')), fetch: () => Promise.reject(new Error('no network')) },
    sources: new Map(),
    parseArticle: (page, source) => {
      const t0 = performance.now();
      try {
        return parseArticle(page, source);
      } finally {
        timing.parse += performance.now() - t0;
      }
    },
    extract: (text, options) => {
      const t0 = performance.now();
      try {
        return extractVerdicts(text, options);
      } finally {
        timing.extract += performance.now() - t0;
      }
    },
    extractorVersion: EXTRACTOR_VERSION,
    log,
  };
  try {
    const started = performance.now();
    const summary = await runBackfill(
      {
        db, log,
        ingest: async (page, meta) => {
          const t0 = performance.now();
          try {
            const r = await ingestPage(deps, page, { sourceId: meta.sourceId, origin: meta.origin, archivedAt: meta.archivedAt });
            return { known: !r.isNew, pageId: r.pageId, recordsCreated: r.outcome.summary?.added ?? 0 };
          } finally {
            timing.ingest += performance.now() - t0;
          }
        },
      },
      { mode: 'warc', sourceId: null, params: { files: [file] }, open: () => readWarcFiles([file]) },
    );
    const seconds = (performance.now() - started) / 1000;
    if (summary.fetched !== PAGES || summary.failed !== 0) {
      throw new Error(`bench backfill: expected ${PAGES} pages and no failure, got ${summary.fetched} fetched, ${summary.failed} failed: ${JSON.stringify(summary.failures)}`);
    }
    const perPage = (ms: number) => +(ms / PAGES).toFixed(3);
    // ingest time overlaps across the concurrent items; parse and extract are synchronous (no overlap)
    const dbAndOverheadMs = (timing.ingest - timing.parse - timing.extract) / PAGES;
    return [
      { name: 'backfill.warc_pages_per_second', value: PAGES / seconds, unit: 'pages/s', better: 'higher', note: `${PAGES}-page WARC.gz -> Postgres, end to end, ${summary.recordsCreated} records` },
      { name: 'backfill.parse_ms_per_page', value: perPage(timing.parse), unit: 'ms/page', better: 'lower', note: 'parseArticle (readability on linkedom)' },
      { name: 'backfill.extract_ms_per_page', value: perPage(timing.extract), unit: 'ms/page', better: 'lower', note: 'extractVerdicts (the rules)' },
      { name: 'backfill.store_ms_per_page', value: +dbAndOverheadMs.toFixed(3), unit: 'ms/page', better: 'lower', note: 'ingest minus parse/extract: Postgres writes (summed over concurrent items)' },
    ];
  } finally {
    await db.close();
    await dropDatabase(PG_BASE, dbName);
    await rm(dir, { recursive: true, force: true });
  }
}
