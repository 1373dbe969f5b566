/**
 * Progress for long-running commands: a line rewritten in place on a terminal, or a structured log line
 * every few seconds when output goes to a file or CI.
 */
import { log } from '../log.ts';

const LOG_EVERY_MS = 5_000;

export function progressReporter(task: string) {
  const tty = process.stderr.isTTY === true;
  let lastLog = 0;
  let lastLine = '';
  return {
    /** `done` counts work units for the rate */
    update(line: string, done: number, elapsedMs: number) {
      const rate = elapsedMs > 0 ? (done / (elapsedMs / 1000)).toFixed(1) : '0.0';
      const text = `${task}: ${line} · ${rate}/s · ${(elapsedMs / 1000).toFixed(0)}s`;
      if (tty) {
        if (text !== lastLine) process.stderr.write(`\r\x1b[2K${text}`);
        lastLine = text;
      } else if (Date.now() - lastLog >= LOG_EVERY_MS) {
        lastLog = Date.now();
        log.info({ task, progress: line, rate: Number(rate) }, 'progress');
      }
    },
    done() {
      if (tty && lastLine) process.stderr.write('\n');
    },
  };
}
