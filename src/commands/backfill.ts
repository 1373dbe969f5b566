import type { Command } from 'commander';

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function registerBackfill(program: Command): void {
  program
    .command('backfill')
    .description('bring archived articles (Wayback, WARC, sitemaps, saved pages) through the pipeline')
    .option('--source <id>', 'the source the pages belong to (required with --wayback and --sitemap)')
    .option('--from <date>', 'first day, YYYY-MM-DD (--wayback, --sitemap)')
    .option('--to <date>', 'last day, YYYY-MM-DD, inclusive (--wayback, --sitemap)')
    .option('--wayback', "the Wayback Machine's captures of the source's site")
    .option('--sitemap', "the source's sitemaps, by <lastmod>")
    .option('--warc <file...>', 'WARC or WARC.gz files: their HTML responses')
    .option('--dir <dir>', 'a folder of saved .html/.htm pages')
    .option('--wayback-url <url>', 'Wayback base URL (default COURTWATCH_WAYBACK_URL or https://web.archive.org)')
    .option('--prefix <url-prefix>', 'a URL prefix to ask the archive for, instead of the source site (repeatable)', collect)
    .option('--archive-rate <n>', 'requests per second to the archive', '1')
    .option('--base-url <url>', '--dir: the URL the folder was saved from, to derive page URLs from file paths')
    .option('--concurrency <n>', 'items in flight', '4')
    .option('--parse-threads <n>', 'threads parsing pages beside the main thread (default: cores - 1 for --warc/--dir)')
    .option('--no-yield', 'do not pause while live crawling has work queued')
    .addHelpText('after', '\nInterrupt with Ctrl-C and run the same command again to continue; `courtwatch status` lists runs.')
    .action(async (opts: {
      source?: string; from?: string; to?: string; wayback?: boolean; sitemap?: boolean; warc?: string[]; dir?: string;
      waybackUrl?: string; prefix?: string[]; archiveRate: string; baseUrl?: string; concurrency: string; parseThreads?: string; yield: boolean;
    }) => {
      const { loadSettings } = await import('../config.ts');
      const { ConfigError } = await import('../errors.ts');
      const { resolveMode } = await import('../backfill/options.ts');
      const archiveRate = Number(opts.archiveRate);
      const concurrency = Number(opts.concurrency);
      if (!(archiveRate > 0 && archiveRate <= 50)) throw new ConfigError(`--archive-rate: expected a number of requests per second in (0, 50], got "${opts.archiveRate}"`);
      if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 32) throw new ConfigError(`--concurrency: expected an integer 1-32, got "${opts.concurrency}"`);
      const parseThreads = opts.parseThreads === undefined ? undefined : Number(opts.parseThreads);
      if (parseThreads !== undefined && !(Number.isInteger(parseThreads) && parseThreads >= 0 && parseThreads <= 16)) {
        throw new ConfigError(`--parse-threads: expected an integer 0-16, got "${opts.parseThreads}"`);
      }
      const options = { ...opts, archiveRate, concurrency, parseThreads, yieldToLive: opts.yield };
      resolveMode(options);
      const { runBackfillCommand } = await import('../backfill/command.ts');
      const summary = await runBackfillCommand(loadSettings(), options);
      if (summary.status === 'interrupted') process.exitCode = 130;
      // a few failed captures are normal in a long backfill; failing everything is not
      else if (summary.failed > 0 && summary.fetched === 0 && summary.skippedKnown === 0) process.exitCode = 1;
    });
}
