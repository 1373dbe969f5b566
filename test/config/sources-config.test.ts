import { describe, expect, it } from 'vitest';
import { parseDuration, parseSourcesConfig } from '../../src/config.ts';
import { ConfigError } from '../../src/errors.ts';

const good = `
contact_url: https://example.org/courtwatch
sources:
  - id: demo-news
    name: Demo News
    kind: rss
    url: https://example.org/feed.xml
    schedule: { every: 15m, jitter: 1m }
    rate_limit: { per_second: 2, concurrency: 1 }
`;

describe('parseSourcesConfig', () => {
  it('accepts a valid file and applies defaults', () => {
    const cfg = parseSourcesConfig(good, 'sources.yml');
    expect(cfg.contactUrl).toBe('https://example.org/courtwatch');
    expect(cfg.sources[0]).toMatchObject({ id: 'demo-news', render: 'http', schedule: { every: 900_000, jitter: 60_000 } });
  });

  it('names the file, the source and the field of a bad entry', () => {
    const bad = good.replace('kind: rss', 'kind: carrier-pigeon');
    expect(() => parseSourcesConfig(bad, 'config/sources.yml')).toThrow(ConfigError);
    expect(() => parseSourcesConfig(bad, 'config/sources.yml')).toThrow(/config\/sources\.yml: source "demo-news": field "kind"/);
  });

  it('rejects a bad duration with what was expected', () => {
    const bad = good.replace('every: 15m', 'every: soon');
    expect(() => parseSourcesConfig(bad, 'x.yml')).toThrow(/field "schedule.every": expected a duration/);
  });

  it('rejects duplicate ids and a listing without selectors', () => {
    const dup = `${good}  - id: demo-news\n    name: Again\n    kind: rss\n    url: https://example.org/2.xml\n`;
    expect(() => parseSourcesConfig(dup, 'x.yml')).toThrow(/duplicate id/);
    const listing = good.replace('kind: rss', 'kind: listing');
    expect(() => parseSourcesConfig(listing, 'x.yml')).toThrow(/field "listing"/);
  });

  it('parses durations', () => {
    expect(parseDuration('500ms')).toBe(500);
    expect(parseDuration('2h')).toBe(7_200_000);
    expect(parseDuration('fast')).toBeNull();
  });
});

describe('the shipped config/sources.yml', () => {
  it('validates, with unique slugs, polite rate limits and a contact URL', async () => {
    const { loadSourcesConfig, PROJECT_ROOT } = await import('../../src/config.ts');
    const cfg = loadSourcesConfig(`${PROJECT_ROOT}/config/sources.yml`);
    expect(cfg.sources.length).toBeGreaterThanOrEqual(8);
    expect(cfg.contactUrl).toMatch(/^https:\/\//);
    for (const s of cfg.sources) {
      expect(s.rate_limit.per_second).toBeLessThanOrEqual(1);
      expect(s.allow_private_network).toBe(false);
    }
  });
});
