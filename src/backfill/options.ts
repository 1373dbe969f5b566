/**
 * Flags of `courtwatch backfill`, checked before anything heavy is loaded, so a wrong command line fails
 * at once with one clear line.
 */
import { ConfigError } from '../errors.ts';

export interface BackfillCommandOptions {
  source?: string;
  from?: string;
  to?: string;
  wayback?: boolean;
  sitemap?: boolean;
  warc?: string[];
  dir?: string;
  /** Wayback base URL (CDX API and captures); default COURTWATCH_WAYBACK_URL or web.archive.org */
  waybackUrl?: string;
  /** URL prefixes to ask the CDX API for, instead of the source's site */
  prefix?: string[];
  /** requests per second to the archive */
  archiveRate?: number;
  /** for --dir: URL of the folder's root, to derive page URLs from file paths */
  baseUrl?: string;
  concurrency?: number;
  /** threads that parse and extract beside the main thread (default: cores - 1 for --warc/--dir, else 0) */
  parseThreads?: number;
  /** pause while live queues have work (default true) */
  yieldToLive?: boolean;
}

const dayRe = /^\d{4}-\d{2}-\d{2}$/;

function checkDay(flag: string, value: string | undefined): string {
  if (!value) throw new ConfigError(`${flag} is required with --wayback and --sitemap (YYYY-MM-DD)`);
  if (!dayRe.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) throw new ConfigError(`${flag}: expected a date like 2022-01-01, got "${value}"`);
  return value;
}

/** Which reader the flags ask for; throws ConfigError on a contradiction or a missing flag. */
export function resolveMode(opts: BackfillCommandOptions): 'wayback' | 'sitemap' | 'warc' | 'dir' {
  const modes = [opts.wayback && 'wayback', opts.sitemap && 'sitemap', opts.warc?.length && 'warc', opts.dir && 'dir'].filter(Boolean) as Array<'wayback' | 'sitemap' | 'warc' | 'dir'>;
  if (modes.length !== 1) throw new ConfigError(`backfill: give exactly one of --wayback, --sitemap, --warc FILE..., --dir DIR (got ${modes.length ? modes.join(', ') : 'none'})`);
  const mode = modes[0]!;
  if ((mode === 'wayback' || mode === 'sitemap') && !opts.source) throw new ConfigError(`backfill --${mode} needs --source ID`);
  if (mode === 'wayback' || mode === 'sitemap') {
    const from = checkDay('--from', opts.from);
    const to = checkDay('--to', opts.to);
    if (from > to) throw new ConfigError(`backfill: --from ${from} is after --to ${to}`);
  }
  return mode;
}
