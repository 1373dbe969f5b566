/** Plain-text table of the review statistics per field and rule (for `courtwatch stats`). */
import type { RuleStat } from '../store/review.ts';

export function statsToText(stats: RuleStat[]): string {
  if (stats.length === 0) return 'no reviewed records yet\n';
  const rows = stats.map((s) => {
    const total = s.accepted + s.corrected + s.rejected;
    const bad = total ? Math.round((100 * (s.corrected + s.rejected)) / total) : 0;
    return [s.field, s.rule, String(total), String(s.accepted), String(s.corrected), String(s.rejected), `${bad}%`];
  });
  const header = ['field', 'rule', 'reviewed', 'accepted', 'corrected', 'rejected', 'bad'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}
