/**
 * `courtwatch backfill`: validates the flags, composes the pipeline (database, crawler, queues), picks the
 * reader and runs it with progress, Ctrl-C handling and an end-of-run summary.
 */
import path from 'node:path';
import type { Settings, SourceDefinition } from '../config.ts';
import { createCrawler } from '../crawlers/index.ts';
import { ConfigError } from '../errors.ts';
import { log } from '../log.ts';
import { openPipeline, type PipelineContext } from '../workers/main.ts';
import { archiveSource, crawlerFetchers } from './fetchers.ts';
import { createLiveWorkGate, liveQueueBacklog } from './live-work.ts';
import { defaultParseThreads } from './parse-pool.ts';
import { createPipelineIngest } from './pipeline-ingest.ts';
import { createProgress } from './progress.ts';
import { formatBackfillSummary, runBackfill, type BackfillSpec, type BackfillSummary } from './runner.ts';
import { readSavedPages } from './saved-pages.ts';
import { readSitemapsByDate } from './sitemap-by-date.ts';
import { readWarcFiles } from './warc.ts';
import { readWayback } from './wayback.ts';
import { resolveMode, type BackfillCommandOptions } from './options.ts';

export { resolveMode, type BackfillCommandOptions };

export const DEFAULT_WAYBACK_URL = 'https://web.archive.org';

/** The site prefix to ask the CDX API for: "example.com/" for a source at https://example.com/rss. */
export function sourcePrefixes(source: SourceDefinition): string[] {
  const u = new URL(source.homepage ?? source.url);
  return [`${u.host}/`];
}

function buildSpec(ctx: PipelineContext, mode: ReturnType<typeof resolveMode>, opts: BackfillCommandOptions, crawler: ReturnType<typeof createCrawler>): BackfillSpec {
  const source = opts.source ? ctx.deps.sources.get(opts.source) : undefined;
  if (opts.source && !source) {
    throw new ConfigError(`${ctx.settings.sourcesFile}: no source with id "${opts.source}" (known: ${[...ctx.deps.sources.keys()].join(', ')})`);
  }
  const sourceId = source?.id ?? null;
  switch (mode) {
    case 'wayback': {
      const baseUrl = (opts.waybackUrl ?? process.env.COURTWATCH_WAYBACK_URL ?? DEFAULT_WAYBACK_URL).replace(/\/+$/, '');
      const prefixes = opts.prefix?.length ? opts.prefix : sourcePrefixes(source!);
      const query = {
        baseUrl, prefixes, from: opts.from!, to: opts.to!,
        include: source!.include.map((p) => new RegExp(p)), exclude: source!.exclude.map((p) => new RegExp(p)),
      };
      const fetchers = crawlerFetchers(crawler, archiveSource(source!, baseUrl, opts.archiveRate));
      return { mode, sourceId, params: { baseUrl, prefixes, from: opts.from, to: opts.to }, skipStored: 'capture', open: () => readWayback(fetchers, query) };
    }
    case 'sitemap': {
      const range = { from: opts.from!, to: opts.to! };
      return { mode, sourceId, params: range, skipStored: 'url', open: () => readSitemapsByDate(crawlerFetchers(crawler, source!), source!, range) };
    }
    case 'warc': {
      const files = opts.warc!.map((f) => path.resolve(f));
      return { mode, sourceId, params: { files }, open: () => readWarcFiles(files) };
    }
    case 'dir': {
      const dir = path.resolve(opts.dir!);
      return { mode, sourceId, params: { dir, baseUrl: opts.baseUrl ?? null }, open: () => readSavedPages(dir, { baseUrl: opts.baseUrl }) };
    }
  }
}

/** Runs the command; writes the summary to `out`. Resolves with the summary (status 'interrupted' after Ctrl-C). */
export async function runBackfillCommand(settings: Settings, opts: BackfillCommandOptions, out: NodeJS.WritableStream = process.stdout): Promise<BackfillSummary> {
  const mode = resolveMode(opts);
  const ctx = await openPipeline(settings);
  // Same Redis connection and key prefix as the workers' crawler: the per-host limits are shared.
  const crawler = createCrawler({ contactUrl: ctx.sourcesConfig.contactUrl, redis: ctx.runtime.connection, keyPrefix: `${settings.queuePrefix}:crawl`, log });
  const controller = new AbortController();
  let interrupts = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    interrupts++;
    if (interrupts > 1) process.exit(130); // a second Ctrl-C: the checkpoint of finished items is already saved
    log.warn({ signal }, 'stopping the backfill after the items in flight; run the same command again to continue');
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let pipelineIngest: Awaited<ReturnType<typeof createPipelineIngest>> | null = null;
  try {
    const spec = buildSpec(ctx, mode, opts, crawler);
    // Archive and sitemap runs wait on the network at ~1 request/s: threads only pay off for local files.
    const threads = opts.parseThreads ?? (mode === 'warc' || mode === 'dir' ? defaultParseThreads() : 0);
    pipelineIngest = await createPipelineIngest(ctx.deps, { threads });
    const summary = await runBackfill(
      {
        db: ctx.db, ingest: pipelineIngest.ingest, log, signal: controller.signal, concurrency: opts.concurrency,
        gate: opts.yieldToLive === false ? undefined : createLiveWorkGate(liveQueueBacklog(ctx.runtime), log),
        progress: createProgress({ label: `backfill ${mode}`, log }),
      },
      spec,
    );
    out.write(`${formatBackfillSummary(summary)}\n`);
    if (summary.status === 'interrupted') out.write('interrupted: run the same command again to continue where it stopped\n');
    return summary;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await pipelineIngest?.close();
    await crawler.close();
    await ctx.close();
  }
}
