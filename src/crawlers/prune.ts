/**
 * Cuts what no extractor reads out of the HTML before a DOM is built: scripts, styles, comments and
 * inline SVG are often half of a news page's bytes, and building DOM nodes for them is most of the
 * parse time. JSON-LD script bodies are kept aside, since the metadata reads them.
 */

const scriptRe = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const jsonLdTypeRe = /type\s*=\s*["']?application\/ld\+json/i;
const styleRe = /<style\b[^>]*>[\s\S]*?<\/style\s*>/gi;
const commentRe = /<!--[\s\S]*?-->/g;
const svgRe = /<svg\b[^>]*>[\s\S]*?<\/svg\s*>/gi;

export interface PrunedHtml {
  html: string;
  /** text of every <script type="application/ld+json"> */
  jsonLd: string[];
}

export function pruneHtml(html: string): PrunedHtml {
  const jsonLd: string[] = [];
  const out = html
    .replace(scriptRe, (_m, attrs: string, body: string) => {
      if (jsonLdTypeRe.test(attrs)) jsonLd.push(body);
      return '';
    })
    .replace(styleRe, '')
    .replace(commentRe, '')
    .replace(svgRe, '');
  return { html: out, jsonLd };
}
