/**
 * `courtwatch` command line. Thin: each command lives in src/commands/<name>.ts, which parses its flags
 * and calls library functions (loaded lazily, so `courtwatch extract` does not load the web server).
 */
import { Command, CommanderError } from 'commander';
import { AppError, ConfigError, NotImplementedYetError, ServiceUnavailableError } from './errors.ts';
import { COMMANDS } from './commands/index.ts';

export function buildProgram(): Command {
  const program = new Command('courtwatch')
    .description('Follow criminal trials in the news: crawl, extract verdict records, review, alert')
    .showHelpAfterError()
    .exitOverride();
  for (const register of COMMANDS) register(program);
  return program;
}

/** Exit code for an error: 2 for "not implemented yet" and usage errors, 1 for everything else. */
export function exitCodeFor(err: unknown): number {
  if (err instanceof NotImplementedYetError) return 2;
  if (err instanceof CommanderError) return err.exitCode;
  return 1;
}

async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      process.exitCode = err.exitCode;
      return;
    }
    // Expected failures get one clear line; unexpected ones keep their stack for the bug report.
    const known = err instanceof ConfigError || err instanceof ServiceUnavailableError || err instanceof AppError;
    process.stderr.write(`courtwatch: ${known ? (err as Error).message : (err as Error)?.stack ?? String(err)}\n`);
    process.exitCode = exitCodeFor(err);
  }
}

await main(process.argv);
