/** The "Backfill runs" section of `courtwatch status`: each run's checkpoint (the lead wires it in). */
import type { Queryable } from '../store/db.ts';
import { listBackfillRuns } from '../store/backfill.ts';

function when(d: Date | null): string {
  return d ? d.toISOString().replace('T', ' ').slice(0, 19) : '-';
}

function describeParams(mode: string, params: Record<string, unknown>): string {
  if (mode === 'wayback' || mode === 'sitemap') return `${String(params.from)}..${String(params.to)}`;
  if (mode === 'warc') return `${(params.files as unknown[] | undefined)?.length ?? 0} file(s)`;
  if (mode === 'dir') return String(params.dir);
  return '';
}

export async function backfillStatusSection(db: Queryable, limit = 20): Promise<{ title: string; lines: string[] }> {
  const runs = await listBackfillRuns(db, limit);
  if (runs.length === 0) return { title: 'Backfill runs: none', lines: [] };
  const header = `${'run'.padEnd(5)} ${'mode'.padEnd(8)} ${'source'.padEnd(18)} ${'status'.padEnd(12)} ${'done'.padStart(7)} ${'found'.padStart(7)} ${'failed'.padStart(7)} ${'records'.padStart(8)}  ${'updated'.padEnd(19)}  params`;
  const lines = runs.map((r) =>
    `${String(r.id).padEnd(5)} ${r.mode.padEnd(8)} ${(r.sourceId ?? '-').padEnd(18)} ${r.status.padEnd(12)} ${String(r.done).padStart(7)} ${String(r.found).padStart(7)} ${String(r.failed).padStart(7)} ${String(r.recordsCreated).padStart(8)}  ${when(r.updatedAt)}  ${describeParams(r.mode, r.params)}`,
  );
  return { title: 'Backfill runs (re-run the same command to resume an interrupted one)', lines: [header, ...lines] };
}
