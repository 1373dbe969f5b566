/**
 * Alert rules: config/alerts.yml (and rule definitions edited in the review UI), validated with zod.
 * A bad entry is rejected with the file, the rule id, the field and what was expected, in the style of
 * parseSourcesConfig in src/config.ts. `${NAME}` / `${NAME:-default}` in string values is read from the
 * environment when a rule is parsed, so secrets stay out of the file and out of alert_rules.definition.
 */
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { parseDuration } from '../config.ts';
import { ConfigError } from '../errors.ts';

const slugRe = /^[a-z0-9][a-z0-9-]*$/;
// "${WEBHOOK_SECRET}" or "${SMTP_URL:-smtp://127.0.0.1:25}"
const envRefRe = /\$\{([A-Z_][A-Z0-9_]*)(?::-([^}]*))?\}/g;

const duration = z
  .string()
  .refine((s) => parseDuration(s) !== null, { message: 'expected a duration like "30s", "5m" or "2d"' })
  .transform((s) => parseDuration(s)!);

const stringList = z.array(z.string().min(1).max(200)).max(200);

const webhookChannel = z.object({
  type: z.literal('webhook'),
  id: z.string().regex(slugRe, 'expected a lowercase slug').optional(),
  url: z.url({ protocol: /^https?$/, message: 'expected an absolute http(s) URL' }),
  /** HMAC-SHA256 key for the X-Courtwatch-Signature header (Slack's own hooks do not check one) */
  secret: z.string().min(16, 'expected a secret of at least 16 characters').optional(),
  format: z.enum(['json', 'slack']).default('json'),
}).refine((ch) => ch.format === 'slack' || ch.secret !== undefined, {
  message: 'a json webhook needs a "secret" to sign its payloads',
  path: ['secret'],
});

const emailChannel = z.object({
  type: z.literal('email'),
  id: z.string().regex(slugRe, 'expected a lowercase slug').optional(),
  to: z.union([z.email(), z.array(z.email()).min(1)]).transform((v) => (Array.isArray(v) ? v : [v])),
  subject_prefix: z.string().max(100).default('[courtwatch]'),
});

export const ruleSchema = z.object({
  id: z.string().regex(slugRe, 'expected a lowercase slug such as "fraud-almaty"'),
  name: z.string().min(1).max(200),
  enabled: z.boolean().default(true),
  /** extracted: as soon as the pipeline stores a record; accepted: after a reviewer accepts it */
  when: z.enum(['extracted', 'accepted']).default('extracted'),
  /** immediate: batched over settings.batch_window; daily/weekly: one digest */
  delivery: z.enum(['immediate', 'daily', 'weekly']).default('immediate'),
  /** every criterion given must match; inside a list, any entry may match */
  match: z
    .object({
      charges: stringList.optional(),
      code_articles: stringList.optional(),
      courts: stringList.optional(),
      defendants: stringList.optional(),
      sources: z.array(z.string().regex(slugRe, 'expected source ids')).optional(),
      min_sentence_months: z.number().nonnegative().optional(),
      statuses: z.array(z.enum(['convicted', 'acquitted', 'charged_only', 'appeal_upheld', 'appeal_reduced'])).optional(),
      keywords: stringList.optional(),
      min_confidence: z.number().min(0).max(1).optional(),
    })
    .strict()
    .default({}),
  channels: z.array(z.discriminatedUnion('type', [webhookChannel, emailChannel])).max(10).default([]),
  /** the token in /feeds/RULE.atom?token=...; generated and kept in alert_rules when absent */
  feed_token: z.string().min(16, 'expected a token of at least 16 characters').optional(),
});

type ParsedRule = z.infer<typeof ruleSchema>;
export type WebhookChannel = z.infer<typeof webhookChannel> & { key: string };
export type EmailChannel = z.infer<typeof emailChannel> & { key: string };
export type AlertChannel = WebhookChannel | EmailChannel;
export type AlertRule = Omit<ParsedRule, 'channels'> & { channels: AlertChannel[] };
export type RuleMatch = AlertRule['match'];

const settingsSchema = z
  .object({
    /** how long an immediate alert waits for more records of the same trial */
    batch_window: duration.default(300_000),
    /** UTC hour at which daily and weekly digests go out */
    digest_hour: z.number().int().min(0).max(23).default(7),
    weekly_day: z.enum(['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday']).default('monday'),
    /** failed sends are retried with doubling delays from retry_base up to retry_max, for retry_for */
    retry_base: duration.default(60_000),
    retry_max: duration.default(21_600_000),
    retry_for: duration.default(172_800_000),
    smtp: z
      .object({ url: z.string().min(1), from: z.string().min(3) })
      .optional(),
    /** told by email (when smtp is set) and in the error log when a channel is disabled */
    admins: z.array(z.email()).default([]),
  })
  .strict();

