import type { ParsedMessage } from '../parsed-message.ts';
import { findAddress } from './addresses.ts';
import { readContactLine } from './contact-line.ts';
import type { ContactLine } from './contact-line.ts';
import { isCompleteAddress } from '../postal-address.ts';
import type { MessageBody } from './message-body.ts';
import { findFormName, findStatedName } from './name-statements.ts';
import { nameWordCount, personFromDisplayName, readWholeName } from './names.ts';
import { findPhone } from './phone.ts';
import { automaticReplyAddress, isInDomain } from '../mail-address.ts';
import { capitalize } from './text.ts';
import { splitSignature } from './signature.ts';
import type { Complainant } from './triage-result.ts';

/**
 * Who complains and how to reach them. For a forward the complainant is the person inside it;
 * otherwise the sender. Names come, in order of trust, from what the text states ("Mijn naam
 * is ..."), a form line, the signature, and last the From display name (when it is a person's).
 */
export interface ComplainantFindings {
  complainant: Complainant;
  rules: string[];
}

/** A line that holds only a phone number or an e-mail address, as under a short signature. */
const CONTACT_DETAIL_LINE = /^(?:(?:tel|mob|mobiel|telefoon|phone)\.?:?\s*)?(?:\+?[\d ()-]{8,18}|[\w.+-]+@[\w.-]+)$/i;

interface NameCandidate {
  name: string;
  rule: string;
}

export function extractComplainant(message: ParsedMessage, body: MessageBody, ownDomain: string, anonymous: boolean): ComplainantFindings {
  const text = body.complainantText;
  const rules: string[] = [];
  const chosen = chooseName(nameCandidates(message, body, anonymous));
  const name = chosen === null ? null : writtenOut(chosen, text);
  if (name !== null) rules.push(name.rule);
  const contactLine = findContactLine(text);
  const found = findAddress(text);
  // Someone who stays anonymous gives no address of their own: an address in the text is the
  // situation's (a neighbour's flat), never the writer's.
  const address = anonymous ? null : isCompleteAddress(found) || contactLine === null ? found : contactLine.address;
  if (address !== null) rules.push(address === contactLine?.address ? 'address:contact_line' : address.houseNumber === null && address.street?.startsWith('Postbus') ? 'address:po_box' : 'address:found');
  const signature = splitSignature(text).signature.join('\n');
  const phone = findPhone(signature) ?? findPhone(text);
  return {
    complainant: { name: name?.name ?? null, email: complainantEmail(message, body, ownDomain), phone, address },
    rules,
  };
}

