/**
 * Wayback Machine reader: asks the CDX API which captures exist for a source's URL prefixes in a date
 * range, keeps one capture per URL and fetches its raw bytes through `id_` URLs.
 *
 * CDX JSON (https://github.com/internetarchive/wayback/tree/master/wayback-cdx-server): the first row
 * names the fields, e.g. ["urlkey","timestamp","original","mimetype","statuscode","digest","length"];
 * with showResumeKey=true a page that has more ends with [] and then [resumeKey].
 * Quirks: revisit captures have mimetype "warc/revisit" and statuscode "-"; redirect captures (3xx)
 * hold no article, and fetching one in id_ mode answers with a Location into the archive.
 */
import { FetchError } from '../errors.ts';
import { addCount, type BackfillItem, type Fetchers, type ItemSource, type LoadedPage, type PageFetcher } from './types.ts';

export interface CdxCapture {
  urlkey: string;
  timestamp: string;
  original: string;
  mimetype: string;
  statuscode: string;
  digest: string;
  length: string;
}

export interface WaybackQuery {
  /** e.g. https://web.archive.org (tests: the fake archive on 127.0.0.1) */
  baseUrl: string;
  /** URL prefixes to ask for, e.g. "example.com/news/" */
  prefixes: string[];
  /** inclusive, YYYY-MM-DD */
  from: string;
  to: string;
  /** the source's include/exclude patterns, applied to the original URL */
  include?: RegExp[];
  exclude?: RegExp[];
}

const CDX_FIELDS = ['urlkey', 'timestamp', 'original', 'mimetype', 'statuscode', 'digest', 'length'] as const;
// Rows per CDX request: large enough for few round trips, small enough that one answer stays a few MB.
const CDX_PAGE_SIZE = 5000;
// Guards against a CDX server that keeps handing out resume keys.
const CDX_MAX_PAGES = 1000;
// A redirect capture is followed at most this many hops inside the archive.
const MAX_REDIRECT_HOPS = 3;

const htmlMimeRe = /^(text\/html|application\/xhtml\+xml)\b/i;
// "https://web.archive.org/web/20230115093000id_/https://example.com/a" -> ts, flags, original
const archiveUrlRe = /\/web\/(\d{4,14})([a-z]{2}_)?\/(.+)$/;

export function toCdxDate(day: string): string {
  return day.replaceAll('-', '');
}

/** "20230115093000" -> that instant in UTC (short timestamps are padded, as the CDX server does). */
export function parseWaybackTimestamp(ts: string): Date {
  const p = ts.padEnd(14, '0');
  const iso = `${p.slice(0, 4)}-${p.slice(4, 6) === '00' ? '01' : p.slice(4, 6)}-${p.slice(6, 8) === '00' ? '01' : p.slice(6, 8)}T${p.slice(8, 10)}:${p.slice(10, 12)}:${p.slice(12, 14)}Z`;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new Error(`not a Wayback timestamp: ${JSON.stringify(ts)}`);
  return d;
}

