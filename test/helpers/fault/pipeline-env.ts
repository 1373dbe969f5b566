/** The environment a fault test gives to worker processes and CLI commands: its own DB, Redis prefix, sources file. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export function writeSourcesFile(entries: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'courtwatch-fault-'));
  const file = path.join(dir, 'sources.yml');
  writeFileSync(file, `contact_url: https://example.org/courtwatch\nsources:\n${entries.join('')}`);
  return file;
}

export function pipelineEnv(o: { databaseUrl: string; redisUrl: string; prefix: string; sourcesFile: string }): Record<string, string> {
  return { DATABASE_URL: o.databaseUrl, REDIS_URL: o.redisUrl, COURTWATCH_QUEUE_PREFIX: o.prefix, COURTWATCH_SOURCES: o.sourcesFile };
}
