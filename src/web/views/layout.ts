/** The page frame: header with navigation, the user's name and logout, and the single script/stylesheet. */
import { html, type SafeHtml } from '../html.ts';

export interface Viewer {
  username: string;
  role: 'reviewer' | 'admin';
  csrfToken: string;
}

export function csrfField(token: string): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${token}">`;
}

export function layout(opts: { title: string; viewer: Viewer | null; body: SafeHtml; active?: string; bodyClass?: string }): SafeHtml {
  const { viewer } = opts;
  const nav = (href: string, label: string, key: string) =>
    html`<a href="${href}"${opts.active === key ? html` aria-current="page"` : ''}>${label}</a>`;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.title} · courtwatch</title>
<link rel="stylesheet" href="/static/app.css">
<script src="/static/app.js" defer></script>
</head>
<body class="${opts.bodyClass ?? ''}">
<header class="top">
  <a class="brand" href="/">courtwatch</a>
  ${viewer
    ? html`<nav>${nav('/queue', 'Queue', 'queue')}${nav('/cases', 'Cases', 'cases')}${nav('/stats', 'Rule stats', 'stats')}${nav('/export', 'Export', 'export')}${viewer.role === 'admin' ? html`${nav('/admin/alerts', 'Alerts', 'alerts')}${nav('/admin/queues', 'Jobs', 'jobs')}` : ''}</nav>
  <form class="logout" method="post" action="/logout">${csrfField(viewer.csrfToken)}<span class="who">${viewer.username}</span> <button type="submit">Log out</button></form>`
    : ''}
</header>
<main>
${opts.body}
</main>
</body>
</html>`;
}

export function errorPage(viewer: Viewer | null, status: number, message: string): SafeHtml {
  return layout({ title: `Error ${status}`, viewer, body: html`<section class="panel"><h1>${status}</h1><p>${message}</p><p><a href="/queue">Back to the queue</a></p></section>` });
}

export function loginPage(opts: { csrfToken: string; error?: string; username?: string; next?: string }): SafeHtml {
  return layout({
    title: 'Log in',
    viewer: null,
    bodyClass: 'login-page',
    body: html`<section class="panel login">
  <h1>Log in</h1>
  ${opts.error ? html`<p class="error" role="alert">${opts.error}</p>` : ''}
  <form method="post" action="/login">
    <input type="hidden" name="_csrf" value="${opts.csrfToken}">
    <input type="hidden" name="next" value="${opts.next ?? '/queue'}">
    <label>Name <input name="username" autocomplete="username" required maxlength="100" value="${opts.username ?? ''}" autofocus></label>
    <label>Password <input name="password" type="password" autocomplete="current-password" required maxlength="1024"></label>
    <button type="submit">Log in</button>
  </form>
</section>`,
  });
}