/** The raw-bytes URL of a capture (id_ = no Wayback toolbar, no link rewriting). */
export function captureRawUrl(baseUrl: string, timestamp: string, original: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/web/${timestamp}id_/${original}`;
}

function cdxUrl(query: WaybackQuery, prefix: string, resumeKey: string | null): string {
  const u = new URL(`${query.baseUrl.replace(/\/+$/, '')}/cdx/search/cdx`);
  u.searchParams.set('url', prefix);
  u.searchParams.set('matchType', 'prefix');
  u.searchParams.set('from', toCdxDate(query.from));
  u.searchParams.set('to', toCdxDate(query.to));
  u.searchParams.set('output', 'json');
  u.searchParams.set('fl', CDX_FIELDS.join(','));
  u.searchParams.set('limit', String(CDX_PAGE_SIZE));
  u.searchParams.set('showResumeKey', 'true');
  if (resumeKey) u.searchParams.set('resumeKey', resumeKey);
  return u.toString();
}

/** Parses one CDX JSON answer into captures and the resume key, if the server has more. */
export function parseCdxJson(text: string, url: string): { captures: CdxCapture[]; resumeKey: string | null } {
  let rows: unknown;
  try {
    rows = text.trim() === '' ? [] : JSON.parse(text);
  } catch (cause) {
    throw new FetchError(url, 'CDX answer is not JSON', { cause, retryable: false, code: 'CDX_INVALID' });
  }
  if (!Array.isArray(rows) || rows.length === 0) return { captures: [], resumeKey: null };
  const header = rows[0] as unknown;
  if (!Array.isArray(header) || !CDX_FIELDS.every((f) => header.includes(f))) {
    throw new FetchError(url, `CDX header row lacks one of ${CDX_FIELDS.join(',')}`, { retryable: false, code: 'CDX_INVALID' });
  }
  const index = Object.fromEntries(CDX_FIELDS.map((f) => [f, header.indexOf(f)])) as Record<(typeof CDX_FIELDS)[number], number>;
  const captures: CdxCapture[] = [];
  let resumeKey: string | null = null;
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i] as unknown;
    if (!Array.isArray(row)) continue;
    if (row.length === 0) {
      const next = rows[i + 1] as unknown;
      if (Array.isArray(next) && next.length === 1 && typeof next[0] === 'string') resumeKey = next[0];
      break;
    }
    const get = (f: (typeof CDX_FIELDS)[number]): string => String(row[index[f]] ?? '');
    captures.push({
      urlkey: get('urlkey'), timestamp: get('timestamp'), original: get('original'), mimetype: get('mimetype'),
      statuscode: get('statuscode'), digest: get('digest'), length: get('length'),
    });
  }
  return { captures, resumeKey };
}

/** Every capture of the query's prefixes in its date range, following resume keys. */
export async function queryCdx(fetchResource: PageFetcher, query: WaybackQuery): Promise<CdxCapture[]> {
  const all: CdxCapture[] = [];
  for (const prefix of query.prefixes) {
    let resumeKey: string | null = null;
    for (let page = 0; page < CDX_MAX_PAGES; page++) {
      const url = cdxUrl(query, prefix, resumeKey);
      const res = await fetchResource(url);
      if (res.status !== 200) throw new FetchError(url, `CDX answered ${res.status}`, { status: res.status });
      const parsed = parseCdxJson(res.body.toString('utf8'), url);
      all.push(...parsed.captures);
      resumeKey = parsed.resumeKey;
      if (!resumeKey) break;
    }
  }
  return all;
}

export interface SelectedCapture extends CdxCapture {
  /** a redirect capture chosen because the URL has no good one: follow it inside the archive */
  redirect: boolean;
}

function isRedirect(c: CdxCapture): boolean {
  return /^3\d\d$/.test(c.statuscode);
}

function isGood(c: CdxCapture): boolean {
  return c.statuscode === '200' && htmlMimeRe.test(c.mimetype);
}

/**
 * One capture per URL: the newest 200 HTML capture; a URL captured only as a redirect keeps its newest
 * redirect (followed later); 404s, other errors, revisits and non-HTML are skipped with a reason.
 * Captures with the same digest are the same bytes: only the first kept one is fetched.
 */
export function selectCaptures(captures: CdxCapture[], query: Pick<WaybackQuery, 'from' | 'to' | 'include' | 'exclude'>): {
  chosen: SelectedCapture[];
  skipped: Map<string, number>;
} {
  const skipped = new Map<string, number>();
  const from = toCdxDate(query.from);
  const to = toCdxDate(query.to).padEnd(14, '9');
  const byUrl = new Map<string, CdxCapture[]>();
  for (const c of captures) {
    const ts = c.timestamp.padEnd(14, '0');
    if (ts < from || ts > to) {
      addCount(skipped, 'capture outside the date range');
      continue;
    }
    if (query.include?.length && !query.include.some((re) => re.test(c.original))) {
      addCount(skipped, 'URL not matched by the source include patterns');
      continue;
    }
    if (query.exclude?.some((re) => re.test(c.original))) {
      addCount(skipped, 'URL matched a source exclude pattern');
      continue;
    }
    const key = c.urlkey || c.original;
    const list = byUrl.get(key) ?? [];
    list.push(c);
    byUrl.set(key, list);
  }
  const chosen: SelectedCapture[] = [];
  const seenDigests = new Set<string>();
  for (const list of byUrl.values()) {
    list.sort((a, b) => b.timestamp.localeCompare(a.timestamp));
    const good = list.find(isGood);
    const pick: SelectedCapture | null = good
      ? { ...good, redirect: false }
      : list.find(isRedirect)
        ? { ...list.find(isRedirect)!, redirect: true }
        : null;
    if (!pick) {
      const c = list[0]!;
      addCount(skipped, c.mimetype === 'warc/revisit' ? 'revisit capture only' : /^\d+$/.test(c.statuscode) && c.statuscode !== '200' ? `capture status ${c.statuscode}` : 'capture is not HTML');
      continue;
    }
    for (const other of list) {
      if (other === good || (pick.redirect && other.timestamp === pick.timestamp)) continue;
      if (other.digest === pick.digest) addCount(skipped, 'duplicate digest');
      else if (isGood(other)) addCount(skipped, 'older capture of the same URL');
      else if (isRedirect(other)) addCount(skipped, 'redirect capture (URL has a good capture)');
      else addCount(skipped, other.mimetype === 'warc/revisit' ? 'revisit capture' : `capture status ${other.statuscode}`);
    }
    if (!pick.redirect && seenDigests.has(pick.digest)) {
      addCount(skipped, 'duplicate digest');
      continue;
    }
    seenDigests.add(pick.digest);
    chosen.push(pick);
  }
  chosen.sort((a, b) => a.timestamp.localeCompare(b.timestamp) || a.original.localeCompare(b.original));
  return { chosen, skipped };
}

/** Where an archive URL points: the original URL and timestamp, or null for a non-archive URL. */
export function parseArchiveUrl(url: string): { timestamp: string; original: string; raw: boolean } | null {
  const m = archiveUrlRe.exec(new URL(url).pathname + new URL(url).search);
  if (!m) return null;
  return { timestamp: m[1]!, original: m[3]!, raw: m[2] === 'id_' };
}

/** Fetches a capture's raw bytes, following a redirect capture to its target inside the archive. */
export async function fetchCapture(fetchPage: PageFetcher, baseUrl: string, capture: SelectedCapture): Promise<LoadedPage> {
  let rawUrl = captureRawUrl(baseUrl, capture.timestamp, capture.original);
  let original = capture.original;
  let timestamp = capture.timestamp;
  for (let hop = 0; hop <= MAX_REDIRECT_HOPS; hop++) {
    const page = await fetchPage(rawUrl);
    // The crawler may have followed the redirect already: read where it landed.
    const landed = parseArchiveUrl(page.finalUrl);
    if (landed && page.finalUrl !== rawUrl) {
      original = landed.original;
      timestamp = landed.timestamp;
      if (!landed.raw) {
        rawUrl = captureRawUrl(baseUrl, timestamp, original);
        continue;
      }
    }
    const location = page.headers.location;
    if (page.status >= 300 && page.status < 400 && location) {
      const target = parseArchiveUrl(new URL(location, rawUrl).toString());
      if (!target) throw new FetchError(rawUrl, `redirect capture points outside the archive (${location})`, { status: page.status, retryable: false });
      original = target.original;
      timestamp = target.timestamp;
      rawUrl = captureRawUrl(baseUrl, timestamp, original);
      continue;
    }
    if (page.status !== 200) throw new FetchError(rawUrl, `archive answered ${page.status}`, { status: page.status });
    // Store the article's own URL, never the archive's, so live and archived copies meet on final_url.
    return { page: { ...page, url: capture.original, finalUrl: original }, archivedAt: parseWaybackTimestamp(timestamp) };
  }
  throw new FetchError(rawUrl, `more than ${MAX_REDIRECT_HOPS} redirects inside the archive`, { retryable: false });
}

/** The Wayback reader: queries CDX, selects captures, and yields one lazily-fetched item per capture. */
export async function readWayback(fetchers: Fetchers, query: WaybackQuery): Promise<ItemSource> {
  const captures = await queryCdx(fetchers.resource, query);
  const { chosen, skipped } = selectCaptures(captures, query);
  async function* items(): AsyncGenerator<BackfillItem> {
    for (const capture of chosen) {
      yield {
        key: `${capture.timestamp}/${capture.original}`,
        url: capture.original,
        archivedAt: parseWaybackTimestamp(capture.timestamp),
        load: () => fetchCapture(fetchers.article, query.baseUrl, capture),
      };
    }
  }
  return { total: chosen.length, items: items(), skipped };
}
