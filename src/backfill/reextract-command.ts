/** `courtwatch reextract`: flags -> the pipeline's rules over stored pages, with progress and a summary. */
import type { Settings } from '../config.ts';
import { ConfigError } from '../errors.ts';
import { log } from '../log.ts';
import { openPipeline } from '../workers/main.ts';
import { createLiveWorkGate, liveQueueBacklog } from './live-work.ts';
import { createProgress } from './progress.ts';
import { formatReextractSummary, runReextract, type ReextractSummary } from './reextract.ts';

const dayRe = /^\d{4}-\d{2}-\d{2}$/;
const versionRe = /^\d+(\.\d+)*([.+-][\w.]+)?$/;

export interface ReextractCommandOptions {
  source?: string;
  since?: string;
  versionBelow?: string;
  yieldToLive?: boolean;
}

export async function runReextractCommand(settings: Settings, opts: ReextractCommandOptions, out: NodeJS.WritableStream = process.stdout): Promise<ReextractSummary> {
  if (opts.since && (!dayRe.test(opts.since) || Number.isNaN(Date.parse(opts.since)))) throw new ConfigError(`--since: expected a date like 2022-01-01, got "${opts.since}"`);
  if (opts.versionBelow && !versionRe.test(opts.versionBelow)) throw new ConfigError(`--version-below: expected a version like 1.2.0, got "${opts.versionBelow}"`);
  const ctx = await openPipeline(settings);
  const controller = new AbortController();
  const onSignal = () => {
    log.warn('stopping re-extraction after the articles in flight');
    controller.abort();
  };
  process.once('SIGINT', onSignal);
  try {
    if (opts.source && !ctx.deps.sources.has(opts.source)) {
      throw new ConfigError(`${settings.sourcesFile}: no source with id "${opts.source}" (known: ${[...ctx.deps.sources.keys()].join(', ')})`);
    }
    const gate = opts.yieldToLive === false ? undefined : createLiveWorkGate(liveQueueBacklog(ctx.runtime), log);
    const summary = await runReextract(
      { pipeline: ctx.deps, log, gate, signal: controller.signal, progress: createProgress({ label: `reextract (rules ${ctx.deps.extractorVersion})`, log }) },
      { sourceId: opts.source, since: opts.since, versionBelow: opts.versionBelow },
    );
    out.write(`${formatReextractSummary(summary)}\n`);
    return summary;
  } finally {
    process.off('SIGINT', onSignal);
    await ctx.close();
  }
}
