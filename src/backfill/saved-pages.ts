/**
 * Folder of saved pages: every .html/.htm file under DIR (recursively). The page's URL is, in order:
 * its <link rel="canonical">, a sidecar file (NAME.url holding the URL, or NAME.json with {"url": ...}),
 * or one derived from the file path ("example.com/news/a.html" as saved by `wget -x` ->
 * https://example.com/news/a.html; otherwise a file:// URL, or --base-url + the relative path).
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BackfillItem, type FetchedPage, type ItemSource } from './types.ts';

const htmlFileRe = /\.html?$/i;
// <link rel="canonical" href="https://example.com/a"> in either attribute order
const canonicalRe = /<link\b[^>]*\brel\s*=\s*["']?canonical["']?[^>]*>/i;
const hrefRe = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;
const metaCharsetRe = /<meta\b[^>]*charset\s*=\s*["']?([\w.:-]+)/i;
// "example.com" or "www.news.kz": a first path segment that looks like a host name
const hostLikeRe = /^(?=.{1,253}$)[a-z0-9-]+(\.[a-z0-9-]+)+$/i;
// A saved article bigger than this is not an article.
const MAX_FILE_BYTES = 20 * 1024 * 1024;
// Only the head is searched for the canonical link.
const HEAD_SCAN_BYTES = 64 * 1024;

async function listHtmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && htmlFileRe.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

function decodeEntities(s: string): string {
  return s.replaceAll('&amp;', '&').replaceAll('&#38;', '&').replaceAll('&quot;', '"').replaceAll('&#39;', "'");
}

/** The absolute http(s) canonical URL in the page's head, or null. */
export function findCanonicalUrl(html: string): string | null {
  const tag = canonicalRe.exec(html.slice(0, HEAD_SCAN_BYTES))?.[0];
  if (!tag) return null;
  const m = hrefRe.exec(tag);
  const href = m ? decodeEntities((m[1] ?? m[2] ?? m[3] ?? '').trim()) : '';
  try {
    const u = new URL(href);
    return /^https?:$/.test(u.protocol) ? u.toString() : null;
  } catch {
    return null; // relative or malformed: not usable without knowing where the page lived
  }
}

async function readSidecarUrl(file: string): Promise<string | null> {
  const base = file.replace(htmlFileRe, '');
  const candidates = [`${base}.url`, `${file}.url`, `${base}.json`, `${file}.json`];
  for (const sidecar of candidates) {
    let text: string;
    try {
      text = await readFile(sidecar, 'utf8');
    } catch {
      continue; // no such sidecar: try the next name
    }
    let url: unknown = text.trim();
    if (sidecar.endsWith('.json')) {
      try {
        url = (JSON.parse(text) as { url?: unknown }).url;
      } catch {
        continue; // a broken sidecar is ignored like a missing one; the file name still gives a URL
      }
    } else {
      // Windows .url shortcut files: "[InternetShortcut]\nURL=https://..."
      const m = /^URL=(.+)$/im.exec(text);
      if (m) url = m[1]!.trim();
    }
    if (typeof url === 'string' && /^https?:\/\//i.test(url)) {
      try {
        return new URL(url).toString();
      } catch {
        continue;
      }
    }
  }
  return null;
}

/** A URL from the file's place in the folder. */
export function urlFromFilePath(root: string, file: string, baseUrl?: string): string {
  const rel = path.relative(root, file).split(path.sep);
  if (baseUrl) return new URL(rel.map(encodeURIComponent).join('/'), baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).toString();
  if (rel.length > 1 && hostLikeRe.test(rel[0]!)) {
    return new URL(`https://${rel[0]}/${rel.slice(1).map(encodeURIComponent).join('/')}`).toString();
  }
  return pathToFileURL(file).toString();
}

/** Reads one saved page into the crawler's page shape (status 200, fetched at the file's mtime). */
export async function loadSavedPage(root: string, file: string, baseUrl?: string): Promise<FetchedPage> {
  const info = await stat(file);
  if (info.size > MAX_FILE_BYTES) throw new Error(`${file}: larger than ${MAX_FILE_BYTES} bytes; not an article`);
  const body = await readFile(file);
  const head = body.subarray(0, HEAD_SCAN_BYTES).toString('latin1');
  const url = findCanonicalUrl(head) ?? (await readSidecarUrl(file)) ?? urlFromFilePath(root, file, baseUrl);
  const charset = metaCharsetRe.exec(head)?.[1]?.toLowerCase() ?? null;
  return {
    url,
    finalUrl: url,
    status: 200,
    headers: { 'content-type': charset ? `text/html; charset=${charset}` : 'text/html' },
    body,
    contentType: 'text/html',
    charset,
    contentHash: createHash('sha256').update(body).digest('hex'),
    fetchedAt: info.mtime,
  };
}

/** The folder reader; item keys are paths relative to the folder. */
export async function readSavedPages(dir: string, options: { baseUrl?: string } = {}): Promise<ItemSource> {
  const root = path.resolve(dir);
  const files = await listHtmlFiles(root);
  const skipped = new Map<string, number>();
  async function* items(): AsyncGenerator<BackfillItem> {
    for (const file of files) {
      const rel = path.relative(root, file);
      yield {
        key: rel,
        url: rel,
        archivedAt: null,
        load: async () => {
          const page = await loadSavedPage(root, file, options.baseUrl);
          // When the page was saved is the best "archived at" a folder can tell.
          return { page, archivedAt: page.fetchedAt };
        },
      };
    }
  }
  return { total: files.length, items: items(), skipped };
}
