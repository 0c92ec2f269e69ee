import type { RegisterReport } from '../../domain/register-report.ts';
import { formatLongDate } from '../../domain/format-date.ts';
import { OUTCOME_CATEGORIES } from '../../domain/complaint-handling.ts';
import { OUTCOME_WORDS } from '../complaint-words.ts';
import { html } from '../html.ts';
import { registerSections } from '../register-words.ts';
import { barChart } from './bar-chart.ts';
import { layout, type PageContext } from './layout.ts';

/** The Awb 9:12a register of one year: two bar charts, the tables, the CSV download. */
export function annualRegisterPage(ctx: PageContext, options: { report: RegisterReport; years: number[] }): string {
  const { report } = options;
  const year = report.year;
  const running = report.countedUntil !== `${year}-12-31`;
  const figures = barChart({
    id: 'kerncijfers',
    title: `Klachten in ${year}`,
    description: `Kerncijfers van het klachtenregister over ${year}.`,
    bars: [
      { label: 'Ontvangen', value: report.complaintsReceived },
      { label: 'Afgesloten', value: report.closed },
      { label: 'Binnen de termijn', value: report.handledWithinTerm },
      { label: 'Na de termijn', value: report.closedLate },
      { label: 'Verlengd', value: report.extended },
      { label: 'Via de klachtencommissie', value: report.committeeRoute },
      { label: 'Niet in behandeling (9:8)', value: report.notHandled },
      { label: 'Termijn verstreken, open', value: report.overdueAtYearEnd },
      { label: 'Gehoord', value: report.hearingsHeld },
      { label: 'Afgezien van horen', value: report.hearingsWaived },
    ],
  });
  const outcomes = barChart({
    id: 'uitkomsten',
    title: `Uitkomst van de in ${year} afgesloten klachten`,
    description: 'Aantal afgesloten klachten per uitkomst.',
    bars: OUTCOME_CATEGORIES.map((category) => ({ label: OUTCOME_WORDS[category], value: report.closedByOutcome[category] })),
  });
  return layout(
    ctx,
    `Klachtenregister ${year}`,
    html`<form method="get" action="/klachtenregister" class="filters">
<div><label for="jaar">Jaar</label><select id="jaar" name="jaar">${options.years.map((y) => html`<option value="${y}"${y === year ? html` selected` : ''}>${y}</option>`)}</select></div>
<button type="submit">Tonen</button>
</form>
<p>Het register van alle klachten over ${year} (Awb 9:12a), ${running ? `geteld tot en met ${formatLongDate(report.countedUntil, 'nl')}` : 'het hele jaar'}. Elk cijfer telt wat er in dat jaar gebeurde, volgens de geschiedenis van elke klacht, niet de status van vandaag: een klacht van december die in februari is afgesloten, telt in het ene jaar als ontvangen en in het volgende als afgesloten. Automatische mail en spam zijn nooit een klacht.</p>
<p><a href="/klachtenregister.csv?jaar=${year}" download>Download het register over ${year} als CSV</a> (dezelfde cijfers als <code>npm run --silent cli -- report --year ${year} --csv</code>)</p>
${figures}
${outcomes}
${registerSections(report).map(
  (section) => html`<table>
<caption>${section.title}</caption>
<thead><tr><th scope="col">Cijfer</th><th scope="col">Aantal</th></tr></thead>
<tbody>${section.rows.map((row) => html`<tr data-figure="${row.code}"><th scope="row">${row.label}</th><td>${row.value}</td></tr>`)}</tbody>
</table>`,
)}`,
  );
}
