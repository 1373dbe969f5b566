/**
 * HTML templating: a tagged template that escapes every interpolated value unless it is already SafeHtml.
 * Chosen over an engine because pages are few and small, TypeScript checks every template, and "escaped
 * unless explicitly raw()" is a rule one can read in 40 lines. Scraped text can only reach the page
 * through this escaping.
 */

/** A fragment of HTML known to be safe: produced by `html` or wrapped explicitly with raw(). */
export class SafeHtml {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };
const escapeRe = /[&<>"'`]/g;

/** Escapes text for use in element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(escapeRe, (ch) => ESCAPES[ch]!);
}

/** Marks a trusted fragment (never anything derived from a crawled page) as HTML. */
export function raw(trusted: string): SafeHtml {
  return new SafeHtml(trusted);
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map((v: HtmlValue) => render(v)).join('');
  return escapeHtml(String(value));
}

/** html`<p>${text}</p>`: interpolations are escaped; arrays are joined; null/undefined/false render nothing. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1]!;
  return new SafeHtml(out);
}

/** Only http(s) URLs become links; anything else (javascript:, data:) is shown as text by the caller. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : null;
  } catch {
    return null;
  }
}
