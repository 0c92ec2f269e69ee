import { registerRows, type RegisterReport } from '../domain/register-report.ts';
import { kindWord } from './words.ts';

/**
 * The Awb 9:12a register in the officers' words: the figures of registerRows (the same rows the
 * CSV and the CLI print), grouped and labelled in Dutch. A figure the report gains later still
 * shows, under its code, in the last group.
 */
export interface RegisterSection {
  title: string;
  rows: { code: string; label: string; value: string }[];
}

const SECTIONS: readonly { title: string; rows: readonly (readonly [string, string])[] }[] = [
  {
    title: 'Ontvangen klachten',
    rows: [
      ['complaints_received', 'Klachten ontvangen'],
      ['complaints_received_by_email', 'waarvan per e-mail'],
      ['complaints_received_by_letter', 'waarvan per brief'],
      ['complaints_received_by_phone', 'waarvan per telefoon'],
      ['complaints_received_by_visit', 'waarvan bij een bezoek'],
      ['anonymous_registered', 'Anoniem geregistreerd (Awb 9:4)'],
    ],
  },
  {
    title: 'Afhandeling',
    rows: [
      ['closed', 'Afgesloten met een uitkomst'],
      ['handled_within_term', 'Binnen de termijn afgehandeld (Awb 9:11)'],
      ['closed_late', 'Na de termijn afgehandeld'],
      ['extended', 'Termijn verlengd'],
      ['committee_route', 'Via de klachtencommissie'],
      ['not_handled', 'Niet in behandeling genomen (Awb 9:8)'],
      ['overdue_at_year_end', 'Termijn verstreken en nog niet afgehandeld aan het eind van de periode'],
      ['median_days_to_close', 'Mediaan doorlooptijd van ontvangst tot afsluiten (dagen)'],
    ],
  },
  {
    title: 'Uitkomst van de afgesloten klachten',
    rows: [
      ['closed_founded', 'Gegrond'],
      ['closed_partly_founded', 'Deels gegrond'],
      ['closed_unfounded', 'Ongegrond'],
      ['closed_resolved_informally', 'Informeel opgelost (Awb 9:5)'],
      ['closed_withdrawn', 'Ingetrokken'],
      ['closed_unspecified', 'Zonder uitkomstcategorie (afgesloten vóór die werd vastgelegd)'],
    ],
  },
  {
    title: 'Horen (Awb 9:10)',
    rows: [
      ['hearings_held', 'Indiener gehoord'],
      ['hearings_waived', 'Afgezien van horen'],
      ['hearings_waived_manifestly_unfounded', 'waarvan: kennelijk ongegrond (lid 2 a)'],
      ['hearings_waived_declined', 'waarvan: indiener wilde niet gehoord worden (lid 2 b)'],
      ['hearings_waived_no_response_in_time', 'waarvan: niet op tijd gereageerd (lid 2 c)'],
    ],
  },
];

/** Codes that are about the table itself, not figures. */
const META = new Set(['year', 'counted_until']);

export function registerSections(report: RegisterReport): RegisterSection[] {
  const values = new Map(registerRows(report).map((row) => [row.figure, row.value]));
  const used = new Set(META);
  const sections = SECTIONS.map((section) => ({
    title: section.title,
    rows: section.rows.filter(([code]) => values.has(code)).map(([code, label]) => {
      used.add(code);
      return { code, label, value: values.get(code) || 'geen' };
    }),
  }));
  const rest = [...values].filter(([code]) => !used.has(code));
  const label = (code: string) =>
    code === 'automatic_mail_not_counted' ? 'Automatische mail en spam (nooit een klacht, niet meegeteld)' : code.startsWith('received_') ? `Berichten ontvangen: ${kindWord(code.slice('received_'.length))}` : code.replace(/_/g, ' ');
  sections.push({ title: 'Alle berichten in dat jaar, naar soort', rows: rest.map(([code, value]) => ({ code, label: label(code), value: value || 'geen' })) });
  return sections;
}
