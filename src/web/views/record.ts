/** One record: the article with evidence highlighted, the fields beside it, actions, case and history. */
import { html, safeHref, type SafeHtml } from '../html.ts';
import { EDITABLE_FIELDS, SENTENCE_KINDS, VERDICT_STATUSES, type EditableField, type RecordDetail, type ReviewEvent } from '../../store/review.ts';
import { fieldsWithEvidence, highlightEvidence } from '../highlight.ts';
import type { CaseRecord } from '../../store/cases.ts';
import { dateText, jsonText, sentence, statusBadge } from './format.ts';
import { csrfField, layout, type Viewer } from './layout.ts';

export interface RecordView {
  viewer: Viewer;
  record: RecordDetail;
  events: ReviewEvent[];
  /** filters as a query string, carried through every link and form */
  qs: string;
  prevId: number | null;
  nextId: number | null;
  /** the other records of this record's case (the same verdict in other articles) */
  caseRecords: CaseRecord[];
  error?: string;
}

const LABELS: Record<EditableField, string> = {
  name: 'Name', count: 'Count', age: 'Age', age_min: 'Age from', age_max: 'Age to', charges: 'Charges (one per line)',
  court: 'Court', sentence_kind: 'Sentence kind', sentence_months: 'Sentence months', sentence_months_max: 'Months up to',
  fine: 'Fine', verdict_date: 'Verdict date', verdict_date_precision: 'Date precision', status: 'Verdict',
};

function selectOf(name: string, values: readonly string[], current: unknown, allowEmpty: boolean): SafeHtml {
  return html`<select name="${name}" id="f-${name}">${allowEmpty ? html`<option value="">—</option>` : ''}${values.map(
    (v) => html`<option value="${v}"${current === v ? html` selected` : ''}>${v.replace('_', ' ')}</option>`,
  )}</select>`;
}

function input(field: EditableField, value: unknown): SafeHtml {
  const type = EDITABLE_FIELDS[field].type;
  if (field === 'sentence_kind') return selectOf(field, SENTENCE_KINDS, value, true);
  if (field === 'status') return selectOf(field, VERDICT_STATUSES, value, false);
  if (field === 'verdict_date_precision') return selectOf(field, ['day', 'month', 'year'], value, true);
  if (type === 'text[]') return html`<textarea name="${field}" id="f-${field}" rows="3">${((value as string[] | null) ?? []).join('\n')}</textarea>`;
  const v = value === null || value === undefined ? '' : String(value);
  if (type === 'date') return html`<input type="date" name="${field}" id="f-${field}" value="${v}">`;
  if (type === 'int' || type === 'numeric') {
    return html`<input type="number" min="0" step="${type === 'int' ? '1' : 'any'}" name="${field}" id="f-${field}" value="${v}">`;
  }
  return html`<input name="${field}" id="f-${field}" value="${v}" maxlength="500">`;
}

function withQs(path: string, qs: string): string {
  return qs ? `${path}?${qs}` : path;
}

function actionForm(id: string, action: string, label: string, key: string, v: RecordView): SafeHtml {
  return html`<form method="post" action="${action}" id="${id}" class="inline">${csrfField(v.viewer.csrfToken)}<input type="hidden" name="qs" value="${v.qs}"><button type="submit" class="btn-${id}">${label} <kbd>${key}</kbd></button></form>`;
}

