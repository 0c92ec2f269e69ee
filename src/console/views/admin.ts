import { formatLongDateTime } from '../../domain/format-date.ts';
import type { Account } from '../accounts.ts';
import type { AuditEntry, AuditFilter } from '../audit.ts';
import { html, query } from '../html.ts';
import { ROLE_LABELS } from '../roles.ts';
import { layout, type PageContext } from './layout.ts';

/** Pages for the functioneel beheerder: the audit log and the account list. */
export function auditPage(ctx: PageContext, filter: AuditFilter, entries: AuditEntry[], limit: number): string {
  const input = (name: keyof AuditFilter, label: string, type = 'text') => html`<div><label for="a-${name}">${label}</label><input id="a-${name}" name="${name}" type="${type}" value="${filter[name] ?? ''}"></div>`;
  const csv = `/audit.csv${query({ from: filter.from, to: filter.to, actor: filter.actor, action: filter.action, object: filter.object, result: filter.result })}`;
  return layout(
    ctx,
    'Auditlog',
    html`<form class="filters" method="get" action="/audit" aria-label="Auditlog filteren">
${input('from', 'Vanaf (datum)', 'date')}${input('to', 'Tot en met (datum)', 'date')}${input('actor', 'Wie')}${input('action', 'Handeling')}${input('object', 'Object (kenmerk)')}
<div><label for="a-result">Resultaat</label><select id="a-result" name="result"><option value="">alle</option>${['ok', 'refused', 'failed'].map((r) => html`<option value="${r}"${filter.result === r ? html` selected` : ''}>${r}</option>`)}</select></div>
<div><button type="submit">Toon</button></div>
</form>
<p><a href="${csv}" download>Exporteer als CSV</a></p>
<p role="status">${entries.length} ${entries.length === 1 ? 'regel' : 'regels'}${entries.length >= limit ? ` (de nieuwste ${limit}; verfijn de filters of exporteer)` : ''}.</p>
<table><caption class="visually-hidden">Auditregels</caption>
<thead><tr><th scope="col">Tijd</th><th scope="col">Wie</th><th scope="col">Rol</th><th scope="col">Herkomst</th><th scope="col">Handeling</th><th scope="col">Object</th><th scope="col">Resultaat</th><th scope="col">Toelichting</th></tr></thead>
<tbody>${entries.map((e) => html`<tr><td><time datetime="${e.at}">${formatLongDateTime(new Date(e.at), 'nl')}</time></td><td>${e.actor}</td><td>${e.role}</td><td>${e.origin}</td><td>${e.action}</td><td>${e.object}</td><td>${e.result}</td><td>${e.detail}</td></tr>`)}</tbody></table>`,
  );
}

export function accountsPage(ctx: PageContext, accounts: Account[]): string {
  return layout(
    ctx,
    'Accounts',
    html`<p>Accounts worden beheerd met <code>npm run --silent cli -- officers add|list|disable</code>.</p>
<table><caption class="visually-hidden">Accounts</caption><thead><tr><th scope="col">E-mailadres</th><th scope="col">Rol</th><th scope="col">Tweede factor</th><th scope="col">Status</th></tr></thead>
<tbody>${accounts.map((a) => html`<tr><td>${a.email}</td><td>${ROLE_LABELS[a.role]}</td><td>${a.totpSecret ? 'authenticator-app' : a.passwordHash ? 'geen' : 'via single sign-on'}</td><td>${a.disabled ? 'uitgeschakeld' : 'actief'}</td></tr>`)}</tbody></table>`,
  );
}