function nameCandidates(message: ParsedMessage, body: MessageBody, anonymous: boolean): NameCandidate[] {
  const text = body.complainantText;
  const candidates: NameCandidate[] = [];
  const push = (name: string | null, rule: string) => {
    if (name !== null) candidates.push({ name, rule });
  };
  const sender = body.forwarded ? body.forwarded.fromEmail ?? body.forwarded.fromName ?? '' : message.from?.address ?? '';
  push(findStatedName(text, sender), 'name:statement');
  push(findContactLine(text)?.name ?? null, 'name:contact_line');
  push(findFormName(text), 'name:form');
  const signature = splitSignature(text);
  if (signature.inlineName !== null) push(signatureName(signature.inlineName), 'name:signature');
  const firstSignatureLine = signature.signature[0];
  if (firstSignatureLine !== undefined) push(signatureName(firstSignatureLine), 'name:signature');
  if (signature.signature.length === 0 && signature.inlineName === null) push(lastLineName(text), 'name:last_line');
  if (!anonymous) {
    const displays = body.forwarded ? [body.forwarded.fromName] : [message.from?.name, message.replyTo?.name];
    for (const display of displays) if (display) push(personFromDisplayName(display), 'name:display_name');
    // A first name alone (`Sanne`, a signature `sem`) counts when the sender's address starts
    // with it or the display name is it; the last line is read above a phone number or address.
    const email = body.forwarded ? body.forwarded.fromEmail : message.from?.address;
    const local = (email ?? '').split('@')[0]?.toLowerCase() ?? '';
    const display = (body.forwarded ? body.forwarded.fromName : message.from?.name) ?? '';
    const displayFirst = display.trim().replace(/^["']|["']$/g, '').split(/\s+/)[0]?.toLowerCase() ?? '';
    const lastLine = text.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !CONTACT_DETAIL_LINE.test(line)).pop() ?? '';
    for (const single of [display, signature.inlineName, lastLine]) {
      const word = (single ?? '').trim().replace(/^["']|["']$/g, '');
      const lower = word.toLowerCase();
      if (/^\p{L}{2,20}$/u.test(word) && (local.startsWith(lower) || (single === lastLine && lower === displayFirst))) push(capitalize(lower), 'name:first_name_matching_address');
    }
  }
  return candidates;
}

/** The last phone-written line with a name and an address (see contact-line.ts). */
function findContactLine(text: string): ContactLine | null {
  const lines = text.split('\n');
  for (let index = lines.length - 1; index >= 0; index -= 1) {
    const found = readContactLine(lines[index] ?? '');
    if (found !== null) return found;
  }
  return null;
}

/** A signature line is a name, or a name and a role: `dr. M. Koster, huisarts`, `Anouk de Wit (moeder)`. */
function signatureName(line: string): string | null {
  const whole = readWholeName(line) ?? (line === line.toLowerCase() ? readWholeName(line, { allowLowerCase: true }) : null);
  if (whole !== null) return whole;
  const withRole = /^(.+?)(?:,|\s[-–|]\s|\s\()/.exec(line);
  return withRole ? readWholeName(withRole[1] ?? '') : null;
}

/**
 * The first full name; a first name alone gives way to a display name that starts with it, and
 * initials to the written-out first name of the same person (`M. de Bruin-Kramer`, signed
 * `Marieke de Bruin-Kramer` below).
 */
function chooseName(candidates: readonly NameCandidate[]): NameCandidate | null {
  const full = candidates.find((candidate) => nameWordCount(candidate.name) >= 2);
  const first = candidates[0];
  if (first === undefined) return null;
  if (nameWordCount(first.name) >= 2) return first;
  if (full !== undefined && full.name.split(' ')[0] === first.name.split(' ')[0]) return full;
  return full !== undefined && full.rule !== 'name:display_name' ? full : first;
}

/** Initials give way to the same person's written-out first name on a line of the signature. */
function writtenOut(chosen: NameCandidate, text: string): NameCandidate {
  const initials = /^((?:\p{Lu}\.)+)\s+(.+)$/u.exec(chosen.name);
  if (!initials) return chosen;
  const surname = initials[2] ?? '';
  const initial = (initials[1] ?? '').charAt(0);
  for (const line of text.split('\n').slice(-12)) {
    const whole = readWholeName(line.trim());
    if (whole !== null && whole.endsWith(` ${surname}`) && whole.startsWith(initial) && /^\p{Lu}\p{Ll}+ /u.test(whole)) return { name: whole, rule: chosen.rule };
  }
  return chosen;
}

/** A message without a sign-off can end in the sender's full name on its own line. */
function lastLineName(text: string): string | null {
  const lines = text.split('\n').map((line) => line.trim());
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const last = lines.pop();
  if (last === undefined) return null;
  // A lower-case name stands alone under the text, not at the end of a wrapped sentence.
  const alone = (lines[lines.length - 1] ?? '') === '' && !/[.!?]$/.test(last);
  const name = readWholeName(last) ?? (alone && last === last.toLowerCase() ? readWholeName(last, { allowLowerCase: true }) : null);
  return name !== null && nameWordCount(name) >= 2 ? name : null;
}

function complainantEmail(message: ParsedMessage, body: MessageBody, ownDomain: string): string | null {
  if (body.forwarded !== null) {
    const inner = body.forwarded.fromEmail;
    if (inner !== null && !isInDomain(inner, ownDomain)) return inner;
    return emailInText(body.complainantText, ownDomain);
  }
  return automaticReplyAddress(message.from, message.replyTo);
}

function emailInText(text: string, ownDomain: string): string | null {
  for (const match of text.matchAll(/(?<![\w.+'-])[\w.+'-]{1,64}@[\w-]+(?:\.[\w-]+)+/g)) {
    const email = match[0].toLowerCase();
    if (!isInDomain(email, ownDomain)) return email;
  }
  return null;
}