export function recordPage(v: RecordView): SafeHtml {
  const r = v.record;
  const href = safeHref(r.canonical_url);
  const withEvidence = new Set(fieldsWithEvidence(r.evidence, r.text.length));
  const base = `/records/${r.id}`;
  const body = html`
<section class="record" data-record-id="${r.id}">
  <div class="record-head">
    <h1>${r.name ?? html`<em>unnamed group</em>`}${Number(r.count) > 1 ? html` <span class="muted">×${r.count}</span>` : ''}</h1>
    <p>${statusBadge(r.review_status)}${r.edited ? html` <span class="badge">edited</span>` : ''}
      ${r.reviewed_by ? html`<span class="muted">by ${r.reviewed_by} ${dateText(r.reviewed_at)}</span>` : ''}
      <span class="muted">confidence ${Number(r.confidence).toFixed(2)} · extractor ${r.extractor_version}</span></p>
    <nav class="record-nav">
      ${v.prevId ? html`<a id="prev-link" href="${withQs(`/records/${v.prevId}`, v.qs)}">← Previous <kbd>k</kbd></a>` : html`<span class="muted">first</span>`}
      <a href="${withQs('/queue', v.qs)}">Queue</a>
      ${v.nextId ? html`<a id="next-link" href="${withQs(`/records/${v.nextId}`, v.qs)}">Next <kbd>j</kbd> →</a>` : html`<span class="muted">last</span>`}
    </nav>
    <div class="actions">
      ${actionForm('accept-form', `${base}/accept`, 'Accept', 'a', v)}
      ${actionForm('reject-form', `${base}/reject`, 'Reject', 'r', v)}
      <a class="button" href="#edit-form" id="edit-link">Edit <kbd>e</kbd></a>
    </div>
    ${v.error ? html`<p class="error" role="alert">${v.error}</p>` : ''}
    ${r.has_conflict ? html`<p class="warning">A re-extraction disagreed with the reviewed values: <code>${jsonText(r.conflict)}</code></p>` : ''}
  </div>
  <div class="record-body">
    <article class="source-text">
      <h2>${r.title ?? '(no title)'}</h2>
      <p class="muted">${r.source_id ?? ''} ${dateText(r.published_at)}
        · ${href ? html`<a href="${href}" rel="noopener noreferrer nofollow" target="_blank">original</a>` : html`original URL (not a web link): <code>${r.canonical_url}</code>`}
        ${r.page_id ? html`· <a href="/pages/${r.page_id}/raw" rel="noopener" target="_blank">stored page (text)</a>` : ''}</p>
      <p class="legend">${[...withEvidence].map((f) => html`<span class="ev ev-${f}">${f}</span> `)}</p>
      <div class="article-text">${highlightEvidence(r.text, r.evidence)}</div>
    </article>
    <aside class="fields">
      <form method="post" action="${base}/edit" id="edit-form">
        ${csrfField(v.viewer.csrfToken)}<input type="hidden" name="qs" value="${v.qs}">
        ${(Object.keys(EDITABLE_FIELDS) as EditableField[]).map((f) => {
          const ev = EDITABLE_FIELDS[f].evidence;
          const rule = (r.rules as Record<string, unknown>)[ev];
          return html`<label class="field"><span class="field-name"><span class="swatch ev-${withEvidence.has(ev) ? ev : 'none'}"></span>${LABELS[f]}${typeof rule === 'string' ? html` <span class="rule">${rule}</span>` : ''}</span>${input(f, r[f])}</label>`;
        })}
        <button type="submit">Save changes</button>
      </form>
      <section class="case">
        <h2>Case</h2>
        ${r.case_id ? html`<p><a href="/cases/${r.case_id}">Case ${r.case_id}</a>: the same verdict in other articles.</p>` : html`<p class="muted">Not grouped into a case.</p>`}
        ${v.caseRecords.length ? html`<ul class="case-records">${v.caseRecords.map((c) => html`<li><a href="/records/${c.id}">${c.name ?? 'unnamed group'}</a> ${statusBadge(c.review_status)}
          <span class="muted">${c.source_id ?? ''}: ${c.title ?? ''} · ${sentence(c.sentence_kind, c.sentence_months, null)} · ${dateText(c.verdict_date)}</span></li>`)}</ul>` : ''}
        <form method="post" action="${base}/case" class="inline">${csrfField(v.viewer.csrfToken)}<input type="hidden" name="qs" value="${v.qs}">
          <label>Same verdict as case <input type="number" name="case_id" min="1" required class="short"></label> <button type="submit">Move</button></form>
      </section>
      <details>
        <summary>Add a missed defendant</summary>
        <form method="post" action="${base}/defendants" id="add-form">${csrfField(v.viewer.csrfToken)}<input type="hidden" name="qs" value="${v.qs}">
          <label>Name <input name="name" required maxlength="500"></label>
          <label>Age <input type="number" name="age" min="0" max="120"></label>
          <p class="muted">Court, charges, sentence, date and verdict are copied from this record; edit the new record afterwards.</p>
          <button type="submit">Add defendant</button></form>
      </details>
      <details>
        <summary>Split names out of this group</summary>
        <form method="post" action="${base}/split" id="split-form">${csrfField(v.viewer.csrfToken)}<input type="hidden" name="qs" value="${v.qs}">
          <label>Names, one per line <textarea name="names" rows="3" required></textarea></label>
          <button type="submit">Split</button></form>
      </details>
    </aside>
  </div>
  <section class="history">
    <h2>History</h2>
    ${v.events.length === 0 ? html`<p class="muted">No changes yet.</p>` : html`<div class="table-wrap"><table><thead><tr><th>When</th><th>Who</th><th>Action</th><th>Field</th><th>Old</th><th>New</th></tr></thead><tbody>
      ${v.events.map((e) => html`<tr><td>${dateText(e.created_at)}</td><td>${e.username}</td><td>${e.action}</td><td>${e.field ?? ''}</td><td>${jsonText(e.old_value)}</td><td>${jsonText(e.new_value)}</td></tr>`)}
    </tbody></table></div>`}
  </section>
  <p class="keys">Keys: <kbd>a</kbd> accept · <kbd>r</kbd> reject · <kbd>j</kbd> next · <kbd>k</kbd> previous · <kbd>e</kbd> edit · <kbd>Esc</kbd> leave a field</p>
</section>`;
  return layout({ title: typeof r.name === 'string' ? r.name : 'Record', viewer: v.viewer, body, active: 'queue', bodyClass: 'record-page' });
}
