/**
 * Typed errors. Each carries a stable `code` and whether retrying can help, so workers can translate them
 * into BullMQ retry decisions without looking at message text.
 */
export class AppError extends Error {
  readonly code: string;
  readonly retryable: boolean;
  constructor(code: string, message: string, options: { cause?: unknown; retryable?: boolean } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.retryable = options.retryable ?? false;
  }
}

/** An HTTP fetch failed. Retryable for network errors, 429 and 5xx; not for other 4xx. */
export class FetchError extends AppError {
  readonly url: string;
  readonly status: number | undefined;
  /** milliseconds the server asked us to wait (Retry-After), when it said */
  readonly retryAfterMs: number | undefined;
  constructor(
    url: string,
    message: string,
    options: { status?: number; cause?: unknown; retryable?: boolean; retryAfterMs?: number; code?: string } = {},
  ) {
    const status = options.status;
    const retryable = options.retryable ?? (status === undefined || status === 429 || status >= 500);
    super(options.code ?? 'FETCH_FAILED', `${message} (${url})`, { cause: options.cause, retryable });
    this.url = url;
    this.status = status;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** The response exceeded the configured size cap; the page is marked too large, not half-read. */
export class TooLargeError extends FetchError {
  constructor(url: string, limitBytes: number) {
    super(url, `response larger than ${limitBytes} bytes`, { code: 'FETCH_TOO_LARGE', retryable: false });
  }
}

/** robots.txt forbids the URL, or the address is private and the source does not allow it. */
export class DisallowedError extends AppError {
  constructor(url: string, reason: string) {
    super('FETCH_DISALLOWED', `${url}: ${reason}`, { retryable: false });
  }
}

/**
 * The host's politeness slot is not free soon enough. Retryable without counting as a failure: the queue
 * delays the job by `retryAfterMs` instead of letting a worker slot sit idle.
 */
export class HostBusyError extends AppError {
  readonly retryAfterMs: number;
  constructor(host: string, retryAfterMs: number) {
    super('HOST_BUSY', `${host}: politeness limit reached, try again in ${retryAfterMs} ms`, { retryable: true });
    this.retryAfterMs = retryAfterMs;
  }
}

/** A captcha or bot wall: retry later with backoff. */
export class BlockedError extends AppError {
  constructor(url: string, reason: string) {
    super('FETCH_BLOCKED', `${url}: ${reason}`, { retryable: true });
  }
}

/** The page is not what the parser expects (not HTML, no article body). */
export class NotAnArticleError extends AppError {
  constructor(url: string, reason: string) {
    super('NOT_AN_ARTICLE', `${url}: ${reason}`, { retryable: false });
  }
}

export class PayloadValidationError extends AppError {
  constructor(message: string) {
    super('PAYLOAD_INVALID', message, { retryable: false });
  }
}

/** Bad configuration: names the file, the entry, the field and what was expected. Exit 1 at startup. */
export class ConfigError extends AppError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super('CONFIG_INVALID', message, options);
  }
}

/** A required service (Postgres, Redis) cannot be reached. */
export class ServiceUnavailableError extends AppError {
  constructor(service: string, url: string, hint: string, options: { cause?: unknown } = {}) {
    super('SERVICE_UNAVAILABLE', `cannot reach ${service} at ${url}: ${hint}`, { ...options, retryable: true });
  }
}

/** A command that a later issue fills in. The CLI exits 2 on it. */
export class NotImplementedYetError extends AppError {
  constructor(what: string) {
    super('NOT_IMPLEMENTED', `${what} is not implemented yet`);
  }
}

/** Turns any thrown value into an Error, so nothing is lost in logs. */
export function coerceError(value: unknown): Error {
  if (value instanceof Error) return value;
  return new Error(typeof value === 'string' ? value : JSON.stringify(value));
}
