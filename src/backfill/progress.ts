/**
 * Progress for long runs (backfill, re-extraction): a cli-progress bar with done/total, rate and ETA when
 * the terminal is interactive, otherwise one pino log line every LOG_EVERY_MS, so logs stay readable in
 * systemd/docker.
 */
import cliProgress from 'cli-progress';
import type { Logger } from '../log.ts';

// Often enough to show a run is alive, rare enough not to flood a log file.
const LOG_EVERY_MS = 10_000;
// The rate is averaged over this window, so a pause (yielding to live work) shows up quickly.
const RATE_WINDOW_MS = 30_000;

export interface Progress {
  /** `done` counts items finished before (a resumed run starts where it was) */
  start(total: number | null, done?: number): void;
  increment(n?: number): void;
  setTotal(total: number): void;
  stop(): void;
}

export interface ProgressOptions {
  label: string;
  log: Logger;
  /** draw a bar (default: stderr is a TTY) */
  tty?: boolean;
  stream?: NodeJS.WriteStream;
  logEveryMs?: number;
}

function formatEta(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.floor(seconds % 60);
  return h > 0 ? `${h}h${String(m).padStart(2, '0')}m` : m > 0 ? `${m}m${String(s).padStart(2, '0')}s` : `${s}s`;
}

export function createProgress(options: ProgressOptions): Progress {
  const stream = options.stream ?? process.stderr;
  const tty = options.tty ?? Boolean(stream.isTTY);
  const logEveryMs = options.logEveryMs ?? LOG_EVERY_MS;
  let total: number | null = null;
  let done = 0;
  let startDone = 0;
  let startedAt = Date.now();
  let lastLogAt = 0;
  const samples: Array<[number, number]> = [];
  let bar: cliProgress.SingleBar | null = null;

  function rate(): number {
    const now = Date.now();
    samples.push([now, done]);
    while (samples.length > 2 && now - samples[0]![0] > RATE_WINDOW_MS) samples.shift();
    const [t0, d0] = samples[0]!;
    const seconds = (now - t0) / 1000;
    if (seconds > 0.5) return (done - d0) / seconds;
    const all = (now - startedAt) / 1000;
    return all > 0 ? (done - startDone) / all : 0;
  }

  function report(force = false): void {
    const r = rate();
    const eta = total !== null && r > 0 ? (total - done) / r : Number.NaN;
    if (bar) {
      bar.setTotal(total ?? Math.max(done, 1));
      bar.update(done, { rate: r.toFixed(1), eta: formatEta(eta) });
      return;
    }
    const now = Date.now();
    if (!force && now - lastLogAt < logEveryMs) return;
    lastLogAt = now;
    options.log.info({ done, total, ratePerSecond: +r.toFixed(2), eta: formatEta(eta) }, `${options.label}: ${done}/${total ?? '?'}`);
  }

  return {
    start(t, d = 0) {
      total = t;
      done = d;
      startDone = d;
      startedAt = Date.now();
      lastLogAt = startedAt;
      if (tty) {
        bar = new cliProgress.SingleBar(
          {
            format: `${options.label} [{bar}] {value}/{total} | {rate}/s | ETA {eta}`,
            stream,
            hideCursor: true,
            etaBuffer: 50,
            fps: 5,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total ?? Math.max(done, 1), done, { rate: '0.0', eta: '?' });
      } else {
        options.log.info({ done, total }, `${options.label}: started`);
      }
    },
    increment(n = 1) {
      done += n;
      report();
    },
    setTotal(t) {
      total = t;
      report();
    },
    stop() {
      report(true);
      bar?.stop();
      bar = null;
    },
  };
}
