import { html } from '../html.ts';
import type { ActionPreview } from '../action-preview.ts';
import type { ComplaintAction } from '../roles.ts';
import { ACTION_TITLES, CONFIRM_LABELS } from './action-forms.ts';
import { csrfInput, layout, type PageContext } from './layout.ts';

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** The confirmation step: what will happen, the mails that will go out, then confirm or go back. */
export function confirmPage(ctx: PageContext, reference: string, action: ComplaintAction, preview: ActionPreview, fields: [string, string][]): string {
  const back = html`<p><a href="/complaints/${reference}">Terug naar ${reference}, niets veranderen</a></p>`;
  if (preview.refusal) {
    return layout(ctx, `${ACTION_TITLES[action]}: niet mogelijk`, html`<p class="error" role="alert">${preview.refusal}</p><p>Er is niets veranderd.</p>${back}`);
  }
  return layout(
    ctx,
    `${ACTION_TITLES[action]}: bevestigen`,
    html`<p>Klacht ${reference}. Dit gaat er gebeuren:</p>
<ul>${preview.lines.map((line) => html`<li>${line}</li>`)}</ul>
${preview.mails.map(
  (mail) => html`<h2>${mail.title}</h2>
<dl class="facts"><dt>Aan</dt><dd>${mail.to}</dd><dt>Onderwerp</dt><dd>${mail.subject}</dd></dl>
<div class="message" data-preview="${mail.title}">${mail.text}</div>`,
)}
<form method="post" action="/complaints/${reference}/acties/${action}">
${csrfInput(ctx.csrf)}
${fields.map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`)}
<input type="hidden" name="bevestigd" value="ja">
<button type="submit">${preview.confirmLabel ?? CONFIRM_LABELS[action] ?? `Bevestigen: ${lowerFirst(ACTION_TITLES[action])}`}</button>
</form>
${back}`,
  );
}

export function actionFormErrorPage(ctx: PageContext, reference: string, action: ComplaintAction, problems: string[]): string {
  return layout(ctx, `${ACTION_TITLES[action]}: controleer het formulier`, html`<div class="error" role="alert"><p>Het formulier is niet volledig:</p><ul>${problems.map((p) => html`<li>${p}</li>`)}</ul></div><p>Er is niets veranderd.</p><p><a href="/complaints/${reference}">Terug naar ${reference}</a></p>`);
}

export function refusedActionPage(ctx: PageContext, reference: string, action: ComplaintAction, message: string): string {
  return layout(ctx, `${ACTION_TITLES[action]}: niet uitgevoerd`, html`<p class="error" role="alert">${message}</p><p>Er is niets veranderd.</p><p><a href="/complaints/${reference}">Terug naar ${reference}</a></p>`);
}
