/** The review queue: filters, counts per status, one table row per record, keyset pagination. */
import { html, type SafeHtml } from '../html.ts';
import { REVIEW_STATUSES, VERDICT_STATUSES, type QueueFilters, type QueueRow, type ReviewStatus } from '../../store/review.ts';
import { filtersToParams, withParams } from '../filters.ts';
import { dateText, sentence, statusBadge } from './format.ts';
import { layout, type Viewer } from './layout.ts';

export interface QueueView {
  viewer: Viewer;
  filters: QueueFilters;
  counts: Record<ReviewStatus, number>;
  rows: QueueRow[];
  sources: { id: string; name: string }[];
  nextCursor: string | null;
  prevCursor: string | null;
}

function option(value: string, label: string, selected: string | undefined): SafeHtml {
  return html`<option value="${value}"${selected === value ? html` selected` : ''}>${label}</option>`;
}

export function queuePage(v: QueueView): SafeHtml {
  const f = v.filters;
  const params = filtersToParams(f);
  const tab = (status: ReviewStatus | undefined, label: string, count: number) => {
    const p = filtersToParams({ ...f, reviewStatus: status });
    return html`<a class="tab" href="${withParams('/queue', p)}"${f.reviewStatus === status ? html` aria-current="true"` : ''}>${label} <span class="count" data-status="${status ?? 'all'}">${count}</span></a>`;
  };
  const total = v.counts.pending + v.counts.accepted + v.counts.rejected;
  const recordLink = (id: number) => withParams(`/records/${id}`, params);
  const page = (name: 'after' | 'before', cursor: string | null, label: string, rel: string) => {
    if (!cursor) return '';
    const p = filtersToParams(f);
    p.set(name, cursor);
    return html`<a class="button" rel="${rel}" href="${withParams('/queue', p)}">${label}</a>`;
  };
  const body = html`
<section class="queue">
  <h1>Review queue</h1>
  <nav class="tabs" aria-label="Review status">
    ${tab(undefined, 'All', total)}${tab('pending', 'Pending', v.counts.pending)}${tab('accepted', 'Accepted', v.counts.accepted)}${tab('rejected', 'Rejected', v.counts.rejected)}
  </nav>
  <details class="filters" ${params.toString() ? html`open` : ''}>
  <summary>Filters</summary>
  <form method="get" action="/queue" class="filter-form">
    <label>Name <input type="search" name="q" value="${f.q ?? ''}" placeholder="any part of a name"></label>
    <label>Source <select name="source"><option value="">any</option>${v.sources.map((s) => option(s.id, s.name, f.source))}</select></label>
    <label>Court <input name="court" value="${f.court ?? ''}"></label>
    <label>Charge <input name="charge" value="${f.charge ?? ''}"></label>
    <label>Review <select name="review"><option value="">any</option>${REVIEW_STATUSES.map((s) => option(s, s, f.reviewStatus))}</select></label>
    <label>Verdict <select name="verdict"><option value="">any</option>${VERDICT_STATUSES.map((s) => option(s, s.replace('_', ' '), f.verdictStatus))}</select></label>
    <label>Verdict from <input type="date" name="from" value="${f.dateFrom ?? ''}"></label>
    <label>to <input type="date" name="to" value="${f.dateTo ?? ''}"></label>
    <label>Sentence ≥ (months) <input type="number" min="0" step="any" name="min" value="${f.monthsMin ?? ''}"></label>
    <label>≤ (months) <input type="number" min="0" step="any" name="max" value="${f.monthsMax ?? ''}"></label>
    <div class="actions"><button type="submit">Apply</button> <a href="/queue">Clear</a></div>
  </form>
  </details>
  ${v.rows.length === 0
    ? html`<p class="empty">No records match.</p>`
    : html`<div class="table-wrap"><table class="records">
    <thead><tr><th>Defendant</th><th>Age</th><th>Charges</th><th>Court</th><th>Sentence</th><th>Verdict</th><th>Review</th><th>Article</th></tr></thead>
    <tbody>
    ${v.rows.map((r) => html`<tr data-id="${r.id}" class="row-${r.review_status}">
      <td data-label="Defendant"><a class="open" href="${recordLink(r.id)}">${r.name ?? html`<em>unnamed group</em>`}</a>${Number(r.count) > 1 ? html` <span class="muted">×${r.count}</span>` : ''}${r.has_conflict ? html` <span class="badge badge-conflict">conflict</span>` : ''}</td>
      <td data-label="Age">${r.age ?? (r.age_min !== null ? `${r.age_min}–${r.age_max}` : '')}</td>
      <td data-label="Charges">${(r.charges as string[]).join('; ')}</td>
      <td data-label="Court">${r.court ?? ''}</td>
      <td data-label="Sentence">${sentence(r.sentence_kind, r.sentence_months, r.sentence_months_max, r.fine)}</td>
      <td data-label="Verdict">${dateText(r.verdict_date)} ${statusBadge(String(r.status))}</td>
      <td data-label="Review">${statusBadge(r.review_status)}${r.edited ? html` <span class="muted">edited</span>` : ''}</td>
      <td data-label="Article"><span class="muted">${r.source_id ?? ''}</span> ${r.title ?? ''}</td>
    </tr>`)}
    </tbody></table></div>`}
  <nav class="pager">${page('before', v.prevCursor, '← Previous', 'prev')} ${page('after', v.nextCursor, 'Next →', 'next')}</nav>
  <p class="keys">Keys: <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>Enter</kbd> open, <kbd>/</kbd> search names.</p>
</section>`;
  return layout({ title: 'Queue', viewer: v.viewer, body, active: 'queue' });
}
