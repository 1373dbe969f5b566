/** The runner's ingest function over the pipeline's ingestPage, with parsing on worker threads. */
import { ingestPage, type PipelineDeps } from '../workers/pipeline.ts';
import { createParsePool, withPrecomputed } from './parse-pool.ts';
import type { IngestFn } from './types.ts';

/**
 * `threads` = 0 parses on the main thread. Threads run the real parseArticle and extractVerdicts, so use
 * them only when `deps` carries those (not an injected extractor).
 */
export async function createPipelineIngest(deps: PipelineDeps, options: { threads: number }): Promise<{ ingest: IngestFn; ready(): Promise<void>; close(): Promise<void> }> {
  const pool = options.threads > 0 ? createParsePool(options.threads) : null;
  const pre = withPrecomputed(deps);
  const ingest: IngestFn = async (page, meta) => {
    const source = meta.sourceId ? deps.sources.get(meta.sourceId) : undefined;
    const result = pool ? await pool.run(page, source) : null;
    if (result) pre.remember(page, result);
    try {
      const r = await ingestPage(result ? pre.deps : deps, page, { sourceId: meta.sourceId, origin: meta.origin, archivedAt: meta.archivedAt });
      return { known: !r.isNew, pageId: r.pageId, recordsCreated: r.outcome.summary?.added ?? 0 };
    } finally {
      if (result) pre.forget(page);
    }
  };
  return { ingest, ready: async () => pool?.ready(), close: async () => pool?.close() };
}
