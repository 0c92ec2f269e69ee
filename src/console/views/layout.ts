import { html, type SafeHtml } from '../html.ts';
import { canReadRegister, canRegisterComplaint, ROLE_LABELS, type Actor } from '../roles.ts';
import { CSRF_FIELD } from '../csrf.ts';

export interface PageContext {
  actor: Actor | null;
  csrf: string;
}

export function csrfInput(csrf: string): SafeHtml {
  return html`<input type="hidden" name="${CSRF_FIELD}" value="${csrf}">`;
}

function navigation(actor: Actor): SafeHtml {
  const links: [string, string][] =
    actor.role === 'admin'
      ? [['/audit', 'Auditlog'], ['/beheer/accounts', 'Accounts'], ['/queues', 'Wachtrijen']]
      : [['/complaints', 'Werkvoorraad'], ...(canRegisterComplaint(actor) ? [['/complaints/registreren', 'Klacht registreren'] as [string, string]] : []), ...(canReadRegister(actor) ? [['/klachtenregister', 'Klachtenregister'] as [string, string]] : [])];
  return html`<nav aria-label="Hoofdmenu"><ul>${links.map(([href, label]) => html`<li><a href="${href}">${label}</a></li>`)}</ul></nav>`;
}

/** `printable`: a letter to print; on paper only the letter shows, not the console around it. */
export function layout(ctx: PageContext, title: string, body: SafeHtml, options: { printable?: boolean } = {}): string {
  const actor = ctx.actor;
  return html`<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title} – Klachtenopvang</title>
<link rel="stylesheet" href="/static/console.css">
</head>
<body${options.printable ? html` class="printable"` : ''}>
<a class="skip" href="#inhoud">Naar de inhoud</a>
<header class="site">
<p class="brand">Klachtenopvang Hecht</p>
${actor ? navigation(actor) : ''}
${actor
  ? html`<p class="who">Aangemeld als ${actor.email} (${ROLE_LABELS[actor.role]})</p>
<form method="post" action="/afmelden">${csrfInput(ctx.csrf)}<button type="submit" class="secondary">Afmelden</button></form>`
  : ''}
</header>
<main id="inhoud">
<h1>${title}</h1>
${body}
</main>
</body>
</html>
`.value;
}
