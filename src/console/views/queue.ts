import type { CalendarDate } from '../../domain/calendar-date.ts';
import { formatLongDate } from '../../domain/format-date.ts';
import { RECORD_STATUSES } from '../../domain/complaint-record.ts';
import { TRIAGE_FLAGS, TRIAGE_KINDS } from '../../domain/triage/triage-result.ts';
import { html, type SafeHtml } from '../html.ts';
import { daysLeft, type QueueFilter, type QueueGroup, type RegisterRow } from '../queue-plan.ts';
import { flagWord, kindWord, statusWord } from '../words.ts';
import { deadlineBadge } from './deadline-badge.ts';
import { csrfInput, layout, type PageContext } from './layout.ts';

export interface QueueView {
  groups: QueueGroup[];
  total: number;
  shown: number;
  filter: QueueFilter;
  today: CalendarDate;
  officers: string[];
  searching: boolean;
}

function options(values: readonly string[], selected: string | undefined, label: (v: string) => string, empty: string): SafeHtml {
  return html`<option value="">${empty}</option>${values.map((v) => html`<option value="${v}"${v === selected ? html` selected` : ''}>${label(v)}</option>`)}`;
}

function row(r: RegisterRow, today: CalendarDate): SafeHtml {
  const flags = [...(r.urgent ? ['spoed'] : []), ...r.flags.map(flagWord)];
  return html`<tr>
<th scope="row"><a href="/complaints/${r.id}">${r.id}</a></th>
<td>${formatLongDate(r.receivedDate, 'nl')}</td>
<td>${kindWord(r.kind)}</td>
<td>${statusWord(r.status)}</td>
<td>${flags.length ? html`${r.urgent ? html`<span class="urgent">${flags.join(', ')}</span>` : flags.join(', ')}` : html`<span class="none">geen</span>`}</td>
<td>${deadlineBadge(r.deadline, daysLeft(r, today))}</td>
<td>${r.assignedTo ?? html`<span class="none">niemand</span>`}</td>
</tr>`;
}

export function queuePage(ctx: PageContext, view: QueueView): string {
  const f = view.filter;
  const body = html`<form class="filters" method="post" action="/complaints" role="search" aria-label="Zoeken en filteren">
${csrfInput(ctx.csrf)}
<div><label for="q">Zoeken (kenmerk, e-mailadres, naam of postcode)</label><input id="q" name="q" type="search" value="${f.q ?? ''}"></div>
<div><label for="status">Status</label><select id="status" name="status">${options(RECORD_STATUSES, f.status, statusWord, 'lopend')}</select></div>
<div><label for="kind">Soort</label><select id="kind" name="kind">${options(TRIAGE_KINDS, f.kind, kindWord, 'alle')}</select></div>
<div><label for="flag">Kenmerk</label><select id="flag" name="flag">${options(TRIAGE_FLAGS, f.flag, flagWord, 'alle')}</select></div>
<div><label for="assigned">Toegewezen aan</label><select id="assigned" name="assigned">${options(['me', 'none', ...view.officers], f.assigned, (v) => (v === 'me' ? 'mij' : v === 'none' ? 'niemand' : v), 'iedereen')}</select></div>
<div><label for="due">Termijn binnen (dagen)</label><input id="due" name="due" type="number" min="0" max="3650" value="${f.due ?? ''}"></div>
<div><button type="submit">Toon</button></div>
</form>
<p role="status">${view.searching ? 'Zoekresultaat' : 'Lopende klachten'}: ${view.total} ${view.total === 1 ? 'bericht' : 'berichten'}${view.shown < view.total ? `, de eerste ${view.shown} getoond; verfijn met de filters` : ''}.</p>
${view.groups.length === 0 ? html`<p class="notice">Niets gevonden.</p>` : ''}
${view.groups.map(
  (group) => html`<table>
<caption>${group.title} (${group.rows.length})</caption>
<thead><tr><th scope="col">Kenmerk</th><th scope="col">Ontvangen</th><th scope="col">Soort</th><th scope="col">Status</th><th scope="col">Signalen</th><th scope="col">Uiterste datum</th><th scope="col">Toegewezen aan</th></tr></thead>
<tbody>${group.rows.map((r) => row(r, view.today))}</tbody>
</table>`,
)}`;
  return layout(ctx, 'Werkvoorraad', body);
}
