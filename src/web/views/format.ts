/** Small display helpers shared by the views. */
import { html, type SafeHtml } from '../html.ts';

export function months(m: number | null | undefined): string {
  if (m === null || m === undefined) return '';
  if (m >= 12 && m % 12 === 0) return `${m / 12} y`;
  if (m >= 12) return `${Math.floor(m / 12)} y ${+(m % 12).toFixed(1)} m`;
  return `${+m.toFixed(1)} m`;
}

export function sentence(kind: unknown, min: unknown, max: unknown, fine?: unknown): string {
  const parts: string[] = [];
  if (typeof kind === 'string') parts.push(kind.replace('_', ' '));
  if (typeof min === 'number') parts.push(typeof max === 'number' && max !== min ? `${months(min)}–${months(max)}` : months(min));
  if (typeof fine === 'string' && fine) parts.push(fine);
  return parts.join(' · ');
}

export function dateText(d: unknown): string {
  if (d instanceof Date) return d.toISOString().slice(0, 16).replace('T', ' ');
  return typeof d === 'string' && d !== '-infinity' ? d : '';
}

export function statusBadge(status: string): SafeHtml {
  return html`<span class="badge badge-${status}">${status}</span>`;
}

export function jsonText(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
