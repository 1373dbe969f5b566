/** A pino logger whose lines a test can read, to assert that something was logged. */
import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';

export interface CapturedLog {
  log: Logger;
  lines: Array<Record<string, unknown>>;
}

export function captureLog(): CapturedLog {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      for (const line of chunk.toString().split('\n')) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
      cb();
    },
  });
  return { log: pino({ level: 'debug' }, stream), lines };
}
