/**
 * Runs one backfill: opens a reader, skips what the run's checkpoint says is done, loads each remaining
 * item (archive fetch or file read), hands its page to the pipeline and checkpoints the outcome.
 *
 * Design: the backfill runs in the CLI process rather than as jobs on QUEUE.bulk. WARC records and saved
 * files would otherwise travel through Redis (or be stored twice), and the command could not show an
 * exact progress bar and summary. It still yields to live work: before each item it waits on the
 * LiveWorkGate (live queues empty), archive requests take tokens from the crawler's Redis-shared per-host
 * limiter, and concurrency is small (CONCURRENCY) so Postgres stays available to the workers.
 */
import { createHash } from 'node:crypto';
import { AppError, FetchError, coerceError } from '../errors.ts';
import type { Logger } from '../log.ts';
import type { Db } from '../store/db.ts';
import {
  finishBackfillRun, findStoredCaptures, isUrlStored, listBackfillFailures, listFinishedItemKeys, recordBackfillItems, startBackfillRun,
  updateBackfillRunCounts, type BackfillItemResult, type BackfillRun,
} from '../store/backfill.ts';
import { NO_LIVE_WORK, type LiveWorkGate } from './live-work.ts';
import type { Progress } from './progress.ts';
import type { BackfillItem, BackfillMode, IngestFn, ItemSource } from './types.ts';

// Items in flight at once: enough to overlap a fetch or a DB round trip with parsing, small enough to
// leave the machine's two cores and the pool's connections mostly to live work.
export const CONCURRENCY = 4;
// Checkpoint writes are batched: one INSERT per this many items (or per FLUSH_EVERY_MS).
const FLUSH_EVERY_ITEMS = 50;
const FLUSH_EVERY_MS = 2_000;
// Failure reasons are grouped in the summary; keep them short and free of URLs.
const MAX_REASON_CHARS = 120;

export interface BackfillDeps {
  db: Db;
  ingest: IngestFn;
  log: Logger;
  gate?: LiveWorkGate;
  progress?: Progress;
  /** abort = Ctrl-C: finish the items in flight, checkpoint, stop */
  signal?: AbortSignal;
  concurrency?: number;
}

export interface BackfillSpec {
  mode: BackfillMode;
  sourceId: string | null;
  /** what identifies the run (date range, files, folder...): same params, same checkpoint */
  params: Record<string, unknown>;
  /** opens the reader (CDX query, WARC scan, sitemap walk, folder listing) */
  open(): Promise<ItemSource>;
  /**
   * skip, without fetching, items whose page is already stored even by another run or the live crawl:
   * 'capture' = same URL and capture time (wayback), 'url' = any page at that URL (sitemap)
   */
  skipStored?: 'capture' | 'url';
}

export interface BackfillSummary {
  runId: number;
  resumed: boolean;
  status: 'completed' | 'interrupted';
  /** items the reader found, plus those it skipped before any fetch */
  found: number;
  /** loaded and sent through the pipeline (this leg) */
  fetched: number;
  /** already done by an earlier leg of this run */
  resumedSkipped: number;
  /** the pipeline already had the page (same URL and bytes) or the capture was stored before */
  skippedKnown: number;
  /** reason -> count: left out before fetching (404 capture, duplicate digest, not HTML, ...) */
  skipped: Record<string, number>;
  failed: number;
  failures: Array<{ reason: string; count: number; example: string }>;
  recordsCreated: number;
  /** the whole run across legs, as checkpointed */
  run: BackfillRun;
}

/** The run's key: a hash of what was asked, so the same command finds the same checkpoint. */
export function backfillRunKey(mode: BackfillMode, sourceId: string | null, params: Record<string, unknown>): string {
  const sorted = Object.fromEntries(Object.entries(params).sort(([a], [b]) => a.localeCompare(b)));
  return createHash('sha256').update(JSON.stringify({ mode, sourceId, params: sorted })).digest('hex').slice(0, 32);
}

/** A short, URL-free reason for grouping failures. */
export function failureReason(err: unknown): string {
  if (err instanceof FetchError) return `${err.code}${err.status ? ` ${err.status}` : ''}`;
  if (err instanceof AppError) return err.code;
  const e = coerceError(err);
  const code = (e as { code?: unknown }).code;
  return `${e.name}${typeof code === 'string' ? ` ${code}` : ''}: ${e.message.replace(/https?:\/\/\S+/g, '<url>')}`.slice(0, MAX_REASON_CHARS);
}

