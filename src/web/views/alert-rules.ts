/** The admins' alert rules page: each rule with its channels' health, an on/off switch and its definition. */
import type { AlertRuleRow, ChannelHealth } from '../../store/alerts.ts';
import { html, type SafeHtml } from '../html.ts';
import { csrfField, layout, type Viewer } from './layout.ts';

const EXAMPLE_RULE = JSON.stringify(
  { id: 'new-rule', name: 'Mass riots verdicts in Almaty', when: 'extracted', delivery: 'immediate', match: { charges: ['mass riots'], courts: ['Almaty'] } },
  null,
  2,
);

function ruleSection(viewer: Viewer, rule: AlertRuleRow, health: ChannelHealth[], error: string | null, draft: string | null): SafeHtml {
  const channels = health.filter((h) => h.ruleId === rule.id);
  return html`<section class="panel" id="rule-${rule.id}">
  <h2>${rule.name} <small>${rule.id} · ${rule.origin === 'ui' ? 'edited here' : 'from config/alerts.yml'} · ${rule.enabled ? 'on' : 'off'}</small></h2>
  ${channels.length
    ? html`<ul>${channels.map((c) => html`<li>${c.channel}: ${c.enabled ? 'working' : html`<strong>disabled</strong> (${c.disabledReason ?? c.lastError ?? ''})`}${c.consecutiveFailures ? html`, ${c.consecutiveFailures} failure(s) in a row` : ''}</li>`)}</ul>`
    : html`<p>Atom feed only.</p>`}
  <p>Feed: <code>/feeds/${rule.id}.atom?token=${rule.feedToken}</code></p>
  <form method="post" action="/admin/alerts/${rule.id}/enabled">${csrfField(viewer.csrfToken)}
    <input type="hidden" name="enabled" value="${rule.enabled ? 'false' : 'true'}">
    <button type="submit">${rule.enabled ? 'Turn off' : 'Turn on'}</button>
  </form>
  <form method="post" action="/admin/alerts">${csrfField(viewer.csrfToken)}
    ${error ? html`<p class="error" role="alert">${error}</p>` : ''}
    <label>Definition (JSON, the same fields as in config/alerts.yml)
      <textarea name="definition" rows="10" spellcheck="false">${draft ?? JSON.stringify(rule.definition, null, 2)}</textarea></label>
    <button type="submit">Save</button>
  </form>
</section>`;
}

export function alertRulesPage(
  viewer: Viewer,
  rules: AlertRuleRow[],
  health: ChannelHealth[],
  problem: { ruleId: string | null; error: string; draft: string } | null = null,
): SafeHtml {
  const newError = problem && problem.ruleId === null ? problem : null;
  return layout({
    title: 'Alert rules',
    viewer,
    active: 'alerts',
    body: html`<h1>Alert rules</h1>
<p>A rule saved here is no longer overwritten by config/alerts.yml. Secrets can be written as <code>\${ENV_NAME}</code>.</p>
${rules.map((r) => ruleSection(viewer, r, health, problem?.ruleId === r.id ? problem.error : null, problem?.ruleId === r.id ? problem.draft : null))}
<section class="panel"><h2>New rule</h2>
  <form method="post" action="/admin/alerts">${csrfField(viewer.csrfToken)}
    ${newError ? html`<p class="error" role="alert">${newError.error}</p>` : ''}
    <label>Definition (JSON)<textarea name="definition" rows="10" spellcheck="false">${newError?.draft ?? EXAMPLE_RULE}</textarea></label>
    <button type="submit">Create</button>
  </form>
</section>`,
  });
}
