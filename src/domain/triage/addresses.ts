import type { PostalAddress } from './triage-result.ts';
import { placeAt } from './places.ts';
import { capitalize, titleCaseIfShouting } from './text.ts';

/**
 * Dutch postal addresses in free text: `Hynsteblom 4, 2311 CS Leiden`, a block of lines, form
 * fields, or a PO box (`Postbus 1034, 2302 BA Leiden`, house number null). Addresses in a block
 * that names Hecht or Veilig Thuis are ours (a letter's recipient block), not the sender's.
 */

/** Four digits (no leading 0) and two letters; SA, SD and SS are never issued. */
const POSTCODE = /(?<![\p{L}\d-])([1-9]\d{3})[ \t]?(?!SA|SD|SS|sa|sd|ss)([A-Z]{2}|[a-z]{2})(?![\p{L}\d])/gu;
/**
 * Lower-case letters (`2311 cs Leiden`) count only before a city, and never when they form a
 * word or a unit: `sinds 2019 in Leiden`, `1000 mg Paracetamol`.
 */
const LOWER_CASE_NOT_POSTCODE: ReadonlySet<string> = new Set([
  'in', 'en', 'op', 'om', 'te', 'of', 'na', 'is', 'at', 'on', 'to', 'an', 'as', 'by', 'or', 'so', 'we', 'he', 'me',
  'my', 'no', 'up', 'us', 'do', 'go', 'if', 'it', 'be', 'al', 'nu', 'ja', 'er', 'ik', 'je', 'ze', 'zo', 'la', 'de',
  'el', 'mg', 'ml', 'kg', 'km', 'cm', 'mm', 'gr', 'cc', 'pm', 'am', 'ct', 'st', 'nd', 'rd', 'th', 'ha', 'hr', 'mb',
  'gb', 'kb', 'mi', 'uu', 'ms', 'cl', 'dl', 'eu',
]);

/** `12`, `12a`, `40A`, `5-II`, `16-I`, `44-bis`, `19p-8`, `12 hs`. */
const HOUSE_NUMBER_SOURCE =
  String.raw`\d{1,5}(?:[a-zA-Z]{1,2}(?![\p{L}]))?(?:-(?:[IVXivx]{1,4}|bis|BIS|\d{1,4}|[a-zA-Z]{1,3})(?![\p{L}\d]))?(?:[ \t](?:hs|HS|bis|huis|I{1,3}|zw|rd|bg|rood|zwart|boven|[A-Z])(?![\p{L}\d]))?`;
const STREET_AND_NUMBER_AT_END = new RegExp(String.raw`^(.*?)[ \t]+(${HOUSE_NUMBER_SOURCE})[ \t]*$`, 'u');
const PO_BOX = /\b(?:postbus|antwoordnummer|p\.?\s?o\.?\s?box)[ \t]+(\d{1,6})\b/i;
const STREET_SUFFIX =
  /(?:straat|weg|laan|plein|gracht|kade|singel|dijk|pad|hof|dreef|markt|park|steeg|plantsoen|erf|baan|wal|veld|burgwal|burg|haven|kanaal|polder|zijde|eind|rijn|vaart)$/i;
const STREET_PARTICLES: ReadonlySet<string> = new Set([
  'van', 'de', 'der', 'den', 'het', "'t", '’t', 'aan', 'op', 'ter', 'ten', 'la', 'le', 'in', 'bij', 'achter', 'over',
]);
const STREET_ABBREVIATION = /^(?:St|Burg|Dr|Prof|Mr|Ds|Gen|Kon|Pr|Jhr|Mgr|Past)\.$/;
const NOT_STREETS: ReadonlySet<string> = new Set([
  'op', 'tel', 'telefoon', 'mobiel', 'nummer', 'huisnummer', 'kamer', 'groep', 'klas', 'artikel', 'bladzijde',
  'pagina', 'week', 'dag', 'jaar', 'januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus',
  'september', 'oktober', 'november', 'december', 'kl', 'sinds', 'bijna', 'ongeveer', 'zeker', 'al', 'om',
]);