export type AlertSettings = z.infer<typeof settingsSchema>;
export const DEFAULT_ALERT_SETTINGS: AlertSettings = settingsSchema.parse({});

export interface AlertsConfig {
  settings: AlertSettings;
  rules: AlertRule[];
  /** each rule's entry as written (env references unexpanded): what alert_rules.definition stores */
  rawRules: Map<string, unknown>;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.length ? issue.path.join('.') : '(entry)';
  return `field "${field}": ${issue.message}`;
}

/** Replaces ${NAME} references with environment values; throws naming the variable when one is unset. */
function expandEnv(value: unknown, where: string, env: NodeJS.ProcessEnv): unknown {
  if (typeof value === 'string') {
    return value.replace(envRefRe, (_all, name: string, fallback: string | undefined) => {
      const found = env[name] ?? fallback;
      if (found === undefined) throw new ConfigError(`${where}: environment variable ${name} is not set; expected it to be exported`);
      return found;
    });
  }
  if (Array.isArray(value)) return value.map((v) => expandEnv(v, where, env));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expandEnv(v, where, env)]));
  }
  return value;
}

/** Gives every channel a stable key (its id, or "<type>-<n>"): alert_deliveries.channel. */
function withChannelKeys(rule: ParsedRule, where: string): AlertRule {
  const counts = new Map<string, number>();
  const seen = new Set<string>(['feed']);
  const channels = rule.channels.map((ch) => {
    const n = (counts.get(ch.type) ?? 0) + 1;
    counts.set(ch.type, n);
    const key = ch.id ?? `${ch.type}-${n}`;
    if (seen.has(key)) throw new ConfigError(`${where}: field "channels": duplicate channel id "${key}"; expected unique ids`);
    seen.add(key);
    return { ...ch, key };
  });
  return { ...rule, channels };
}

/**
 * Validates one rule entry (from the file or from alert_rules.definition). `where` prefixes messages,
 * e.g. `config/alerts.yml: rule "fraud-almaty"`. Throws ConfigError.
 */
export function parseRuleDefinition(raw: unknown, where: string, env: NodeJS.ProcessEnv = process.env): AlertRule {
  const parsed = ruleSchema.safeParse(expandEnv(raw, where, env));
  if (!parsed.success) throw new ConfigError(`${where}: ${parsed.error.issues.map(describeIssue).join('; ')}`);
  return withChannelKeys(parsed.data, where);
}

/** Parses and validates an alerts file's text. `file` is only used in messages. Throws ConfigError. */
export function parseAlertsConfig(text: string, file: string, env: NodeJS.ProcessEnv = process.env): AlertsConfig {
  const doc = parseDocument(text);
  if (doc.errors.length) throw new ConfigError(`${file}: not valid YAML: ${doc.errors[0]!.message}`);
  const top = z
    .object({ settings: z.unknown().optional(), rules: z.array(z.unknown()).default([]) })
    .strict()
    .safeParse(doc.toJS() ?? {});
  if (!top.success) throw new ConfigError(`${file}: ${top.error.issues.map(describeIssue).join('; ')}`);
  const settings = settingsSchema.safeParse(expandEnv(top.data.settings ?? {}, `${file}: settings`, env));
  if (!settings.success) {
    throw new ConfigError(`${file}: settings: ${settings.error.issues.map(describeIssue).join('; ')}`);
  }
  const rawRules = new Map<string, unknown>();
  const rules = top.data.rules.map((entry, index) => {
    const rawId = (entry as { id?: unknown } | null)?.id;
    const label = `${file}: ${typeof rawId === 'string' ? `rule "${rawId}"` : `rule #${index + 1}`}`;
    const rule = parseRuleDefinition(entry, label, env);
    if (rawRules.has(rule.id)) throw new ConfigError(`${label}: field "id": duplicate id; expected ids to be unique`);
    rawRules.set(rule.id, entry);
    return rule;
  });
  return { settings: settings.data, rules, rawRules };
}

export function loadAlertsConfig(file: string, env: NodeJS.ProcessEnv = process.env): AlertsConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new ConfigError(`${file}: cannot read the alerts file (set COURTWATCH_ALERTS to another path)`, { cause });
  }
  return parseAlertsConfig(text, file, env);
}
