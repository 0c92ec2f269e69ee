import { titleCaseIfShouting, capitalize } from './text.ts';

/**
 * Person names as Dutch mail writes them: initials (`J.W.`), lower-case particles after a first
 * name or initials (`van der`, `de`, `'t`), double surnames (`de Vries-Bakker`), and Outlook's
 * `Meer, J.W. van der`. A name is a run of such tokens; anything else ends it.
 */

export const PARTICLES: ReadonlySet<string> = new Set([
  'van', 'de', 'der', 'den', 'het', 'ter', 'ten', 'te', "'t", '’t', 'el', 'la', 'le', 'du', 'da', 'di',
  'dos', 'das', 'von', 'op', 'in', 'uit', 'al', 'd\'', 'l\'',
]);

/** Capitalised words that start sentences, signatures and labels rather than names. */
const NOT_NAMES: ReadonlySet<string> = new Set([
  'met', 'groet', 'groeten', 'tel', 'telefoon', 'mobiel', 'mob', 'adres', 'email', 'e-mail', 'mail', 'veilig',
  'thuis', 'hecht', 'moeder', 'vader', 'mama', 'papa', 'oma', 'opa', 'ouder', 'ouders', 'ik', 'wij', 'we', 'het',
  'een', 'klacht', 'klachten', 'dear', 'hi', 'hallo', 'hoi', 'beste', 'geachte', 'verstuurd', 'sent', 'the', 'team',
  'afdeling', 'gemeente', 'school', 'info', 'stichting', 'praktijk', 'huisarts', 'huisartsenpraktijk', 'juf',
  'meester', 'familie', 'fam', 'postbus', 'straat', 'leiden', 'nederland', 'jeugdstem', 'klachtenfunctionaris',
  'wijkteam', 'politie', 'ggd', 'zorg', 'service', 'support', 'admin', 'secretariaat', 'nieuwsbrief', 'newsletter',
  'noreply', 'mailer', 'daemon', 'postmaster', 'systeem', 'system', 'kantoor', 'redactie', 'bv', 'nv', 'vof',
  'januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november',
  'december', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag', 'i', 'my', 'your',
  'mijn', 'uw', 'onze', 'jullie', 'dit', 'deze', 'dat', 'die', 'en', 'of', 'maar', 'want', 'dus', 'als', 'omdat',
  'teacher', 'mother', 'father', 'parent', 'kind', 'regards', 'thanks', 'thank', 'you', 'sincerely', 'cheers',
  'hoogachtend', 'mvg', 'namens', 'verzonden', 'iphone', 'android', 'outlook', 'gmail', 'whatsapp', 'bijlage',
  'kindregards', 'casemanager', 'medewerker', 'jeugdbeschermer', 'gedragswetenschapper', 'teamleider',
  'directeur', 'manager', 'coordinator', 'coördinator', 'dossier', 'melding', 'rapport', 'onderzoek',
]);

/** Titles dropped in front of a name (`mevrouw`, `dhr.`, `Mrs`); `de heer` is two tokens. */
const TITLE = /^(?:mevrouw|mevr\.?|mw\.?|meneer|mijnheer|heer|dhr\.?|hr\.?|mr\.?|mrs\.?|ms\.?|miss|dr\.?|drs\.?|ir\.?|ing\.?|prof\.?)$/i;

