/**
 * WARC / WARC.gz reader (warcio's WARCParser over node's gunzip): yields the HTML
 * response records with their target URI and WARC-Date; requests, metadata, revisits, non-HTML and
 * non-2xx responses are counted as skipped.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import path from 'node:path';
import { WARCParser, type WARCRecord } from 'warcio';
import { addCount, type BackfillItem, type FetchedPage, type ItemSource } from './types.ts';

const htmlMimeRe = /^\s*(text\/html|application\/xhtml\+xml)\b/i;
const charsetRe = /charset\s*=\s*"?([\w.:-]+)/i;
// Bigger records are not articles (videos, dumps); reading them whole would only cost memory.
const MAX_RECORD_BYTES = 20 * 1024 * 1024;

interface WarcHtmlRecord {
  recordId: string;
  url: string;
  date: Date | null;
  page: FetchedPage;
}

function headersOf(record: WARCRecord): Record<string, string> {
  const out: Record<string, string> = {};
  const info = record.getResponseInfo();
  if (!info) return out;
  for (const [name, value] of info.headers as Iterable<[string, string]>) out[name.toLowerCase()] = value;
  // The body we keep is already de-chunked and decompressed.
  delete out['content-encoding'];
  delete out['transfer-encoding'];
  return out;
}

/** Why a record is not taken, or null when it is an HTML response worth ingesting. */
function skipReason(record: WARCRecord): string | null {
  if (record.warcType !== 'response') return `WARC ${record.warcType} record`;
  if (!record.warcTargetURI || !/^https?:/i.test(record.warcTargetURI)) return 'response without an http(s) target URI';
  const info = record.getResponseInfo();
  if (!info) return 'response without HTTP headers';
  const status = Number(info.status);
  if (!(status >= 200 && status < 300)) return `HTTP status ${info.status}`;
  const ct = (info.headers as Headers).get('content-type') ?? '';
  if (!htmlMimeRe.test(ct)) return 'not HTML';
  if (record.warcContentLength > MAX_RECORD_BYTES) return 'record too large';
  return null;
}

/** The file's bytes as a plain WARC stream: a .warc.gz (one gzip member per record) is inflated natively. */
async function openWarcStream(file: string): Promise<Readable> {
  const handle = await open(file, 'r');
  const magic = Buffer.alloc(2);
  try {
    await handle.read(magic, 0, 2, 0);
  } finally {
    await handle.close();
  }
  const raw = createReadStream(file);
  // node's gunzip reads concatenated members, and is several times faster than warcio's pure-JS inflate
  return magic[0] === 0x1f && magic[1] === 0x8b ? raw.pipe(createGunzip()) : raw;
}

/** Streams one WARC file's HTML responses. `skipped` collects why other records were left out. */
export async function* readWarcRecords(file: string, skipped: Map<string, number>): AsyncGenerator<WarcHtmlRecord> {
  const parser = new WARCParser(await openWarcStream(file));
  let ordinal = 0;
  for await (const record of parser) {
    ordinal++;
    const reason = skipReason(record);
    if (reason) {
      addCount(skipped, reason);
      continue;
    }
    const body = Buffer.from(await record.readFully(true));
    const headers = headersOf(record);
    const contentType = headers['content-type'] ?? null;
    const date = record.warcDate ? new Date(record.warcDate) : null;
    const url = record.warcTargetURI!;
    yield {
      recordId: record.warcHeader('WARC-Record-ID') ?? `${path.basename(file)}#${ordinal}`,
      url,
      date: date && !Number.isNaN(date.getTime()) ? date : null,
      page: {
        url,
        finalUrl: url,
        status: Number(record.getResponseInfo()!.status),
        headers,
        body,
        contentType,
        charset: contentType ? (charsetRe.exec(contentType)?.[1]?.toLowerCase() ?? null) : null,
        contentHash: createHash('sha256').update(body).digest('hex'),
        fetchedAt: date ?? new Date(),
      },
    };
  }
}

/** Counts HTML responses without reading their bodies into memory (for the progress total). */
export async function countWarcHtmlRecords(file: string): Promise<number> {
  let n = 0;
  for await (const record of new WARCParser(await openWarcStream(file))) {
    if (skipReason(record) === null) n++;
  }
  return n;
}

/** The WARC reader over several files; item keys are file name + record id, stable across re-runs. */
export async function readWarcFiles(files: string[]): Promise<ItemSource> {
  let total = 0;
  for (const file of files) total += await countWarcHtmlRecords(file);
  const skipped = new Map<string, number>();
  async function* items(): AsyncGenerator<BackfillItem> {
    for (const file of files) {
      for await (const rec of readWarcRecords(file, skipped)) {
        yield {
          key: `${path.basename(file)}:${rec.recordId}`,
          url: rec.url,
          archivedAt: rec.date,
          load: async () => ({ page: rec.page, archivedAt: rec.date }),
        };
      }
    }
  }
  return { total, items: items(), skipped };
}
