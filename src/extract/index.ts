/**
 * Verdict extraction: a pure function of an article's text. No I/O, deterministic.
 * EXTRACTOR_VERSION changes whenever the output for some text can change.
 */
import type { ExtractOptions, ExtractResult } from './types.ts';
import { buildRecords } from './verdict.ts';

export type * from './types.ts';

export const EXTRACTOR_VERSION = '1.3.0';

/** Only this much of a text is read: articles are ~5-50k characters; the rest of a 10 MB blob is noise. */
export const MAX_TEXT_CHARS = 400_000;

/**
 * The verdict records an article states: one per defendant or unnamed group, each field with the spans of
 * text it came from. `published` ("YYYY-MM-DD") resolves dates without a year; without it they stay null.
 * Never throws on odd input (empty, binary, huge): it reads at most MAX_TEXT_CHARS characters.
 */
export function extractVerdicts(text: string, options: ExtractOptions = {}): ExtractResult {
  const input = text.length > MAX_TEXT_CHARS ? text.slice(0, MAX_TEXT_CHARS) : text;
  return { records: buildRecords(input, options.published ?? null) };
}
