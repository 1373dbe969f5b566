/** Cases: the same verdict in several articles, shown together; merge and split forms. */
import { html, safeHref, type SafeHtml } from '../html.ts';
import type { CaseRecord, CaseSummary } from '../../store/cases.ts';
import { dateText, sentence, statusBadge } from './format.ts';
import { csrfField, layout, type Viewer } from './layout.ts';

export function casesPage(viewer: Viewer, cases: CaseSummary[], opts: { q?: string; multi: boolean; nextBefore: number | null }): SafeHtml {
  const next = new URLSearchParams();
  if (opts.q) next.set('q', opts.q);
  if (opts.multi) next.set('multi', '1');
  if (opts.nextBefore) next.set('before', String(opts.nextBefore));
  const body = html`
<section>
  <h1>Cases</h1>
  <form method="get" action="/cases" class="filter-form compact">
    <label>Name <input type="search" name="q" value="${opts.q ?? ''}"></label>
    <label class="check"><input type="checkbox" name="multi" value="1"${opts.multi ? html` checked` : ''}> only cases from 2+ records</label>
    <button type="submit">Show</button>
  </form>
  ${cases.length === 0 ? html`<p class="empty">No cases.</p>` : html`<div class="table-wrap"><table>
    <thead><tr><th>Case</th><th>Defendants</th><th>Court</th><th>Verdict date</th><th>Records</th><th>Articles</th><th>Pending</th></tr></thead>
    <tbody>${cases.map((c) => html`<tr>
      <td data-label="Case"><a href="/cases/${c.id}">#${c.id}</a></td>
      <td data-label="Defendants">${c.names.join('; ') || html`<em>unnamed</em>`}</td>
      <td data-label="Court">${c.court_key ?? ''}</td>
      <td data-label="Verdict date">${dateText(c.verdict_date)}</td>
      <td data-label="Records">${c.records}</td><td data-label="Articles">${c.articles}</td><td data-label="Pending">${c.pending}</td>
    </tr>`)}</tbody></table></div>`}
  ${opts.nextBefore ? html`<nav class="pager"><a class="button" href="/cases?${next.toString()}">Older →</a></nav>` : ''}
</section>`;
  return layout({ title: 'Cases', viewer, body, active: 'cases' });
}

export function casePage(viewer: Viewer, summary: CaseSummary, records: CaseRecord[], error?: string): SafeHtml {
  const body = html`
<section class="case-view">
  <h1>Case #${summary.id}</h1>
  <p class="muted">${summary.records} records from ${summary.articles} articles · name key <code>${summary.name_key ?? '—'}</code> · court <code>${summary.court_key ?? '—'}</code> · ${dateText(summary.verdict_date)}</p>
  ${error ? html`<p class="error" role="alert">${error}</p>` : ''}
  <form method="post" action="/cases/${summary.id}/split" id="case-split-form">
    ${csrfField(viewer.csrfToken)}
    <div class="table-wrap"><table>
      <thead><tr><th>Split</th><th>Defendant</th><th>Age</th><th>Charges</th><th>Court</th><th>Sentence</th><th>Verdict</th><th>Review</th><th>Article</th></tr></thead>
      <tbody>${records.map((r) => {
        const href = safeHref(r.canonical_url);
        return html`<tr>
        <td data-label="Split"><input type="checkbox" name="record" value="${r.id}" aria-label="split record ${r.id}"></td>
        <td data-label="Defendant"><a href="/records/${r.id}">${r.name ?? html`<em>unnamed group</em>`}</a>${r.count > 1 ? html` ×${r.count}` : ''}</td>
        <td data-label="Age">${r.age ?? ''}</td>
        <td data-label="Charges">${r.charges.join('; ')}</td>
        <td data-label="Court">${r.court ?? ''}</td>
        <td data-label="Sentence">${sentence(r.sentence_kind, r.sentence_months, null)}</td>
        <td data-label="Verdict">${dateText(r.verdict_date)} ${statusBadge(r.status)}</td>
        <td data-label="Review">${statusBadge(r.review_status)}</td>
        <td data-label="Article">${r.source_id ?? ''}: ${href ? html`<a href="${href}" rel="noopener noreferrer nofollow" target="_blank">${r.title ?? href}</a>` : html`${r.title ?? ''} <code>${r.canonical_url}</code>`}</td>
      </tr>`;
      })}</tbody></table></div>
    <button type="submit">Split the ticked records into a new case</button>
  </form>
  <form method="post" action="/cases/${summary.id}/merge" class="inline" id="case-merge-form">
    ${csrfField(viewer.csrfToken)}
    <label>Merge case(s) <input name="from" required pattern="[0-9 ,]+" placeholder="e.g. 12, 15" class="short"></label> into this one
    <button type="submit">Merge</button>
  </form>
</section>`;
  return layout({ title: `Case ${summary.id}`, viewer, body, active: 'cases' });
}
