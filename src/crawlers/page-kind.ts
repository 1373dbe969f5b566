/**
 * What a response body is, before we spend time on it: binary files at article URLs (PDF, images,
 * archives) are refused, and captcha/bot-wall pages are recognised so they are retried later instead of
 * being stored as articles.
 */
import { NotAnArticleError } from '../errors.ts';

const textTypeRe = /^(text\/|application\/(xhtml\+xml|xml|rss\+xml|atom\+xml|rdf\+xml|json|ld\+json))/i;
const binaryTypeRe = /^(image|audio|video|font)\/|^application\/(pdf|zip|gzip|x-gzip|octet-stream|msword|vnd\.|x-tar|x-7z|x-rar)/i;

/** Magic numbers of binary formats that turn up at article URLs. */
const MAGIC: ReadonlyArray<readonly [string, number[]]> = [
  ['PDF', [0x25, 0x50, 0x44, 0x46]],
  ['PNG', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG', [0xff, 0xd8, 0xff]],
  ['GIF', [0x47, 0x49, 0x46, 0x38]],
  ['ZIP', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip', [0x1f, 0x8b]],
  ['WebP/RIFF', [0x52, 0x49, 0x46, 0x46]],
];

/** Bot walls and captcha interstitials (Cloudflare, reCAPTCHA, hCaptcha, PerimeterX, Incapsula, DataDome). */
const botWallRe = /cf-chl-|challenge-platform|cf-browser-verification|<title>\s*(Just a moment\.\.\.|Attention Required! \| Cloudflare)|g-recaptcha|h-captcha|px-captcha|_Incapsula_Resource|captcha-delivery\.com|Please verify you are a human/i;
/** A real article page with a comment captcha is long; a wall is short. */
const BOT_WALL_MAX_BYTES = 64 * 1024;
/** Wall markers sit in the head or the first lines of the body; scanning further costs time on every page. */
const BOT_WALL_SCAN_BYTES = 8 * 1024;

/** Throws NotAnArticleError when the declared content type is a binary format. */
export function refuseBinaryType(contentType: string | null, url: string): void {
  const type = contentType?.split(';')[0]?.trim() ?? '';
  if (type && !textTypeRe.test(type) && binaryTypeRe.test(type)) {
    throw new NotAnArticleError(url, `content type ${type} is not a web page`);
  }
}

/** Throws NotAnArticleError when the bytes start like a binary file (servers mislabel them). */
export function refuseBinaryBody(body: Buffer, url: string): void {
  for (const [name, magic] of MAGIC) {
    if (magic.every((b, i) => body[i] === b)) throw new NotAnArticleError(url, `body is a ${name} file, not a web page`);
  }
  const utf16 = (body[0] === 0xfe && body[1] === 0xff) || (body[0] === 0xff && body[1] === 0xfe);
  if (!utf16 && body.subarray(0, 1024).includes(0)) throw new NotAnArticleError(url, 'body contains NUL bytes: binary, not a web page');
}

export function isTextType(contentType: string | null): boolean {
  const type = contentType?.split(';')[0]?.trim() ?? '';
  return type === '' || textTypeRe.test(type);
}

/** The bot-wall marker found in a page, or null. Only short pages are considered walls. */
export function findBotWall(body: Buffer): string | null {
  if (body.length > BOT_WALL_MAX_BYTES) return null;
  const m = botWallRe.exec(body.toString('latin1', 0, Math.min(body.length, BOT_WALL_SCAN_BYTES)));
  return m ? m[0] : null;
}
