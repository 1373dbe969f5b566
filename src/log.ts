/**
 * Structured logs (pino, JSON on stderr so stdout stays clean for command output).
 * Personal data (names, ages, charges) is redacted: it belongs in the database, not in log files.
 */
import { pino, type Logger } from 'pino';

export type { Logger };

export const REDACTED_PATHS = [
  'name', '*.name', 'age', '*.age', 'charges', '*.charges', 'text', '*.text', 'password', '*.password',
  'req.headers.cookie', 'req.headers.authorization',
];

export const log: Logger = pino(
  {
    level: process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info'),
    base: { app: 'courtwatch' },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  },
  pino.destination(2),
);
