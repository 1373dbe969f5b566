/**
 * Re-extraction: runs the current rules over stored pages (no network) and replaces each article's
 * records through the pipeline's extractStoredPage, which never overwrites a reviewer's decision
 * (records.conflict gets the new finding instead).
 */
import { coerceError } from '../errors.ts';
import type { Logger } from '../log.ts';
import { listReextractTargets, type ReextractTarget } from '../store/backfill.ts';
import { extractStoredPage, type PipelineDeps } from '../workers/pipeline.ts';
import type { LiveWorkGate } from './live-work.ts';
import type { Progress } from './progress.ts';
import { failureReason } from './runner.ts';

// Articles re-extracted at once: parsing is CPU-bound, so more than the two cores buys little.
const REEXTRACT_CONCURRENCY = 2;

export interface ReextractFilter {
  sourceId?: string;
  /** YYYY-MM-DD: articles published (or, when unknown, stored) on or after this day */
  since?: string;
  /** only articles last extracted by a version below this one (or never extracted) */
  versionBelow?: string;
}

export interface ReextractSummary {
  articles: number;
  reextracted: number;
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
  conflicts: number;
  failed: number;
  failures: Record<string, number>;
  interrupted: boolean;
}

/** Compares dotted versions numerically ("0.10.0" > "0.9.1"); non-numeric parts compare as text. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.+-]/);
  const pb = b.split(/[.+-]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '0';
    const y = pb[i] ?? '0';
    const nx = Number(x);
    const ny = Number(y);
    const c = Number.isFinite(nx) && Number.isFinite(ny) ? nx - ny : x.localeCompare(y);
    if (c !== 0) return Math.sign(c);
  }
  return 0;
}

export function selectTargets(targets: ReextractTarget[], versionBelow?: string): ReextractTarget[] {
  if (!versionBelow) return targets;
  return targets.filter((t) => t.extractorVersion === null || compareVersions(t.extractorVersion, versionBelow) < 0);
}

export interface ReextractDeps {
  /** the pipeline with the current parser and rules; its crawler is never called */
  pipeline: Pick<PipelineDeps, 'db' | 'sources' | 'parseArticle' | 'extract' | 'extractorVersion' | 'log'>;
  log: Logger;
  progress?: Progress;
  gate?: LiveWorkGate;
  signal?: AbortSignal;
}

/** A crawler that refuses: re-extraction must not touch the network. */
const NO_NETWORK = {
  discover: () => Promise.reject(new Error('re-extraction does not discover')),
  fetch: () => Promise.reject(new Error('re-extraction does not fetch')),
};

export async function runReextract(deps: ReextractDeps, filter: ReextractFilter): Promise<ReextractSummary> {
  const all = await listReextractTargets(deps.pipeline.db, { sourceId: filter.sourceId, since: filter.since });
  const targets = selectTargets(all, filter.versionBelow);
  const pipeline: PipelineDeps = { ...deps.pipeline, crawler: NO_NETWORK };
  const s: ReextractSummary = {
    articles: targets.length, reextracted: 0, added: 0, changed: 0, removed: 0, unchanged: 0, conflicts: 0, failed: 0, failures: {}, interrupted: false,
  };
  deps.progress?.start(targets.length, 0);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < targets.length && !deps.signal?.aborted) {
      const target = targets[next++]!;
      await deps.gate?.wait(deps.signal);
      if (deps.signal?.aborted) break;
      try {
        const outcome = await extractStoredPage(pipeline, target.pageId, { force: true });
        s.reextracted++;
        const w = outcome.summary;
        if (w) {
          s.added += w.added;
          s.changed += w.changed;
          s.removed += w.removed;
          s.unchanged += w.unchanged;
          s.conflicts += w.conflicts;
        }
      } catch (err) {
        s.failed++;
        const reason = failureReason(err);
        s.failures[reason] = (s.failures[reason] ?? 0) + 1;
        deps.log.warn({ articleId: target.articleId, pageId: target.pageId, reason, err: coerceError(err).message }, 're-extraction failed');
      } finally {
        deps.progress?.increment();
      }
    }
  }
  try {
    await Promise.all(Array.from({ length: REEXTRACT_CONCURRENCY }, () => worker()));
  } finally {
    deps.progress?.stop();
  }
  s.interrupted = Boolean(deps.signal?.aborted) && s.reextracted + s.failed < targets.length;
  return s;
}

export function formatReextractSummary(s: ReextractSummary): string {
  const lines = [
    `re-extraction ${s.interrupted ? 'interrupted' : 'finished'}: ${s.reextracted}/${s.articles} articles`,
    `  records added:     ${s.added}`,
    `  records changed:   ${s.changed}`,
    `  records removed:   ${s.removed}`,
    `  unchanged:         ${s.unchanged}`,
    `  conflicts flagged: ${s.conflicts} (reviewed records kept; the new finding is in records.conflict)`,
    `  failed:            ${s.failed}`,
  ];
  for (const [reason, n] of Object.entries(s.failures).sort((a, b) => b[1] - a[1])) lines.push(`    ${String(n).padStart(6)}  ${reason}`);
  return lines.join('\n');
}
