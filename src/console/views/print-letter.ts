import type { ComplaintRecord } from '../../domain/complaint-record.ts';
import { formatLongDate } from '../../domain/format-date.ts';
import type { Language } from '../../domain/reply-types.ts';
import { html, SafeHtml } from '../html.ts';
import { layout, type PageContext } from './layout.ts';

/**
 * A letter to print and post: the letterhead, the complainant's address for a window envelope,
 * date and reference, then the body of the same template the e-mail uses, rendered as the
 * printed letter (`byPost`: how to write or call us instead of "reply to this e-mail"). The
 * template's HTML is trusted as HTML: its text comes from templates/ and every variable in it was
 * escaped by Handlebars (adapters/templates/ renders HTML in escaping mode and refuses {{{ }}}; the
 * paragraphsOf and lineBreaks helpers escape each line of officer text themselves).
 */
export function templateBody(renderedHtml: string): SafeHtml {
  const body = /<body>([\s\S]*)<\/body>/.exec(renderedHtml)?.[1] ?? '';
  return new SafeHtml(body.trim());
}

/** The complainant's name and postal address, one line each, as on an envelope. */
export function postalAddressLines(record: ComplaintRecord): string[] {
  const a = record.contact.address;
  return [record.contact.name, a ? [a.street, a.houseNumber].filter(Boolean).join(' ') : null, a ? [a.postcode, a.city].filter(Boolean).join('  ') : null].filter((line): line is string => Boolean(line));
}

export function printLetterPage(ctx: PageContext, options: { record: ComplaintRecord; title: string; lang: Language; today: string; body: SafeHtml; notice: string }): string {
  const { record, lang } = options;
  const lines = postalAddressLines(record);
  const en = lang === 'en';
  return layout(
    ctx,
    options.title,
    html`<div class="no-print">
<p class="notice">Druk deze pagina af met de afdrukknop van de browser (Ctrl+P). Alleen de brief komt op papier. ${options.notice}</p>
<p><a href="/complaints/${record.id}">Terug naar ${record.id}</a></p>
</div>
<article class="letter" lang="${lang}" aria-label="${en ? 'Letter' : 'Brief'}">
<p class="letterhead">Hecht, Veilig Thuis Hollands Midden<br>${en ? 'Complaints officer' : 'Klachtenfunctionaris'}</p>
${lines.length ? html`<address class="recipient">${lines.map((line, i) => html`${i ? html`<br>` : ''}${line}`)}</address>` : ''}
<dl class="letter-facts"><dt>${en ? 'Date' : 'Datum'}</dt><dd>${formatLongDate(options.today, lang)}</dd><dt>${en ? 'Reference' : 'Kenmerk'}</dt><dd>${record.id}</dd></dl>
${options.body}
</article>`,
    { printable: true },
  );
}
