/**
 * `npm run bench [-- NAME...]`: runs every bench/<name>.bench.ts (or the named ones), prints each figure,
 * one JSON line per run, and the change against the named baseline in bench/baseline.json.
 *
 * A bench module default-exports `async () => BenchFigure[]`.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface BenchFigure {
  /** stable id, e.g. "extract.articles_per_second" */
  name: string;
  value: number;
  unit: string;
  /** whether more is better (throughput) or less is better (latency) */
  better: 'higher' | 'lower';
  /** what was measured, in a few words */
  note?: string;
}

interface Baseline {
  name: string;
  machine: string;
  figures: Record<string, number>;
}

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));

function formatChange(fig: BenchFigure, base: number | undefined): string {
  if (base === undefined || base === 0) return 'no baseline';
  const ratio = fig.value / base;
  const pct = ((ratio - 1) * 100).toFixed(1);
  // within half a percent is the same result (rounding, noise), not a regression
  const verdict = Math.abs(ratio - 1) < 0.005 ? 'same' : (fig.better === 'higher' ? ratio > 1 : ratio < 1) ? 'better' : 'WORSE';
  return `${ratio >= 1 ? '+' : ''}${pct}% vs baseline (${base}) ${verdict}`;
}

async function main(): Promise<void> {
  const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const files = readdirSync(BENCH_DIR)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => only.length === 0 || only.includes(f.replace(/\.bench\.ts$/, '')))
    .sort();
  const baselineFile = path.join(BENCH_DIR, 'baseline.json');
  const baseline: Baseline | null = existsSync(baselineFile) ? JSON.parse(readFileSync(baselineFile, 'utf8')) : null;
  const all: BenchFigure[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(path.join(BENCH_DIR, file)).href)) as { default: () => Promise<BenchFigure[]> };
    process.stdout.write(`\n## ${file}\n`);
    const figures = await mod.default();
    for (const fig of figures) {
      all.push(fig);
      const change = formatChange(fig, baseline?.figures[fig.name]);
      process.stdout.write(`${fig.name.padEnd(44)} ${String(+fig.value.toFixed(2)).padStart(12)} ${fig.unit.padEnd(14)} ${change}${fig.note ? `  — ${fig.note}` : ''}\n`);
    }
  }
  process.stdout.write(`\nbaseline: ${baseline ? `${baseline.name} (${baseline.machine})` : 'none (bench/baseline.json missing)'}\n`);
  process.stdout.write(
    `${JSON.stringify({ bench: 'courtwatch', at: new Date().toISOString(), baseline: baseline?.name ?? null, figures: Object.fromEntries(all.map((f) => [f.name, +f.value.toFixed(3)])) })}\n`,
  );
}

await main();
