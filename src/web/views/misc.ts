/** Rule statistics and the export page. */
import { html, type SafeHtml } from '../html.ts';
import type { RuleStat } from '../../store/review.ts';
import { layout, type Viewer } from './layout.ts';

function pct(n: number, total: number): string {
  return total ? `${Math.round((100 * n) / total)}%` : '—';
}

export function statsPage(viewer: Viewer, stats: RuleStat[]): SafeHtml {
  const body = html`
<section>
  <h1>What reviewers thought of each rule</h1>
  <p class="muted">For every reviewed record, each field the extractor filled counts as accepted (record accepted, field unchanged),
  corrected (a reviewer edited it) or rejected (the whole record was rejected). The weakest rules come first.</p>
  ${stats.length === 0 ? html`<p class="empty">No reviewed records yet.</p>` : html`<div class="table-wrap"><table class="stats">
    <thead><tr><th>Field</th><th>Rule</th><th>Reviewed</th><th>Accepted</th><th>Corrected</th><th>Rejected</th><th>Bad share</th></tr></thead>
    <tbody>${stats.map((s) => {
      const total = s.accepted + s.corrected + s.rejected;
      return html`<tr><td data-label="Field">${s.field}</td><td data-label="Rule"><code>${s.rule}</code></td><td data-label="Reviewed">${total}</td>
        <td data-label="Accepted">${s.accepted}</td><td data-label="Corrected">${s.corrected}</td><td data-label="Rejected">${s.rejected}</td>
        <td data-label="Bad share"><meter min="0" max="1" value="${total ? (s.corrected + s.rejected) / total : 0}"></meter> ${pct(s.corrected + s.rejected, total)}</td></tr>`;
    })}</tbody></table></div>`}
</section>`;
  return layout({ title: 'Rule stats', viewer, body, active: 'stats' });
}

export function exportPage(viewer: Viewer): SafeHtml {
  const body = html`
<section class="panel">
  <h1>Export</h1>
  <p>One row per defendant (records of the same case are merged and list all their source URLs).
  The CSV has a UTF-8 byte-order mark and standard quoting, so spreadsheets open it correctly.</p>
  <form method="get" action="/export/records" class="filter-form compact" id="export-form">
    <label>Review status <select name="status"><option value="accepted">accepted</option><option value="pending">pending</option><option value="rejected">rejected</option><option value="all">all</option></select></label>
    <label>Format <select name="format"><option value="csv">CSV</option><option value="json">JSON</option></select></label>
    <button type="submit">Download</button>
  </form>
</section>`;
  return layout({ title: 'Export', viewer, body, active: 'export' });
}