/** Runs (or resumes) a backfill. Returns its summary; throws only when the reader cannot be opened. */
export async function runBackfill(deps: BackfillDeps, spec: BackfillSpec): Promise<BackfillSummary> {
  const gate = deps.gate ?? NO_LIVE_WORK;
  const runKey = backfillRunKey(spec.mode, spec.sourceId, spec.params);
  const { run, resumed } = await startBackfillRun(deps.db, { runKey, mode: spec.mode, sourceId: spec.sourceId, params: spec.params });
  const log = deps.log.child({ backfillRun: run.id, mode: spec.mode, sourceId: spec.sourceId });
  const finished = await listFinishedItemKeys(deps.db, run.id);
  if (resumed) log.info({ alreadyDone: finished.size }, 'resuming backfill run');

  let reader: ItemSource;
  try {
    reader = await spec.open();
  } catch (err) {
    await finishBackfillRun(deps.db, run.id, 'failed', coerceError(err).message);
    throw err;
  }
  deps.progress?.start(reader.total, 0);

  const counts = { fetched: 0, resumedSkipped: 0, known: 0, failed: 0, records: 0, seen: 0 };
  let buffer: BackfillItemResult[] = [];
  let lastFlush = Date.now();
  async function flush(force = false): Promise<void> {
    if (!force && buffer.length < FLUSH_EVERY_ITEMS && Date.now() - lastFlush < FLUSH_EVERY_MS) return;
    const batch = buffer;
    buffer = [];
    lastFlush = Date.now();
    await recordBackfillItems(deps.db, run.id, batch);
  }

  async function processItem(item: BackfillItem): Promise<void> {
    try {
      const stored =
        spec.skipStored === 'capture' && item.archivedAt
          ? (await findStoredCaptures(deps.db, [{ url: item.url, archivedAt: item.archivedAt }])).size > 0
          : spec.skipStored === 'url' && (await isUrlStored(deps.db, item.url));
      if (stored) {
        counts.known++;
        buffer.push({ itemKey: item.key, url: item.url, outcome: 'known', pageId: null, records: 0, reason: 'already stored' });
        return;
      }
      const loaded = await item.load();
      counts.fetched++;
      const outcome = await deps.ingest(loaded.page, { sourceId: spec.sourceId, origin: spec.mode, archivedAt: loaded.archivedAt });
      if (outcome.known) counts.known++;
      counts.records += outcome.recordsCreated;
      buffer.push({
        itemKey: item.key, url: loaded.page.finalUrl, outcome: outcome.known ? 'known' : 'stored', pageId: outcome.pageId,
        records: outcome.recordsCreated, reason: null,
      });
    } catch (err) {
      counts.failed++;
      const reason = failureReason(err);
      log.warn({ url: item.url, key: item.key, reason, err: coerceError(err).message }, 'backfill item failed');
      buffer.push({ itemKey: item.key, url: item.url, outcome: 'failed', pageId: null, records: 0, reason });
    } finally {
      deps.progress?.increment();
      await flush();
    }
  }

  const iterator = reader.items[Symbol.asyncIterator]();
  let readerError: unknown = null;
  async function worker(): Promise<void> {
    for (;;) {
      if (deps.signal?.aborted || readerError) return;
      let next: IteratorResult<BackfillItem>;
      try {
        next = await iterator.next();
      } catch (err) {
        readerError ??= err;
        return;
      }
      if (next.done) return;
      counts.seen++;
      if (finished.has(next.value.key)) {
        counts.resumedSkipped++;
        deps.progress?.increment();
        continue;
      }
      await gate.wait(deps.signal);
      if (deps.signal?.aborted) return;
      await processItem(next.value);
    }
  }

  try {
    await Promise.all(Array.from({ length: Math.max(1, deps.concurrency ?? CONCURRENCY) }, () => worker()));
  } finally {
    await flush(true);
    deps.progress?.stop();
  }
  // after the iteration: a WARC reader learns what it skips while reading
  const skippedBeforeFetch = [...reader.skipped.values()].reduce((a, b) => a + b, 0);
  const found = (reader.total ?? counts.seen) + skippedBeforeFetch;
  const totals = await updateBackfillRunCounts(deps.db, run.id, { found, skippedBeforeFetch });
  if (readerError) {
    await finishBackfillRun(deps.db, run.id, 'failed', coerceError(readerError).message);
    throw readerError;
  }
  const status = deps.signal?.aborted ? 'interrupted' : 'completed';
  await finishBackfillRun(deps.db, run.id, status);
  return {
    runId: run.id,
    resumed,
    status,
    found,
    fetched: counts.fetched,
    resumedSkipped: counts.resumedSkipped,
    skippedKnown: counts.known,
    skipped: Object.fromEntries(reader.skipped),
    failed: counts.failed,
    failures: await listBackfillFailures(deps.db, run.id),
    recordsCreated: counts.records,
    run: { ...totals, status },
  };
}

/** The end-of-run summary as text lines (printed by the CLI). */
export function formatBackfillSummary(s: BackfillSummary): string {
  const lines = [
    `backfill run ${s.runId} ${s.status}${s.resumed ? ' (resumed)' : ''}`,
    `  found:            ${s.found}`,
    `  fetched:          ${s.fetched}`,
    `  already done:     ${s.resumedSkipped} (earlier leg of this run)`,
    `  skipped as known: ${s.skippedKnown}`,
    `  failed:           ${s.failed}`,
    `  records created:  ${s.recordsCreated}`,
  ];
  const skipped = Object.entries(s.skipped).sort((a, b) => b[1] - a[1]);
  if (skipped.length) lines.push('  skipped before fetching:', ...skipped.map(([r, n]) => `    ${String(n).padStart(6)}  ${r}`));
  if (s.failures.length) lines.push('  failures (whole run):', ...s.failures.map((f) => `    ${String(f.count).padStart(6)}  ${f.reason}  e.g. ${f.example}`));
  lines.push(`  whole run so far: ${s.run.done} items done, ${s.run.failed} failed, ${s.run.recordsCreated} records created`);
  return lines.join('\n');
}