const ROEPNAAM = /^\(\p{Lu}[\p{Ll}'’-]+\)$/u;
const INITIALS = /^(?:\p{Lu}\p{Ll}?\.){1,5}$/u;
const NAME_WORD = /^\p{Lu}[\p{L}'’]*(?:-[\p{L}'’]+)*$/u;
const CAPITALISED_PARTICLE = /^(?:Van|De|Der|Den|Ter|Ten|El|La|Le|Du|Da|Von|Op|In|'T|’T)$/;

/** Longer lines are sentences, not names. */
const MAX_NAME_LINE = 120;

type TokenKind = 'initials' | 'word' | 'particle';

interface NameToken {
  text: string;
  kind: TokenKind;
}

function classify(token: string): TokenKind | null {
  if (INITIALS.test(token)) return 'initials';
  if (PARTICLES.has(token)) return 'particle';
  if (CAPITALISED_PARTICLE.test(token)) return 'particle';
  if (!NAME_WORD.test(token) || NOT_NAMES.has(token.toLowerCase())) return null;
  if (token.length < 2) return null;
  return 'word';
}

/**
 * Reads a name from the start of `text` and returns it normalised, or null. Stops at the first
 * token that cannot be part of a name, or after a token that ends in punctuation.
 */
export function readName(text: string, options: { allowLowerCase?: boolean } = {}): string | null {
  const tokens: NameToken[] = [];
  // A name never continues on the next line (a signature's street, a wrapped sentence).
  const raw = (text.slice(0, MAX_NAME_LINE).trimStart().split('\n')[0] ?? '').trim().split(/[ \t]+/);
  let index = 0;
  while (index < raw.length && isTitleAt(raw, index)) index += raw[index]?.toLowerCase() === 'de' ? 2 : 1;
  for (; index < raw.length; index += 1) {
    // `C.M. (Carla) Hoek`: the first name people use, between initials and surname.
    if (ROEPNAAM.test(raw[index] ?? '') && tokens[tokens.length - 1]?.kind === 'initials') continue;
    const { token, stops } = stripPunctuation(raw[index] ?? '');
    const candidate = options.allowLowerCase && !PARTICLES.has(token) ? capitalize(token) : token;
    const kind = classify(candidate);
    if (kind === null) break;
    tokens.push({ text: candidate, kind });
    if (stops) break;
  }
  return normalizeName(tokens);
}

/** Two people signing together: `Erik en Monique Jansen`, `Sandra & Mehmet Yilmaz`. */
const TWO_FIRST_NAMES = /^(\p{Lu}[\p{Ll}'’-]+)\s+(?:en|&|and)\s+(\p{Lu}[\p{Ll}'’-]+\s+.+)$/u;

/** Like `readName`, but the whole text must be the name (a signature line, a display name). */
export function readWholeName(text: string, options: { allowLowerCase?: boolean } = {}): string | null {
  if (text.length > MAX_NAME_LINE) return null;
  const trimmed = text.trim().replace(/[,;:]+$/, '').replace(/(?<!\b\p{Lu})\.+$/u, '');
  const couple = TWO_FIRST_NAMES.exec(trimmed);
  if (couple) {
    const second = readWholeName(couple[2] ?? '', options);
    if (classify(couple[1] ?? '') === 'word' && second !== null && nameWordCount(second) >= 2) return `${couple[1]} en ${second}`;
  }
  const name = readName(trimmed, options);
  if (name === null) return null;
  const significant = (value: string) => value.replace(/[^\p{L}]/gu, '').toLowerCase();
  return significant(name) === significant(dropTitles(trimmed).replace(/\(\p{Lu}[\p{Ll}'’-]+\)/gu, '')) ? name : null;
}

function dropTitles(text: string): string {
  const raw = text.split(/[ \t]+/);
  let index = 0;
  while (index < raw.length && isTitleAt(raw, index)) index += raw[index]?.toLowerCase() === 'de' ? 2 : 1;
  return raw.slice(index).join(' ');
}

function isTitleAt(raw: readonly string[], index: number): boolean {
  const token = raw[index] ?? '';
  if (token.toLowerCase() === 'de' && raw[index + 1]?.toLowerCase() === 'heer') return true;
  return TITLE.test(token);
}

function stripPunctuation(token: string): { token: string; stops: boolean } {
  const trimmed = token.replace(/^["'(]+/, '');
  const match = /^(.*?)([,;:!?)"]+|\.+)?$/u.exec(trimmed);
  const body = match?.[1] ?? trimmed;
  const tail = match?.[2] ?? '';
  if (tail.startsWith('.') && INITIALS.test(`${body}${tail}`)) return { token: `${body}${tail}`, stops: false };
  return { token: body, stops: tail !== '' };
}

/** Dutch particles are written in lower case after a first name; `El Khatib`, `Al-Amin`, `La Rosa` keep the writer's capital. */
const DUTCH_PARTICLES: ReadonlySet<string> = new Set(['van', 'de', 'der', 'den', 'het', 'ter', 'ten', 'te', "'t", '’t', 'op', 'in', 'uit']);

function normalizeName(tokens: readonly NameToken[]): string | null {
  let end = tokens.length;
  while (end > 0 && tokens[end - 1]?.kind !== 'word') end -= 1;
  // `Rachid B.`: a first name and the initial of a surname, as people sign short mails.
  if (end === 1 && tokens.length === 2 && tokens[1]?.kind === 'initials' && tokens[1].text.length === 2) end = 2;
  const kept = tokens.slice(0, end);
  if (!kept.some((token) => token.kind === 'word')) return null;
  const out = kept.map((token, position) => {
    if (token.kind === 'particle') return position === 0 || !DUTCH_PARTICLES.has(token.text.toLowerCase()) ? token.text : token.text.toLowerCase();
    if (token.kind === 'initials') return token.text.toUpperCase();
    return titleCaseIfShouting(token.text, PARTICLES);
  });
  return out.join(' ');
}

/** Number of first names, initials and surnames in a name (particles not counted). */
export function nameWordCount(name: string): number {
  return name.split(' ').filter((token) => !PARTICLES.has(token) && !CAPITALISED_PARTICLE.test(token)).length;
}

const ORGANISATION_HINT =
  /\b(?:info|team|afdeling|gemeente|school|stichting|klantenservice|support|admin|secretariaat|praktijk|huisartsen\w*|ggd|politie|veilig thuis|hecht|nieuwsbrief|newsletter|service|no-?reply|mailer|daemon|postmaster|system|systeem|b\.?v\.?|kantoor|redactie|jeugdstem|familie|fam\.|wijkteam|notifications?|mail delivery)\b/i;

/**
 * The person behind a From display name, or null when it is no person's name (an organisation,
 * an address, a single nickname). Reorders Outlook's `Meer, J.W. van der`.
 */
export function personFromDisplayName(display: string): string | null {
  const cleaned = display.replace(/\([^)]*\)/g, '').replace(/^[\s"']+|[\s"']+$/g, '').trim();
  if (!cleaned || cleaned.includes('@') || /\d/.test(cleaned) || ORGANISATION_HINT.test(cleaned)) return null;
  const ordered = reorderSurnameFirst(cleaned);
  const allowLowerCase = ordered === ordered.toLowerCase();
  const name = readWholeName(ordered, { allowLowerCase });
  return name !== null && nameWordCount(name) >= 2 ? name : null;
}

/** `Meer, J.W. van der` -> `J.W. van der Meer`; `Vries-Bakker, Anna de` -> `Anna de Vries-Bakker`. */
export function reorderSurnameFirst(display: string): string {
  const parts = display.split(',');
  if (parts.length !== 2) return display;
  const surname = (parts[0] ?? '').trim();
  const rest = (parts[1] ?? '').trim().split(/\s+/).filter(Boolean);
  if (!surname || rest.length === 0) return display;
  let split = rest.length;
  while (split > 0 && PARTICLES.has(rest[split - 1]?.toLowerCase() ?? '')) split -= 1;
  const given = rest.slice(0, split);
  const particles = rest.slice(split).map((particle) => particle.toLowerCase());
  return [...given, ...particles, surname].join(' ');
}
