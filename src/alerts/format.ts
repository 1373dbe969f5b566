/**
 * Pure message formatting: the webhook JSON body, Slack incoming-webhook blocks, an email's text and
 * HTML, and one-line summaries. Everything that came from a scraped article is escaped for its medium.
 */
import type { AlertRule } from './rules-config.ts';
import type { AlertItem } from './types.ts';

type Candidate = AlertItem['candidate'];

export interface MessageContext {
  rule: Pick<AlertRule, 'id' | 'name' | 'delivery'>;
  items: AlertItem[];
  /** public base URL of the review server, for links to records */
  publicUrl: string;
  sentAt: Date;
  /** a test message from `courtwatch alerts test` */
  test?: boolean;
}

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => htmlEscapes[ch]!);
}

// Slack mrkdwn treats &, < and > as control characters; everything else is shown as written.
function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function recordUrl(publicUrl: string, recordId: number): string {
  return `${publicUrl.replace(/\/+$/, '')}/records/${recordId}`;
}

function formatMonths(months: number): string {
  if (months % 12 === 0) return `${months / 12} year${months === 12 ? '' : 's'}`;
  return `${months} month${months === 1 ? '' : 's'}`;
}

/** "6 years prison", "life", "fine $9,500", "3-7 years prison" */
export function describeSentence(c: Candidate): string | null {
  if (!c.sentenceKind) return null;
  if (c.sentenceKind === 'life' || c.sentenceKind === 'death' || c.sentenceKind === 'acquitted') return c.sentenceKind;
  const parts: string[] = [];
  if (c.sentenceMonths !== null) {
    parts.push(c.sentenceMonthsMax !== null && c.sentenceMonthsMax !== c.sentenceMonths
      ? `${formatMonths(c.sentenceMonths)}–${formatMonths(c.sentenceMonthsMax)}`
      : formatMonths(c.sentenceMonths));
  }
  parts.push(c.sentenceKind.replace('_', ' '));
  if (c.fine) parts.push(`fine ${c.fine}`);
  return parts.join(' ');
}

/** "Sergei Ivanov, 45: convicted — fraud; 6 years prison (Almaty City Court)" */
export function summarize(c: Candidate): string {
  const who = c.name ?? `${c.count} unnamed defendant${c.count === 1 ? '' : 's'}`;
  const age = c.age !== null ? `, ${c.age}` : '';
  const charges = c.charges.length ? ` — ${c.charges.join(', ')}` : '';
  const sentence = describeSentence(c);
  const court = c.court ? ` (${c.court})` : '';
  return `${who}${age}: ${c.status.replace('_', ' ')}${charges}${sentence ? `; ${sentence}` : ''}${court}`;
}

export function subjectFor(ctx: MessageContext, prefix = '[courtwatch]'): string {
  const n = ctx.items.length;
  const what = ctx.rule.delivery === 'immediate' ? `${n} new verdict${n === 1 ? '' : 's'}` : `${ctx.rule.delivery} digest, ${n} verdict${n === 1 ? '' : 's'}`;
  return `${prefix}${ctx.test ? ' TEST' : ''} ${ctx.rule.name}: ${what}`.trim();
}

/** The webhook body: the record, the case and the article URL for every item. `deliveryId` dedupes. */
export function buildJsonPayload(ctx: MessageContext): Record<string, unknown> {
  return {
    type: ctx.test ? 'courtwatch.alert.test' : 'courtwatch.alert',
    rule: { id: ctx.rule.id, name: ctx.rule.name, delivery: ctx.rule.delivery },
    sentAt: ctx.sentAt.toISOString(),
    items: ctx.items.map(({ deliveryId, candidate: c }) => ({
      deliveryId,
      case: { id: c.caseId, verdictDate: c.verdictDate },
      record: {
        id: c.recordId,
        name: c.name,
        count: c.count,
        age: c.age,
        charges: c.charges,
        court: c.court,
        sentence: c.sentenceKind
          ? { kind: c.sentenceKind, months: c.sentenceMonths, monthsMax: c.sentenceMonthsMax, fine: c.fine }
          : null,
        verdictDate: c.verdictDate,
        status: c.status,
        reviewStatus: c.reviewStatus,
        confidence: c.confidence,
        reviewUrl: recordUrl(ctx.publicUrl, c.recordId),
      },
      article: { id: c.articleId, url: c.articleUrl, title: c.articleTitle, sourceId: c.sourceId, publishedAt: c.publishedAt },
    })),
  };
}

// Slack rejects messages with more than 50 blocks; the rest is summarised in one line.
const SLACK_MAX_ITEMS = 45;

/** A Slack-compatible incoming-webhook body: `text` for notifications plus one section per case. */
export function buildSlackPayload(ctx: MessageContext): Record<string, unknown> {
  const shown = ctx.items.slice(0, SLACK_MAX_ITEMS);
  const blocks: Array<Record<string, unknown>> = [
    { type: 'header', text: { type: 'plain_text', text: subjectFor(ctx, '').slice(0, 150) } },
    ...shown.map(({ candidate: c }) => ({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `${escapeSlack(summarize(c))}\n<${c.articleUrl}|${escapeSlack(c.articleTitle ?? c.articleUrl)}> · <${recordUrl(ctx.publicUrl, c.recordId)}|review>`.slice(0, 3000),
      },
    })),
  ];
  if (ctx.items.length > shown.length) {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `…and ${ctx.items.length - shown.length} more` }] });
  }
  return { text: escapeSlack(subjectFor(ctx, '')), blocks };
}

export function buildEmailText(ctx: MessageContext): string {
  const lines = [subjectFor(ctx, ''), ''];
  for (const { candidate: c } of ctx.items) {
    lines.push(`* ${summarize(c)}`, `  ${c.articleTitle ?? ''} ${c.articleUrl}`.trimEnd(), `  review: ${recordUrl(ctx.publicUrl, c.recordId)}`, '');
  }
  lines.push(`You receive this because of the courtwatch alert rule "${ctx.rule.id}".`);
  return lines.join('\n');
}

export function buildEmailHtml(ctx: MessageContext): string {
  const items = ctx.items
    .map(({ candidate: c }) => {
      const title = escapeHtml(c.articleTitle ?? c.articleUrl);
      return `<li><p>${escapeHtml(summarize(c))}</p><p><a href="${escapeHtml(c.articleUrl)}">${title}</a> · <a href="${escapeHtml(recordUrl(ctx.publicUrl, c.recordId))}">review</a></p></li>`;
    })
    .join('\n');
  return `<!doctype html><html><body><h1>${escapeHtml(subjectFor(ctx, ''))}</h1><ul>\n${items}\n</ul><p>You receive this because of the courtwatch alert rule &quot;${escapeHtml(ctx.rule.id)}&quot;.</p></body></html>`;
}
