/** Writes WARC / WARC.gz files for tests and the bench, with warcio's WARCRecord and WARCSerializer. */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { WARCRecord, WARCSerializer } from 'warcio';

export interface WarcEntry {
  type: 'response' | 'request' | 'metadata' | 'revisit' | 'warcinfo';
  url: string;
  /** ISO 8601 WARC-Date */
  date: string;
  status?: number;
  contentType?: string;
  body?: string | Buffer;
  /** extra HTTP headers (e.g. content-encoding) */
  headers?: Record<string, string>;
}

const encoder = new TextEncoder();

async function serialize(entry: WarcEntry, gzip: boolean): Promise<Uint8Array> {
  const body = typeof entry.body === 'string' ? encoder.encode(entry.body) : new Uint8Array(entry.body ?? Buffer.alloc(0));
  async function* content(): AsyncGenerator<Uint8Array> {
    yield body;
  }
  let record: WARCRecord;
  if (entry.type === 'warcinfo') {
    record = WARCRecord.createWARCInfo({ filename: 'test.warc', warcVersion: 'WARC/1.1' }, { software: 'courtwatch tests' });
  } else if (entry.type === 'response' || entry.type === 'revisit') {
    record = WARCRecord.create(
      {
        url: entry.url, date: entry.date, type: entry.type, warcVersion: 'WARC/1.1',
        statusline: `HTTP/1.1 ${entry.status ?? 200} ${entry.status === 404 ? 'Not Found' : 'OK'}`,
        httpHeaders: { 'Content-Type': entry.contentType ?? 'text/html; charset=utf-8', ...entry.headers },
        ...(entry.type === 'revisit' ? { refersToUrl: entry.url, refersToDate: entry.date } : {}),
      },
      content(),
    );
  } else if (entry.type === 'request') {
    record = WARCRecord.create(
      { url: entry.url, date: entry.date, type: 'request', warcVersion: 'WARC/1.1', statusline: `GET ${new URL(entry.url).pathname} HTTP/1.1`, httpHeaders: { Host: new URL(entry.url).host } },
      content(),
    );
  } else {
    record = WARCRecord.create({ url: entry.url, date: entry.date, type: 'metadata', warcVersion: 'WARC/1.1', warcHeaders: { 'Content-Type': 'application/json' } }, content());
  }
  return WARCSerializer.serialize(record, { gzip });
}

/** Writes the entries as one WARC file (each record its own gzip member when gzip is true). */
export async function writeWarc(file: string, entries: Iterable<WarcEntry>, options: { gzip?: boolean } = {}): Promise<void> {
  const out = createWriteStream(file);
  for (const entry of entries) {
    if (!out.write(await serialize(entry, options.gzip ?? false))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
