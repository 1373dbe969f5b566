/**
 * Canonical form of a URL, so two links to the same article become one key:
 * lowercase scheme and host, default port dropped, no fragment, no tracking parameters, sorted query.
 */

/** Query parameters that only track the click, never select content. */
const trackingParamRe = /^(utm_[a-z_]+|fbclid|gclid|gclsrc|dclid|msclkid|yclid|twclid|igshid|mc_cid|mc_eid|_ga|_gl|_hsenc|_hsmi|mkt_tok|oly_anon_id|oly_enc_id|vero_id|wickedid|ref_src|ref_url|cmpid|s_cid)$/i;

/**
 * Returns the canonical form of an absolute http(s) URL.
 * Throws TypeError for a string that is not an absolute URL.
 */
export function normalizeUrl(url: string): string {
  const u = new URL(url.trim());
  u.hash = '';
  // URL already lowercases the host and drops default ports; trailing dots in hosts are equivalent
  u.hostname = u.hostname.replace(/\.$/, '');
  const kept = [...u.searchParams.entries()].filter(([key]) => !trackingParamRe.test(key));
  kept.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  u.search = '';
  for (const [key, value] of kept) u.searchParams.append(key, value);
  if (u.pathname === '') u.pathname = '/';
  return u.toString();
}

/** Resolves a possibly relative link against a base; null for non-http(s) or malformed links. */
export function resolveHttpUrl(href: string, base: string): string | null {
  try {
    const u = new URL(href.trim(), base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return u.toString();
  } catch {
    // a malformed href in scraped HTML is ordinary; the caller skips it
    return null;
  }
}
