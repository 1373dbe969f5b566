/**
 * The article text with each field's evidence spans marked. Spans are character offsets into the text;
 * every slice is escaped on its own, so no span boundary can open or close markup.
 */
import { html, type SafeHtml } from './html.ts';

/** Order decides the colour shown where spans of two fields overlap (the first wins; the title lists all). */
export const EVIDENCE_FIELDS = ['name', 'count', 'age', 'ageRange', 'charges', 'court', 'sentence', 'verdictDate', 'status'] as const;

type Span = [number, number];

function spansOf(evidence: unknown, field: string, length: number): Span[] {
  const raw = (evidence as Record<string, unknown> | null)?.[field];
  if (!Array.isArray(raw)) return [];
  const out: Span[] = [];
  for (const s of raw) {
    if (!Array.isArray(s) || s.length !== 2) continue;
    const [a, b] = s as unknown[];
    if (!Number.isInteger(a) || !Number.isInteger(b)) continue;
    const start = Math.max(0, Math.min(length, a as number));
    const end = Math.max(0, Math.min(length, b as number));
    if (end > start) out.push([start, end]);
  }
  return out;
}

/** Fields that have at least one usable span in the evidence. */
export function fieldsWithEvidence(evidence: unknown, textLength: number): string[] {
  return EVIDENCE_FIELDS.filter((f) => spansOf(evidence, f, textLength).length > 0);
}

export function highlightEvidence(text: string, evidence: unknown): SafeHtml {
  const cuts = new Set<number>([0, text.length]);
  const spans = EVIDENCE_FIELDS.map((field) => ({ field, spans: spansOf(evidence, field, text.length) }));
  for (const { spans: list } of spans) for (const [a, b] of list) cuts.add(a).add(b);
  const points = [...cuts].sort((x, y) => x - y);
  const parts: SafeHtml[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const slice = text.slice(start, end);
    const covering = spans.filter(({ spans: list }) => list.some(([a, b]) => a <= start && end <= b)).map((s) => s.field);
    parts.push(
      covering.length === 0
        ? html`${slice}`
        : html`<mark class="ev ev-${covering[0]}" title="${covering.join(', ')}" data-fields="${covering.join(' ')}">${slice}</mark>`,
    );
  }
  return html`${parts}`;
}
