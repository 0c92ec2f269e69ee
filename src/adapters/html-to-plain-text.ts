import { compile } from 'html-to-text';

/** Element nesting the HTML converter is given; mailparser uses the same bound. */
const MAX_HTML_DEPTH = 1_000;

/*
 * HTML to text with html-to-text, the converter mailparser uses, set up for reading rather than
 * display: no word wrap (a wrapped line can split a street from its house number), table rows on
 * lines of their own with the cells of a row separated by a space (by default cells run together:
 * "AdresHooigracht 15"), no image references (`[cid:image001.png@...]` is noise), no upper-casing
 * of headings (names stay as written), and a link's address only when it differs from its text.
 */
const convertHtml = compile({
  wordwrap: false,
  limits: { maxDepth: MAX_HTML_DEPTH },
  formatters: {
    tableCell: (elem, walk, builder) => {
      builder.addInline(' ');
      walk(elem.children, builder);
      builder.addInline(' ');
    },
  },
  selectors: [
    { selector: 'img', format: 'skip' },
    { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
    { selector: 'tr', format: 'block', options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
    { selector: 'td', format: 'tableCell' },
    { selector: 'th', format: 'tableCell' },
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, options: { uppercase: false } })),
  ],
});

/**
 * Plain text of an HTML body: paragraphs, line breaks, lists, tables and entities as html-to-text
 * renders them. HTML nested deeper than the converter handles (htmlparser2 is quadratic in the
 * depth and html-to-text recurses) is reduced to its text by a linear tag strip instead.
 */
export function htmlToPlainText(html: string): string {
  if (exceedsNestingDepth(html, MAX_HTML_DEPTH)) return stripTags(html);
  try {
    return convertHtml(html).replace(/\u00a0/g, ' ').replace(/^\n+/, '').trimEnd();
  } catch {
    return stripTags(html);
  }
}

/** Elements that never hold content, so a start tag does not open a level. */
const VOID_ELEMENTS: ReadonlySet<string> = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Elements the HTML parser closes when a sibling opens (p, li, td): unclosed runs do not nest. */
const IMPLIED_END_ELEMENTS: ReadonlySet<string> = new Set(['p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'rt', 'rp']);

/**
 * Whether `html` nests elements deeper than `maxDepth`, in one linear pass that follows what
 * htmlparser2 builds: a start tag opens an element, an end tag closes down to the nearest open
 * element of that name (and is ignored when none is open), comments are skipped.
 */
function exceedsNestingDepth(html: string, maxDepth: number): boolean {
  const stack: string[] = [];
  const open = new Map<string, number>();
  let index = html.indexOf('<');
  while (index >= 0) {
    let position = index + 1;
    if (html.startsWith('!--', position)) {
      const end = html.indexOf('-->', position + 3);
      index = end < 0 ? -1 : html.indexOf('<', end + 3);
      continue;
    }
    const closing = html.charCodeAt(position) === 0x2f;
    if (closing) position += 1;
    const nameStart = position;
    while (position < html.length && isTagNameChar(html.charCodeAt(position))) position += 1;
    if (position === nameStart) {
      index = html.indexOf('<', position);
      continue;
    }
    const end = html.indexOf('>', position);
    if (end < 0) return false;
    const name = html.slice(nameStart, position).toLowerCase();
    if (!VOID_ELEMENTS.has(name) && !IMPLIED_END_ELEMENTS.has(name)) {
      if (!closing) {
        stack.push(name);
        open.set(name, (open.get(name) ?? 0) + 1);
        if (stack.length > maxDepth) return true;
      } else if (open.get(name)) {
        let popped: string | undefined;
        do {
          popped = stack.pop();
          if (popped !== undefined) open.set(popped, (open.get(popped) ?? 1) - 1);
        } while (popped !== undefined && popped !== name);
      }
    }
    index = html.indexOf('<', end + 1);
  }
  return false;
}

function isTagNameChar(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x2d || code === 0x3a || code === 0x5f;
}

/** Text between tags, in one pass with no backtracking; entities are left as written. */
function stripTags(html: string): string {
  const parts: string[] = [];
  let position = 0;
  while (position < html.length) {
    const open = html.indexOf('<', position);
    if (open < 0) {
      parts.push(html.slice(position));
      break;
    }
    parts.push(html.slice(position, open));
    const close = html.indexOf('>', open + 1);
    if (close < 0) break;
    parts.push(' ');
    position = close + 1;
  }
  // Each pattern matches without backtracking, so hostile whitespace runs stay linear.
  return parts.join('').replace(/[^\S\n]+/g, ' ').replace(/ ?\n ?/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}
