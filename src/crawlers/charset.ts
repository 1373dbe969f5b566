/**
 * Decoding a page's bytes: the charset from the Content-Type header, then <meta charset>, then sniffing,
 * decoded with TextDecoder. Headers lie: a legacy label on bytes that are valid multi-byte UTF-8 is
 * overruled, because legacy text is practically never valid UTF-8 with non-ASCII sequences.
 */
import { isUtf8 } from 'node:buffer';
import sniffHTMLEncoding from 'html-encoding-sniffer';

const charsetParamRe = /charset\s*=\s*["']?([^"';\s]+)/i;
// eslint-disable-next-line no-control-regex
const nonAsciiRe = /[^\x00-\x7F]/;
/** The sniffer's fallback when nothing is declared; a distinct label lets us tell "declared" from "default". */
const SNIFF_SENTINEL = 'x-user-defined';

export interface DecodedText {
  text: string;
  /** canonical WHATWG encoding name, e.g. "utf-8", "windows-1251" */
  charset: string;
  /** where the charset came from, for logs and tests */
  via: 'bom' | 'header' | 'meta' | 'utf8-check' | 'cyrillic-guess' | 'default';
}

/** Canonical encoding name for a label, or null when TextDecoder does not know it. */
export function canonicalCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    // unknown label (e.g. "utf8mb4" or garbage): treated as undeclared
    return null;
  }
}

export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const m = contentType ? charsetParamRe.exec(contentType) : null;
  return m ? canonicalCharset(m[1]) : null;
}

function bomCharset(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

function hasMultibyteUtf8(bytes: Buffer): boolean {
  if (!isUtf8(bytes)) return false;
  // cheap scan: any byte >= 0x80 in valid UTF-8 means a real multi-byte sequence
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return true;
  return false;
}

/**
 * Undeclared legacy bytes: Russian/Kazakh text in windows-1251 is mostly bytes 0xC0-0xFF (the letters),
 * while Western windows-1252 text has accented letters only here and there among ASCII ones. Our
 * sources are largely Cyrillic, so this guess beats the standard's windows-1252 default for them.
 */
function looksLikeCyrillic1251(body: Buffer): boolean {
  let high = 0;
  let asciiLetters = 0;
  const n = Math.min(body.length, 64 * 1024);
  let inTag = false;
  for (let i = 0; i < n; i++) {
    const b = body[i]!;
    if (b === 0x3c) inTag = true;
    else if (b === 0x3e) inTag = false;
    else if (inTag) continue;
    else if (b >= 0xc0) high++;
    else if ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)) asciiLetters++;
  }
  return high > 50 && high > asciiLetters;
}

/** Picks the charset for HTML bytes. `xml` skips the <meta> prescan (XML defaults to UTF-8). */
export function detectCharset(body: Buffer, contentType: string | null, xml = false): Omit<DecodedText, 'text'> {
  const bom = bomCharset(body);
  if (bom) return { charset: bom, via: 'bom' };
  const declared = charsetFromContentType(contentType);
  if (declared && declared !== 'utf-8') {
    if (hasMultibyteUtf8(body)) return { charset: 'utf-8', via: 'utf8-check' };
    return { charset: declared, via: 'header' };
  }
  if (declared === 'utf-8' && isUtf8(body)) return { charset: 'utf-8', via: 'header' };
  // no usable header: <meta> prescan of the first 1024 bytes (the HTML standard's sniffing algorithm)
  if (!xml) {
    const sniffed = canonicalCharset(sniffHTMLEncoding(body, { defaultEncoding: SNIFF_SENTINEL }));
    if (sniffed && sniffed !== SNIFF_SENTINEL) {
      if (sniffed !== 'utf-8' && hasMultibyteUtf8(body)) return { charset: 'utf-8', via: 'utf8-check' };
      return { charset: sniffed, via: 'meta' };
    }
  }
  if (isUtf8(body)) return { charset: 'utf-8', via: 'utf8-check' };
  if (looksLikeCyrillic1251(body)) return { charset: 'windows-1251', via: 'cyrillic-guess' };
  return { charset: xml ? 'utf-8' : 'windows-1252', via: 'default' };
}

/** Decodes bytes as text with the detected charset (BOM stripped, invalid sequences replaced). */
export function decodeBody(body: Buffer, contentType: string | null, xml = false): DecodedText {
  const found = detectCharset(body, contentType, xml);
  return { ...found, text: new TextDecoder(found.charset).decode(body) };
}

/** Decodes with a charset already chosen at fetch time; falls back to detection if it is unknown. */
export function decodeWith(body: Buffer, charset: string | null, contentType: string | null): string {
  const known = canonicalCharset(charset);
  if (known) return new TextDecoder(known).decode(body);
  return decodeBody(body, contentType).text;
}

export function looksNonAscii(text: string): boolean {
  return nonAsciiRe.test(text);
}
