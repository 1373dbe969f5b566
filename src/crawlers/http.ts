/**
 * One HTTP GET with undici, bounded in every direction: connect/headers/body/total timeouts, a byte cap
 * applied after decompression (so a gzip bomb is also "too large"), at most MAX_REDIRECTS redirects with
 * loop detection, and the private-address guard on every hop. No retries, robots or rate limits here:
 * the crawler wraps this with those.
 */
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { Agent, request, type Dispatcher } from 'undici';
import { AppError, DisallowedError, FetchError, TooLargeError } from '../errors.ts';
import { assertPublicLiteralHost, guardedLookup } from './address-guard.ts';

/** The limit: a longer chain is a misconfigured or hostile site. */
export const MAX_REDIRECTS = 5;
/** Error pages are read only this far (enough to recognise a bot wall), never failing on size. */
const ERROR_BODY_BYTES = 256 * 1024;

export interface HttpTimeouts {
  connectMs: number;
  headersMs: number;
  bodyMs: number;
  totalMs: number;
}

export interface HttpGetOptions {
  userAgent: string;
  maxBytes: number;
  timeouts: HttpTimeouts;
  allowPrivateNetwork: boolean;
  headers?: Record<string, string>;
  /** called with the final response's content type before the body is read; throw to refuse it */
  checkContentType?: (contentType: string | null, url: string) => void;
}

export interface HttpResponse {
  url: string;
  finalUrl: string;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  contentType: string | null;
}

const redirectStatuses = new Set([301, 302, 303, 307, 308]);

/** Two connection pools: one whose DNS lookups refuse private addresses, one for sources that allow them. */
export class HttpAgents {
  readonly guarded: Agent;
  readonly open: Agent;
  constructor(connectMs: number) {
    const common = { keepAliveTimeout: 10_000, connections: 64 };
    this.guarded = new Agent({ ...common, connect: { timeout: connectMs, lookup: guardedLookup } });
    this.open = new Agent({ ...common, connect: { timeout: connectMs } });
  }
  async close(): Promise<void> {
    await Promise.all([this.guarded.close(), this.open.close()]);
  }
}

function flattenHeaders(raw: Dispatcher.ResponseData['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    out[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** Stops reading a body; the abort error undici raises for it is expected, not a failure. */
function discard(body: Readable): void {
  body.on('error', () => undefined);
  body.destroy();
}

function decompressor(encoding: string | undefined): NodeJS.ReadWriteStream | null {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      return zlib.createInflate();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      return null;
  }
}

/**
 * Reads a (possibly compressed) body up to `cap` bytes. With `truncate`, stops quietly at the cap;
 * otherwise throws TooLargeError as soon as the cap is passed, without reading the rest.
 */
async function readBody(body: Readable, encoding: string | undefined, cap: number, url: string, truncate: boolean): Promise<Buffer> {
  const inflate = decompressor(encoding);
  const stream: Readable = inflate ? (body.pipe(inflate) as unknown as Readable) : body;
  if (inflate) body.on('error', (err) => (inflate as unknown as Readable).destroy(err));
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const buf = chunk as Buffer;
      size += buf.length;
      if (size > cap) {
        if (!truncate) throw new TooLargeError(url, cap);
        chunks.push(buf.subarray(0, buf.length - (size - cap)));
        break;
      }
      chunks.push(buf);
    }
  } finally {
    discard(body);
    if (inflate) discard(inflate as unknown as Readable);
  }
  return Buffer.concat(chunks);
}

function translateError(err: unknown, url: string): Error {
  if (err instanceof AppError) return err;
  const code = (err as { code?: string; cause?: { code?: string } }).code ?? (err as { cause?: { code?: string } }).cause?.code;
  if (code === 'EPRIVATEADDRESS') {
    return new DisallowedError(url, `${(err as Error).message}; set allow_private_network on the source to allow it`);
  }
  const name = (err as Error).name;
  const what =
    name === 'TimeoutError' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT'
      ? `timed out (${code ?? 'total timeout'})`
      : `network error ${code ?? name}: ${(err as Error).message}`;
  return new FetchError(url, what, { cause: err, retryable: true, code: 'FETCH_NETWORK' });
}

/**
 * GETs a URL, following redirects. Returns any final status (the caller decides what 4xx/5xx mean);
 * error bodies are read only partly. Throws FetchError on network errors, timeouts, too many
 * redirects or a redirect loop; TooLargeError over the cap; DisallowedError for private addresses.
 */
export async function httpGet(url: string, agents: HttpAgents, options: HttpGetOptions): Promise<HttpResponse> {
  const { timeouts } = options;
  const signal = AbortSignal.timeout(timeouts.totalMs);
  const dispatcher = options.allowPrivateNetwork ? agents.open : agents.guarded;
  const seen = new Set<string>();
  let current = url;
  for (let hop = 0; ; hop++) {
    if (!options.allowPrivateNetwork) assertPublicLiteralHost(current);
    seen.add(current);
    let res: Dispatcher.ResponseData;
    try {
      res = await request(current, {
        method: 'GET',
        dispatcher,
        signal,
        headersTimeout: timeouts.headersMs,
        bodyTimeout: timeouts.bodyMs,
        headers: {
          'user-agent': options.userAgent,
          accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
          'accept-encoding': 'gzip, deflate, br',
          ...options.headers,
        },
      });
    } catch (err) {
      throw translateError(err, current);
    }
    const headers = flattenHeaders(res.headers);
    if (redirectStatuses.has(res.statusCode) && headers.location) {
      await res.body.dump().catch(() => undefined);
      let next: string;
      try {
        next = new URL(headers.location, current).toString();
      } catch (cause) {
        throw new FetchError(url, `bad redirect Location ${JSON.stringify(headers.location)} at ${current}`, { status: res.statusCode, cause, retryable: false, code: 'FETCH_BAD_REDIRECT' });
      }
      if (!/^https?:$/.test(new URL(next).protocol)) {
        throw new FetchError(url, `redirect to a non-http URL ${next}`, { status: res.statusCode, retryable: false, code: 'FETCH_BAD_REDIRECT' });
      }
      if (seen.has(next)) {
        throw new FetchError(url, `redirect loop back to ${next} after ${hop + 1} redirects`, { status: res.statusCode, retryable: false, code: 'FETCH_REDIRECT_LOOP' });
      }
      if (hop + 1 > MAX_REDIRECTS) {
        throw new FetchError(url, `more than ${MAX_REDIRECTS} redirects (last to ${next})`, { status: res.statusCode, retryable: false, code: 'FETCH_TOO_MANY_REDIRECTS' });
      }
      current = next;
      continue;
    }
    const contentType = headers['content-type'] ?? null;
    const ok = res.statusCode >= 200 && res.statusCode < 300;
    try {
      if (ok) {
        const declared = Number(headers['content-length']);
        const encoded = headers['content-encoding'] !== undefined && headers['content-encoding'] !== 'identity';
        // the declared length is checked up front only for identity bodies; compressed ones are counted inflated
        if (!encoded && Number.isFinite(declared) && declared > options.maxBytes) throw new TooLargeError(current, options.maxBytes);
        options.checkContentType?.(contentType, current);
      }
      const body = await readBody(res.body, headers['content-encoding'], ok ? options.maxBytes : ERROR_BODY_BYTES, current, !ok);
      return { url, finalUrl: current, status: res.statusCode, headers, body, contentType };
    } catch (err) {
      discard(res.body);
      throw translateError(err, current);
    }
  }
}
