import { html, type SafeHtml } from '../html.ts';
import { formatLongDate } from '../../domain/format-date.ts';
import { daysLeftWords } from '../words.ts';

/** Deadline with days left: colour and words, never colour alone. */
export function deadlineBadge(deadline: string | null, daysLeft: number | null): SafeHtml {
  if (deadline === null || daysLeft === null) return html`<span class="none">geen termijn</span>`;
  const tone = daysLeft < 0 ? 'late' : daysLeft <= 7 ? 'soon' : 'ok';
  return html`${formatLongDate(deadline, 'nl')} <span class="badge ${tone}">${daysLeftWords(daysLeft)}</span>`;
}
