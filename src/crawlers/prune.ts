/**
 * Cuts what no extractor reads out of the HTML before a DOM is built. Building DOM nodes is most of the
 * parse time, and scripts, styles, comments, inline SVG, navigation menus and form controls are often
 * half of a news page's nodes. JSON-LD script bodies are kept aside, since the metadata reads them.
 * One pass over a lowercased copy; measured on the article benchmark (bench/article-body.bench.ts).
 */

/**
 * Elements removed with everything inside them, nesting respected. Each was checked against the
 * benchmark (nav: F1 +0.0016; footer, button, select, iframe, noscript, template, svg: no change).
 * <header>, <aside> and <form> are NOT here: removing them cost F1 (articles live inside those on some
 * sites).
 */
export const PRUNED_ELEMENTS = ['svg', 'nav', 'footer', 'select', 'button', 'iframe', 'noscript', 'template'];
/** Raw-text elements: their content is not markup, so they end at the first closing tag. */
const RAW_TEXT = ['script', 'style'];
const jsonLdTypeRe = /type\s*=\s*["']?application\/ld\+json/i;
const tagNameRe = /^[a-z][a-z0-9-]*/;

export interface PrunedHtml {
  html: string;
  /** text of every <script type="application/ld+json"> */
  jsonLd: string[];
}

/** Whether `lower` has "<tag" at `i` followed by a delimiter, so "<nav" does not match "<navigation". */
function isTagAt(lower: string, i: number, tag: string): boolean {
  if (!lower.startsWith(tag, i + 1)) return false;
  const c = lower.charCodeAt(i + 1 + tag.length);
  return c === 0x20 || c === 0x3e || c === 0x2f || c === 0x0a || c === 0x09 || c === 0x0d || c === 0x0c;
}

/** End (exclusive) of the element opened at `start`, nesting respected; -1 when it is never closed. */
function elementEnd(lower: string, start: number, tag: string): number {
  const close = `</${tag}`;
  let depth = 0;
  let pos = start;
  for (;;) {
    const lt = lower.indexOf('<', pos);
    if (lt < 0) return -1;
    if (isTagAt(lower, lt, tag)) {
      depth++;
      pos = lt + 1;
    } else if (lower.startsWith(close, lt)) {
      depth--;
      const gt = lower.indexOf('>', lt);
      if (gt < 0) return -1;
      if (depth === 0) return gt + 1;
      pos = gt + 1;
    } else {
      pos = lt + 1;
    }
  }
}

export function pruneHtml(html: string, elements: readonly string[] = PRUNED_ELEMENTS): PrunedHtml {
  const lower = html.toLowerCase();
  const pruned = new Set(elements);
  const jsonLd: string[] = [];
  const parts: string[] = [];
  let from = 0; // start of the text not yet copied
  let pos = 0;
  for (;;) {
    const lt = lower.indexOf('<', pos);
    if (lt < 0) break;
    let end = -1;
    if (lower.startsWith('<!--', lt)) {
      const close = lower.indexOf('-->', lt + 4);
      end = close < 0 ? html.length : close + 3;
    } else {
      const name = tagNameRe.exec(lower.slice(lt + 1, lt + 12))?.[0];
      if (name && RAW_TEXT.includes(name) && isTagAt(lower, lt, name)) {
        const openEnd = lower.indexOf('>', lt);
        const close = openEnd < 0 ? -1 : lower.indexOf(`</${name}`, openEnd);
        const closeEnd = close < 0 ? -1 : lower.indexOf('>', close);
        end = closeEnd < 0 ? html.length : closeEnd + 1;
        if (name === 'script' && openEnd >= 0 && close >= 0 && jsonLdTypeRe.test(html.slice(lt, openEnd))) {
          jsonLd.push(html.slice(openEnd + 1, close));
        }
      } else if (name && pruned.has(name) && isTagAt(lower, lt, name)) {
        end = elementEnd(lower, lt, name);
        // never closed: keep it, as a browser would keep the rest of the page inside it
        if (end < 0) {
          pos = lt + 1;
          continue;
        }
      }
    }
    if (end < 0) {
      pos = lt + 1;
      continue;
    }
    parts.push(html.slice(from, lt));
    from = pos = end;
  }
  parts.push(html.slice(from));
  return { html: parts.join(''), jsonLd };
}