const CITY_PARTICLES: ReadonlySet<string> = new Set(['aan', 'den', 'de', 'der', 'op', 'a/d', 'bij', 'in', 'van']);
const CITY_WORD = /^(?:['’]s-)?\p{Lu}[\p{L}'’.-]*$/u;
const NOT_CITY: ReadonlySet<string> = new Set([
  'tel', 'tel.', 'telefoon', 'mobiel', 'nederland', 'netherlands', 'the', 'nl', 'e-mail', 'email', 'mail', 'mob',
  // "Postcode 2215 BN, huisnummer 7": the number's label, not a town.
  'huisnummer', 'huisnr', 'nummer', 'nr', 'number', 'city', 'town', 'plaats', 'woonplaats',
]);

/** Words near an address that say whose it is. */
const ORGANISATION_BLOCK = /\b(?:hecht|veilig thuis|t\.?\s?a\.?\s?v\.?|klachtenfunctionaris|klachtencommissie|jeugdstem)\b/i;
const OWN_ADDRESS_CUE = /\b(?:adres|woon|woonachtig|address|I live|postcode)\b/i;
/**
 * Someone else's home in running text: "Mijn ex woont op de Van der Valk Boumanweg 18", "bij hun
 * oma, mijn moeder, op de Voorstraat 101", "my mother lives at". Read in the sentence before the
 * address; such an address is never taken for the writer's.
 */
const THIRD_PARTY_HOME =
  /\b(?:(?:mijn|m'n|haar|zijn|hun|onze|de)\s+(?:ex(?:-partner|-man|-vrouw)?|moeder|vader|oma|opa|zus|broer|schoonmoeder|schoonvader|ouders|dochter|zoon|buren|buurvrouw|buurman|vriendin|vriend|tante|oom|grootouders|pleegouders)|(?:my|her|his|their|our)\s+(?:ex|mother|father|mum|mom|dad|grandmother|grandma|grandfather|grandpa|sister|brother|parents|in-laws|neighbours?|neighbors?|daughter|son|aunt|uncle))\b[^.!?\n]{0,60}\b(?:woont|wonen|woonde|verblijft|verblijven|logeert|lives|lived|stays|staying|op\s+de|op|aan\s+de|at)\b[^.!?\n]{0,40}$|\b(?:zijn|haar|hun|her|his|their)\s+(?:adres|address)\b[^.!?\n]{0,30}$|\bbij\s+(?:mijn|m'n|haar|zijn|hun)\s+(?:ouders|moeder|vader|oma|opa|grootouders|zus|broer|ex)\b[^.!?\n]{0,60}$|\b(?:op|bij|naar|at)\s+(?:de\s+|the\s+)?(?:basis)?(?:school|kinderopvang|crèche|creche)\b[^.!?\n]{0,60}$/i;

interface Candidate {
  address: PostalAddress;
  cued: boolean;
}

export function findAddress(text: string): PostalAddress | null {
  const form = formAddress(text);
  if (form !== null) return form;
  const candidates = [...postcodeCandidates(text)];
  if (candidates.length === 0) candidates.push(...streetOnlyCandidates(text));
  const cued = candidates.find((candidate) => candidate.cued);
  return (cued ?? candidates[0])?.address ?? cityOnly(text);
}

/** "Ik woon in Bodegraven, meer zeg ik niet": the city alone. */
const LIVES_IN = /\b(?:ik\s+woon|wij\s+wonen|we\s+wonen|woonachtig|wonende|I\s+live|we\s+live)\s+(?:in|te)\s+([^,.;!?\n]{2,40})/i;

function cityOnly(text: string): PostalAddress | null {
  const said = LIVES_IN.exec(text);
  const place = said ? placeAt((said[1] ?? '').trim().split(/[ \t]+/)) : null;
  if (place !== null) return { street: null, houseNumber: null, postcode: null, city: place.place };
  return null;
}

/** Addresses are short: look this far around a postcode, and at most this many postcodes. */
const WINDOW = 160;
const MAX_CANDIDATES = 20;

function* postcodeCandidates(text: string): Generator<Candidate> {
  const all = text.split('\n');
  let count = 0;
  for (const [index, line] of all.entries()) {
    for (const match of line.matchAll(POSTCODE)) {
      const after = line.slice(match.index + match[0].length, match.index + match[0].length + WINDOW);
      const lowerCase = match[2] === match[2]?.toLowerCase();
      if (lowerCase && (LOWER_CASE_NOT_POSTCODE.has(match[2] ?? '') || !(startsWithCity(after, line.slice(0, match.index)) || betweenStreetAndPlace(line.slice(0, match.index), after)))) continue;
      if ((count += 1) > MAX_CANDIDATES) return;
      // `Hoofdstraat 21 (2351 AK)`, `Amerikaweg 210 - 2717 AX`: the bracket or dash is no part of the street.
      const before = line.slice(Math.max(0, match.index - WINDOW), match.index).replace(/[\s,(–-]+$/, '');
      const block = [...paragraphUpTo(all, index).split('\n').slice(0, -1).map((above) => above.slice(-WINDOW)), before].join('\n');
      if (ORGANISATION_BLOCK.test(block) || isSomeoneElsesHome(sentenceEnd(before))) continue;
      const found = streetFrom(before) ?? streetAbove(all, index, before);
      // `Leiden, 2316 XB, Kooilaan 5`: city, postcode, then the street.
      const streetAfter = found === null ? streetAfterPostcode(after) : null;
      const street = found ?? streetAfter;
      const city = streetAfter !== null
        ? knownPlace(before)
        : readCity(after) ?? lowerCaseCity(after) ?? cityFromLabel(all[index + 1] ?? '') ?? cityOnNextLine(after, all[index + 1] ?? '') ?? cityBeforeStreet(before) ?? cityLeadingLine(before);
      yield {
        address: {
          street: street?.street ?? null,
          houseNumber: street?.houseNumber ?? null,
          postcode: `${match[1]} ${(match[2] ?? '').toUpperCase()}`,
          city,
        },
        cued: OWN_ADDRESS_CUE.test(block.split('\n').slice(-3).join('\n')),
      };
    }
  }
}

function* streetOnlyCandidates(text: string): Generator<Candidate> {
  const pattern = new RegExp(String.raw`(?<![\p{L}.])[\p{L}.]{0,40}(?:straat|weg|laan|plein|gracht|kade|singel|dijk|pad|hof|dreef|markt|park|steeg|plantsoen|burg)[ \t]+(${HOUSE_NUMBER_SOURCE})(?![\p{L}\d])`, 'gu');
  const all = text.split('\n');
  let count = 0;
  for (const [index, line] of all.entries()) {
    for (const match of line.matchAll(pattern)) {
      if ((count += 1) > MAX_CANDIDATES) return;
      const end = match.index + match[0].length;
      const street = streetFrom(line.slice(Math.max(0, end - WINDOW), end));
      if (street === null || ORGANISATION_BLOCK.test(paragraphUpTo(all, index)) || isSomeoneElsesHome(sentenceEnd(line.slice(0, match.index)))) continue;
      const cityMatch = /^[ \t]*(?:,|\bte\b|\bin\b)[ \t]*(.*)$/u.exec(line.slice(end, end + WINDOW));
      const rest = line.slice(end, end + WINDOW);
      const nextLine = (all[index + 1] ?? '').trim().replace(/[,.]$/, '').split(/[ \t]+/);
      const onNextLine = rest.trim() === '' ? placeAt(nextLine) : null;
      const known = placeAt(rest.replace(/^[ \t,]*(?:(?:te|in)[ \t]+)?/, '').split(/[ \t]+/)) ?? (onNextLine?.words === nextLine.length ? onNextLine : null);
      yield {
        address: { ...street, postcode: null, city: (cityMatch ? readCity(cityMatch[1] ?? '') : null) ?? known?.place ?? placeBeforeOnLine(line.slice(0, match.index)) },
        cued: OWN_ADDRESS_CUE.test(line),
      };
    }
  }
}

/** "Ik woon bij mijn vader en moeder op ...": the writer's own home, though others live there too. */
const OWN_HOME = /\b(?:ik\s+woon|wij\s+wonen|we\s+wonen|I\s+live|we\s+live|mijn\s+adres|ons\s+adres|my\s+address|our\s+address)\b/i;

function isSomeoneElsesHome(sentence: string): boolean {
  return THIRD_PARTY_HOME.test(sentence) && !OWN_HOME.test(sentence);
}

/** A web form's fields: `Straat: Lammenschansweg` / `Huisnummer: 54` / `Toevoeging:` / `Postcode:` / `Woonplaats:`. */
const FORM_FIELD = /^[ \t]*(straat(?:naam)?|street|huisnummer|huisnr\.?|nr\.?|house\s+number|toevoeging|postcode|postal\s+code|woonplaats|plaats|city|town)[ \t]*:[ \t]*(.*?)[ \t]*$/gim;

function formAddress(text: string): PostalAddress | null {
  const fields = new Map<string, string>();
  for (const match of text.matchAll(FORM_FIELD)) {
    const label = (match[1] ?? '').toLowerCase().replace(/\.$/, '');
    const key = /^(?:straat|straatnaam|street)$/.test(label) ? 'street' : /^(?:huisnummer|huisnr|nr|house\s+number)$/.test(label) ? 'number'
      : label === 'toevoeging' ? 'addition' : /^(?:postcode|postal\s+code)$/.test(label) ? 'postcode' : 'city';
    if (!fields.has(key)) fields.set(key, match[2] ?? '');
  }
  const street = fields.get('street')?.trim() ?? '';
  const number = `${fields.get('number')?.trim() ?? ''}${fields.get('addition')?.trim() ? ` ${fields.get('addition')?.trim()}` : ''}`;
  if (street === '' || !new RegExp(String.raw`^${HOUSE_NUMBER_SOURCE}$`, 'u').test(number)) return null;
  const postcode = [...(fields.get('postcode') ?? '').matchAll(POSTCODE)][0];
  return {
    street: titleCaseIfShouting(street, STREET_PARTICLES),
    houseNumber: number,
    postcode: postcode ? `${postcode[1]} ${(postcode[2] ?? '').toUpperCase()}` : null,
    city: readCity(fields.get('city') ?? '') ?? readCity(capitalizeWords(fields.get('city') ?? '')),
  };
}

/** The text of the sentence that `before` ends in. */
function sentenceEnd(before: string): string {
  return before.split(/(?<=[.!?])\s+/).pop() ?? '';
}

/** The lines of the paragraph that ends at `index` (stops at an empty line). */
function paragraphUpTo(all: readonly string[], index: number): string {
  let start = index;
  while (start > 0 && (all[start - 1] ?? '').trim() !== '' && index - start < 5) start -= 1;
  return all.slice(start, index + 1).join('\n');
}

function streetAbove(all: readonly string[], index: number, before: string): { street: string; houseNumber: string | null } | null {
  if (before.trim() !== '' && !/:\s*$/.test(before)) return null;
  for (let above = index - 1; above >= Math.max(0, index - 2); above -= 1) {
    const line = (all[above] ?? '').slice(-WINDOW);
    if (line.trim() === '') return null;
    const street = streetFrom(line) ?? streetOverTwoLines(all[above - 1] ?? '', line);
    if (street !== null) return street;
  }
  return null;
}

/** A form or a careful writer puts the street and the number on lines of their own: `Sumatrastraat` / `52`. */
function streetOverTwoLines(streetLine: string, numberLine: string): { street: string; houseNumber: string } | null {
  if (!new RegExp(String.raw`^[ \t]*${HOUSE_NUMBER_SOURCE}[ \t]*$`, 'u').test(numberLine)) return null;
  const street = streetFrom(`${streetLine.trim()} ${numberLine.trim()}`);
  return street?.houseNumber ? { street: street.street, houseNumber: street.houseNumber } : null;
}

/** `Hynsteblom 4`, `Adres: Breestraat 12a`, `Anouk de Wit, Hynsteblom 4` or `Postbus 1034`. */
export function streetFrom(segment: string): { street: string; houseNumber: string | null } | null {
  const poBox = PO_BOX.exec(segment);
  if (poBox) return { street: `Postbus ${poBox[1]}`, houseNumber: null };
  const tail = segment.split(/[,:;(]/).pop() ?? '';
  const match = STREET_AND_NUMBER_AT_END.exec(tail.trim()) ?? numberFirst(tail.trim());
  if (!match) return null;
  const street = streetWords(match[1] ?? '') ?? lowerCaseStreet(match[1] ?? '');
  if (street === null) return null;
  return { street, houseNumber: (match[2] ?? '').replace(/[ \t]+/g, ' ') };
}

/** English order, `14a Wilhelminapark`: only for a street with a Dutch street suffix. */
const NUMBER_FIRST = new RegExp(String.raw`^(${HOUSE_NUMBER_SOURCE})[ \t]+(\p{Lu}[\p{L}'’.-]*(?:[ \t]+[\p{L}'’.-]+){0,4})$`, 'u');
function numberFirst(tail: string): [string, string, string] | null {
  const match = NUMBER_FIRST.exec(tail);
  if (!match || !STREET_SUFFIX.test(match[2] ?? '')) return null;
  return [match[0], match[2] ?? '', match[1] ?? ''];
}

/** `op de rembrandtlaan 5`: a street typed in lower case, known by its suffix (`laan`, `straat`, ...). */
function lowerCaseStreet(text: string): string | null {
  const tokens = text.trim().split(/[ \t]+/);
  const last = tokens.pop() ?? '';
  if (!/^\p{Ll}[\p{Ll}-]{5,}$/u.test(last) || !STREET_SUFFIX.test(last)) return null;
  const ordinal = /^\d{1,2}e$/.test(tokens.at(-1) ?? '') ? `${tokens.at(-1)} ` : '';
  return `${ordinal}${capitalize(last)}`;
}

/** The trailing words of `text` that can form a street name, or null. */
function streetWords(text: string): string | null {
  const tokens = text.trim().split(/[ \t]+/).filter(Boolean);
  let start = tokens.length;
  while (start > 0 && isStreetToken(tokens[start - 1] ?? '')) start -= 1;
  let kept = tokens.slice(start);
  while (kept.length > 0 && STREET_PARTICLES.has(kept[0] ?? '')) kept = kept.slice(1);
  if (kept.length === 0 || kept.length > 6) return null;
  if (kept.length === 1 && NOT_STREETS.has((kept[0] ?? '').toLowerCase())) return null;
  if (kept.every((token) => NOT_STREETS.has(token.toLowerCase()))) return null;
  const street = titleCaseIfShouting(kept.join(' '), STREET_PARTICLES);
  return /\p{Lu}/u.test(street.charAt(0)) || /^\d+e /.test(street) || /^['’]s-/.test(street) ? street : null;
}

function isStreetToken(token: string): boolean {
  if (STREET_PARTICLES.has(token) || STREET_ABBREVIATION.test(token)) return true;
  if (/^\d{1,2}e$/.test(token) || /^['’]s-\p{Lu}/u.test(token)) return true;
  return /^\p{Lu}[\p{L}'’.-]*$/u.test(token);
}

/** City after a postcode: `Leiden`, `Alphen aan den Rijn`, `LEIDEN` (made `Leiden`). */
export function readCity(after: string): string | null {
  const tokens = after.replace(/^[\s,]+/, '').split(/[ \t]+/);
  const out: string[] = [];
  for (let index = 0; index < tokens.length && out.length < 6; index += 1) {
    const raw = tokens[index] ?? '';
    const token = raw.replace(/[,.;:!?)]+$/, '');
    const stops = token !== raw;
    if (CITY_WORD.test(token) && !NOT_CITY.has(token.toLowerCase())) {
      out.push(token);
    } else if (out.length > 0 && CITY_PARTICLES.has(token.toLowerCase()) && CITY_WORD.test(nextCityWord(tokens, index))) {
      out.push(token);
    } else {
      break;
    }
    if (stops) break;
  }
  while (out.length > 0 && CITY_PARTICLES.has((out[out.length - 1] ?? '').toLowerCase())) out.pop();
  if (out.length === 0) return null;
  return titleCaseIfShouting(out.join(' '), CITY_PARTICLES);
}

/** `rembrandtlaan 5 2251 gv voorschoten`: a lower-case postcode between a street with its number and a known place. */
function betweenStreetAndPlace(before: string, after: string): boolean {
  return Boolean(streetFrom(before.replace(/[\s,]+$/, ''))?.houseNumber) && placeAt(after.replace(/^[\s,]+/, '').replace(/[.,;!?]+$/, '').split(/[ \t]+/)) !== null;
}

/** A capitalised word follows, or the line holds only the postcode and a lower-case city. */
function startsWithCity(after: string, before: string): boolean {
  if (/^[ \t]*,?[ \t]*(?:['’]s-)?\p{Lu}/u.test(after)) return true;
  return before.trim() === '' && /^[ \t]+\p{Ll}[\p{Ll} -]*$/u.test(after);
}

/** `alphen aan den rijn` -> `Alphen aan den Rijn`, for a city written in lower case. */
function capitalizeWords(text: string): string {
  const line = text.split('\n')[0] ?? '';
  if (line !== line.toLowerCase()) return line;
  return line.replace(/\p{L}[\p{L}'’-]*/gu, (word) => (CITY_PARTICLES.has(word) ? word : capitalize(word)));
}

function nextCityWord(tokens: readonly string[], index: number): string {
  for (let next = index + 1; next < tokens.length; next += 1) {
    const token = (tokens[next] ?? '').replace(/[,.;:!?)]+$/, '');
    if (!CITY_PARTICLES.has(token.toLowerCase())) return token;
  }
  return '';
}

/** `wonende te Alphen aan den Rijn (Julianastraat 88, 2405 CJ)`: the city named before the street. */
function cityBeforeStreet(before: string): string | null {
  const match = /\b(?:te|in)[ \t]+([^()]{2,60}?)[ \t]*\([^()]*$/u.exec(before);
  if (!match) return null;
  return placeAt((match[1] ?? '').split(/[ \t]+/))?.place ?? readCity(match[1] ?? '');
}

/**
 * A city written in lower case after a postcode (`2312 kp leiden`): a known place, or a few words
 * that end the line. A sentence that goes on ("2406 AE dient hierbij een klacht in") is no city.
 */
function lowerCaseCity(after: string): string | null {
  const words = after.replace(/^[\s,]+/, '').split(/[ \t]+/).filter(Boolean);
  const known = placeAt(words);
  if (known !== null) return known.place;
  return words.length > 0 && words.length <= 3 && !/\d/.test(after) ? readCity(capitalizeWords(after)) : null;
}

/** `, Kooilaan 5` after a postcode: a street and number that end the line. */
function streetAfterPostcode(after: string): { street: string; houseNumber: string | null } | null {
  const match = /^[ \t]*,[ \t]*([^,]{2,60}?)[ \t]*[.]?[ \t]*$/u.exec(after);
  const street = match ? streetFrom(match[1] ?? '') : null;
  return street?.houseNumber ? street : null;
}

/** A known place and nothing else: `Leiden`. */
function knownPlace(text: string): string | null {
  const words = text.replace(/[,\s]+$/, '').trim().split(/[ \t]+/);
  const known = placeAt(words);
  return known !== null && known.words === words.length ? known.place : null;
}

/** `Leiderdorp, Hoofdstraat 21 (2351 AK)`: a known place opening the line before the street. */
function cityLeadingLine(before: string): string | null {
  const match = /^[ \t]*([^,]{2,40}),/u.exec(before);
  return match ? knownPlace(match[1] ?? '') : null;
}

/** `Gouda, Turfmarkt 112`: a known place alone before the street on its line. */
function placeBeforeOnLine(before: string): string | null {
  const match = /^[ \t]*([^,]{2,40}),[ \t]*$/u.exec(before);
  if (!match) return null;
  const words = (match[1] ?? '').trim().split(/[ \t]+/);
  const known = placeAt(words);
  return known !== null && known.words === words.length ? known.place : null;
}

/** A postcode alone on its line, the city on the next: `2315 BC` / `Leiden`. */
function cityOnNextLine(after: string, next: string): string | null {
  if (after.trim() !== '') return null;
  const city = readCity(next) ?? readCity(capitalizeWords(next));
  return city !== null && city.toLowerCase() === next.trim().toLowerCase() ? city : null;
}

function cityFromLabel(line: string): string | null {
  const match = /^[ \t]*(?:woonplaats|plaats|city|town)[ \t]*:[ \t]*(.+)$/i.exec(line);
  return match ? readCity(match[1] ?? '') : null;
}
