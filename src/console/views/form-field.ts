import { html, type SafeHtml } from '../html.ts';

/** A labelled form control, with a hint the control names in aria-describedby. */
export const field = (id: string, label: string, control: SafeHtml, hint?: string) =>
  html`<div class="field"><label for="${id}">${label}</label>${hint ? html`<span id="${id}-hint" class="none">${hint}</span>` : ''}${control}</div>`;

/** Radio buttons in a fieldset whose legend is the question. */
export function radios(name: string, legend: string, options: readonly (readonly [string, string])[], checked: string | null, idPrefix = name): SafeHtml {
  return html`<fieldset><legend>${legend}</legend>${options.map(
    ([value, label]) => html`<div><input type="radio" id="${idPrefix}-${value}" name="${name}" value="${value}"${value === checked ? html` checked` : ''}> <label for="${idPrefix}-${value}">${label}</label></div>`,
  )}</fieldset>`;
}
