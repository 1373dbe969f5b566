/**
 * Configuration: environment settings and config/sources.yml, validated once at startup.
 * A bad entry is rejected with the file, the source id, the field and what was expected.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { ConfigError } from './errors.ts';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface Settings {
  databaseUrl: string;
  redisUrl: string;
  port: number;
  /** interface the review server binds to */
  host: string;
  sourcesFile: string;
  alertsFile: string;
  /** prefix of every BullMQ key, so several deployments (or test files) can share one Redis */
  queuePrefix: string;
  /** public base URL of the review server, used in alert links */
  publicUrl: string;
}

export function loadSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT: expected a port number 0-65535, got ${JSON.stringify(env.PORT)}`);
  }
  return {
    databaseUrl: env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/courtwatch',
    redisUrl: env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    port,
    host: env.HOST ?? '127.0.0.1',
    sourcesFile: env.COURTWATCH_SOURCES ?? path.join(PROJECT_ROOT, 'config/sources.yml'),
    alertsFile: env.COURTWATCH_ALERTS ?? path.join(PROJECT_ROOT, 'config/alerts.yml'),
    queuePrefix: env.COURTWATCH_QUEUE_PREFIX ?? 'courtwatch',
    publicUrl: env.COURTWATCH_PUBLIC_URL ?? `http://127.0.0.1:${port}`,
  };
}

const durationRe = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)$/;
const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "30m" -> 1_800_000. Used for schedules, jitter and timeouts in YAML. */
export function parseDuration(text: string): number | null {
  const m = durationRe.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * DURATION_UNITS[m[2]!]!;
}

const duration = z
  .string()
  .refine((s) => parseDuration(s) !== null, { message: 'expected a duration like "500ms", "30s", "15m", "6h" or "1d"' })
  .transform((s) => parseDuration(s)!);

const regexString = z.string().refine(
  (s) => {
    try {
      new RegExp(s);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'expected a valid regular expression' },
);

const cronRe = /^(\S+\s+){4,5}\S+$/;

export const sourceSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a lowercase slug such as "astana-times"'),
    name: z.string().min(1),
    /** how new article URLs are found */
    kind: z.enum(['rss', 'atom', 'feed', 'sitemap', 'listing']),
    url: z.url({ message: 'expected an absolute http(s) URL' }),
    homepage: z.url().optional(),
    /** either `every: 30m` or `cron: "0 * * * *"` */
    schedule: z
      .object({
        every: duration.optional(),
        cron: z.string().regex(cronRe, 'expected a cron expression with 5 or 6 fields').optional(),
        jitter: duration.default(0),
      })
      .refine((s) => (s.every === undefined) !== (s.cron === undefined), { message: 'expected exactly one of "every" or "cron"' })
      .default({ every: 3_600_000, jitter: 0 }),
    rate_limit: z
      .object({
        /** requests per second to this host, shared by all workers */
        per_second: z.number().positive().max(50).default(1),
        /** simultaneous requests to this host, shared by all workers */
        concurrency: z.number().int().positive().max(16).default(1),
      })
      .default({ per_second: 1, concurrency: 1 }),
    render: z.enum(['http', 'browser']).default('http'),
    /** for render: browser — a CSS selector to wait for, or "networkidle" */
    wait_for: z.string().default('networkidle'),
    include: z.array(regexString).default([]),
    exclude: z.array(regexString).default([]),
    /** skip sitemap/feed entries older than this (by lastmod / pubDate) */
    max_age: duration.optional(),
    listing: z
      .object({
        article_links: z.string().min(1),
        next_page: z.string().optional(),
        max_pages: z.number().int().positive().max(100).default(3),
      })
      .optional(),
    /** CSS selectors that override readability for this source */
    article: z
      .object({ body: z.string().optional(), title: z.string().optional(), published: z.string().optional() })
      .default({}),
    language: z.string().optional(),
    /** fetching private-network addresses is refused unless a source allows it (local demos, tests) */
    allow_private_network: z.boolean().default(false),
    enabled: z.boolean().default(true),
  })
  .refine((s) => s.kind !== 'listing' || s.listing !== undefined, {
    message: 'a source of kind "listing" needs a "listing" block with "article_links"',
    path: ['listing'],
  });

export type SourceDefinition = z.infer<typeof sourceSchema>;

export const sourcesFileSchema = z.object({
  /** the contact URL in our User-Agent, so site owners can reach us */
  contact_url: z.url(),
  sources: z.array(z.unknown()),
});

export interface SourcesConfig {
  contactUrl: string;
  sources: SourceDefinition[];
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.length ? issue.path.join('.') : '(entry)';
  return `field "${field}": ${issue.message}`;
}

/** Parses and validates a sources file's text. `file` is only used in messages. */
export function parseSourcesConfig(text: string, file: string): SourcesConfig {
  const doc = parseDocument(text);
  if (doc.errors.length) throw new ConfigError(`${file}: not valid YAML: ${doc.errors[0]!.message}`);
  const top = sourcesFileSchema.safeParse(doc.toJS());
  if (!top.success) throw new ConfigError(`${file}: ${top.error.issues.map(describeIssue).join('; ')}`);
  const seen = new Set<string>();
  const sources = top.data.sources.map((entry, index) => {
    const parsed = sourceSchema.safeParse(entry);
    const rawId = (entry as { id?: unknown } | null)?.id;
    const label = typeof rawId === 'string' ? `source "${rawId}"` : `source #${index + 1}`;
    if (!parsed.success) {
      throw new ConfigError(`${file}: ${label}: ${parsed.error.issues.map(describeIssue).join('; ')}`);
    }
    if (seen.has(parsed.data.id)) throw new ConfigError(`${file}: ${label}: field "id": duplicate id; expected ids to be unique`);
    seen.add(parsed.data.id);
    return parsed.data;
  });
  return { contactUrl: top.data.contact_url, sources };
}

export function loadSourcesConfig(file: string): SourcesConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new ConfigError(`${file}: cannot read the sources file (set COURTWATCH_SOURCES to another path)`, { cause });
  }
  return parseSourcesConfig(text, file);
}
