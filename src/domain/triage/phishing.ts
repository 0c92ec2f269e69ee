import type { ParsedMessage } from '../parsed-message.ts';
import { domainOf, isInDomain } from '../mail-address.ts';

/**
 * Phishing aimed at this mailbox, which the mail server did not mark: a sender whose domain
 * borrows our name without being ours (`wijzijnhecht-support.example.com`), or the account scam
 * ("mailbox 98% vol", "verifieer uw account", "binnen 24 uur gedeactiveerd"). Answering it would
 * confirm the mailbox to the sender; it is recorded as spam, which officers can still rescue.
 * Content counts only when two of the scam's parts come together in a short message, so a person
 * who writes that their own mailbox was full is not caught.
 */
const ACCOUNT_SCAM: readonly RegExp[] = [
  /\b(?:mailbox|postvak|opslag|storage|quota|opslaglimiet|inbox)\b[^.!?\n]{0,40}\b(?:vol|full|bereikt|exceeded|limit|limiet|\d{2}\s?%)/i,
  /\b(?:verifi[eë]er|verifi[eë]ren|valideer|valideren|bevestig|upgrade|upgraden|reactiveer|heractiveer|verify|validate|confirm|reactivate)\b[^.!?\n]{0,30}\b(?:uw|je|your)?\s*(?:account|mailbox|e-?mailadres|wachtwoord|password|identiteit|opslag|storage)\b/i,
  /\b(?:gedeactiveerd|geblokkeerd|verwijderd|opgeschort|geweigerd|deactivated|suspended|blocked|deleted|rejected)\b[^.!?\n]{0,40}\b(?:binnen|within|after|na)\s+\d+\s*(?:uur|hours?|dagen|days?)\b|\b(?:binnen|within)\s+\d+\s*(?:uur|hours?)\b[^.!?\n]{0,40}\b(?:gedeactiveerd|geblokkeerd|geweigerd|deactivated|suspended|blocked|rejected)\b/i,
  /\b(?:wachtwoord|password)\s+(?:verloopt|is\s+verlopen|expires|has\s+expired)\b/i,
  // "37 incoming messages on hold", "berichten worden vastgehouden": mail held back until you log in.
  /\b(?:messages?|e-?mails?|berichten)\b[^.!?\n]{0,30}\b(?:on\s+hold|(?:are|is)\s+(?:being\s+)?held|vastgehouden|in\s+de\s+wacht|in\s+quarantaine)\b/i,
  // Asking for the login itself: "log in met uw huidige gebruikersnaam en wachtwoord".
  /\b(?:log\s*in|meld\s+u\s+aan)\s+met\s+uw\s+(?:huidige\s+)?(?:gebruikersnaam|inloggegevens|gegevens|wachtwoord|account)\b|\bgebruikersnaam\s+en\s+wachtwoord\b|\b(?:enter|confirm|provide)\s+your\s+(?:current\s+)?(?:username|password|credentials|login)\b/i,
];
const MAX_SCAM_TEXT = 2_000;

export function phishingRules(message: ParsedMessage, ownDomain: string | undefined): string[] {
  const rules: string[] = [];
  const from = message.from?.address ?? '';
  if (ownDomain !== undefined && from !== '' && looksLikeOurs(from, ownDomain)) rules.push('spam:lookalike_sender');
  // A link to a host that carries our name but is not ours: `https://wijzijnhecht-mailverificatie.example.com/...`.
  if (ownDomain !== undefined && linkHosts(message.text).some((host) => looksLikeOurs(`x@${host}`, ownDomain))) rules.push('spam:lookalike_link');
  const text = `${message.subject}\n${message.text}`;
  if (text.length <= MAX_SCAM_TEXT && ACCOUNT_SCAM.filter((pattern) => pattern.test(text)).length >= 2) rules.push('spam:account_phishing');
  return rules;
}

function linkHosts(text: string): string[] {
  return [...text.matchAll(/\bhttps?:\/\/([a-z0-9.-]+)/gi)].slice(0, 50).map((match) => (match[1] ?? '').toLowerCase());
}

/** A domain that carries our name (`wijzijnhecht`) but is not ours or a subdomain of ours. */
function looksLikeOurs(address: string, ownDomain: string): boolean {
  if (isInDomain(address, ownDomain)) return false;
  const name = ownDomain.toLowerCase().split('.')[0] ?? '';
  return name.length >= 5 && domainOf(address).includes(name);
}
