/**
 * `courtwatch alerts test RULE`: which recent records the rule would match, and one test message per
 * channel (marked as a test, not recorded in alert_deliveries, so it never uses up a real delivery).
 */
import { coerceError, ConfigError } from '../errors.ts';
import type { Queryable } from '../store/db.ts';
import { getAlertRule, loadRecentCandidates } from '../store/alerts.ts';
import { toCandidate } from './engine.ts';
import { matchesRule } from './match.ts';
import { parseRuleDefinition, type AlertSettings } from './rules-config.ts';
import { defaultSenders, sendToChannel, type Senders } from './senders.ts';
import type { AlertCandidate, AlertItem } from './types.ts';

// How far back "recent" looks; enough to show a rule's shape without scanning the whole archive.
export const RECENT_RECORDS_SCANNED = 2_000;
const TEST_MESSAGE_ITEMS = 5;

export interface RuleTestResult {
  ruleId: string;
  scanned: number;
  matched: Array<Omit<AlertCandidate, 'articleText'>>;
  sends: Array<{ channel: string; ok: boolean; error?: string }>;
}

const SAMPLE: Omit<AlertCandidate, 'articleText'> = {
  recordId: 0, caseId: 0, articleId: 0, name: 'Test Defendant', count: 1, age: null, charges: ['test charge'],
  court: 'Test Court', sentenceKind: 'prison', sentenceMonths: 12, sentenceMonthsMax: null, fine: null, verdictDate: null,
  status: 'convicted', reviewStatus: 'pending', confidence: 1, articleUrl: 'https://example.org/courtwatch-test',
  articleTitle: 'courtwatch test message', sourceId: null, publishedAt: null,
};

/** Throws ConfigError for an unknown rule or an invalid stored definition. */
export async function testRule(
  deps: { db: Queryable; settings: AlertSettings; publicUrl: string; senders?: Senders; env?: NodeJS.ProcessEnv; now?: () => Date },
  ruleId: string,
  options: { send: boolean; channel?: string; limit: number },
): Promise<RuleTestResult> {
  const row = await getAlertRule(deps.db, ruleId);
  if (!row) throw new ConfigError(`alert rule "${ruleId}" not found; run \`courtwatch alerts sync\` or check config/alerts.yml`);
  const rule = { ...parseRuleDefinition(row.definition, `alert_rules "${ruleId}"`, deps.env), id: row.id };
  const recent = (await loadRecentCandidates(deps.db, RECENT_RECORDS_SCANNED)).map(toCandidate);
  const matched = recent
    .filter((c) => matchesRule(rule, c))
    .slice(0, options.limit)
    .map(({ articleText: _text, ...c }) => c);
  const channels = rule.channels.filter((c) => !options.channel || c.key === options.channel);
  if (options.channel && channels.length === 0) {
    throw new ConfigError(`alert rule "${ruleId}" has no channel "${options.channel}"; it has: ${rule.channels.map((c) => c.key).join(', ') || 'none'}`);
  }
  const sends: RuleTestResult['sends'] = [];
  if (options.send) {
    const items: AlertItem[] = (matched.length ? matched.slice(0, TEST_MESSAGE_ITEMS) : [SAMPLE]).map((candidate) => ({ deliveryId: 0, candidate }));
    for (const ch of channels) {
      try {
        await sendToChannel(deps.senders ?? defaultSenders, ch, { rule, items, publicUrl: deps.publicUrl, sentAt: deps.now?.() ?? new Date(), test: true }, deps.settings);
        sends.push({ channel: ch.key, ok: true });
      } catch (err) {
        sends.push({ channel: ch.key, ok: false, error: coerceError(err).message });
      }
    }
  }
  return { ruleId, scanned: recent.length, matched, sends };
}
