/**
 * Verdict extraction: a pure function of an article's text. No I/O, deterministic.
 * EXTRACTOR_VERSION changes whenever the output for some text can change.
 */
import type { ExtractOptions, ExtractResult } from './types.ts';

export type * from './types.ts';

export const EXTRACTOR_VERSION = '0.0.0';

/** Placeholder until the rules land (issue 3). */
export function extractVerdicts(_text: string, _options: ExtractOptions = {}): ExtractResult {
  return { records: [] };
}
