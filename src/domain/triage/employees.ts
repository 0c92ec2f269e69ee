import { readName } from './names.ts';

/**
 * Staff the message names: `mevrouw Jansen`, `de heer Smits`, `dhr. Smits`, `Mrs Jansen`, and
 * names after a role (`casemanager Anouk Visser`). Titles are normalised (`mevr.` is `mevrouw`);
 * names in salutations (`Geachte mevrouw Bakker,`) address the reader and are skipped.
 */

const TITLED = /(?<![\p{L}])(mevrouw|mevr\.|mevr|mw\.|mw|meneer|mijnheer|de heer|dhr\.|dhr|mrs\.?|mr\.?|ms\.?)\s+(?=(?:\p{Lu}|van |de |der |den |ter |ten |el |'t |\p{Lu}\.))/giu;
const ROLE =
  /\b(?:casemanager|case manager|medewerker|medewerkster|jeugdbeschermer|hulpverlener|maatschappelijk werker|gedragswetenschapper|teamleider|leidinggevende|caseworker|social worker|employee|case officer)(?:\s+van\s+(?:veilig thuis|hecht))?,?[ \t]+(?:genaamd[ \t]+|named[ \t]+|called[ \t]+)?(?=\p{Lu})/giu;
/** A name follows its title within this many characters. */
const NAME_WINDOW = 120;
const SALUTATION_LINE = /^\s*(?:geachte|beste|lieve|hallo|hoi|dear|hi|hello)\b/i;

const TITLE_FORMS: Readonly<Record<string, string>> = {
  'mevrouw': 'mevrouw', 'mevr.': 'mevrouw', 'mevr': 'mevrouw', 'mw.': 'mevrouw', 'mw': 'mevrouw',
  'meneer': 'de heer', 'mijnheer': 'de heer', 'de heer': 'de heer', 'dhr.': 'de heer', 'dhr': 'de heer',
  'mrs': 'Mrs', 'mrs.': 'Mrs', 'mr': 'Mr', 'mr.': 'Mr', 'ms': 'Ms', 'ms.': 'Ms',
};

export function findEmployees(text: string, exclude: readonly string[] = []): string[] {
  const found: string[] = [];
  const excluded = exclude.map(surnameKey).filter((key) => key !== '');
  for (const line of paragraphs(text)) {
    for (const match of line.matchAll(TITLED)) {
      const name = readName(line.slice(match.index + match[0].length, match.index + match[0].length + NAME_WINDOW));
      const title = TITLE_FORMS[(match[1] ?? '').toLowerCase()];
      if (name !== null && title !== undefined) found.push(`${title} ${name}`);
    }
    for (const match of line.matchAll(ROLE)) {
      const name = readName(line.slice(match.index + match[0].length, match.index + match[0].length + NAME_WINDOW));
      if (name !== null) found.push(name);
    }
  }
  return dedupe(found).filter((name) => !excluded.includes(surnameKey(name)));
}

/** Paragraphs without salutation lines; a title at a line's end reaches its name on the next. */
function paragraphs(text: string): string[] {
  return text.split(/\n\s*\n/).map((paragraph) =>
    paragraph
      .split('\n')
      .filter((line) => !SALUTATION_LINE.test(line))
      .join('\n'),
  );
}

/** `mevrouw Jansen` and `Anouk Jansen` name the same person when nothing else tells them apart. */
function dedupe(names: readonly string[]): string[] {
  const out: string[] = [];
  for (const name of names) {
    const key = surnameKey(name);
    const existing = out.findIndex((other) => surnameKey(other) === key);
    if (existing < 0) out.push(name);
  }
  return out;
}

function surnameKey(name: string): string {
  const words = name.split(' ');
  return (words[words.length - 1] ?? '').toLowerCase();
}
