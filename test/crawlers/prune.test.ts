/** pruneHtml: what is cut before the DOM is built, and what must survive. */
import { describe, expect, it } from 'vitest';
import { pruneHtml } from '../../src/crawlers/prune.ts';

describe('pruneHtml', () => {
  it.each([
    ['scripts, styles and comments', '<p>a</p><script>var x = "<p>no</p>";</script><style>p{}</style><!-- <p>no</p> --><p>b</p>', '<p>a</p><p>b</p>'],
    ['nested navigation as a whole', '<nav><ul><li><nav>inner</nav></li></ul>menu</nav><p>text</p>', '<p>text</p>'],
    ['not a custom element that starts like a pruned one', '<navigation-bar>kept</navigation-bar><NAV class="x">cut</NAV>', '<navigation-bar>kept</navigation-bar>'],
    ['an element never closed is kept', '<p>a</p><nav><p>rest of the page</p>', '<p>a</p><nav><p>rest of the page</p>'],
    ['a script that mentions a closing nav tag', '<nav>m</nav><script>document.write("</nav>")</script><p>t</p>', '<p>t</p>'],
    ['header, aside and form are kept (articles live there)', '<header><h1>T</h1></header><aside>a</aside><form><p>b</p></form>', '<header><h1>T</h1></header><aside>a</aside><form><p>b</p></form>'],
  ])('%s', (_label, html, expected) => {
    expect(pruneHtml(html).html).toBe(expected);
  });

  it('keeps JSON-LD bodies aside for the metadata', () => {
    const r = pruneHtml('<head><script type="application/ld+json">{"@type":"NewsArticle"}</script><script>x()</script></head>');
    expect(r.jsonLd).toEqual(['{"@type":"NewsArticle"}']);
    expect(r.html).toBe('<head></head>');
  });
});
