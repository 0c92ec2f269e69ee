import { REGISTERED_CHANNELS } from '../../domain/complaint-handling.ts';
import { CHANNEL_PHRASES } from '../complaint-words.ts';
import { html } from '../html.ts';
import { REGISTRATION_FIELDS, type RegistrationField, type RegistrationProblems, type RegistrationValues } from '../registration-input.ts';
import { csrfInput, layout, type PageContext } from './layout.ts';

/**
 * The "register a complaint" form and its confirmation. Errors appear twice, as GOV.UK and NL
 * Design System forms do: a summary at the top whose links lead to the fields, and the message
 * at the field itself, which names it in aria-describedby.
 */
/** A radio group's first option carries the group's id, so the summary's link lands on it. */
const id = (field: RegistrationField) => `reg-${field}`;

export function registrationForm(ctx: PageContext, options: { values: RegistrationValues; problems: RegistrationProblems; today: string }): string {
  const { values, problems } = options;
  const errorOf = (field: RegistrationField) => problems.filter((p) => p.field === field).map((p) => p.message).join(' ');
  const described = (field: RegistrationField, hint = false) => [hint ? `${id(field)}-hint` : '', errorOf(field) ? `${id(field)}-error` : ''].filter(Boolean).join(' ');
  const errorText = (field: RegistrationField) => (errorOf(field) ? html`<span id="${id(field)}-error" class="field-error">${errorOf(field)}</span>` : '');
  const invalid = (field: RegistrationField) => (errorOf(field) ? html` aria-invalid="true"` : '');
  const describedBy = (field: RegistrationField, hint = false) => (described(field, hint) ? html` aria-describedby="${described(field, hint)}"` : '');
  const input = (field: RegistrationField, label: string, attrs: { type?: string; autocomplete?: string; hint?: string; required?: boolean; max?: string } = {}) =>
    html`<div class="field"><label for="${id(field)}">${label}</label>${attrs.hint ? html`<span id="${id(field)}-hint" class="none">${attrs.hint}</span>` : ''}${errorText(field)}<input id="${id(field)}" name="${field}" type="${attrs.type ?? 'text'}" value="${values[field] ?? ''}"${attrs.autocomplete ? html` autocomplete="${attrs.autocomplete}"` : ''}${attrs.required ? html` required` : ''}${attrs.max ? html` max="${attrs.max}"` : ''}${invalid(field)}${describedBy(field, Boolean(attrs.hint))}></div>`;
  const textarea = (field: RegistrationField, label: string, hint: string, required: boolean) =>
    html`<div class="field"><label for="${id(field)}">${label}</label><span id="${id(field)}-hint" class="none">${hint}</span>${errorText(field)}<textarea id="${id(field)}" name="${field}"${required ? html` required` : ''}${invalid(field)}${describedBy(field, true)}>${values[field] ?? ''}</textarea></div>`;
  const summary = problems.length
    ? html`<div class="error" role="alert" id="fouten"><h2>Controleer het formulier</h2><p>Er is niets geregistreerd. Dit klopt nog niet:</p><ul>${problems.map((p) => html`<li>${p.field ? html`<a href="#${id(p.field)}">${p.message}</a>` : p.message}</li>`)}</ul></div>`
    : '';
  const language = values.language ?? 'nl';
  return layout(
    ctx,
    'Klacht registreren',
    html`${summary}
<p>Voor een klacht die niet per e-mail kwam: een brief, een telefoongesprek of een bezoek. Ze krijgt een kenmerk en dezelfde termijn als een klacht per e-mail, gerekend vanaf de datum van ontvangst.</p>
<form method="post" action="/complaints/registreren" novalidate>
${csrfInput(ctx.csrf)}
<fieldset${describedBy('channel')}><legend>Hoe kwam de klacht binnen?</legend>${errorText('channel')}${REGISTERED_CHANNELS.map(
      (channel, i) => html`<div><input type="radio" id="${i === 0 ? id('channel') : `${id('channel')}-${channel}`}" name="channel" value="${channel}"${values.channel === channel ? html` checked` : ''}> <label for="${i === 0 ? id('channel') : `${id('channel')}-${channel}`}">${CHANNEL_PHRASES[channel]}</label></div>`,
    )}</fieldset>
${input('receivedDate', 'Datum van ontvangst', { type: 'date', required: true, max: options.today, hint: 'De dag waarop de brief binnenkwam of het gesprek was. De termijn telt vanaf deze dag.' })}
<fieldset><legend>De indiener</legend>
${input('name', 'Naam', { autocomplete: 'off' })}
${input('email', 'E-mailadres', { type: 'email', autocomplete: 'off', hint: 'Leeg laten als er geen is. Dan kunt u de ontvangstbevestiging na het registreren afdrukken.' })}
${input('phone', 'Telefoon', { type: 'tel', autocomplete: 'off' })}
${input('street', 'Straat', { autocomplete: 'off' })}
${input('houseNumber', 'Huisnummer', { autocomplete: 'off' })}
${input('postcode', 'Postcode', { autocomplete: 'off' })}
${input('city', 'Plaats', { autocomplete: 'off' })}
<div class="field"><div><input type="checkbox" id="${id('anonymous')}" name="anonymous"${values.anonymous === 'on' ? html` checked` : ''} aria-describedby="${id('anonymous')}-hint"> <label for="${id('anonymous')}">De indiener wil anoniem blijven</label></div><span id="${id('anonymous')}-hint" class="none">Een anonieme klacht wordt geregistreerd, maar niet behandeld (Awb 9:4).</span></div>
</fieldset>
${textarea('description', 'Omschrijving van de klacht', 'Wat er volgens de indiener is gebeurd: wie, wat, wanneer. Deze tekst gaat nooit naar de indiener.', true)}
${textarea('employees', 'Betrokken medewerkers (niet verplicht)', 'Eén naam per regel.', false)}
<div class="field"><label for="${id('language')}">Taal van de brieven</label>${errorText('language')}<select id="${id('language')}" name="language"${invalid('language')}${describedBy('language')}><option value="nl"${language === 'nl' ? html` selected` : ''}>Nederlands</option><option value="en"${language === 'en' ? html` selected` : ''}>Engels</option></select></div>
<button type="submit">Verder: bekijk wat er gebeurt</button>
</form>
<p><a href="/complaints">Terug naar de werkvoorraad, niets registreren</a></p>`,
  );
}

