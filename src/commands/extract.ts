/**
 * `courtwatch extract FILE [--html] [--published YYYY-MM-DD] [--json]` prints `{"records":[...]}` for one
 * article (FILE `-` reads stdin); `courtwatch extract --jsonl` reads lines `{"id","text","published"}` from
 * stdin and writes one line `{"id","records"}` per input line, in order, in one process.
 * Input is bounded: at most MAX_INPUT_BYTES are read; empty and binary input get a clear message.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { Command } from 'commander';
import { AppError } from '../errors.ts';

/** More than any article (they are 5-50 kB); a 10 MB file is cut here and a warning says so. */
export const MAX_INPUT_BYTES = 2 * 1024 * 1024;

const isoDateRe = /^\d{4}-\d{2}-\d{2}$/;

export class InputError extends AppError {
  constructor(message: string) {
    super('EXTRACT_INPUT_INVALID', message, { retryable: false });
  }
}

interface ReadResult {
  body: Buffer;
  truncated: boolean;
  totalBytes: number;
}

/** Reads at most `limit` bytes of a file or stdin (`-`), counting the rest without keeping it. */
export async function readBounded(file: string, limit = MAX_INPUT_BYTES): Promise<ReadResult> {
  const stream: Readable = file === '-' ? process.stdin : createReadStream(file);
  const chunks: Buffer[] = [];
  let kept = 0;
  let total = 0;
  try {
    for await (const chunk of stream) {
      const buf = chunk as Buffer;
      total += buf.length;
      if (kept < limit) {
        const part = buf.subarray(0, limit - kept);
        chunks.push(part);
        kept += part.length;
      }
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : String(err)}`);
  }
  return { body: Buffer.concat(chunks), truncated: total > limit, totalBytes: total };
}

/** Whether bytes are binary rather than text: NUL bytes or many control characters near the start. */
export function looksBinary(body: Buffer): boolean {
  const head = body.subarray(0, 8192);
  if (head.includes(0)) return true;
  let control = 0;
  for (const b of head) if (b < 9 || (b > 13 && b < 32)) control++;
  return head.length > 0 && control / head.length > 0.1;
}

/** The text a reader sees in an article page (headline, blank line, body) and the page's publication date. */
export async function htmlToArticleText(html: string, url = 'file:///article.html'): Promise<{ text: string; published: string | null }> {
  const { parseArticle } = await import('../crawlers/parse-article.ts');
  const body = Buffer.from(html, 'utf8');
  const article = parseArticle({
    url, finalUrl: url, status: 200, headers: {}, body, contentType: 'text/html; charset=utf-8', charset: 'utf-8',
    contentHash: '', fetchedAt: new Date(0),
  });
  const text = article.title && !article.text.startsWith(article.title) ? `${article.title}\n\n${article.text}` : article.text;
  const published = article.publishedAt && /^\d{4}-\d{2}-\d{2}/.test(article.publishedAt) ? article.publishedAt.slice(0, 10) : null;
  return { text, published };
}

async function extractOne(file: string, opts: { html?: boolean; published?: string; json?: boolean }): Promise<void> {
  const { extractVerdicts } = await import('../extract/index.ts');
  const input = await readBounded(file);
  const label = file === '-' ? 'stdin' : file;
  if (input.totalBytes === 0) throw new InputError(`${label} is empty: nothing to extract`);
  if (looksBinary(input.body)) throw new InputError(`${label} looks binary (NUL or control bytes), not an article: give a text file, or an HTML page with --html`);
  if (input.truncated) {
    process.stderr.write(`courtwatch: ${label} is ${(input.totalBytes / 1048576).toFixed(1)} MB; only the first ${MAX_INPUT_BYTES / 1048576} MB were read\n`);
  }
  let text = input.body.toString('utf8');
  let published = opts.published ?? null;
  if (opts.html) {
    const page = await htmlToArticleText(text);
    text = page.text;
    published ??= page.published;
  }
  if (!text.trim()) throw new InputError(`${label} has no article text`);
  const result = extractVerdicts(text, { published });
  process.stdout.write(`${opts.json ? JSON.stringify(result) : JSON.stringify(result, null, 2)}\n`);
}

async function extractLines(file: string): Promise<void> {
  const { extractVerdicts } = await import('../extract/index.ts');
  const stream: Readable = file === '-' ? process.stdin : createReadStream(file);
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (!line.trim()) continue;
    let out: Record<string, unknown>;
    try {
      const item = JSON.parse(line) as { id?: unknown; text?: unknown; published?: unknown };
      const id = item.id ?? null;
      if (typeof item.text !== 'string') out = { id, records: [], error: `line ${n}: "text" must be a string` };
      else if (item.published != null && (typeof item.published !== 'string' || !isoDateRe.test(item.published))) {
        out = { id, records: [], error: `line ${n}: "published" must be "YYYY-MM-DD" or null` };
      } else {
        out = { id, ...extractVerdicts(item.text, { published: (item.published as string | null | undefined) ?? null }) };
      }
    } catch (err) {
      out = { id: null, records: [], error: `line ${n}: not JSON (${(err as Error).message})` };
    }
    // wait for the pipe to drain so a slow reader bounds our memory
    if (!process.stdout.write(`${JSON.stringify(out)}\n`)) await new Promise((r) => process.stdout.once('drain', r));
  }
}

export function registerExtract(program: Command): void {
  program
    .command('extract [file]')
    .description('extract verdict records from an article file (- for stdin), or --jsonl lines from stdin')
    .option('--html', 'the file is a web page: take the article text (and its publication date) from it')
    .option('--published <date>', 'publication date YYYY-MM-DD, to resolve "on June 11" or "on Monday"')
    .option('--json', 'print compact JSON on one line')
    .option('--jsonl', 'read {"id","text","published"} lines from stdin (or FILE), write {"id","records"} lines')
    .action(async (file: string | undefined, opts: { html?: boolean; published?: string; json?: boolean; jsonl?: boolean }) => {
      if (opts.published !== undefined && !isoDateRe.test(opts.published)) {
        throw new InputError(`--published: expected YYYY-MM-DD, got "${opts.published}"`);
      }
      if (opts.jsonl) {
        if (opts.html || opts.published) throw new InputError('--jsonl takes the text and date from each line: drop --html/--published');
        await extractLines(file ?? '-');
        return;
      }
      if (!file) throw new InputError('give a FILE (or - for stdin), or use --jsonl');
      await extractOne(file, opts);
    });
}
