import type { ParsedMessage } from '../parsed-message.ts';
import { findAddress } from './addresses.ts';
import type { MessageBody } from './message-body.ts';
import { findFormName, findStatedName } from './name-statements.ts';
import { nameWordCount, personFromDisplayName, readWholeName } from './names.ts';
import { findPhone } from './phone.ts';
import { splitSignature } from './signature.ts';
import type { Complainant } from './triage-result.ts';

/**
 * Who complains and how to reach them. For a forward the complainant is the person inside it;
 * otherwise the sender. Names come, in order of trust, from what the text states ("Mijn naam
 * is ..."), a form line, the signature, and last the From display name (when it is a person's).
 */
export interface ComplainantFindings {
  complainant: Complainant;
  /** A name was found but it is a first name only (not enough for Awb 9:4). */
  firstNameOnly: boolean;
  rules: string[];
}

interface NameCandidate {
  name: string;
  rule: string;
}

export function extractComplainant(message: ParsedMessage, body: MessageBody, ownDomain: string, anonymous: boolean): ComplainantFindings {
  const text = body.complainantText;
  const rules: string[] = [];
  const name = chooseName(nameCandidates(message, body, anonymous));
  if (name !== null) rules.push(name.rule);
  const address = findAddress(text);
  if (address !== null) rules.push(address.houseNumber === null && address.street?.startsWith('Postbus') ? 'address:po_box' : 'address:found');
  const signature = splitSignature(text).signature.join('\n');
  const phone = findPhone(signature) ?? findPhone(text);
  return {
    complainant: { name: name?.name ?? null, email: complainantEmail(message, body, ownDomain), phone, address },
    firstNameOnly: name !== null && nameWordCount(name.name) < 2,
    rules,
  };
}

function nameCandidates(message: ParsedMessage, body: MessageBody, anonymous: boolean): NameCandidate[] {
  const text = body.complainantText;
  const candidates: NameCandidate[] = [];
  const push = (name: string | null, rule: string) => {
    if (name !== null) candidates.push({ name, rule });
  };
  push(findStatedName(text), 'name:statement');
  push(findFormName(text), 'name:form');
  const signature = splitSignature(text);
  if (signature.inlineName !== null) push(signatureName(signature.inlineName), 'name:signature');
  const firstSignatureLine = signature.signature[0];
  if (firstSignatureLine !== undefined) push(signatureName(firstSignatureLine), 'name:signature');
  if (signature.signature.length === 0 && signature.inlineName === null) push(lastLineName(text), 'name:last_line');
  if (!anonymous) {
    const displays = body.forwarded ? [body.forwarded.fromName] : [message.from?.name, message.replyTo?.name];
    for (const display of displays) if (display) push(personFromDisplayName(display), 'name:display_name');
  }
  return candidates;
}

/** A signature line is a name, or a name and a role: `dr. M. Koster, huisarts`, `Anouk de Wit (moeder)`. */
function signatureName(line: string): string | null {
  const whole = readWholeName(line);
  if (whole !== null) return whole;
  const withRole = /^(.+?)(?:,|\s[-–|]\s|\s\()/.exec(line);
  return withRole ? readWholeName(withRole[1] ?? '') : null;
}

/** The first full name; a first name alone gives way to a display name that starts with it. */
function chooseName(candidates: readonly NameCandidate[]): NameCandidate | null {
  const full = candidates.find((candidate) => nameWordCount(candidate.name) >= 2);
  const first = candidates[0];
  if (first === undefined) return null;
  if (nameWordCount(first.name) >= 2) return first;
  if (full !== undefined && full.name.split(' ')[0] === first.name.split(' ')[0]) return full;
  return full !== undefined && full.rule !== 'name:display_name' ? full : first;
}

/** A message without a sign-off can end in the sender's full name on its own line. */
function lastLineName(text: string): string | null {
  const last = text.split('\n').map((line) => line.trim()).filter(Boolean).pop();
  if (last === undefined) return null;
  const name = readWholeName(last);
  return name !== null && nameWordCount(name) >= 2 ? name : null;
}

function complainantEmail(message: ParsedMessage, body: MessageBody, ownDomain: string): string | null {
  if (body.forwarded !== null) {
    const inner = body.forwarded.fromEmail;
    if (inner !== null && !isOwnDomain(inner, ownDomain)) return inner;
    return emailInText(body.complainantText, ownDomain);
  }
  return message.replyTo?.address ?? message.from?.address ?? null;
}

function emailInText(text: string, ownDomain: string): string | null {
  for (const match of text.matchAll(/(?<![\w.+'-])[\w.+'-]{1,64}@[\w-]+(?:\.[\w-]+)+/g)) {
    const email = match[0].toLowerCase();
    if (!isOwnDomain(email, ownDomain)) return email;
  }
  return null;
}

function isOwnDomain(email: string, ownDomain: string): boolean {
  const domain = email.split('@')[1] ?? '';
  return domain === ownDomain.toLowerCase() || domain.endsWith(`.${ownDomain.toLowerCase()}`);
}