/** What registering will do, with the details to check, then confirm or go back to the form. */
export function registrationConfirmPage(ctx: PageContext, options: { lines: string[]; facts: [string, string][]; description: string; values: RegistrationValues }): string {
  const hidden = REGISTRATION_FIELDS.filter((field) => options.values[field] !== undefined).map((field) => html`<input type="hidden" name="${field}" value="${options.values[field] ?? ''}">`);
  return layout(
    ctx,
    'Klacht registreren: bevestigen',
    html`<p>Dit gaat er gebeuren:</p>
<ul>${options.lines.map((line) => html`<li>${line}</li>`)}</ul>
<h2>Wat u invulde</h2>
<dl class="facts">${options.facts.map(([term, value]) => html`<dt>${term}</dt><dd>${value}</dd>`)}</dl>
<div class="message" dir="auto">${options.description}</div>
<form method="post" action="/complaints/registreren">
${csrfInput(ctx.csrf)}${hidden}
<input type="hidden" name="bevestigd" value="ja">
<button type="submit">Bevestigen: klacht registreren</button>
</form>
<form method="post" action="/complaints/registreren">
${csrfInput(ctx.csrf)}${hidden}
<input type="hidden" name="bewerken" value="ja">
<button type="submit" class="secondary">Terug naar het formulier om iets aan te passen</button>
</form>`,
  );
}
