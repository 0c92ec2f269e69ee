import { html, type SafeHtml } from '../html.ts';

/**
 * A horizontal bar chart as inline SVG that reads without colour: every bar has its label and
 * its value as text beside it, and the title and description (with every value) name the image
 * for screen readers. Presentation attributes only: the console's CSP allows no inline style.
 */
export interface Bar {
  label: string;
  value: number;
}

const LABEL_WIDTH = 280;
const BAR_WIDTH = 300;
const ROW = 28;
const TOP = 8;

export function barChart(options: { id: string; title: string; description: string; bars: readonly Bar[] }): SafeHtml {
  const { id, bars } = options;
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const height = TOP * 2 + ROW * bars.length;
  const width = LABEL_WIDTH + BAR_WIDTH + 60;
  const values = bars.map((bar) => `${bar.label}: ${bar.value}`).join('; ');
  return html`<figure class="chart">
<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="system-ui, Segoe UI, Arial, sans-serif" font-size="14">
<title id="${id}-title">${options.title}</title>
<desc id="${id}-desc">${options.description} ${values}.</desc>
${bars.map((bar, i) => {
  const y = TOP + i * ROW;
  const length = Math.round((bar.value / max) * BAR_WIDTH);
  return html`<g>
<text x="${LABEL_WIDTH - 8}" y="${y + ROW / 2 + 5}" text-anchor="end" fill="#1a1a1a">${bar.label}</text>
<rect x="${LABEL_WIDTH}" y="${y + 4}" width="${length}" height="${ROW - 8}" fill="#1f4e99" stroke="#1a1a1a" stroke-width="1"></rect>
<text x="${LABEL_WIDTH + length + 6}" y="${y + ROW / 2 + 5}" fill="#1a1a1a">${bar.value}</text>
</g>`;
})}
<line x1="${LABEL_WIDTH}" y1="${TOP}" x2="${LABEL_WIDTH}" y2="${height - TOP}" stroke="#1a1a1a" stroke-width="1"></line>
</svg>
<figcaption>${options.title}</figcaption>
</figure>`;
}
